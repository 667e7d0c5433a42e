/** Appeals (DSA Art 20): the form a party files one with, once the service has appeals. */
export { AppealForm } from './components/appeal-form.tsx';
