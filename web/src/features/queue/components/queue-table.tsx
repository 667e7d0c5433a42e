import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewTask } from '../../../api/contract.ts';
import { DateTime } from '../../../components/date-time.tsx';
import { EmptyState } from '../../../components/loading-state.tsx';
import { SlaCountdown } from '../../../components/sla-countdown.tsx';
import { labelOf } from '../../../lib/labels.ts';
import { useNarrow } from '../../../lib/use-narrow.ts';
import { taskHref, taskKey } from '../task-target.ts';
import { ClaimCell } from './claim-cell.tsx';

/** The columns a phone shows: what the task is, its SLA, who holds it. */
const NARROW_COLUMNS = ['task', 'due', 'claim'];

/** The queue as a table: one row per task, most urgent first, the selected row highlighted. */
export function QueueTable(props: {
  tasks: ReviewTask[];
  loading: boolean;
  selected: ReviewTask | undefined;
  onSelect: (task: ReviewTask) => void;
  me: string | undefined;
  header: ReactNode;
  filter: ReactNode;
  footer?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const narrow = useNarrow();
  const label = (group: string, value: string | undefined) =>
    labelOf(t, (k) => i18n.exists(k), group, value);
  const columns: TableProps.ColumnDefinition<ReviewTask>[] = [
    {
      id: 'task',
      header: t('queue.columns.task'),
      isRowHeader: true,
      cell: (task) => {
        const href = taskHref(task);
        const text = task.listingTitle ?? task.listingId ?? task.subjectId ?? task.taskId;
        return (
          <span data-task-id={taskKey(task)}>
            {href ? (
              <Link
                href={href}
                onFollow={(event) => {
                  event.preventDefault();
                  void navigate({ to: href });
                }}
              >
                {text}
              </Link>
            ) : (
              text
            )}
            <Box variant="small" display="block">
              {[
                label('kinds', task.kind),
                task.source === 'own_initiative' ? t('sources.own_initiative') : undefined,
                task.listingTitle ? task.listingId : undefined,
                task.caseId,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Box>
          </span>
        );
      },
    },
    {
      id: 'due',
      header: t('queue.columns.due'),
      minWidth: 140,
      cell: (task) => <SlaCountdown dueAt={task.dueAt} overdue={task.overdue} />,
    },
    {
      id: 'queue',
      header: t('queue.columns.queue'),
      cell: (task) =>
        task.overdue ? (
          <>
            {label('queues', task.queue)} <Badge color="red">{t('sla.overdue')}</Badge>
          </>
        ) : (
          label('queues', task.queue)
        ),
    },
    {
      id: 'source',
      header: t('queue.columns.source'),
      cell: (task) => (task.source ? t(`sources.${task.source}`) : '—'),
    },
    {
      id: 'rightsHolder',
      header: t('queue.columns.rightsHolder'),
      cell: (task) => task.rightsHolderName ?? '—',
    },
    {
      id: 'type',
      header: t('queue.columns.type'),
      cell: (task) =>
        [
          label('jurisdictions', task.jurisdiction),
          label('infringementTypes', task.infringementType),
        ]
          .filter((v) => v !== '—')
          .join(' · ') || '—',
    },
    {
      id: 'created',
      header: t('queue.columns.created'),
      cell: (task) => <DateTime value={task.createdAt} />,
    },
    {
      id: 'claim',
      header: t('queue.columns.claim'),
      cell: (task) => <ClaimCell claim={task.claim} me={props.me} />,
    },
  ];
  return (
    <Table
      variant="full-page"
      items={props.tasks}
      columnDefinitions={columns}
      trackBy={taskKey}
      columnDisplay={columns.map((c) => ({
        id: c.id!,
        visible: !narrow || NARROW_COLUMNS.includes(c.id!),
      }))}
      selectionType="single"
      selectedItems={props.selected ? [props.selected] : []}
      onSelectionChange={({ detail }) => {
        const [task] = detail.selectedItems;
        if (task) props.onSelect(task);
      }}
      ariaLabels={{
        tableLabel: t('queue.title'),
        selectionGroupLabel: t('queue.selection'),
        itemSelectionLabel: (_state, task) =>
          t('queue.selectTask', { task: task.listingTitle ?? task.listingId ?? task.taskId }),
      }}
      loading={props.loading}
      loadingText={t('queue.loading')}
      stickyColumns={{ first: 1 }}
      wrapLines
      header={props.header}
      filter={props.filter}
      footer={props.footer}
      empty={<EmptyState title={t('queue.empty.title')} body={t('queue.empty.body')} />}
    />
  );
}
