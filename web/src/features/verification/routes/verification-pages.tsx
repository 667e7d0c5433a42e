import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../api/contract.ts';
import { LoadingState } from '../../../components/loading-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { labelOf } from '../../../lib/labels.ts';
import { EvidenceViewer } from '../../evidence/index.ts';
import { useIpRight, useRightsHolderProfile } from '../api/verification.ts';
import { VerificationForm } from '../components/verification-form.tsx';

/** A new rights holder: the applicant's details and standing, and the verification decision. */
export function RightsHolderVerificationPage() {
  const { t, i18n } = useTranslation();
  const { subjectId } = useParams({ from: '/verification/rights-holders/$subjectId' });
  const profile = useRightsHolderProfile(subjectId);
  const p = profile.data;
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={subjectId}>
          {t('verification.rightsHolderTitle', { name: p?.legalName ?? subjectId })}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {profile.isPending && <LoadingState />}
        {profile.isError && (
          <Alert type="warning" header={t('verification.profileUnavailable')}>
            <ProblemAlert error={profile.error} />
          </Alert>
        )}
        {p && (
          <Container header={<Header variant="h2">{t('verification.applicant')}</Header>}>
            <KeyValuePairs
              columns={2}
              items={[
                { label: t('verification.legalName'), value: p.legalName },
                {
                  label: t('verification.type'),
                  value: p.type ? t(`verification.types.${p.type}`) : '—',
                },
                { label: t('case.country'), value: p.country ?? '—' },
                { label: t('verification.address'), value: p.address ?? '—' },
                { label: t('verification.email'), value: p.email ?? '—' },
                { label: t('verification.phone'), value: p.phone ?? '—' },
                {
                  label: t('verification.status'),
                  value: labelOf(t, (k) => i18n.exists(k), 'verification.statuses', p.status),
                },
                {
                  label: t('verification.agentFor'),
                  value: p.agentFor
                    ? `${p.agentFor.principal} (${p.agentFor.authorizationEvidenceId})`
                    : '—',
                },
              ]}
            />
          </Container>
        )}
        <VerificationForm subject="rights-holder" id={subjectId} name={p?.legalName ?? subjectId} />
      </SpaceBetween>
    </ContentLayout>
  );
}

/** A new IP right: the right as registered, its holder, its proof, and the verification decision. */
export function IpRightVerificationPage() {
  const { t, i18n } = useTranslation();
  const { subjectId } = useParams({ from: '/verification/ip-rights/$subjectId' });
  const ipRight = useIpRight(subjectId);
  const r = ipRight.data;
  const label = (group: string, value: string | undefined) =>
    labelOf(t, (k) => i18n.exists(k), group, value);
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={subjectId}>
          {t('verification.ipRightTitle', { id: r?.title ?? subjectId })}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {ipRight.isPending && <LoadingState />}
        {ipRight.isError && (
          <Alert type="warning" header={t('verification.ipRightUnavailable')}>
            <ProblemAlert error={ipRight.error} />
          </Alert>
        )}
        {r && (
          <Container header={<Header variant="h2">{t('verification.ipRightDetails')}</Header>}>
            <KeyValuePairs
              columns={2}
              items={[
                { label: t('verification.title'), value: r.title },
                { label: t('case.ipRightKind'), value: label('ipRightKinds', r.kind) },
                { label: t('case.registrationNumber'), value: r.registrationNumber ?? '—' },
                { label: t('case.jurisdiction'), value: label('jurisdictions', r.jurisdiction) },
                { label: t('verification.owner'), value: r.owner },
                { label: t('verification.validUntil'), value: r.validUntil ?? '—' },
                { label: t('verification.holder'), value: r.rightsHolderName ?? r.rightsHolderId },
                {
                  label: t('verification.status'),
                  value: label('verification.statuses', r.status),
                },
              ]}
            />
          </Container>
        )}
        {r && (
          <Container header={<Header variant="h2">{t('case.ipRightProof')}</Header>}>
            <SpaceBetween size="m">
              {r.proof.length === 0 && <Box>{t('verification.noProof')}</Box>}
              {r.proof.map((item) =>
                item.fileName ? (
                  <EvidenceViewer key={item.evidenceId} evidence={item as EvidenceItem} />
                ) : (
                  <Box key={item.evidenceId}>{item.evidenceId}</Box>
                ),
              )}
            </SpaceBetween>
          </Container>
        )}
        <Alert type="info">{t('verification.ipRightDetailsMissing')}</Alert>
        <VerificationForm subject="ip-right" id={subjectId} name={r?.title ?? subjectId} />
      </SpaceBetween>
    </ContentLayout>
  );
}
