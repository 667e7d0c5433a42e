/** The evidence uploader's public face: hash in the browser, upload with progress, await sealing. */
export {
  contentTypeOf,
  type EvidenceUploads,
  MANIFEST_TYPES,
  MAX_EVIDENCE_BYTES,
  sha256Hex,
  useEvidenceUploads,
} from './api/upload.ts';
export { EvidenceField, EvidenceUploader, UploadRow } from './components/evidence-uploader.tsx';
