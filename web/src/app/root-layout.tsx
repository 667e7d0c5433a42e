import { Outlet } from '@tanstack/react-router';
import { LoadingState } from '../components/loading-state.tsx';
import { canReview, NoRolePage, SignInPage, useAuth } from '../features/auth/index.ts';
import { AppShell } from './shell.tsx';

/**
 * Decides what a person sees before any page: the sign-in page without a session, an explanation
 * when their roles open nothing here, else the console.
 */
export function RootLayout() {
  const auth = useAuth();
  const state = auth.state;
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'signed-out') return <SignInPage />;
  if (!canReview(state.roles))
    return (
      <AppShell navigation={false}>
        <NoRolePage name={state.name} roles={state.roles} onSignOut={() => void auth.signOut()} />
      </AppShell>
    );
  return (
    <AppShell navigation>
      <Outlet />
    </AppShell>
  );
}
