import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/date-time.tsx';
import { EmptyState } from '../../../components/loading-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { labelOf } from '../../../lib/labels.ts';
import { useCaseSearch } from '../api/cases.ts';
import { CASE_STATUSES } from '../statuses.ts';

/** Search over cases: by listing title or id, status and jurisdiction. */
export function CaseSearchPage() {
  const { t, i18n } = useTranslation();
  const search = useSearch({ from: '/cases' });
  const navigate = useNavigate();
  const [text, setText] = useState(search.q ?? '');
  const cases = useCaseSearch(search);
  const label = (group: string, value: string | undefined) =>
    labelOf(t, (k) => i18n.exists(k), group, value);
  const statusOptions = [
    { value: '', label: t('search.anyStatus') },
    ...CASE_STATUSES.map((s) => ({ value: s, label: label('statuses', s) })),
  ];
  const submit = () =>
    void navigate({ to: '/cases', search: { ...search, q: text.trim() || undefined } });
  return (
    <ContentLayout header={<Header variant="h1">{t('search.title')}</Header>}>
      <SpaceBetween size="m">
        {cases.isError && <ProblemAlert error={cases.error} />}
        <Table
          variant="container"
          items={cases.data ?? []}
          trackBy="caseId"
          loading={cases.isPending}
          loadingText={t('common.loading')}
          filter={
            <form
              aria-label={t('search.title')}
              onSubmit={(event) => {
                event.preventDefault();
                submit();
              }}
            >
              <SpaceBetween direction="horizontal" size="xs">
                <Input
                  type="search"
                  ariaLabel={t('search.query')}
                  placeholder={t('search.query')}
                  value={text}
                  onChange={({ detail }) => setText(detail.value)}
                />
                <Select
                  ariaLabel={t('search.status')}
                  selectedOption={
                    statusOptions.find((o) => o.value === (search.status ?? '')) ??
                    statusOptions[0]!
                  }
                  options={statusOptions}
                  onChange={({ detail }) =>
                    void navigate({
                      to: '/cases',
                      search: { ...search, status: detail.selectedOption.value || undefined },
                    })
                  }
                />
                <Button formAction="submit">{t('search.submit')}</Button>
              </SpaceBetween>
            </form>
          }
          columnDefinitions={[
            {
              id: 'listing',
              header: t('search.columns.listing'),
              isRowHeader: true,
              cell: (c) => (
                <Link
                  href={`/cases/${c.caseId}`}
                  onFollow={(event) => {
                    event.preventDefault();
                    void navigate({ to: '/cases/$caseId', params: { caseId: c.caseId } });
                  }}
                >
                  {c.listingTitle ?? c.listingId}
                </Link>
              ),
            },
            {
              id: 'status',
              header: t('search.columns.status'),
              cell: (c) => label('statuses', c.status),
            },
            {
              id: 'type',
              header: t('search.columns.type'),
              cell: (c) =>
                `${label('jurisdictions', c.jurisdiction)} · ${label('infringementTypes', c.infringementType)}`,
            },
            { id: 'seller', header: t('search.columns.seller'), cell: (c) => c.sellerId ?? '—' },
            {
              id: 'created',
              header: t('search.columns.created'),
              cell: (c) => <DateTime value={c.createdAt} />,
            },
          ]}
          empty={<EmptyState title={t('search.empty.title')} body={t('search.empty.body')} />}
          footer={
            cases.hasNextPage ? (
              <Box textAlign="center">
                <Button
                  loading={cases.isFetchingNextPage}
                  onClick={() => void cases.fetchNextPage()}
                >
                  {t('common.loadMore')}
                </Button>
              </Box>
            ) : undefined
          }
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
