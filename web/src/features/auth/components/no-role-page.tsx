import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AREA_HOME, type Area, areasOf, type Role } from '../roles.ts';

/**
 * A signed-in user on a page of an area their roles do not open (or with no role at all): says who
 * they are signed in as, which roles the token carries, where they can go, and what would give
 * access.
 */
export function NoRolePage(props: {
  name: string;
  roles: readonly Role[];
  area?: Area;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = areasOf(props.roles);
  const area = props.area ?? 'console';
  return (
    <SpaceBetween size="l">
      <Alert type="info" header={t(`auth.noAccess.${area}`)}>
        <SpaceBetween size="s">
          <Box>
            {t('auth.signedInAs', { name: props.name })}{' '}
            {props.roles.length
              ? t('auth.rolesAre', { roles: props.roles.map((r) => t(`roles.${r}`)).join(', ') })
              : t('auth.noRoles')}
          </Box>
          {open.length > 0 ? (
            <Box>
              {t('auth.goTo')}{' '}
              {open.map((a) => (
                <span key={a}>
                  <Link
                    href={AREA_HOME[a]}
                    onFollow={(event) => {
                      event.preventDefault();
                      void navigate({ to: AREA_HOME[a] });
                    }}
                  >
                    {t(`areas.${a}`)}
                  </Link>{' '}
                </span>
              ))}
            </Box>
          ) : (
            <Box>{t('auth.askAdmin')}</Box>
          )}
        </SpaceBetween>
      </Alert>
      <Button onClick={props.onSignOut}>{t('auth.signOut')}</Button>
    </SpaceBetween>
  );
}
