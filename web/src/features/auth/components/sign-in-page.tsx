import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/language-switch.tsx';
import { useAuth } from '../use-auth.ts';

/** Shown to anyone without a session: why, and one button to the issuer's sign-in. */
export function SignInPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const state = auth.state.status === 'signed-out' ? auth.state : undefined;
  return (
    <main className="centered-page">
      <SpaceBetween size="l">
        <Box float="right">
          <LanguageSwitch />
        </Box>
        <Container header={<Header variant="h1">{t('auth.signInTitle')}</Header>}>
          <SpaceBetween size="m">
            {state?.reason === 'expired' && (
              <Alert type="warning" header={t('auth.expiredTitle')}>
                {t('auth.expiredBody')}
              </Alert>
            )}
            {state?.error && (
              <Alert type="error" header={t('auth.failedTitle')}>
                {t('auth.failedBody', { code: state.error.code })}
                {state.error.description ? ` (${state.error.description})` : ''}
              </Alert>
            )}
            <Box>{t('auth.signInBody')}</Box>
            <Button variant="primary" onClick={() => void auth.signIn()}>
              {t('auth.signIn')}
            </Button>
          </SpaceBetween>
        </Container>
      </SpaceBetween>
    </main>
  );
}
