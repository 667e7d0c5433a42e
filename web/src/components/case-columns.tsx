import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TableProps } from '@cloudscape-design/components/table';
import type { TFunction } from 'i18next';
import { labelOf } from '../lib/labels.ts';
import { CaseStatusBadge } from './case-status.tsx';
import { RouterLink } from './router-link.tsx';

interface CaseRow {
  caseId: string;
  listingId: string;
  listingTitle?: string | null;
  status: string;
}

/**
 * The columns every case list starts with: the listing (a link to the case page, with its id
 * beneath) and the case's status as a badge.
 */
export function caseColumns<T extends CaseRow>(t: TFunction): TableProps.ColumnDefinition<T>[] {
  return [
    {
      id: 'listing',
      header: t('search.columns.listing'),
      isRowHeader: true,
      cell: (c) => (
        <SpaceBetween size="xxs">
          <RouterLink href={`/cases/${encodeURIComponent(c.caseId)}`}>
            {c.listingTitle ?? c.listingId}
          </RouterLink>
          <Box variant="small">{c.listingId}</Box>
        </SpaceBetween>
      ),
    },
    {
      id: 'status',
      header: t('search.columns.status'),
      cell: (c) => <CaseStatusBadge status={c.status} />,
    },
  ];
}

/** The case's jurisdiction and type of infringement, in the viewer's language. */
export function caseTypeColumn<T extends { jurisdiction: string; infringementType: string }>(
  t: TFunction,
  exists: (key: string) => boolean,
): TableProps.ColumnDefinition<T> {
  return {
    id: 'type',
    header: t('search.columns.type'),
    cell: (c) =>
      `${labelOf(t, exists, 'jurisdictions', c.jurisdiction)} · ${labelOf(t, exists, 'infringementTypes', c.infringementType)}`,
  };
}
