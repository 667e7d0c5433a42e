import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appeal, CaseFile } from '../../../api/contract.ts';
import { CaseStatusBadge } from '../../../components/case-status.tsx';
import { TimelineSection } from '../../../components/case-timeline.tsx';
import { DateTime } from '../../../components/date-time.tsx';
import { useFlash } from '../../../components/flash.tsx';
import { PageState } from '../../../components/page-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { PageBreadcrumbs, RouterLink } from '../../../components/router-link.tsx';
import { labelOf } from '../../../lib/labels.ts';
import { useCaseFile } from '../../cases/index.ts';
import {
  DECISION_FIELDS,
  DecisionFields,
  emptyDraft,
  isComplete,
  toBody,
} from '../../decisions/index.ts';
import { EvidenceViewer } from '../../evidence/index.ts';
import { useAppeal, useDecideAppeal } from '../api/appeals.ts';
import { AppealStatus } from '../components/appeals-section.tsx';

type AppealDecision = 'uphold' | 'dismiss';

/**
 * The catalogue decision whose reason codes fit an appeal decision, on the merits: upholding a
 * seller's appeal finds no infringement (as a restore does), dismissing it finds one (as an
 * uphold does); for a notifier's appeal (against a rejection or a restore) the other way round.
 */
function meritsOf(appeal: Appeal, decision: AppealDecision): string {
  const infringement = (appeal.appellant.role === 'seller') === (decision === 'dismiss');
  return infringement ? 'uphold' : 'restore';
}

/**
 * A task of the `appeals` queue: the appeal (grounds, evidence), the decision it is against (the
 * case's decision, its reasons and the case's timeline), and the reviewer's decision, which must
 * come from a reviewer who did not take the decision under appeal (else 422).
 */
export function AppealReviewPage() {
  const { t } = useTranslation();
  const { appealId } = useParams({ strict: false }) as { appealId: string };
  const appeal = useAppeal(appealId);
  const caseFile = useCaseFile(appeal.data?.caseId ?? '', appeal.isSuccess);
  const title = t('appealReview.title', { id: appealId });
  const breadcrumbs = (
    <PageBreadcrumbs
      items={[
        { text: t('nav.queue'), href: '/queue' },
        { text: appealId, href: `/review/appeals/${appealId}` },
      ]}
    />
  );
  if (!appeal.isSuccess || !caseFile.isSuccess)
    return (
      <PageState
        title={title}
        breadcrumbs={breadcrumbs}
        query={{
          isPending: appeal.isPending || caseFile.isPending,
          error: appeal.error ?? caseFile.error,
        }}
      />
    );
  const data = appeal.data;
  const file = caseFile.data;
  const listing = file.listing.title ?? file.listingId;
  return (
    <ContentLayout
      breadcrumbs={breadcrumbs}
      header={
        <Header variant="h1" description={listing}>
          {t(`appeal.options.${data.against}`)} <AppealStatus status={data.status} />
        </Header>
      }
    >
      <Grid
        gridDefinition={[{ colspan: { default: 12, s: 7 } }, { colspan: { default: 12, s: 5 } }]}
      >
        <SpaceBetween size="l">
          <Container header={<Header variant="h2">{t('appealReview.appeal')}</Header>}>
            <SpaceBetween size="m">
              <KeyValuePairs
                columns={2}
                items={[
                  {
                    label: t('appealReview.appellant'),
                    value: t(`roles.${data.appellant.role}`),
                  },
                  { label: t('appeal.against'), value: t(`appeal.options.${data.against}`) },
                  { label: t('appeal.filedAt'), value: <DateTime value={data.filedAt} /> },
                  {
                    label: t('appealReview.openUntil'),
                    value: <DateTime value={data.openUntil} />,
                  },
                ]}
              />
              <div>
                <Header variant="h3">{t('appealReview.grounds')}</Header>
                <p className="evidence-text">{data.grounds}</p>
              </div>
              <Header variant="h3">{t('appeal.evidence')}</Header>
              {data.evidence.length === 0 ? (
                <span>{t('appealReview.noEvidence')}</span>
              ) : (
                <ColumnLayout columns={1} borders="horizontal">
                  {data.evidence.map((e) => (
                    <EvidenceViewer key={e.evidenceId} evidence={e} />
                  ))}
                </ColumnLayout>
              )}
            </SpaceBetween>
          </Container>
          <AppealedDecision file={file} />
          {data.status === 'open' ? (
            <AppealDecisionForm appeal={data} listing={listing} />
          ) : (
            <Alert type="success" header={t('appealReview.decided')}>
              <DateTime value={data.decidedAt} />: {data.reasons}
            </Alert>
          )}
        </SpaceBetween>
        <TimelineSection file={file} />
      </Grid>
    </ContentLayout>
  );
}

/** The decision under appeal: the case's decision with its code and the reasons the parties read. */
function AppealedDecision(props: { file: CaseFile }) {
  const { t, i18n } = useTranslation();
  const { file } = props;
  const label = (group: string, value: string | undefined) =>
    labelOf(t, (k) => i18n.exists(k), group, value);
  return (
    <Container
      header={
        <Header
          variant="h2"
          actions={
            <RouterLink href={`/cases/${encodeURIComponent(file.caseId)}`}>
              {t('appealReview.openCase')}
            </RouterLink>
          }
        >
          {t('appealReview.decisionAppealed')}
        </Header>
      }
    >
      <SpaceBetween size="m">
        <KeyValuePairs
          columns={2}
          items={[
            { label: t('search.columns.status'), value: <CaseStatusBadge status={file.status} /> },
            {
              label: t('case.listingStatus'),
              value: label('portal.case.listing', file.listing.status),
            },
            {
              label: t('decision.decision'),
              value: label('decision.options', file.decision?.decision),
            },
            { label: t('decision.reasonCode'), value: file.decision?.reasonCode ?? '—' },
            { label: t('appealReview.decidedAt'), value: <DateTime value={file.decision?.at} /> },
          ]}
        />
        <div>
          <Header variant="h3">{t('decision.reasons')}</Header>
          <p className="evidence-text">{file.reasons ?? '—'}</p>
        </div>
      </SpaceBetween>
    </Container>
  );
}

function AppealDecisionForm(props: { appeal: Appeal; listing: string }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const [draft, setDraft] = useState(() => emptyDraft<AppealDecision>('dismiss'));
  const [tried, setTried] = useState(false);
  const decide = useDecideAppeal(props.appeal.appealId);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!isComplete(draft)) return;
        decide.mutate(toBody(draft), {
          onSuccess: (result) =>
            flash.push({
              type: 'success',
              content: t('appealReview.recorded', {
                listing: props.listing,
                status: t(`appeal.statuses.${result.status}`),
              }),
            }),
        });
      }}
    >
      <Form
        errorText={
          decide.isError ? (
            <ProblemAlert error={decide.error} shownFields={DECISION_FIELDS} />
          ) : undefined
        }
        actions={
          <Button variant="primary" formAction="submit" loading={decide.isPending}>
            {t(`appealReview.submit.${draft.decision}`)}
          </Button>
        }
      >
        <Container
          header={
            <Header variant="h2" description={t('appealReview.formHelp')}>
              {t('appealReview.formTitle')}
            </Header>
          }
        >
          <DecisionFields<AppealDecision>
            idPrefix="appeal"
            decisions={['uphold', 'dismiss']}
            decisionLabel={(d) => t(`appealReview.options.${d}`)}
            codesOf={(d) => meritsOf(props.appeal, d)}
            draft={draft}
            onChange={setDraft}
            error={decide.error}
            showRequired={tried}
          />
        </Container>
      </Form>
    </form>
  );
}
