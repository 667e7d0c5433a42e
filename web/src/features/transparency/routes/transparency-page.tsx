import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import DateInput from '@cloudscape-design/components/date-input';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/api-context.tsx';
import { unwrap } from '../../../api/client.ts';
import type { Answer } from '../../../api/paths.ts';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useAuth } from '../../auth/index.ts';

type Report = Answer<'/v1/transparency/report', 'get'>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar year so far: the default period. */
function defaultPeriod(): { from: string; to: string } {
  const today = new Date().toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

const hours = (value: number | null) => (value === null ? '—' : `${value} h`);
const percent = (value: number | null) =>
  value === null ? '—' : `${Math.round(value * 1000) / 10}%`;

/** A figure group: label → value, in a container. */
function Figures(props: { title: string; items: [string, string | number][] }) {
  return (
    <Container header={<Header variant="h2">{props.title}</Header>}>
      <KeyValuePairs
        columns={3}
        items={props.items.map(([label, value]) => ({ label, value: String(value) }))}
      />
    </Container>
  );
}

/**
 * The transparency report (admins): the seed's table, the DSA Art 15/24 figures and the
 * re-offence rate of a period, from the counters the service keeps; a CSV download of the same.
 */
export function TransparencyPage() {
  const { t } = useTranslation();
  const api = useApi();
  const auth = useAuth();
  const [period, setPeriod] = useState(defaultPeriod);
  const [draft, setDraft] = useState(period);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const report = useQuery({
    queryKey: ['transparency-report', period],
    queryFn: () =>
      unwrap(
        api.GET('/v1/transparency/report', { params: { query: { ...period, format: 'json' } } }),
      ),
  });

  async function downloadCsv() {
    setDownloadError(null);
    try {
      const result = await api.GET('/v1/transparency/report', {
        params: { query: { ...period, format: 'csv' } },
        parseAs: 'blob',
      });
      if (!result.response.ok) throw await unwrap(Promise.resolve(result));
      const url = URL.createObjectURL(result.data as Blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `transparency-${period.from}-${period.to}.csv`;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setDownloadError(error);
    }
  }

  const isAdmin = auth.state.status === 'signed-in' && auth.state.roles.includes('admin');
  const valid = ISO_DAY.test(draft.from) && ISO_DAY.test(draft.to) && draft.from <= draft.to;
  const r: Report | undefined = report.data;
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={t('transparency.description')}
          actions={
            <Button iconName="download" onClick={() => void downloadCsv()} disabled={!r}>
              {t('transparency.downloadCsv')}
            </Button>
          }
        >
          {t('transparency.title')}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {!isAdmin && <Alert type="info">{t('transparency.adminsOnly')}</Alert>}
        <Container>
          <SpaceBetween direction="horizontal" size="m" alignItems="end">
            <FormField label={t('transparency.from')}>
              <DateInput
                value={draft.from}
                placeholder="YYYY/MM/DD"
                ariaLabel={t('transparency.from')}
                onChange={({ detail }) => setDraft({ ...draft, from: detail.value })}
              />
            </FormField>
            <FormField label={t('transparency.to')}>
              <DateInput
                value={draft.to}
                placeholder="YYYY/MM/DD"
                ariaLabel={t('transparency.to')}
                onChange={({ detail }) => setDraft({ ...draft, to: detail.value })}
              />
            </FormField>
            <Button disabled={!valid} onClick={() => setPeriod(draft)}>
              {t('transparency.show')}
            </Button>
          </SpaceBetween>
        </Container>
        {report.isError && <ProblemAlert error={report.error} />}
        {downloadError ? <ProblemAlert error={downloadError} /> : null}
        {report.isPending && <Box>{t('common.loading')}</Box>}
        {r && (
          <ColumnLayout columns={1}>
            <Figures
              title={t('transparency.seedTable')}
              items={[
                [t('transparency.complaintsReceived'), r.seedTable.complaintsReceived],
                [t('transparency.listingsRemoved'), r.seedTable.listingsRemoved],
                [t('transparency.sellersInvolved'), r.seedTable.sellersInvolved],
              ]}
            />
            <Figures
              title={t('transparency.notices')}
              items={[
                [t('transparency.listingsReceived'), r.notices.listingsReceived],
                ...Object.entries(r.notices.bySource).map(
                  ([source, n]) => [source, n] as [string, number],
                ),
                ...Object.entries(r.notices.byType).map(
                  ([type, n]) => [t('transparency.ofType', { type }), n] as [string, number],
                ),
              ]}
            />
            <Figures
              title={t('transparency.actions')}
              items={[
                [t('transparency.listingsDisabled'), r.actions.listingsDisabled],
                [t('transparency.automatedShare'), percent(r.actions.automatedShare)],
                [t('transparency.medianTimeToAct'), hours(r.actions.medianTimeToActHours)],
                [t('transparency.approved'), r.decisions.approved],
                [t('transparency.rejected'), r.decisions.rejected],
              ]}
            />
            <Figures
              title={t('transparency.redress')}
              items={[
                [t('transparency.counterNotices'), r.counterNotices.received],
                [t('transparency.restoredAfterCounterNotice'), r.counterNotices.outcomes.restored],
                [t('transparency.appealsFiled'), r.appeals.filed],
                [t('transparency.appealsUpheld'), r.appeals.upheld],
                [t('transparency.appealsDismissed'), r.appeals.dismissed],
                [t('transparency.medianAppealHandling'), hours(r.appeals.medianHandlingHours)],
              ]}
            />
            <Figures
              title={t('transparency.suspensions')}
              items={[
                [t('transparency.sellersSuspended'), r.suspensions.sellers],
                [t('transparency.notifiersSuspended'), r.suspensions.notifiers],
                [t('transparency.warnedSellers'), r.reoffence.warnedSellers],
                [t('transparency.reoffenceRate'), percent(r.reoffence.rate)],
              ]}
            />
          </ColumnLayout>
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}
