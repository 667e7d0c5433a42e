import Box from '@cloudscape-design/components/box';
import { useTranslation } from 'react-i18next';
import type { Claim } from '../../../api/contract.ts';
import { DateTime } from '../../../components/date-time.tsx';

/** Who holds a task, and until when; "you" for the signed-in reviewer. */
export function ClaimCell(props: { claim: Claim | undefined; me: string | undefined }) {
  const { t } = useTranslation();
  if (!props.claim) return <Box color="text-status-inactive">{t('queue.claim.free')}</Box>;
  const mine = props.claim.reviewer.id === props.me;
  return (
    <span>
      {mine ? t('queue.claim.you') : props.claim.reviewer.id}{' '}
      <Box variant="small" display="inline">
        {t('queue.claim.until')} <DateTime value={props.claim.until} />
      </Box>
    </span>
  );
}
