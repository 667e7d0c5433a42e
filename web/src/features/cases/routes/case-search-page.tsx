import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../api/contract.ts';
import { caseColumns, caseTypeColumn } from '../../../components/case-columns.tsx';
import { CaseStatusSelect } from '../../../components/case-status-select.tsx';
import { DateTime } from '../../../components/date-time.tsx';
import { LoadMoreFooter } from '../../../components/load-more.tsx';
import { EmptyState } from '../../../components/loading-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useCaseSearch } from '../api/cases.ts';

/** Search over cases: by listing title or id, status and jurisdiction. */
export function CaseSearchPage() {
  const { t, i18n } = useTranslation();
  const search = useSearch({ from: '/cases' });
  const navigate = useNavigate();
  const [text, setText] = useState(search.q ?? '');
  const cases = useCaseSearch(search);
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
                <CaseStatusSelect
                  value={search.status}
                  onChange={(status) =>
                    void navigate({ to: '/cases', search: { ...search, status } })
                  }
                />
                <Button formAction="submit">{t('search.submit')}</Button>
              </SpaceBetween>
            </form>
          }
          columnDefinitions={[
            ...caseColumns<CaseSummary>(t),
            caseTypeColumn<CaseSummary>(t, (k) => i18n.exists(k)),
            { id: 'seller', header: t('search.columns.seller'), cell: (c) => c.sellerId ?? '—' },
            {
              id: 'created',
              header: t('search.columns.created'),
              cell: (c) => <DateTime value={c.createdAt} />,
            },
          ]}
          empty={<EmptyState title={t('search.empty.title')} body={t('search.empty.body')} />}
          footer={<LoadMoreFooter query={cases} />}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
