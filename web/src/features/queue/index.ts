/** The queue feature's public face. */
export { QueuePage } from './routes/queue-page.tsx';
