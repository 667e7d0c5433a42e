/** Statutory statements: the law's words per jurisdiction and document, agreed one by one. */
export { agreementBody, agreementFields, useLegalTexts } from './api/legal-texts.ts';
export { StatutoryStatements } from './components/statutory-statements.tsx';
