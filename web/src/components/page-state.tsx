import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import type { ReactNode } from 'react';
import { LoadingState } from './loading-state.tsx';
import { ProblemAlert } from './problem-alert.tsx';

/**
 * A page whose data is not there: the spinner while it loads, else the page's title (and
 * breadcrumbs) over the API's problem, the same on every page.
 */
export function PageState(props: {
  title: string;
  breadcrumbs?: ReactNode;
  /** The page's query (or queries' combined state). */
  query: { isPending: boolean; error: unknown };
}) {
  if (props.query.isPending) return <LoadingState />;
  return (
    <ContentLayout
      breadcrumbs={props.breadcrumbs}
      header={<Header variant="h1">{props.title}</Header>}
    >
      <ProblemAlert error={props.query.error} />
    </ContentLayout>
  );
}
