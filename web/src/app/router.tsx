import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { parseCaseSearch } from '../features/cases/search-params.ts';
import { parseQueueSearch } from '../features/queue/search-params.ts';
import { RootLayout } from './root-layout.tsx';

const rootRoute = createRootRoute({ component: RootLayout });

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/queue' });
  },
});

/** The issuer's redirect target; the auth provider completes the sign-in and navigates on. */
const callbackRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/auth/callback',
  component: () => null,
});

const queueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/queue',
  validateSearch: parseQueueSearch,
  component: lazyRouteComponent(() => import('../features/queue/index.ts'), 'QueuePage'),
});

const casesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cases',
  validateSearch: parseCaseSearch,
  component: lazyRouteComponent(() => import('../features/cases/index.ts'), 'CaseSearchPage'),
});

const caseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cases/$caseId',
  component: lazyRouteComponent(() => import('../features/cases/index.ts'), 'CasePage'),
});

const actionFailedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/action-failed',
  component: lazyRouteComponent(
    () => import('../features/action-failed/index.ts'),
    'ActionFailedPage',
  ),
});

const rightsHolderVerificationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verification/rights-holders/$subjectId',
  component: lazyRouteComponent(
    () => import('../features/verification/index.ts'),
    'RightsHolderVerificationPage',
  ),
});

const ipRightVerificationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verification/ip-rights/$subjectId',
  component: lazyRouteComponent(
    () => import('../features/verification/index.ts'),
    'IpRightVerificationPage',
  ),
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  callbackRoute,
  queueRoute,
  casesRoute,
  caseRoute,
  actionFailedRoute,
  rightsHolderVerificationRoute,
  ipRightVerificationRoute,
]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  // A page that throws shows the error the way every other error shows, in the console's frame.
  defaultErrorComponent: ({ error }) => <ProblemAlert error={error} />,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
