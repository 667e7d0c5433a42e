import Badge from '@cloudscape-design/components/badge';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../lib/labels.ts';

/** Outcomes where the listing is back up or was never taken down. */
const GREEN = new Set(['restored', 'withdrawn', 'rejected', 'duplicate', 'abandoned']);
/** Outcomes where the listing stays down. */
const RED = new Set(['upheld', 'upheld_pending_court', 'action_failed']);

/** A case's status as a coloured badge, in the viewer's language. */
export function CaseStatusBadge(props: { status: string }) {
  const { t, i18n } = useTranslation();
  const color = GREEN.has(props.status) ? 'green' : RED.has(props.status) ? 'red' : 'blue';
  return <Badge color={color}>{labelOf(t, (k) => i18n.exists(k), 'statuses', props.status)}</Badge>;
}
