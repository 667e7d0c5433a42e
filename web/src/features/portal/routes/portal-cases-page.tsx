import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import TokenGroup from '@cloudscape-design/components/token-group';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary, Jurisdiction } from '../../../api/contract.ts';
import { caseColumns, caseTypeColumn } from '../../../components/case-columns.tsx';
import { CaseStatusSelect } from '../../../components/case-status-select.tsx';
import { DateTime } from '../../../components/date-time.tsx';
import { LoadMoreFooter } from '../../../components/load-more.tsx';
import { EmptyState } from '../../../components/loading-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { labelOf } from '../../../lib/labels.ts';
import { useNarrow } from '../../../lib/use-narrow.ts';
import { JURISDICTIONS, usePortalCases } from '../api/portal.ts';
import { NoticeProgress } from '../components/notice-progress.tsx';
import type { PortalCaseSearch } from '../search-params.ts';

/**
 * The rights holder's cases: search by listing, filter by status, jurisdiction and notice. Filtered
 * by a bulk notice, the notice's fan-out progress and rejected rows show above its cases.
 */
export function PortalCasesPage() {
  const { t, i18n } = useTranslation();
  const search = useSearch({ from: '/portal/cases' });
  const navigate = useNavigate();
  const narrow = useNarrow();
  const [text, setText] = useState(search.q ?? '');
  const cases = usePortalCases(search);
  const label = (group: string, value: string | undefined) =>
    labelOf(t, (k) => i18n.exists(k), group, value);
  const go = (next: PortalCaseSearch) => void navigate({ to: '/portal/cases', search: next });
  const jurisdictionOptions = [
    { value: '', label: t('portal.cases.anyJurisdiction') },
    ...JURISDICTIONS.map((j) => ({ value: j, label: label('jurisdictions', j) })),
  ];
  const columns: TableProps.ColumnDefinition<CaseSummary>[] = [
    ...caseColumns<CaseSummary>(t),
    caseTypeColumn<CaseSummary>(t, (k) => i18n.exists(k)),
    {
      id: 'notice',
      header: t('portal.cases.notice'),
      cell: (c: CaseSummary) => (
        <Link
          href={`/portal/cases?noticeId=${c.noticeId}`}
          onFollow={(event) => {
            event.preventDefault();
            go({ noticeId: c.noticeId });
          }}
        >
          {c.noticeId}
        </Link>
      ),
    },
    {
      id: 'created',
      header: t('search.columns.created'),
      cell: (c: CaseSummary) => <DateTime value={c.createdAt} />,
    },
  ];
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={t('portal.cases.description')}
          actions={
            <Button variant="primary" onClick={() => void navigate({ to: '/portal/notices/new' })}>
              {t('nav.fileNotice')}
            </Button>
          }
        >
          {t('nav.portalCases')}
        </Header>
      }
    >
      <SpaceBetween size="m">
        {search.noticeId && <NoticeProgress noticeId={search.noticeId} />}
        {cases.isError && <ProblemAlert error={cases.error} />}
        <Table
          variant="container"
          items={cases.data ?? []}
          trackBy="caseId"
          loading={cases.isPending}
          loadingText={t('common.loading')}
          wrapLines
          filter={
            <SpaceBetween size="xs">
              <form
                aria-label={t('portal.cases.filters')}
                onSubmit={(event) => {
                  event.preventDefault();
                  go({ ...search, q: text.trim().length >= 2 ? text.trim() : undefined });
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
                  <CaseStatusSelect
                    value={search.status}
                    onChange={(status) => go({ ...search, status })}
                  />
                  <Select
                    ariaLabel={t('case.jurisdiction')}
                    selectedOption={
                      jurisdictionOptions.find((o) => o.value === (search.jurisdiction ?? '')) ??
                      jurisdictionOptions[0]!
                    }
                    options={jurisdictionOptions}
                    onChange={({ detail }) =>
                      go({
                        ...search,
                        jurisdiction: (detail.selectedOption.value || undefined) as
                          | Jurisdiction
                          | undefined,
                      })
                    }
                  />
                  <Button formAction="submit">{t('search.submit')}</Button>
                </SpaceBetween>
              </form>
              {search.noticeId && (
                <TokenGroup
                  items={[
                    {
                      label: t('portal.cases.noticeFilter', { id: search.noticeId }),
                      dismissLabel: t('portal.cases.clearNoticeFilter', { id: search.noticeId }),
                    },
                  ]}
                  i18nStrings={{ limitShowMore: '', limitShowFewer: '' }}
                  onDismiss={() => go({ ...search, noticeId: undefined })}
                />
              )}
            </SpaceBetween>
          }
          columnDefinitions={narrow ? columns.slice(0, 2) : columns}
          empty={
            <EmptyState title={t('portal.cases.empty.title')} body={t('portal.cases.empty.body')} />
          }
          footer={<LoadMoreFooter query={cases} />}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
