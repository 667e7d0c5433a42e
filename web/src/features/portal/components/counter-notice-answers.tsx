import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile, CourtActionBody } from '../../../api/contract.ts';
import { ApiProblem } from '../../../api/problem.ts';
import { DateTime } from '../../../components/date-time.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { EvidenceViewer } from '../../evidence/index.ts';
import { EvidenceField, useEvidenceUploads } from '../../uploads/index.ts';
import { useReportCourtAction } from '../api/portal.ts';

/** The seller's counter-notice as forwarded to the rights holder: text, contact, evidence. */
export function ForwardedCounterNotice(props: { file: CaseFile }) {
  const { t } = useTranslation();
  const cn = props.file.counterNotice;
  if (!cn) return null;
  const contact = cn.contact ?? {};
  return (
    <Container
      header={
        <Header variant="h2" description={t('portal.case.counterNoticeHelp')}>
          {t('case.counterNotice')}
        </Header>
      }
    >
      <SpaceBetween size="m">
        <KeyValuePairs
          columns={2}
          items={[
            { label: t('case.receivedAt'), value: <DateTime value={cn.receivedAt} /> },
            {
              label: t('case.contact'),
              value:
                [contact.name, contact.address, contact.phone, contact.email]
                  .filter(Boolean)
                  .join(' · ') || t('portal.case.contactWithheld'),
            },
          ]}
        />
        <div>
          <Box variant="awsui-key-label">{t('case.statement')}</Box>
          <p className="evidence-text">{cn.statement}</p>
        </div>
        {cn.evidence && cn.evidence.length > 0 && (
          <ColumnLayout columns={2} borders="horizontal">
            {cn.evidence.map((e) => (
              <EvidenceViewer key={e.evidenceId} evidence={e} />
            ))}
          </ColumnLayout>
        )}
      </SpaceBetween>
    </Container>
  );
}

/**
 * The rights holder's answer to a forwarded counter-notice: report a lawsuit or, in China, a
 * complaint to the competent authority (E-Commerce Law Art 43), before the restore; the listing
 * stays down.
 */
export function CourtActionForm(props: { caseId: string; jurisdiction: string }) {
  const { t } = useTranslation();
  const report = useReportCourtAction(props.caseId);
  const evidence = useEvidenceUploads();
  const [kind, setKind] = useState<CourtActionBody['kind']>('lawsuit');
  const [court, setCourt] = useState('');
  const [reference, setReference] = useState('');
  const [filedOn, setFiledOn] = useState('');
  const problem = report.error instanceof ApiProblem ? report.error : undefined;
  const filedAt = /^\d{4}-\d{2}-\d{2}$/.test(filedOn)
    ? new Date(`${filedOn}T12:00:00Z`).toISOString()
    : undefined;
  if (report.isSuccess) return <Alert type="success">{t('portal.case.courtActionReported')}</Alert>;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (filedAt)
          report.mutate({
            kind,
            court: court.trim(),
            reference: reference.trim(),
            filedAt,
            evidenceIds: evidence.sealedIds,
          });
      }}
    >
      <Form
        header={
          <Header variant="h3" description={t('portal.case.courtActionHelp')}>
            {t('portal.case.courtAction')}
          </Header>
        }
        errorText={
          report.isError ? (
            <ProblemAlert
              error={report.error}
              shownFields={['kind', 'court', 'reference', 'filedAt']}
            />
          ) : undefined
        }
        actions={
          <Button
            formAction="submit"
            loading={report.isPending}
            disabled={!filedAt || !court.trim() || !reference.trim() || evidence.busy}
          >
            {t('portal.case.reportCourtAction')}
          </Button>
        }
      >
        <SpaceBetween size="m">
          <FormField label={t('portal.case.kind')} errorText={problem?.fieldError('kind')}>
            <RadioGroup
              value={kind}
              onChange={({ detail }) => setKind(detail.value as CourtActionBody['kind'])}
              items={[
                { value: 'lawsuit', label: t('portal.case.lawsuit') },
                ...(props.jurisdiction === 'CN'
                  ? [
                      {
                        value: 'authority_complaint',
                        label: t('portal.case.authorityComplaint'),
                        description: t('portal.case.authorityCnHelp'),
                      },
                    ]
                  : []),
              ]}
            />
          </FormField>
          <FormField
            label={kind === 'lawsuit' ? t('portal.case.court') : t('portal.case.authority')}
            errorText={problem?.fieldError('court')}
          >
            <Input value={court} onChange={({ detail }) => setCourt(detail.value)} />
          </FormField>
          <FormField
            label={t('portal.case.reference')}
            errorText={problem?.fieldError('reference')}
          >
            <Input value={reference} onChange={({ detail }) => setReference(detail.value)} />
          </FormField>
          <FormField
            label={t('portal.case.filedOn')}
            constraintText="YYYY-MM-DD"
            errorText={problem?.fieldError('filedAt')}
          >
            <Input
              type="text"
              inputMode="numeric"
              value={filedOn}
              placeholder="2026-12-01"
              onChange={({ detail }) => setFiledOn(detail.value)}
            />
          </FormField>
          <EvidenceField
            label={t('portal.case.courtEvidence')}
            uploads={evidence}
            chooseLabel={t('portal.case.chooseCourtEvidence')}
          />
        </SpaceBetween>
      </Form>
    </form>
  );
}
