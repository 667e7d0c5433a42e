import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import { useTranslation } from 'react-i18next';

/**
 * A paginated table's footer: "Load more" while the API has a next page (`nextCursor`), nothing
 * once it has not.
 */
export function LoadMoreFooter(props: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { t } = useTranslation();
  if (!props.query.hasNextPage) return null;
  return (
    <Box textAlign="center">
      <Button
        loading={props.query.isFetchingNextPage}
        onClick={() => void props.query.fetchNextPage()}
      >
        {t('common.loadMore')}
      </Button>
    </Box>
  );
}
