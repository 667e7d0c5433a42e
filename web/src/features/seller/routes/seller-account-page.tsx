import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/date-time.tsx';
import { EmptyState, LoadingState } from '../../../components/loading-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { SlaCountdown } from '../../../components/sla-countdown.tsx';
import { labelOf } from '../../../lib/labels.ts';
import { type Strikes, useStrikes } from '../api/seller.ts';
import { EducationModule } from '../components/education-module.tsx';

type Strike = Strikes['strikes'][number] & { counts?: boolean };

/**
 * The seller's account: the measure the strike ladder applies, each strike with its expiry (and
 * whether it counts toward escalation, where the service says), and the IP-education module a
 * warning requires, ending in the acknowledgement.
 */
export function SellerAccountPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const strikes = useStrikes();
  const label = (group: string, value: string | undefined) =>
    labelOf(t, (k) => i18n.exists(k), group, value);
  if (strikes.isPending) return <LoadingState />;
  if (strikes.isError)
    return (
      <ContentLayout header={<Header variant="h1">{t('nav.sellerAccount')}</Header>}>
        <ProblemAlert error={strikes.error} />
      </ContentLayout>
    );
  const data = strikes.data;
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={t('seller.account.description')}>
          {t('nav.sellerAccount')}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">{t('seller.account.measure')}</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              {
                label: t('case.sellerMeasure'),
                value: (
                  <StatusIndicator
                    type={
                      data.measure === 'none'
                        ? 'success'
                        : data.measure === 'warning'
                          ? 'warning'
                          : 'error'
                    }
                  >
                    {label('measures', data.measure)}
                  </StatusIndicator>
                ),
              },
              { label: t('case.activeStrikes'), value: String(data.active) },
              {
                label: t('seller.account.warnedAt'),
                value: data.warnedAt ? <DateTime value={data.warnedAt} /> : '—',
              },
            ]}
          />
          <Box margin={{ top: 'm' }}>{t(`seller.account.measureHelp.${data.measure}`)}</Box>
        </Container>
        {(data.educationRequired || data.educationAcknowledgedAt) && (
          <EducationModule
            required={data.educationRequired}
            acknowledgedAt={data.educationAcknowledgedAt}
          />
        )}
        <Table
          variant="container"
          header={
            <Header variant="h2" description={t('seller.account.strikesHelp')}>
              {t('seller.account.strikes')}
            </Header>
          }
          items={data.strikes as Strike[]}
          trackBy="strikeId"
          wrapLines
          columnDefinitions={[
            {
              id: 'case',
              header: t('seller.account.strikeCases'),
              isRowHeader: true,
              cell: (s: Strike) => (
                <ul className="plain-list">
                  {s.caseIds.map((caseId) => (
                    <li key={caseId}>
                      <Link
                        href={`/cases/${caseId}`}
                        onFollow={(event) => {
                          event.preventDefault();
                          void navigate({ to: '/cases/$caseId', params: { caseId } });
                        }}
                      >
                        {caseId}
                      </Link>
                    </li>
                  ))}
                </ul>
              ),
            },
            {
              id: 'state',
              header: t('seller.account.strikeState'),
              cell: (s: Strike) =>
                s.revokedAt ? (
                  <StatusIndicator type="stopped">
                    {t('seller.account.revoked')} <DateTime value={s.revokedAt} />
                  </StatusIndicator>
                ) : s.active ? (
                  <StatusIndicator type="warning">
                    {t('seller.account.active')}
                    {s.counts === false ? ` · ${t('seller.account.doesNotCount')}` : ''}
                  </StatusIndicator>
                ) : (
                  <StatusIndicator type="stopped">{t('seller.account.expired')}</StatusIndicator>
                ),
            },
            {
              id: 'at',
              header: t('seller.account.at'),
              cell: (s: Strike) => <DateTime value={s.at} />,
            },
            {
              id: 'expires',
              header: t('seller.account.expiresAt'),
              cell: (s: Strike) => (
                <SpaceBetween size="xxs">
                  <DateTime value={s.expiresAt} />
                  {s.active && !s.revokedAt && <SlaCountdown dueAt={s.expiresAt} />}
                </SpaceBetween>
              ),
            },
          ]}
          empty={
            <EmptyState
              title={t('seller.account.noStrikes.title')}
              body={t('seller.account.noStrikes.body')}
            />
          }
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
