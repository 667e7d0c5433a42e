import Alert from '@cloudscape-design/components/alert';
import Badge from '@cloudscape-design/components/badge';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DeadlinesSection, TimelineSection } from '../../../components/case-timeline.tsx';
import { useFlash } from '../../../components/flash.tsx';
import { PageState } from '../../../components/page-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { PageBreadcrumbs } from '../../../components/router-link.tsx';
import { labelOf } from '../../../lib/labels.ts';
import { AppealsSection } from '../../appeals/index.ts';
import { pendingDecision } from '../../decisions/index.ts';
import { TestBuysSection } from '../../test-buys/index.ts';
import { useCaseFile, useRetryCase } from '../api/cases.ts';
import { ListingAndRight, Parties } from '../components/case-facts.tsx';
import { DecisionPanel } from '../components/decision-panel.tsx';
import { NoticeSection } from '../components/notice-section.tsx';
import { ProactiveSection } from '../components/proactive-section.tsx';
import { ResponsesSection } from '../components/responses-section.tsx';

/** Every fact of a case on one page, and the decision form when the case awaits one. */
export function CasePage() {
  const { t, i18n } = useTranslation();
  const { caseId } = useParams({ strict: false }) as { caseId: string };
  const _navigate = useNavigate();
  const flash = useFlash();
  const file = useCaseFile(caseId);
  const retry = useRetryCase();
  const breadcrumbs = (
    <PageBreadcrumbs
      items={[
        { text: t('nav.queue'), href: '/queue' },
        { text: caseId, href: `/cases/${caseId}` },
      ]}
    />
  );
  if (!file.isSuccess) return <PageState title={t('case.title', { id: caseId })} query={file} />;
  const data = file.data;
  const listing = data.listing.title ?? data.listingId;
  const pending = pendingDecision(data);
  const ownInitiative = data.source === 'own_initiative';
  return (
    <ContentLayout
      breadcrumbs={breadcrumbs}
      header={
        <Header
          variant="h1"
          description={`${t('case.title', { id: data.caseId })} · ${labelOf(t, (k) => i18n.exists(k), 'jurisdictions', data.jurisdiction)}`}
          actions={
            data.status === 'action_failed' ? (
              <Button
                loading={retry.isPending}
                onClick={() =>
                  retry.mutate(data.caseId, {
                    onSuccess: () =>
                      flash.push({
                        type: 'success',
                        content: t('actionFailed.retried', { listing }),
                      }),
                  })
                }
              >
                {t('actionFailed.retry')}
              </Button>
            ) : undefined
          }
        >
          {listing}{' '}
          <Badge color={data.status === 'action_failed' ? 'red' : 'blue'}>
            {labelOf(t, (k) => i18n.exists(k), 'statuses', data.status)}
          </Badge>{' '}
          <Badge color={ownInitiative ? 'severity-neutral' : 'grey'}>
            {t(`sources.${data.source}`)}
          </Badge>
        </Header>
      }
    >
      <SpaceBetween size="l">
        {retry.isError && <ProblemAlert error={retry.error} onDismiss={() => retry.reset()} />}
        {data.note && (
          <Alert type="info" header={t('case.internalNote')}>
            {data.note}
          </Alert>
        )}
        <Grid
          gridDefinition={[{ colspan: { default: 12, s: 7 } }, { colspan: { default: 12, s: 5 } }]}
        >
          <SpaceBetween size="l">
            <ListingAndRight file={data} />
            {ownInitiative ? <ProactiveSection file={data} /> : <NoticeSection file={data} />}
            <ResponsesSection file={data} />
            <AppealsSection appeals={data.appeals} reviewer />
          </SpaceBetween>
          <SpaceBetween size="l">
            <DeadlinesSection file={data} />
            <Parties file={data} />
            <TimelineSection file={data} />
          </SpaceBetween>
        </Grid>
        <TestBuysSection file={data} />
        {pending ? (
          <DecisionPanel
            key={`${data.status}-${pending.kind}`}
            caseId={data.caseId}
            listing={listing}
            pending={pending}
          />
        ) : (
          data.reasons && (
            <Alert
              type="success"
              header={t(ownInitiative ? 'case.decidedOwnInitiative' : 'case.decided')}
            >
              {data.reasons}
            </Alert>
          )
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}
