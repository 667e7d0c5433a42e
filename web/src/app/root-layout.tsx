import { Outlet, useLocation } from '@tanstack/react-router';
import { LoadingState } from '../components/loading-state.tsx';
import { areaOfPath, areasOf, NoRolePage, SignInPage, useAuth } from '../features/auth/index.ts';
import { AppShell } from './shell.tsx';

/**
 * Decides what a person sees before any page: the sign-in page without a session, an explanation
 * when their roles do not open the area of the page (or nothing at all), else the page in the
 * app's frame with the navigation of their areas.
 */
export function RootLayout() {
  const auth = useAuth();
  const location = useLocation();
  const state = auth.state;
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'signed-out') return <SignInPage />;
  const areas = areasOf(state.roles);
  const area = areaOfPath(location.pathname);
  if (areas.length === 0 || (area && !areas.includes(area)))
    return (
      <AppShell areas={areas}>
        <NoRolePage
          name={state.name}
          roles={state.roles}
          {...(area ? { area } : {})}
          onSignOut={() => void auth.signOut()}
        />
      </AppShell>
    );
  return (
    <AppShell areas={areas}>
      <Outlet />
    </AppShell>
  );
}
