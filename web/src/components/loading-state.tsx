import Box from '@cloudscape-design/components/box';
import Spinner from '@cloudscape-design/components/spinner';
import { useTranslation } from 'react-i18next';

export function LoadingState(props: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Box textAlign="center" padding="l" color="text-status-inactive">
      <Spinner size="large" /> <span role="status">{props.label ?? t('common.loading')}</span>
    </Box>
  );
}

export function EmptyState(props: { title: string; body?: string; action?: React.ReactNode }) {
  return (
    <Box textAlign="center" color="inherit" padding="m">
      <Box variant="strong" color="inherit">
        {props.title}
      </Box>
      {props.body && (
        <Box variant="p" color="inherit">
          {props.body}
        </Box>
      )}
      {props.action}
    </Box>
  );
}
