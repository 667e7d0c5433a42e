import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewTask } from '../../../api/contract.ts';
import { useFlash } from '../../../components/flash.tsx';
import { LoadMoreFooter } from '../../../components/load-more.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useAuth } from '../../auth/index.ts';
import { DecisionModal } from '../../decisions/index.ts';
import { useClaim, useReviewTasks } from '../api/review-tasks.ts';
import { KeyboardHelp } from '../components/keyboard-help.tsx';
import { QueueFilters } from '../components/queue-filters.tsx';
import { QueueTable } from '../components/queue-table.tsx';
import { SavedViewsMenu } from '../components/saved-views-menu.tsx';
import { moveSelection, type QueueCommand } from '../keyboard.ts';
import type { QueueSearch } from '../search-params.ts';
import { isCaseReview, taskHref, taskKey } from '../task-target.ts';
import { useQueueKeyboard } from '../use-queue-keyboard.ts';

type Decision = 'approve' | 'reject' | 'request_info';

/** The one queue over every queue the reviewer may work, most urgent first. */
export function QueuePage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/queue' });
  const navigate = useNavigate();
  const auth = useAuth();
  const flash = useFlash();
  const me = auth.state.status === 'signed-in' ? auth.state.user.profile.sub : undefined;
  const tasks = useReviewTasks(search);
  const { claim, release } = useClaim();
  const items = tasks.data ?? [];
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [deciding, setDeciding] = useState<{ task: ReviewTask; decision: Decision } | null>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const index = items.findIndex((task) => taskKey(task) === selectedId);
  const selected = index >= 0 ? items[index] : undefined;

  const setSearch = (next: QueueSearch) => void navigate({ to: '/queue', search: next });
  const open = (task: ReviewTask | undefined) => {
    const href = task && taskHref(task);
    if (href) void navigate({ to: href });
  };

  useQueueKeyboard(deciding === null, (command: QueueCommand) => {
    setNotice(undefined);
    if (command.type === 'move') {
      const next = moveSelection(index, command.by, items.length);
      setSelectedId(items[next] && taskKey(items[next]));
    } else if (command.type === 'open') open(selected);
    else if (selected && isCaseReview(selected))
      setDeciding({ task: selected, decision: command.decision });
    else if (selected) setNotice(t('queue.keyboard.notCaseReview'));
  });

  // Keep the selected row in view as j / k walk the queue.
  useEffect(() => {
    if (!selectedId) return;
    document
      .querySelector(`[data-task-id="${CSS.escape(selectedId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const header = (
    <Header
      variant="awsui-h1-sticky"
      counter={tasks.isSuccess ? `(${items.length}${tasks.hasNextPage ? '+' : ''})` : undefined}
      description={t('queue.description')}
      actions={
        <SpaceBetween direction="horizontal" size="xs">
          <SavedViewsMenu search={search} onApply={setSearch} />
          <Button
            disabled={!selected || Boolean(selected.claim)}
            loading={claim.isPending}
            onClick={() => selected && claim.mutate(selected.taskId)}
          >
            {t('queue.claim.claim')}
          </Button>
          <Button
            disabled={!selected?.claim || selected.claim.reviewer.id !== me}
            loading={release.isPending}
            onClick={() => selected && release.mutate(selected.taskId)}
          >
            {t('queue.claim.release')}
          </Button>
          <Button variant="primary" disabled={!selected} onClick={() => open(selected)}>
            {t('queue.open')}
          </Button>
        </SpaceBetween>
      }
    >
      {t('queue.title')}
    </Header>
  );

  return (
    <ContentLayout>
      <SpaceBetween size="m">
        {tasks.isError && <ProblemAlert error={tasks.error} />}
        {claim.isError && <ProblemAlert error={claim.error} onDismiss={() => claim.reset()} />}
        {release.isError && (
          <ProblemAlert error={release.error} onDismiss={() => release.reset()} />
        )}
        {notice && (
          <div role="status">
            <Box color="text-status-info">{notice}</Box>
          </div>
        )}
        <QueueTable
          tasks={items}
          loading={tasks.isPending}
          selected={selected}
          onSelect={(task) => setSelectedId(taskKey(task))}
          me={me}
          header={header}
          filter={<QueueFilters search={search} onChange={setSearch} />}
          footer={<LoadMoreFooter query={tasks} />}
        />
        <KeyboardHelp />
      </SpaceBetween>
      {deciding?.task.caseId && (
        <DecisionModal
          caseId={deciding.task.caseId}
          listing={deciding.task.listingTitle ?? deciding.task.listingId ?? deciding.task.caseId}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDecided={(status) => {
            flash.push({
              type: 'success',
              content: t('decision.recorded', {
                listing: deciding.task.listingTitle ?? deciding.task.listingId,
                status: t(`statuses.${status}`, { defaultValue: status }),
              }),
            });
            setDeciding(null);
          }}
        />
      )}
    </ContentLayout>
  );
}
