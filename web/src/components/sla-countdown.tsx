import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useTranslation } from 'react-i18next';
import { countdown, formatDateTime } from '../lib/time.ts';
import { useNow } from '../lib/use-now.ts';

/** Time left until a due instant, ticking each minute; past due, marked overdue in red. */
export function SlaCountdown(props: { dueAt: string | undefined; overdue?: boolean }) {
  const { t, i18n } = useTranslation();
  const now = useNow(30_000);
  if (!props.dueAt) return <>—</>;
  const left = countdown(props.dueAt, now, i18n.language);
  const overdue = props.overdue || left.overdue;
  const title = formatDateTime(props.dueAt, i18n.language);
  return (
    <span title={title}>
      <StatusIndicator type={overdue ? 'error' : left.minutes < 240 ? 'warning' : 'pending'}>
        {overdue ? t('sla.overdueBy', { time: left.text }) : t('sla.dueIn', { time: left.text })}
      </StatusIndicator>
    </span>
  );
}
