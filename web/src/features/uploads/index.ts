/** The evidence uploader's public face: hash in the browser, upload with progress, await sealing. */
export { type EvidenceUploads, sha256Hex, useEvidenceUploads } from './api/upload.ts';
export { EvidenceField, EvidenceUploader } from './components/evidence-uploader.tsx';
