import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import type { CaseFile, DeadlineKey } from '../api/contract.ts';
import { labelOf } from '../lib/labels.ts';
import { DateTime } from './date-time.tsx';
import { SlaCountdown } from './sla-countdown.tsx';

/** The deadlines in force, with time left. */
export function DeadlinesSection(props: { file: CaseFile }) {
  const { t } = useTranslation();
  // The API lists only the deadlines in force, in its own order.
  const present = Object.keys(props.file.deadlines ?? {}) as DeadlineKey[];
  return (
    <Container header={<Header variant="h2">{t('case.deadlines')}</Header>}>
      {present.length === 0 ? (
        <Box color="text-status-inactive">{t('case.noDeadlines')}</Box>
      ) : (
        <KeyValuePairs
          columns={2}
          items={present.map((key) => ({
            label: t(`deadlines.${key}`),
            value: (
              <>
                <DateTime value={props.file.deadlines[key]} />
                <br />
                <SlaCountdown dueAt={props.file.deadlines[key]} />
              </>
            ),
          }))}
        />
      )}
    </Container>
  );
}

/** Everything that happened to the case, oldest first, with who did it. */
export function TimelineSection(props: { file: CaseFile }) {
  const { t, i18n } = useTranslation();
  const label = (group: string, value: string | undefined) =>
    labelOf(t, (k) => i18n.exists(k), group, value);
  return (
    <Container header={<Header variant="h2">{t('case.timeline')}</Header>}>
      <ol className="timeline">
        {props.file.timeline.map((entry, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the timeline is append-only, so an entry keeps its index
          <li key={`${entry.at}-${entry.type}-${i}`}>
            <Box variant="strong">{label('timeline', entry.type)}</Box> ·{' '}
            <DateTime value={entry.at} /> · {label('roles', entry.actor.role)}
            {entry.actor.id ? ` (${entry.actor.id})` : ''}
            {typeof entry.detail?.reasonCode === 'string' ? ` · ${entry.detail.reasonCode}` : ''}
          </li>
        ))}
      </ol>
    </Container>
  );
}

/** A party's side column of a case: the deadlines that bind it, then the timeline. */
export function CaseClockColumn(props: { file: CaseFile }) {
  return (
    <SpaceBetween size="l">
      <DeadlinesSection file={props.file} />
      <TimelineSection file={props.file} />
    </SpaceBetween>
  );
}
