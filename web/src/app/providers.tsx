import { I18nProvider } from '@cloudscape-design/components/i18n';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import type { UserManager } from 'oidc-client-ts';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiContext } from '../api/api-context.tsx';
import { createApiClient } from '../api/client.ts';
import type { RuntimeConfig } from '../config/runtime-config.ts';
import { type Auth, AuthProvider } from '../features/auth/auth-context.tsx';
import { useAuth } from '../features/auth/index.ts';
import { cloudscapeMessages } from '../i18n/index.ts';
import { createQueryClient } from './query-client.ts';
import { router } from './router.tsx';

/** Everything the pages need: i18n for Cloudscape, the session, the API client, the query cache. */
export function AppProviders(props: { config: RuntimeConfig; userManager: UserManager }) {
  const { i18n } = useTranslation();
  const onSignedIn = useMemo(() => (path: string) => void router.navigate({ to: path }), []);
  return (
    <I18nProvider locale={i18n.language} messages={[...cloudscapeMessages]}>
      <AuthProvider userManager={props.userManager} config={props.config} onSignedIn={onSignedIn}>
        <ApiAndRouter config={props.config} />
      </AuthProvider>
    </I18nProvider>
  );
}

function ApiAndRouter(props: { config: RuntimeConfig }) {
  const auth = useAuth();
  const authRef = useRef<Auth>(auth);
  authRef.current = auth;
  const queryClient = useMemo(createQueryClient, []);
  const api = useMemo(
    () =>
      createApiClient({
        baseUrl: props.config.apiUrl,
        token: () => authRef.current.idToken(),
        onUnauthorized: () => authRef.current.expire(),
      }),
    [props.config.apiUrl],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <ApiContext.Provider value={api}>
        <RouterProvider router={router} />
      </ApiContext.Provider>
    </QueryClientProvider>
  );
}
