/** The transparency report's public face (admins). */
export { TransparencyPage } from './routes/transparency-page.tsx';
