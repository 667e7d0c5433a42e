import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Link, { type LinkProps } from '@cloudscape-design/components/link';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A Cloudscape link to a page of the app: a real `href` (new tab, copy link) that the router
 * follows without reloading the app.
 */
export function RouterLink(
  props: Omit<LinkProps, 'href' | 'onFollow'> & { href: string; children: ReactNode },
) {
  const navigate = useNavigate();
  return (
    <Link
      {...props}
      onFollow={(event) => {
        event.preventDefault();
        void navigate({ to: props.href });
      }}
    />
  );
}

/** A page's breadcrumbs, followed by the router. */
export function PageBreadcrumbs(props: { items: { text: string; href: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <BreadcrumbGroup
      ariaLabel={t('shell.breadcrumbs')}
      items={props.items}
      onFollow={(event) => {
        event.preventDefault();
        void navigate({ to: event.detail.href });
      }}
    />
  );
}
