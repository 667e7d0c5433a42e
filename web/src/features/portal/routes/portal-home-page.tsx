import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/date-time.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useMyProfile } from '../api/portal.ts';
import { RegistrationForm } from '../components/registration-form.tsx';
import { VerificationStatus } from '../components/verification-status.tsx';

/**
 * The portal's home: the rights holder's profile, its verification and standing (accuracy, fast
 * lane, trusted-flagger status), and the way to its IP rights, a new notice and its cases. A
 * caller who has not registered gets the registration form.
 */
export function PortalHomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const profile = useMyProfile();
  if (profile.isPending) return <LoadingState />;
  if (profile.isError)
    return (
      <ContentLayout header={<Header variant="h1">{t('portal.home.title')}</Header>}>
        <ProblemAlert error={profile.error} />
      </ContentLayout>
    );
  if (profile.data === null) return <RegistrationForm />;
  const p = profile.data;
  const standing = p.standing as {
    accuracy: number | null;
    decided?: number;
    window?: string;
    fastLane?: boolean;
    trustedFlagger?: { coordinator: string; reference: string; since: string };
    misuse?: { warnedAt?: string; suspendedUntil?: string };
  };
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={t('portal.home.description')}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button onClick={() => void navigate({ to: '/portal/ip-rights' })}>
                {t('nav.ipRights')}
              </Button>
              <Button
                variant="primary"
                disabled={p.status !== 'verified'}
                onClick={() => void navigate({ to: '/portal/notices/new' })}
              >
                {t('nav.fileNotice')}
              </Button>
            </SpaceBetween>
          }
        >
          {p.legalName}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">{t('portal.home.profile')}</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              { label: t('verification.status'), value: <VerificationStatus status={p.status} /> },
              { label: t('verification.type'), value: t(`verification.types.${p.type}`) },
              { label: t('case.country'), value: p.country },
              { label: t('verification.address'), value: p.address },
              { label: t('verification.email'), value: p.email },
              { label: t('verification.phone'), value: p.phone },
              ...(p.agentFor
                ? [{ label: t('verification.agentFor'), value: p.agentFor.principal }]
                : []),
              { label: t('portal.home.registeredAt'), value: <DateTime value={p.createdAt} /> },
            ]}
          />
          {p.verification && (
            <Box margin={{ top: 'm' }}>
              <Box variant="awsui-key-label">{t('portal.home.verificationReason')}</Box>
              <Box>{p.verification.reason}</Box>
            </Box>
          )}
        </Container>
        <Container
          header={
            <Header variant="h2" description={t('portal.home.standingHelp')}>
              {t('portal.home.standing')}
            </Header>
          }
        >
          <ColumnLayout columns={3} variant="text-grid">
            <div>
              <Box variant="awsui-key-label">{t('case.accuracy')}</Box>
              <Box variant="h2" tagOverride="p">
                {standing.accuracy === null || standing.accuracy === undefined
                  ? t('case.noDecidedNotices')
                  : `${Math.round(standing.accuracy * 100)} %`}
              </Box>
              {standing.decided !== undefined && (
                <Box variant="small">{t('case.decidedCount', { count: standing.decided })}</Box>
              )}
            </div>
            <div>
              <Box variant="awsui-key-label">{t('portal.home.fastLane')}</Box>
              <StatusIndicator type={standing.fastLane ? 'success' : 'stopped'}>
                {standing.fastLane ? t('portal.home.fastLaneOn') : t('portal.home.fastLaneOff')}
              </StatusIndicator>
            </div>
            <div>
              <Box variant="awsui-key-label">{t('case.trustedFlagger')}</Box>
              {standing.trustedFlagger ? (
                <Box>
                  {t('portal.home.trustedSince', {
                    coordinator: standing.trustedFlagger.coordinator,
                    reference: standing.trustedFlagger.reference,
                  })}
                </Box>
              ) : (
                <Box>{t('portal.home.notTrustedFlagger')}</Box>
              )}
            </div>
          </ColumnLayout>
          {standing.misuse?.suspendedUntil && (
            <Box margin={{ top: 'm' }} color="text-status-error">
              {t('portal.home.suspendedUntil')} <DateTime value={standing.misuse.suspendedUntil} />
            </Box>
          )}
        </Container>
        <Button onClick={() => void navigate({ to: '/portal/cases' })}>
          {t('portal.home.allCases')}
        </Button>
      </SpaceBetween>
    </ContentLayout>
  );
}
