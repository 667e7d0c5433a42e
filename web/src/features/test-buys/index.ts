/** The test-buys feature's public face: a case's test buys and the form to record one. */
export { TestBuysSection } from './components/test-buys-section.tsx';
