import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { parseCaseSearch } from '../features/cases/search-params.ts';
import { parsePortalCaseSearch } from '../features/portal/search-params.ts';
import { parseQueueSearch } from '../features/queue/search-params.ts';
import { CaseRoutePage, HomeRedirect } from './area-pages.tsx';
import { RootLayout } from './root-layout.tsx';

const rootRoute = createRootRoute({ component: RootLayout });

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: HomeRedirect,
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

/** One address per case for every party (the emails link here): each sees its own view. */
const caseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cases/$caseId',
  component: CaseRoutePage,
});

/** The reviewer's case page under the address reviewers' emails use. */
const reviewCaseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/cases/$caseId',
  component: lazyRouteComponent(() => import('../features/cases/index.ts'), 'CasePage'),
});

/** A task of the appeals queue: the appeal, the decision appealed, and the reviewer's decision. */
const appealReviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/appeals/$appealId',
  component: lazyRouteComponent(() => import('../features/appeals/index.ts'), 'AppealReviewPage'),
});

const portalHomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portal',
  component: lazyRouteComponent(() => import('../features/portal/index.ts'), 'PortalHomePage'),
});

const ipRightsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portal/ip-rights',
  component: lazyRouteComponent(() => import('../features/portal/index.ts'), 'IpRightsPage'),
});

const fileNoticeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portal/notices/new',
  component: lazyRouteComponent(() => import('../features/portal/index.ts'), 'FileNoticePage'),
});

const portalCasesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portal/cases',
  validateSearch: parsePortalCaseSearch,
  component: lazyRouteComponent(() => import('../features/portal/index.ts'), 'PortalCasesPage'),
});

/** A notice's page (the notifier's emails link here): its cases. */
const noticeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/notices/$noticeId',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/portal/cases', search: { noticeId: params.noticeId } });
  },
});

const sellerCasesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/seller',
  component: lazyRouteComponent(() => import('../features/seller/index.ts'), 'SellerCasesPage'),
});

const sellerAccountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/seller/account',
  component: lazyRouteComponent(() => import('../features/seller/index.ts'), 'SellerAccountPage'),
});

const counterNoticeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/seller/cases/$caseId/counter-notice',
  component: lazyRouteComponent(() => import('../features/seller/index.ts'), 'CounterNoticePage'),
});

const actionFailedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/action-failed',
  component: lazyRouteComponent(
    () => import('../features/action-failed/index.ts'),
    'ActionFailedPage',
  ),
});

/** The transparency report (admins). */
const transparencyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/transparency',
  component: lazyRouteComponent(
    () => import('../features/transparency/index.ts'),
    'TransparencyPage',
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
  reviewCaseRoute,
  appealReviewRoute,
  portalHomeRoute,
  ipRightsRoute,
  fileNoticeRoute,
  portalCasesRoute,
  noticeRoute,
  sellerCasesRoute,
  sellerAccountRoute,
  counterNoticeRoute,
  actionFailedRoute,
  transparencyRoute,
  rightsHolderVerificationRoute,
  ipRightVerificationRoute,
]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  // A page that throws shows the error the way every other error shows, in the app's frame.
  defaultErrorComponent: ({ error }) => <ProblemAlert error={error} />,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
