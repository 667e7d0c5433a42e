import AppLayout from '@cloudscape-design/components/app-layout';
import SideNavigation from '@cloudscape-design/components/side-navigation';
import TopNavigation from '@cloudscape-design/components/top-navigation';
import { useLocation, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FlashProvider, FlashSlot } from '../components/flash.tsx';
import { useAuth } from '../features/auth/index.ts';
import { changeLanguage } from '../i18n/index.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/languages.ts';

/** The console's frame: top bar (language, user), side navigation, notifications, content. */
export function AppShell(props: { navigation: boolean; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const name = auth.state.status === 'signed-in' ? auth.state.name : '';
  const go = (href: string) => void navigate({ to: href });
  return (
    <FlashProvider>
      <div id="top-nav">
        <TopNavigation
          identity={{
            href: '/',
            title: t('shell.title'),
            onFollow: (event) => {
              event.preventDefault();
              go('/');
            },
          }}
          utilities={[
            {
              type: 'menu-dropdown',
              text: LANGUAGE_NAMES[(i18n.language as Language) ?? 'en'] ?? 'English',
              ariaLabel: `${t('shell.language')}: ${LANGUAGE_NAMES[(i18n.language as Language) ?? 'en'] ?? 'English'}`,
              items: LANGUAGES.map((language) => ({
                id: language,
                text: LANGUAGE_NAMES[language],
                lang: language,
              })),
              onItemClick: ({ detail }) => void changeLanguage(detail.id as Language),
            },
            {
              type: 'menu-dropdown',
              text: name,
              iconName: 'user-profile',
              ariaLabel: t('shell.account', { name }),
              items: [{ id: 'sign-out', text: t('auth.signOut') }],
              onItemClick: ({ detail }) => {
                if (detail.id === 'sign-out') void auth.signOut();
              },
            },
          ]}
          i18nStrings={{
            overflowMenuTriggerText: t('shell.more'),
            overflowMenuTitleText: t('shell.more'),
          }}
        />
      </div>
      <AppLayout
        headerSelector="#top-nav"
        toolsHide
        navigationHide={!props.navigation}
        ariaLabels={{
          navigation: t('shell.navigation'),
          navigationClose: t('shell.navigationClose'),
          navigationToggle: t('shell.navigationToggle'),
          notifications: t('shell.notifications'),
        }}
        navigation={
          <SideNavigation
            header={{ href: '/queue', text: t('shell.console') }}
            activeHref={location.pathname}
            onFollow={(event) => {
              if (!event.detail.external) {
                event.preventDefault();
                go(event.detail.href);
              }
            }}
            items={[
              { type: 'link', text: t('nav.queue'), href: '/queue' },
              { type: 'link', text: t('nav.actionFailed'), href: '/action-failed' },
              { type: 'link', text: t('nav.search'), href: '/cases' },
            ]}
          />
        }
        notifications={<FlashSlot />}
        content={props.children}
      />
    </FlashProvider>
  );
}
