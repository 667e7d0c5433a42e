/** The rights-holder portal's public face: its pages. */
export { FileNoticePage } from './routes/file-notice-page.tsx';
export { IpRightsPage } from './routes/ip-rights-page.tsx';
export { PortalCasePage } from './routes/portal-case-page.tsx';
export { PortalCasesPage } from './routes/portal-cases-page.tsx';
export { PortalHomePage } from './routes/portal-home-page.tsx';
