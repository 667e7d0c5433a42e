import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FileDropzone from '@cloudscape-design/components/file-dropzone';
import FileInput from '@cloudscape-design/components/file-input';
import FormField from '@cloudscape-design/components/form-field';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../api/problem.ts';
import { formatBytes } from '../../evidence/index.ts';
import {
  contentTypeOf,
  EVIDENCE_TYPES,
  type EvidenceUploads,
  MAX_EVIDENCE_BYTES,
  type Upload,
  type UploadPurpose,
} from '../api/upload.ts';

/**
 * Evidence files by drag-and-drop or a file picker: each shows its SHA-256 (computed here, before
 * the upload), a progress bar while it is sent, and its sealing by the service.
 */
export function EvidenceUploader(props: {
  uploads: EvidenceUploads;
  /** The accessible name of the picker, e.g. "Choose evidence files". */
  label: string;
  multiple?: boolean;
}) {
  const { t } = useTranslation();
  const { uploads } = props;
  const accept = (files: readonly File[]) => {
    const chosen = props.multiple === false ? files.slice(0, 1) : files;
    if (chosen.length) uploads.add(chosen);
  };
  return (
    <SpaceBetween size="s">
      <FileDropzone onChange={({ detail }) => accept(detail.value)}>
        <SpaceBetween size="xxs" alignItems="center">
          <Box>{t('upload.drop')}</Box>
          <FileInput
            multiple={props.multiple !== false}
            accept={EVIDENCE_TYPES.join(',')}
            ariaLabel={props.label}
            value={[]}
            onChange={({ detail }) => accept(detail.value)}
          >
            {props.label}
          </FileInput>
          <Box variant="small" color="text-body-secondary">
            {t('upload.limits', { size: formatBytes(MAX_EVIDENCE_BYTES, 'en') })}
          </Box>
        </SpaceBetween>
      </FileDropzone>
      {uploads.uploads.length > 0 && (
        <ul className="upload-list" aria-label={t('upload.listLabel')}>
          {uploads.uploads.map((upload) => (
            <UploadRow
              key={upload.id}
              upload={upload}
              purpose={uploads.purpose}
              onRemove={() => uploads.remove(upload.id)}
            />
          ))}
        </ul>
      )}
    </SpaceBetween>
  );
}

/** One file of an uploader: its type, size, SHA-256, the upload's progress and the sealing. */
export function UploadRow(props: {
  upload: Upload;
  purpose?: UploadPurpose;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { upload } = props;
  const problem = upload.error instanceof ApiProblem ? upload.error : undefined;
  const failure = problem
    ? `${problem.title}${problem.detail ? `: ${problem.detail}` : ''} (${problem.status})`
    : upload.error
      ? String((upload.error as Error).message ?? upload.error)
      : t('upload.rejected');
  return (
    <li>
      <SpaceBetween size="xxs">
        <Box variant="strong">{upload.file.name}</Box>
        <Box variant="small">
          {contentTypeOf(upload.file, props.purpose)} ·{' '}
          {formatBytes(upload.file.size, i18n.language)}
        </Box>
        {upload.sha256 && (
          <Box variant="small">
            SHA-256{' '}
            <span className="digest">
              <Box variant="code">{upload.sha256}</Box>
            </span>
          </Box>
        )}
        {upload.status === 'uploading' || upload.status === 'hashing' ? (
          <ProgressBar
            value={upload.progress}
            label={t('upload.progressLabel', { name: upload.file.name })}
            description={upload.status === 'hashing' ? t('upload.hashing') : t('upload.sending')}
          />
        ) : upload.status === 'sealing' ? (
          <StatusIndicator type="loading">{t('upload.sealing')}</StatusIndicator>
        ) : upload.status === 'sealed' ? (
          <StatusIndicator type="success">{t('upload.sealed')}</StatusIndicator>
        ) : (
          <StatusIndicator type="error">{failure}</StatusIndicator>
        )}
        <Button
          variant="inline-link"
          ariaLabel={t('upload.removeNamed', { name: upload.file.name })}
          onClick={props.onRemove}
        >
          {t('upload.remove')}
        </Button>
      </SpaceBetween>
    </li>
  );
}

/** A form's evidence field: its label, help and server error over the uploader. */
export function EvidenceField(props: {
  label: string;
  description?: string;
  errorText?: string;
  uploads: EvidenceUploads;
  /** The picker's accessible name. */
  chooseLabel: string;
  multiple?: boolean;
}) {
  return (
    <FormField label={props.label} description={props.description} errorText={props.errorText}>
      <EvidenceUploader
        uploads={props.uploads}
        label={props.chooseLabel}
        {...(props.multiple === false ? { multiple: false } : {})}
      />
    </FormField>
  );
}
