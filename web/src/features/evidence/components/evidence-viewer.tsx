import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../api/contract.ts';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { isInlineSafe, useEvidenceContent, useEvidenceDownload } from '../api/evidence.ts';

/** Bytes as "12.3 KB", in the viewer's language. */
export function formatBytes(size: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/**
 * One piece of evidence: name, size, SHA-256 and sealed status, and its content inline where the
 * type is safe to show (images, PDF, plain text); anything else (an HTML snapshot) downloads.
 */
export function EvidenceViewer(props: { evidence: EvidenceItem }) {
  const { t, i18n } = useTranslation();
  const { evidence } = props;
  const sealed = evidence.status === 'sealed';
  const name = evidence.fileName ?? evidence.evidenceId;
  const inline = sealed && isInlineSafe(evidence.contentType ?? '');
  const content = useEvidenceContent(evidence.evidenceId, inline);
  const download = useEvidenceDownload();
  const [downloadError, setDownloadError] = useState<unknown>();
  return (
    <SpaceBetween size="xs">
      <Box variant="h4" tagOverride="h3">
        {name}
      </Box>
      <Box variant="small">
        {evidence.contentType ?? '—'} ·{' '}
        {evidence.size === undefined ? '—' : formatBytes(evidence.size, i18n.language)} ·{' '}
        <StatusIndicator
          type={sealed ? 'success' : evidence.status === 'rejected' ? 'error' : 'pending'}
        >
          {t(`evidence.status.${evidence.status}`)}
        </StatusIndicator>
      </Box>
      <Box variant="small">
        SHA-256{' '}
        <span className="digest">
          <Box variant="code">{evidence.sha256}</Box>
        </span>
      </Box>
      {inline && content.isPending && (
        <StatusIndicator type="loading">{t('common.loading')}</StatusIndicator>
      )}
      {inline && content.isError && <ProblemAlert error={content.error} />}
      {inline && content.data && <InlineContent blob={content.data} evidence={evidence} />}
      {sealed && !inline && <Box color="text-status-info">{t('evidence.downloadOnly')}</Box>}
      {sealed && (
        <Button
          iconName="download"
          onClick={() =>
            download(evidence.evidenceId, name).catch((error) => setDownloadError(error))
          }
        >
          {t('evidence.download')}
        </Button>
      )}
      {downloadError !== undefined && <ProblemAlert error={downloadError} />}
    </SpaceBetween>
  );
}

function InlineContent(props: { blob: Blob; evidence: EvidenceItem }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string>();
  const [text, setText] = useState<string>();
  const type = props.evidence.contentType ?? '';
  const name = props.evidence.fileName ?? props.evidence.evidenceId;
  useEffect(() => {
    if (type === 'text/plain') {
      void props.blob.text().then(setText);
      return;
    }
    // The blob is typed by the evidence record, never by what the storage answered.
    const typed = new Blob([props.blob], { type });
    const objectUrl = URL.createObjectURL(typed);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [props.blob, type]);
  if (type === 'text/plain')
    return (
      <pre
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable)
        tabIndex={0}
        className="evidence-text"
        title={t('evidence.contentOf', { name: name })}
      >
        {text}
      </pre>
    );
  if (!url) return null;
  if (type.startsWith('image/'))
    return (
      <img className="evidence-image" src={url} alt={t('evidence.imageAlt', { name: name })} />
    );
  return <iframe className="evidence-frame" src={url} title={name} />;
}
