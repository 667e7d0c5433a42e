import Alert from '@cloudscape-design/components/alert';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { labelOf } from '../../../lib/labels.ts';
import { useRightsHolderProfile } from '../api/verification.ts';
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

/** A new IP right: its id and the verification decision (API.md gives reviewers no read of it yet). */
export function IpRightVerificationPage() {
  const { t } = useTranslation();
  const { subjectId } = useParams({ from: '/verification/ip-rights/$subjectId' });
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={subjectId}>
          {t('verification.ipRightTitle', { id: subjectId })}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Alert type="info">{t('verification.ipRightDetailsMissing')}</Alert>
        <VerificationForm subject="ip-right" id={subjectId} name={subjectId} />
      </SpaceBetween>
    </ContentLayout>
  );
}
