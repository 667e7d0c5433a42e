import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FileDropzone from '@cloudscape-design/components/file-dropzone';
import FileInput from '@cloudscape-design/components/file-input';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../evidence/index.ts';
import { type EvidenceUploads, MANIFEST_TYPES, UploadRow } from '../../uploads/index.ts';
import {
  checkManifestFile,
  checkManifestText,
  MAX_MANIFEST_BYTES,
  MAX_MANIFEST_ROWS,
  type ManifestProblem,
  manifestKind,
} from '../manifest.ts';

const CSV_EXAMPLE = 'listingId,url\nlst-123,\n,https://shop.example/listings/lst-456';
const JSONL_EXAMPLE = '{"listingId":"lst-123"}\n{"url":"https://shop.example/listings/lst-456"}';

/**
 * A bulk notice's manifest: the format explained, one CSV or JSON Lines file by drag-and-drop or
 * the picker, checked here (type, size, header, at most 10,000 rows) before it is hashed,
 * uploaded with `purpose: "manifest"` and sealed like evidence. A new file replaces the last.
 */
export function ManifestField(props: { uploads: EvidenceUploads; errorText?: string }) {
  const { t, i18n } = useTranslation();
  const { uploads } = props;
  const [problem, setProblem] = useState<string>();
  const maxBytes = formatBytes(MAX_MANIFEST_BYTES, i18n.language);
  const rowsLimit = new Intl.NumberFormat(i18n.language).format(MAX_MANIFEST_ROWS);

  const describe = (p: ManifestProblem, name: string): string =>
    p.problem === 'rows'
      ? t('portal.notice.manifest.errors.rows', {
          name,
          rows: new Intl.NumberFormat(i18n.language).format(p.rows),
          max: rowsLimit,
        })
      : t(`portal.notice.manifest.errors.${p.problem}`, { name, max: maxBytes });

  const accept = async (files: readonly File[]) => {
    const file = files[0];
    if (!file) return;
    const kind = manifestKind(file);
    const found =
      checkManifestFile(file) ?? (kind ? checkManifestText(kind, await file.text()) : undefined);
    if (found) {
      setProblem(describe(found, file.name));
      return;
    }
    setProblem(undefined);
    for (const old of uploads.uploads) uploads.remove(old.id);
    uploads.add([file]);
  };

  return (
    <FormField
      label={t('portal.notice.manifest.label')}
      description={t('portal.notice.manifest.help', { max: rowsLimit })}
      errorText={problem ?? props.errorText}
    >
      <SpaceBetween size="s">
        <ColumnLayout columns={2}>
          <div>
            <Box variant="awsui-key-label">{t('portal.notice.manifest.csv')}</Box>
            <Box variant="small">{t('portal.notice.manifest.csvHelp')}</Box>
            <pre className="manifest-example">{CSV_EXAMPLE}</pre>
          </div>
          <div>
            <Box variant="awsui-key-label">{t('portal.notice.manifest.jsonl')}</Box>
            <Box variant="small">{t('portal.notice.manifest.jsonlHelp')}</Box>
            <pre className="manifest-example">{JSONL_EXAMPLE}</pre>
          </div>
        </ColumnLayout>
        <FileDropzone onChange={({ detail }) => void accept(detail.value)}>
          <SpaceBetween size="xxs" alignItems="center">
            <Box>{t('portal.notice.manifest.drop')}</Box>
            <FileInput
              accept={['.csv', '.jsonl', '.ndjson', ...MANIFEST_TYPES].join(',')}
              ariaLabel={t('portal.notice.manifest.choose')}
              value={[]}
              onChange={({ detail }) => void accept(detail.value)}
            >
              {t('portal.notice.manifest.choose')}
            </FileInput>
            <Box variant="small" color="text-body-secondary">
              {t('portal.notice.manifest.limits', { size: maxBytes, max: rowsLimit })}
            </Box>
          </SpaceBetween>
        </FileDropzone>
        {uploads.uploads.length > 0 && (
          <ul className="upload-list" aria-label={t('portal.notice.manifest.label')}>
            {uploads.uploads.map((upload) => (
              <UploadRow
                key={upload.id}
                upload={upload}
                purpose="manifest"
                onRemove={() => uploads.remove(upload.id)}
              />
            ))}
          </ul>
        )}
      </SpaceBetween>
    </FormField>
  );
}
