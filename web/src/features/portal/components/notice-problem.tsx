import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../api/problem.ts';
import { DateTime } from '../../../components/date-time.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';

/**
 * Why a notice was refused. Past the daily volume quota (429): the quota, what is used, what the
 * notice asked for, and when the quota resets, in the viewer's time zone. A manifest the service
 * refused whole (422 on `listingsManifestEvidenceId`): the reason, and where to fix it. Anything
 * else as every other problem shows.
 */
export function NoticeProblem(props: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const problem = props.error instanceof ApiProblem ? props.error : undefined;
  if (problem?.status === 429) {
    const number = (value: unknown) =>
      typeof value === 'number' ? new Intl.NumberFormat(i18n.language).format(value) : undefined;
    const quota = number(problem.extensions.quota);
    const used = number(problem.extensions.used);
    const requested = number(problem.extensions.requested);
    const resetsAt = problem.extension('resetsAt');
    return (
      <Alert type="error" header={t('portal.notice.quota.title')}>
        {quota && used && requested && (
          <Box variant="p">{t('portal.notice.quota.figures', { quota, used, requested })}</Box>
        )}
        {resetsAt && (
          <Box variant="p">
            {t('portal.notice.quota.resets')} <DateTime value={resetsAt} />
          </Box>
        )}
        <Box variant="p" color="text-body-secondary">
          {problem.detail} ({problem.status})
        </Box>
      </Alert>
    );
  }
  const manifest = problem?.fieldError('listingsManifestEvidenceId');
  if (problem?.status === 422 && manifest) {
    return (
      <Alert type="error" header={t('portal.notice.manifest.refused')}>
        <Box variant="p">{manifest}</Box>
        <Box variant="p">{t('portal.notice.manifest.refusedHelp')}</Box>
      </Alert>
    );
  }
  return <ProblemAlert error={props.error} />;
}
