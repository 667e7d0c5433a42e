/** Appeals (DSA Art 20): the form a party files one with, a case's appeals, the reviewer's page. */
export { AppealForm, CaseAppeals } from './components/appeal-form.tsx';
export { AppealStatus, AppealsSection } from './components/appeals-section.tsx';
export { AppealReviewPage } from './routes/appeal-review-page.tsx';
