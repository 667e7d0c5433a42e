import { Navigate } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { LoadingState } from '../components/loading-state.tsx';
import { AREA_HOME, areasOf, useAuth } from '../features/auth/index.ts';

const ReviewerCasePage = lazy(() =>
  import('../features/cases/index.ts').then((m) => ({ default: m.CasePage })),
);
const PortalCasePage = lazy(() =>
  import('../features/portal/index.ts').then((m) => ({ default: m.PortalCasePage })),
);
const SellerCasePage = lazy(() =>
  import('../features/seller/index.ts').then((m) => ({ default: m.SellerCasePage })),
);

/** The home page: the first area the user's roles open. */
export function HomeRedirect() {
  const auth = useAuth();
  const roles = auth.state.status === 'signed-in' ? auth.state.roles : [];
  const area = areasOf(roles)[0];
  return area ? <Navigate to={AREA_HOME[area]} replace /> : null;
}

/**
 * `/cases/{caseId}`: the page every party's emails link to. Reviewers get the console's case
 * page, the rights holder its portal page, the seller its seller-centre page; the API decides
 * what each may read.
 */
export function CaseRoutePage() {
  const auth = useAuth();
  const areas = auth.state.status === 'signed-in' ? areasOf(auth.state.roles) : [];
  const Page = areas.includes('console')
    ? ReviewerCasePage
    : areas.includes('portal')
      ? PortalCasePage
      : SellerCasePage;
  return (
    <Suspense fallback={<LoadingState />}>
      <Page />
    </Suspense>
  );
}
