import AppLayout from '@cloudscape-design/components/app-layout';
import SideNavigation from '@cloudscape-design/components/side-navigation';
import TopNavigation from '@cloudscape-design/components/top-navigation';
import { useLocation, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FlashProvider, FlashSlot } from '../components/flash.tsx';
import { AREA_HOME, type Area, useAuth } from '../features/auth/index.ts';
import { changeLanguage } from '../i18n/index.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/languages.ts';

type NavItem = { type: 'link'; text: string; href: string };

/** The pages of each area, as the side navigation lists them. */
function areaLinks(area: Area, t: (key: string) => string, admin = false): NavItem[] {
  const link = (key: string, href: string): NavItem => ({ type: 'link', text: t(key), href });
  switch (area) {
    case 'console':
      return [
        link('nav.queue', '/queue'),
        link('nav.actionFailed', '/action-failed'),
        link('nav.search', '/cases'),
        ...(admin ? [link('nav.transparency', '/transparency')] : []),
      ];
    case 'portal':
      return [
        link('nav.portalHome', '/portal'),
        link('nav.ipRights', '/portal/ip-rights'),
        link('nav.fileNotice', '/portal/notices/new'),
        link('nav.portalCases', '/portal/cases'),
      ];
    case 'seller':
      return [link('nav.sellerCases', '/seller'), link('nav.sellerAccount', '/seller/account')];
  }
}

/**
 * The app's frame: top bar (language, user), side navigation of the areas the user's roles open,
 * notifications, content.
 */
export function AppShell(props: { areas: readonly Area[]; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const name = auth.state.status === 'signed-in' ? auth.state.name : '';
  const admin = auth.state.status === 'signed-in' && auth.state.roles.includes('admin');
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
        navigationHide={props.areas.length === 0}
        ariaLabels={{
          navigation: t('shell.navigation'),
          navigationClose: t('shell.navigationClose'),
          navigationToggle: t('shell.navigationToggle'),
          notifications: t('shell.notifications'),
        }}
        navigation={
          <SideNavigation
            header={{
              href: AREA_HOME[props.areas[0] ?? 'console'],
              text: props.areas.length === 1 ? t(`areas.${props.areas[0]}`) : t('shell.title'),
            }}
            activeHref={location.pathname}
            onFollow={(event) => {
              if (!event.detail.external) {
                event.preventDefault();
                go(event.detail.href);
              }
            }}
            items={
              props.areas.length === 1
                ? areaLinks(props.areas[0]!, t, admin)
                : props.areas.map((area) => ({
                    type: 'section' as const,
                    text: t(`areas.${area}`),
                    items: areaLinks(area, t, admin),
                  }))
            }
          />
        }
        notifications={<FlashSlot />}
        content={props.children}
      />
    </FlashProvider>
  );
}
