import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../api/contract.ts';
import { EvidenceViewer } from '../../evidence/index.ts';

/** The notice's explanation, its test buy, and every piece of evidence, inline where safe. */
export function NoticeSection(props: { file: CaseFile }) {
  const { t } = useTranslation();
  const notice = props.file.notice;
  const proof = props.file.ipRight?.proof ?? [];
  return (
    <Container
      header={
        <Header variant="h2" description={t('case.noticeId', { id: props.file.noticeId })}>
          {t('case.notice')}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <div>
          <Box variant="awsui-key-label">{t('case.explanation')}</Box>
          <p className="evidence-text">{notice?.explanation ?? t('case.notInFile')}</p>
        </div>
        {notice?.testBuy && (
          <div>
            <Box variant="awsui-key-label">{t('case.testBuy')}</Box>
            <Box>{notice.testBuy.orderId}</Box>
          </div>
        )}
        <div>
          <Box variant="h3">{t('case.evidence', { count: notice?.evidence.length ?? 0 })}</Box>
          {notice?.evidence.length ? (
            <ColumnLayout columns={2} borders="horizontal">
              {notice.evidence.map((evidence) => (
                <EvidenceViewer key={evidence.evidenceId} evidence={evidence} />
              ))}
            </ColumnLayout>
          ) : (
            <Box color="text-status-inactive">
              {notice ? t('case.noEvidence') : t('case.notInFile')}
            </Box>
          )}
        </div>
        {proof.length > 0 && (
          <div>
            <Box variant="h3">{t('case.ipRightProof')}</Box>
            <ColumnLayout columns={2} borders="horizontal">
              {proof.map((evidence) => (
                <EvidenceViewer key={evidence.evidenceId} evidence={evidence} />
              ))}
            </ColumnLayout>
          </div>
        )}
      </SpaceBetween>
    </Container>
  );
}
