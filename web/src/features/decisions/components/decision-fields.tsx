import Alert from '@cloudscape-design/components/alert';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useTranslation } from 'react-i18next';
import type { CaseDecision } from '../../../api/contract.ts';
import { ApiProblem } from '../../../api/problem.ts';
import { codesFor, reasonLabel, useReasonCodes } from '../api/reason-codes.ts';
import type { DecisionDraft } from '../draft.ts';

/** Field paths this form shows beside its fields (the rest go to the problem summary). */
export const DECISION_FIELDS = ['decision', 'reasonCode', 'reasons', 'note'] as const;

/**
 * The decision's fields: the decision (when more than one is open), a catalogued reason code, the
 * reasons the parties read, and the internal note. Server field errors show beside each field.
 */
export function DecisionFields<D extends string = CaseDecision>(props: {
  decisions: readonly D[];
  draft: DecisionDraft<D>;
  onChange: (draft: DecisionDraft<D>) => void;
  /** A decision's label (default: the case decision's). */
  decisionLabel?: (decision: D) => string;
  /** The catalogue decision whose reason codes a decision cites (default: the decision itself). */
  codesOf?: (decision: D) => string;
  error?: unknown;
  /** Who reads the reasons (default: both parties). */
  reasonsHelp?: string;
  /** Local checks after a submit attempt. */
  showRequired?: boolean;
  idPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const codes = useReasonCodes();
  const { draft, onChange } = props;
  const problem = props.error instanceof ApiProblem ? props.error : undefined;
  const serverError = (path: string) => problem?.fieldError(path);
  const required = (value: string) =>
    props.showRequired && value.trim() === '' ? t('common.required') : undefined;
  const options = codesFor(codes.data ?? [], props.codesOf?.(draft.decision) ?? draft.decision).map(
    (code) => ({
      value: code.code,
      label: reasonLabel(code, i18n.language),
      description: code.description,
    }),
  );
  const labelOf = props.decisionLabel ?? ((d: D) => t(`decision.options.${d as string}`));
  const selected = options.find((o) => o.value === draft.reasonCode) ?? null;

  return (
    <SpaceBetween size="m">
      {props.decisions.length > 1 && (
        <FormField label={t('decision.decision')} errorText={serverError('decision')}>
          <RadioGroup
            value={draft.decision}
            onChange={({ detail }) =>
              onChange({ ...draft, decision: detail.value as D, reasonCode: '' })
            }
            items={props.decisions.map((d) => ({ value: d, label: labelOf(d) }))}
          />
        </FormField>
      )}
      <FormField
        label={t('decision.reasonCode')}
        description={t('decision.reasonCodeHelp')}
        errorText={serverError('reasonCode') ?? required(draft.reasonCode)}
        controlId={`${props.idPrefix}-reason-code`}
      >
        {codes.isError ? (
          <SpaceBetween size="xs">
            <Alert type="warning">{t('decision.catalogueUnavailable')}</Alert>
            <Input
              controlId={`${props.idPrefix}-reason-code`}
              value={draft.reasonCode}
              onChange={({ detail }) => onChange({ ...draft, reasonCode: detail.value })}
            />
          </SpaceBetween>
        ) : (
          <Select
            controlId={`${props.idPrefix}-reason-code`}
            selectedOption={selected}
            options={options}
            statusType={codes.isPending ? 'loading' : 'finished'}
            loadingText={t('common.loading')}
            placeholder={t('decision.chooseReason')}
            empty={t('decision.noCodes')}
            onChange={({ detail }) =>
              onChange({ ...draft, reasonCode: detail.selectedOption.value ?? '' })
            }
          />
        )}
      </FormField>
      <FormField
        label={t('decision.reasons')}
        description={props.reasonsHelp ?? t('decision.reasonsHelp')}
        errorText={serverError('reasons') ?? required(draft.reasons)}
        controlId={`${props.idPrefix}-reasons`}
        stretch
      >
        <Textarea
          controlId={`${props.idPrefix}-reasons`}
          value={draft.reasons}
          rows={4}
          onChange={({ detail }) => onChange({ ...draft, reasons: detail.value })}
        />
      </FormField>
      <FormField
        label={t('decision.note')}
        description={t('decision.noteHelp')}
        errorText={serverError('note')}
        controlId={`${props.idPrefix}-note`}
        stretch
      >
        <Textarea
          controlId={`${props.idPrefix}-note`}
          value={draft.note}
          rows={2}
          onChange={({ detail }) => onChange({ ...draft, note: detail.value })}
        />
      </FormField>
    </SpaceBetween>
  );
}
