/** The action_failed list's public face. */
export { ActionFailedPage } from './routes/action-failed-page.tsx';
