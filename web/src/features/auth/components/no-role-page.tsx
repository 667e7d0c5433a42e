import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import type { Role } from '../roles.ts';

/**
 * A signed-in user whose roles open nothing in this console: says who they are signed in as,
 * which roles the token carries, and what would give access.
 */
export function NoRolePage(props: { name: string; roles: readonly Role[]; onSignOut: () => void }) {
  const { t } = useTranslation();
  const partyRole = props.roles.find((role) => role === 'rights-holder' || role === 'seller');
  return (
    <SpaceBetween size="l">
      <Alert type="info" header={t('auth.noRoleTitle')}>
        <SpaceBetween size="s">
          <Box>
            {t('auth.signedInAs', { name: props.name })}{' '}
            {props.roles.length
              ? t('auth.rolesAre', { roles: props.roles.map((r) => t(`roles.${r}`)).join(', ') })
              : t('auth.noRoles')}
          </Box>
          <Box>{partyRole ? t(`auth.partyComingSoon.${partyRole}`) : t('auth.askAdmin')}</Box>
        </SpaceBetween>
      </Alert>
      <Button onClick={props.onSignOut}>{t('auth.signOut')}</Button>
    </SpaceBetween>
  );
}
