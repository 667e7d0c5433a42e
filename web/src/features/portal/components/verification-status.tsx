import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useTranslation } from 'react-i18next';

/** A rights holder's or an IP right's verification status. */
export function VerificationStatus(props: { status: string }) {
  const { t } = useTranslation();
  const type =
    props.status === 'verified' ? 'success' : props.status === 'rejected' ? 'error' : 'pending';
  return (
    <StatusIndicator type={type}>{t(`verification.statuses.${props.status}`)}</StatusIndicator>
  );
}
