import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealAgainst, CaseFile } from '../../../api/contract.ts';
import { CaseStatusBadge } from '../../../components/case-status.tsx';
import { CaseClockColumn } from '../../../components/case-timeline.tsx';
import { useFlash } from '../../../components/flash.tsx';
import { PageState } from '../../../components/page-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { PageBreadcrumbs } from '../../../components/router-link.tsx';
import { CaseAppeals } from '../../appeals/index.ts';
import { usePortalCase, useWithdrawCase } from '../api/portal.ts';
import { CourtActionForm, ForwardedCounterNotice } from '../components/counter-notice-answers.tsx';

/** Statuses in which a withdrawal answers 409 (API.md). */
const NOT_WITHDRAWABLE = new Set(['withdrawn', 'restored', 'rejected', 'duplicate', 'abandoned']);

/** What a notifier may appeal in each status (API.md, appeals). */
function appealable(file: CaseFile): AppealAgainst[] {
  if (file.status === 'rejected') return ['rejection'];
  if (file.status === 'restored') return ['restore'];
  return [];
}

/**
 * The rights holder's case: its status, the listing's state, the decision's reasons, the
 * deadlines as countdowns, the timeline; a forwarded counter-notice with the two answers (report
 * a court action or an authority complaint; withdraw); and an appeal once appeals exist.
 */
export function PortalCasePage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ strict: false }) as { caseId: string };
  const _navigate = useNavigate();
  const flash = useFlash();
  const file = usePortalCase(caseId);
  const withdraw = useWithdrawCase(caseId);
  const [confirming, setConfirming] = useState(false);
  if (!file.isSuccess) return <PageState title={t('case.title', { id: caseId })} query={file} />;
  const data = file.data;
  const listing = data.listing?.title ?? data.listingId;
  const canWithdraw = !NOT_WITHDRAWABLE.has(data.status);
  return (
    <ContentLayout
      breadcrumbs={
        <PageBreadcrumbs
          items={[
            { text: t('nav.portalCases'), href: '/portal/cases' },
            { text: caseId, href: `/cases/${caseId}` },
          ]}
        />
      }
      header={
        <Header
          variant="h1"
          description={t('case.title', { id: data.caseId })}
          actions={
            canWithdraw ? (
              <Button onClick={() => setConfirming(true)}>{t('portal.case.withdraw')}</Button>
            ) : undefined
          }
        >
          {listing} <CaseStatusBadge status={data.status} />
        </Header>
      }
    >
      <SpaceBetween size="l">
        {withdraw.isError && (
          <ProblemAlert error={withdraw.error} onDismiss={() => withdraw.reset()} />
        )}
        {data.status === 'awaiting_court_action' && (
          <Alert type="warning" header={t('portal.case.counterNoticeArrived')}>
            {t('portal.case.counterNoticeAnswers')}
          </Alert>
        )}
        <Grid
          gridDefinition={[{ colspan: { default: 12, s: 7 } }, { colspan: { default: 12, s: 5 } }]}
        >
          <SpaceBetween size="l">
            <Container header={<Header variant="h2">{t('case.listingAndRight')}</Header>}>
              <KeyValuePairs
                columns={2}
                items={[
                  { label: t('case.listingId'), value: data.listingId },
                  {
                    label: t('case.listingStatus'),
                    value: t(`portal.case.listing.${data.listing?.status ?? 'unknown'}`),
                  },
                  { label: t('case.ipRight'), value: data.ipRight?.title ?? '—' },
                  {
                    label: t('case.infringementType'),
                    value: data.infringementType
                      ? t(`infringementTypes.${data.infringementType}`)
                      : '—',
                  },
                  { label: t('case.jurisdiction'), value: t(`jurisdictions.${data.jurisdiction}`) },
                  {
                    label: t('portal.cases.notice'),
                    value: data.noticeId,
                  },
                ]}
              />
            </Container>
            {data.reasons && (
              <Container header={<Header variant="h2">{t('portal.case.decision')}</Header>}>
                <p className="evidence-text">{data.reasons}</p>
              </Container>
            )}
            <ForwardedCounterNotice file={data} />
            {data.status === 'awaiting_court_action' && (
              <Container>
                <CourtActionForm caseId={data.caseId} jurisdiction={data.jurisdiction} />
              </Container>
            )}
            <CaseAppeals file={data} against={appealable(data)} />
          </SpaceBetween>
          <CaseClockColumn file={data} />
        </Grid>
      </SpaceBetween>
      <Modal
        visible={confirming}
        onDismiss={() => setConfirming(false)}
        header={t('portal.case.withdrawTitle')}
        footer={
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                variant="primary"
                loading={withdraw.isPending}
                onClick={() =>
                  withdraw.mutate(undefined, {
                    onSettled: () => setConfirming(false),
                    onSuccess: () =>
                      flash.push({
                        type: 'success',
                        content: t('portal.case.withdrawn', { listing }),
                      }),
                  })
                }
              >
                {t('portal.case.withdraw')}
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        {t('portal.case.withdrawBody', { listing })}
      </Modal>
    </ContentLayout>
  );
}
