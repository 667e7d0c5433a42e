/** The cases feature's public face. */
export { useCaseFile, useRetryCase } from './api/cases.ts';
export { CasePage } from './routes/case-page.tsx';
export { CaseSearchPage } from './routes/case-search-page.tsx';
