import Box from '@cloudscape-design/components/box';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/date-time.tsx';
import { EmptyState } from '../../../components/loading-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useNarrow } from '../../../lib/use-narrow.ts';
import { type IpRight, useEvidenceSummary, useIpRights } from '../api/portal.ts';
import { IpRightForm } from '../components/ip-right-form.tsx';
import { VerificationStatus } from '../components/verification-status.tsx';

/** The rights holder's IP rights with their proof and verification status; a form to add one. */
export function IpRightsPage() {
  const { t } = useTranslation();
  const rights = useIpRights();
  const narrow = useNarrow();
  const columns = [
    {
      id: 'title',
      header: t('verification.title'),
      isRowHeader: true,
      cell: (r: IpRight) => (
        <SpaceBetween size="xxs">
          <Box variant="strong">{r.title}</Box>
          <Box variant="small">
            {t(`ipRightKinds.${r.kind}`)} · {t(`jurisdictions.${r.jurisdiction}`)}
            {r.registrationNumber ? ` · ${r.registrationNumber}` : ''}
          </Box>
        </SpaceBetween>
      ),
    },
    {
      id: 'status',
      header: t('verification.status'),
      cell: (r: IpRight) => (
        <SpaceBetween size="xxs">
          <VerificationStatus status={r.status} />
          {r.verification?.reason && <Box variant="small">{r.verification.reason}</Box>}
        </SpaceBetween>
      ),
    },
    {
      id: 'proof',
      header: t('portal.ipRights.proof'),
      cell: (r: IpRight) =>
        r.proofEvidenceIds.length ? (
          <ul className="plain-list">
            {r.proofEvidenceIds.map((id) => (
              <ProofItem key={id} evidenceId={id} />
            ))}
          </ul>
        ) : (
          t('verification.noProof')
        ),
    },
    {
      id: 'validUntil',
      header: t('verification.validUntil'),
      cell: (r: IpRight) => (r.validUntil ? <DateTime value={r.validUntil} /> : '—'),
    },
  ];
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={t('portal.ipRights.description')}>
          {t('nav.ipRights')}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {rights.isError && <ProblemAlert error={rights.error} />}
        <Table
          variant="container"
          header={
            <Header variant="h2" counter={rights.data ? `(${rights.data.length})` : undefined}>
              {t('portal.ipRights.registered')}
            </Header>
          }
          items={rights.data ?? []}
          trackBy="ipRightId"
          loading={rights.isPending}
          loadingText={t('common.loading')}
          columnDefinitions={narrow ? columns.slice(0, 2) : columns}
          wrapLines
          empty={
            <EmptyState
              title={t('portal.ipRights.empty.title')}
              body={t('portal.ipRights.empty.body')}
            />
          }
        />
        <IpRightForm />
      </SpaceBetween>
    </ContentLayout>
  );
}

/** One proof file: its name and whether the service sealed it. */
function ProofItem(props: { evidenceId: string }) {
  const { t } = useTranslation();
  const evidence = useEvidenceSummary(props.evidenceId);
  const data = evidence.data as { fileName?: string; status?: string } | undefined;
  return (
    <li>
      {data?.fileName ?? props.evidenceId}{' '}
      {data?.status && (
        <StatusIndicator type={data.status === 'sealed' ? 'success' : 'pending'}>
          {t(`evidence.status.${data.status}`)}
        </StatusIndicator>
      )}
    </li>
  );
}
