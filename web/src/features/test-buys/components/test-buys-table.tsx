import Box from '@cloudscape-design/components/box';
import StatusIndicator, {
  type StatusIndicatorProps,
} from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useTranslation } from 'react-i18next';
import type { TestBuy, TestBuyOutcome } from '../../../api/contract.ts';
import { DateTime } from '../../../components/date-time.tsx';
import { RouterLink } from '../../../components/router-link.tsx';

/** A test buy as a case file lists it (who recorded it may be left out). */
export type TestBuyRow = Omit<TestBuy, 'sellerId' | 'recordedBy'> &
  Partial<Pick<TestBuy, 'sellerId' | 'recordedBy'>>;

const OUTCOME_STATUS: Record<TestBuyOutcome, StatusIndicatorProps.Type> = {
  counterfeit_confirmed: 'error',
  genuine: 'success',
  inconclusive: 'info',
};

/**
 * Test buys as a table: the order and when it was placed, what the goods turned out to be, the
 * signed report, the case it belongs to (another case is a link), the internal note, and who
 * recorded it when.
 */
export function TestBuysTable(props: {
  items: readonly TestBuyRow[];
  /** The case the page shows: its own test buys need no link to it. */
  caseId: string;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Table
      variant="embedded"
      items={[...props.items]}
      trackBy="testBuyId"
      wrapLines
      ariaLabels={{ tableLabel: props.label }}
      columnDefinitions={[
        {
          id: 'order',
          header: t('testBuys.columns.order'),
          isRowHeader: true,
          cell: (item) => (
            <>
              {item.orderId}
              <Box variant="small" display="block">
                <DateTime value={item.orderedAt} />
              </Box>
            </>
          ),
        },
        {
          id: 'outcome',
          header: t('testBuys.columns.outcome'),
          minWidth: 180,
          cell: (item) => (
            <StatusIndicator type={OUTCOME_STATUS[item.outcome]}>
              {t(`testBuys.outcomes.${item.outcome}`)}
            </StatusIndicator>
          ),
        },
        {
          id: 'report',
          header: t('testBuys.columns.report'),
          cell: (item) => item.report.fileName ?? item.report.evidenceId,
        },
        {
          id: 'case',
          header: t('testBuys.columns.case'),
          cell: (item) =>
            !item.caseId ? (
              t('testBuys.onSeller')
            ) : item.caseId === props.caseId ? (
              t('testBuys.thisCase')
            ) : (
              <RouterLink href={`/cases/${encodeURIComponent(item.caseId)}`}>
                {item.ownInitiativeCaseId === item.caseId
                  ? t('testBuys.takedownCase', { caseId: item.caseId })
                  : item.caseId}
              </RouterLink>
            ),
        },
        {
          id: 'notes',
          header: t('testBuys.columns.notes'),
          cell: (item) => item.notes ?? '—',
        },
        {
          id: 'recorded',
          header: t('testBuys.columns.recorded'),
          cell: (item) => (
            <>
              <DateTime value={item.recordedAt} />
              {item.recordedBy && (
                <Box variant="small" display="block">
                  {item.recordedBy}
                </Box>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
