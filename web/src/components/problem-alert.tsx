import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import { useTranslation } from 'react-i18next';
import { ApiProblem, NETWORK_FAILURE } from '../api/problem.ts';

/**
 * An API error as a person reads it: what happened in their language (by status), the server's
 * own title and detail, and any field errors that no form field shows.
 */
export function ProblemAlert(props: {
  error: unknown;
  /** Field paths the form shows beside its fields; the rest are listed here. */
  shownFields?: readonly string[];
  onDismiss?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const problem = props.error instanceof ApiProblem ? props.error : undefined;
  const status = problem?.status;
  const key =
    status === NETWORK_FAILURE
      ? 'problems.network'
      : status !== undefined && i18n.exists(`problems.status.${status}`)
        ? `problems.status.${status}`
        : 'problems.generic';
  const others = problem?.otherFieldErrors(props.shownFields ?? []) ?? [];
  return (
    <Alert
      type="error"
      header={t(key)}
      {...(props.onDismiss ? { dismissible: true, onDismiss: props.onDismiss } : {})}
    >
      {problem ? (
        <>
          <Box variant="p">
            {problem.title}
            {problem.detail ? `: ${problem.detail}` : ''}
            {status ? ` (${status})` : ''}
          </Box>
          {others.length > 0 && (
            <ul>
              {others.map((e) => (
                <li key={`${e.path}:${e.message}`}>
                  <Box variant="code">{e.path || '(body)'}</Box> {e.message}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <Box variant="p">{String((props.error as Error)?.message ?? props.error)}</Box>
      )}
    </Alert>
  );
}
