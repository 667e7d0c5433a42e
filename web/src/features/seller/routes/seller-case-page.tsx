import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AppealAgainst, CaseFile } from '../../../api/contract.ts';
import { CaseStatusBadge } from '../../../components/case-status.tsx';
import { CaseClockColumn } from '../../../components/case-timeline.tsx';
import { DateTime } from '../../../components/date-time.tsx';
import { PageState } from '../../../components/page-state.tsx';
import { PageBreadcrumbs } from '../../../components/router-link.tsx';
import { CaseAppeals } from '../../appeals/index.ts';
import { EvidenceViewer } from '../../evidence/index.ts';
import { useSellerCase } from '../api/seller.ts';
import { StatementOfReasons } from '../components/statement-of-reasons.tsx';

/** Whether the seller can counter-notify: the listing is down and no counter-notice is pending. */
export function canCounterNotify(file: CaseFile): boolean {
  return file.listing?.status === 'disabled' && !file.counterNotice;
}

/**
 * What the seller may appeal: once the case's run is over and the listing stays down (before
 * that, its counter-notice is the route).
 */
function appealable(file: CaseFile): AppealAgainst[] {
  return file.status === 'upheld' || file.status === 'upheld_pending_court'
    ? ['takedown', 'strike', 'account_measure']
    : [];
}

/**
 * The seller's case: what happened and why (the statement of reasons laid out by section), the
 * notice's explanation and evidence (or, for a case of the platform's own initiative, that its
 * proactive screening found the listing and whether automated means decided), the deadlines as countdowns, the way to a counter-notice,
 * the seller's own counter-notice once sent, and an appeal once appeals exist.
 */
export function SellerCasePage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ strict: false }) as { caseId: string };
  const navigate = useNavigate();
  const file = useSellerCase(caseId);
  if (!file.isSuccess) return <PageState title={t('case.title', { id: caseId })} query={file} />;
  const data = file.data;
  const listing = data.listing?.title ?? data.listingId;
  const ownInitiative = data.source === 'own_initiative';
  const automated = data.decision?.automated === true;
  const byTestBuy = data.foundBy === 'test_buy';
  const counterNotify = () =>
    void navigate({ to: '/seller/cases/$caseId/counter-notice', params: { caseId } });
  return (
    <ContentLayout
      breadcrumbs={
        <PageBreadcrumbs
          items={[
            { text: t('nav.sellerCases'), href: '/seller' },
            { text: caseId, href: `/cases/${caseId}` },
          ]}
        />
      }
      header={
        <Header
          variant="h1"
          description={t('case.title', { id: data.caseId })}
          actions={
            canCounterNotify(data) ? (
              <Button variant="primary" onClick={counterNotify}>
                {t('seller.case.counterNotify')}
              </Button>
            ) : undefined
          }
        >
          {listing} <CaseStatusBadge status={data.status} />
        </Header>
      }
    >
      <SpaceBetween size="l">
        {ownInitiative && (
          <Alert
            type="info"
            header={byTestBuy ? t('seller.case.foundByTestBuy') : t('seller.case.foundByScreening')}
          >
            {byTestBuy
              ? t('seller.case.foundByTestBuyBody')
              : t('seller.case.foundByScreeningBody')}
            {automated && ` ${t('seller.case.automatedDecisionBody')}`}
          </Alert>
        )}
        {canCounterNotify(data) && (
          <Alert type="info" header={t('seller.case.contestTitle')}>
            {t(
              ownInitiative
                ? `seller.case.contestOwnInitiative.${data.jurisdiction}`
                : `seller.case.contest.${data.jurisdiction}`,
            )}
          </Alert>
        )}
        <Grid
          gridDefinition={[{ colspan: { default: 12, s: 7 } }, { colspan: { default: 12, s: 5 } }]}
        >
          <SpaceBetween size="l">
            {data.statementOfReasons ? (
              <StatementOfReasons statement={data.statementOfReasons} />
            ) : (
              <Container header={<Header variant="h2">{t('seller.case.statement')}</Header>}>
                <Box color="text-status-inactive">{t('seller.case.noStatement')}</Box>
              </Container>
            )}
            <Container
              header={
                <Header variant="h2">
                  {ownInitiative ? t('seller.case.howFound') : t('seller.case.complaint')}
                </Header>
              }
            >
              <SpaceBetween size="m">
                <KeyValuePairs
                  columns={2}
                  items={[
                    { label: t('case.listingId'), value: data.listingId },
                    {
                      label: t('case.listingStatus'),
                      value: t(`portal.case.listing.${data.listing?.status ?? 'unknown'}`),
                    },
                    {
                      label: t('case.ipRight'),
                      value: data.ipRight
                        ? `${t(`ipRightKinds.${data.ipRight.kind}`)} “${data.ipRight.title}”${data.ipRight.registrationNumber ? ` (${data.ipRight.registrationNumber})` : ''}`
                        : '—',
                    },
                    ...(ownInitiative
                      ? [
                          {
                            label: t('seller.case.source'),
                            value: byTestBuy
                              ? t('seller.case.sourceTestBuy')
                              : t('seller.case.sourceScreening'),
                          },
                          ...data.testBuys.map((buy) => ({
                            label: t('seller.case.testBuy'),
                            value: (
                              <>
                                {buy.orderId} · <DateTime value={buy.orderedAt} /> ·{' '}
                                {t(`testBuys.outcomes.${buy.outcome}`)}
                              </>
                            ),
                          })),
                          {
                            label: t('seller.case.decidedBy'),
                            value: !data.decision
                              ? '—'
                              : automated
                                ? t('seller.case.decidedAutomated')
                                : t('seller.case.decidedByReviewer'),
                          },
                        ]
                      : [
                          {
                            label: t('seller.case.notifier'),
                            value: data.notifier?.name ?? t('seller.case.notifierWithheld'),
                          },
                        ]),
                  ]}
                />
                {data.reasons && (
                  <div>
                    <Box variant="awsui-key-label">
                      {automated ? t('seller.case.ourReasons') : t('seller.case.reviewerReasons')}
                    </Box>
                    <p className="evidence-text">{data.reasons}</p>
                  </div>
                )}
                {data.notice && (
                  <div>
                    <Box variant="awsui-key-label">{t('case.explanation')}</Box>
                    <p className="evidence-text">{data.notice.explanation}</p>
                  </div>
                )}
                {data.notice?.evidence.length ? (
                  <ColumnLayout columns={2} borders="horizontal">
                    {data.notice.evidence.map((e) => (
                      <EvidenceViewer key={e.evidenceId} evidence={e} />
                    ))}
                  </ColumnLayout>
                ) : null}
              </SpaceBetween>
            </Container>
            {data.counterNotice && (
              <Container
                header={<Header variant="h2">{t('seller.case.yourCounterNotice')}</Header>}
              >
                <SpaceBetween size="s">
                  <Box>
                    {t('case.receivedAt')}: <DateTime value={data.counterNotice.receivedAt} />
                  </Box>
                  <p className="evidence-text">{data.counterNotice.statement}</p>
                </SpaceBetween>
              </Container>
            )}
            <CaseAppeals file={data} against={appealable(data)} />
          </SpaceBetween>
          <CaseClockColumn file={data} />
        </Grid>
      </SpaceBetween>
    </ContentLayout>
  );
}
