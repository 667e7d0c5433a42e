/** The evidence feature's public face: one piece of evidence, shown inline where safe. */
export { EvidenceViewer, formatBytes } from './components/evidence-viewer.tsx';
