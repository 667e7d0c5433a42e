import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import DatePicker from '@cloudscape-design/components/date-picker';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import TimeInput from '@cloudscape-design/components/time-input';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile, TestBuyOutcome } from '../../../api/contract.ts';
import { ApiProblem } from '../../../api/problem.ts';
import { useFlash } from '../../../components/flash.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { EvidenceField, useEvidenceUploads } from '../../uploads/index.ts';
import { TEST_BUY_OUTCOMES, useRecordTestBuy } from '../api/test-buys.ts';
import { emptyTestBuyDraft, missingFields, takedownOption, testBuyBody } from '../test-buy-form.ts';

/** Field paths this form shows beside its fields (the rest go to the problem summary). */
const FIELDS = ['reportEvidenceId', 'orderId', 'orderedAt', 'outcome', 'notes', 'takedown'];

/**
 * Records a mystery test buy on the case: the signed report (uploaded as staff evidence with
 * purpose `test_buy_report`), the order and when it was placed, the outcome and an internal note;
 * for a confirmed counterfeit of a live listing under a verified trademark, the choice to take
 * the listing down in an own-initiative case decided by the reviewer.
 */
export function RecordTestBuyForm(props: { file: CaseFile; onDone: () => void }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const { file } = props;
  const report = useEvidenceUploads({ purpose: 'test_buy_report' });
  const record = useRecordTestBuy(file.caseId);
  const [draft, setDraft] = useState(emptyTestBuyDraft);
  const [tried, setTried] = useState(false);
  const reportId = report.sealedIds[0];
  const missing = tried ? missingFields(draft, reportId) : [];
  const problem = record.error instanceof ApiProblem ? record.error : undefined;
  const errorOf = (field: string, path: string) =>
    problem?.fieldError(path) ??
    (missing.includes(field as never) ? t('common.required') : undefined);
  const option = takedownOption(file);
  const counterfeit = draft.outcome === 'counterfeit_confirmed';

  const submit = () => {
    setTried(true);
    if (missingFields(draft, reportId).length > 0 || !reportId) return;
    const body = testBuyBody(draft, file, reportId);
    record.mutate(body, {
      onSuccess: (recorded) => {
        flash.push({
          type: 'success',
          content: recorded.ownInitiativeCaseId ? (
            <>
              {t('testBuys.recordedWithTakedown', { orderId: recorded.orderId })}{' '}
              <RouterLink href={`/cases/${encodeURIComponent(recorded.ownInitiativeCaseId)}`}>
                {t('testBuys.openTakedownCase', { caseId: recorded.ownInitiativeCaseId })}
              </RouterLink>
            </>
          ) : (
            t('testBuys.recorded', { orderId: recorded.orderId })
          ),
        });
        props.onDone();
      },
    });
  };

  return (
    <form
      aria-label={t('testBuys.recordTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Form
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={props.onDone}>
              {t('common.cancel')}
            </Button>
            <Button
              variant="primary"
              formAction="submit"
              loading={record.isPending}
              disabled={report.busy}
            >
              {draft.takedown && counterfeit && option === 'available'
                ? t('testBuys.submitWithTakedown')
                : t('testBuys.submit')}
            </Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="m">
          {record.isError && <ProblemAlert error={record.error} shownFields={FIELDS} />}
          <EvidenceField
            label={t('testBuys.report')}
            description={t('testBuys.reportHelp')}
            errorText={errorOf('report', 'reportEvidenceId')}
            uploads={report}
            chooseLabel={t('testBuys.chooseReport')}
            multiple={false}
          />
          <FormField
            label={t('testBuys.orderId')}
            description={t('testBuys.orderIdHelp')}
            errorText={errorOf('orderId', 'orderId')}
            controlId="test-buy-order-id"
          >
            <Input
              controlId="test-buy-order-id"
              value={draft.orderId}
              onChange={({ detail }) => setDraft({ ...draft, orderId: detail.value })}
            />
          </FormField>
          <SpaceBetween direction="horizontal" size="l">
            <FormField
              label={t('testBuys.orderDate')}
              constraintText={t('testBuys.orderDateFormat')}
              errorText={errorOf('orderDate', 'orderedAt')}
              controlId="test-buy-order-date"
            >
              <DatePicker
                controlId="test-buy-order-date"
                value={draft.orderDate}
                placeholder="YYYY/MM/DD"
                openCalendarAriaLabel={(selected) =>
                  selected
                    ? t('testBuys.calendarSelected', { date: selected })
                    : t('testBuys.calendar')
                }
                onChange={({ detail }) => setDraft({ ...draft, orderDate: detail.value })}
              />
            </FormField>
            <FormField
              label={t('testBuys.orderTime')}
              constraintText={t('testBuys.orderTimeFormat')}
              errorText={errorOf('orderTime', 'orderedAt')}
              controlId="test-buy-order-time"
            >
              <TimeInput
                controlId="test-buy-order-time"
                format="hh:mm"
                placeholder="hh:mm"
                value={draft.orderTime}
                onChange={({ detail }) => setDraft({ ...draft, orderTime: detail.value })}
              />
            </FormField>
          </SpaceBetween>
          <FormField label={t('testBuys.outcome')} errorText={errorOf('outcome', 'outcome')}>
            <RadioGroup
              value={draft.outcome || null}
              onChange={({ detail }) =>
                setDraft({ ...draft, outcome: detail.value as TestBuyOutcome })
              }
              items={TEST_BUY_OUTCOMES.map((outcome) => ({
                value: outcome,
                label: t(`testBuys.outcomes.${outcome}`),
                description: t(`testBuys.outcomeHelp.${outcome}`),
              }))}
            />
          </FormField>
          {counterfeit &&
            (option === 'available' ? (
              <FormField
                label={t('testBuys.takedown')}
                description={t('testBuys.takedownHelp')}
                errorText={problem?.fieldError('takedown')}
              >
                <Checkbox
                  checked={draft.takedown}
                  onChange={({ detail }) => setDraft({ ...draft, takedown: detail.checked })}
                >
                  {t('testBuys.takedownLabel')}
                </Checkbox>
              </FormField>
            ) : (
              <Alert type="info">{t(`testBuys.takedownUnavailable.${option}`)}</Alert>
            ))}
          <FormField
            label={t('testBuys.notes')}
            description={t('testBuys.notesHelp')}
            errorText={errorOf('notes', 'notes')}
            controlId="test-buy-notes"
            stretch
          >
            <Textarea
              controlId="test-buy-notes"
              rows={3}
              value={draft.notes}
              onChange={({ detail }) => setDraft({ ...draft, notes: detail.value })}
            />
          </FormField>
        </SpaceBetween>
      </Form>
    </form>
  );
}
