/** The seller centre's public face: its pages. */
export { CounterNoticePage } from './routes/counter-notice-page.tsx';
export { SellerAccountPage } from './routes/seller-account-page.tsx';
export { SellerCasePage } from './routes/seller-case-page.tsx';
export { SellerCasesPage } from './routes/seller-cases-page.tsx';
