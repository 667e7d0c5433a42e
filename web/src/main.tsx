import '@cloudscape-design/global-styles/index.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/providers.tsx';
import { loadRuntimeConfig } from './config/runtime-config.ts';
import { createUserManager } from './features/auth/index.ts';
import { initI18n } from './i18n/index.ts';

/** Reads /config.json, sets up the languages and the OIDC client, then renders the app. */
async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  try {
    const [config] = await Promise.all([loadRuntimeConfig(), initI18n()]);
    root.render(
      <StrictMode>
        <AppProviders config={config} userManager={createUserManager(config)} />
      </StrictMode>,
    );
  } catch (error) {
    root.render(
      <main className="centered-page">
        <h1>Takedown</h1>
        <p role="alert">The app could not start: {String((error as Error)?.message ?? error)}</p>
      </main>,
    );
  }
}

void start();
