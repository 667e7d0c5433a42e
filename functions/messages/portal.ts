/**
 * Links into the portal (the web app's pages), never into the API: a party reads and answers a
 * case on its page, signed in. No link carries a token or a decision: approval links in email
 * are an anti-pattern (DOMAIN.md), and a task token is a bearer secret.
 */
export interface PortalLinks {
  /** The case's page: its status, deadlines, evidence, and the answers it awaits. */
  case(caseId: string): string;
  /** The notice's page: its cases and their outcomes. */
  notice(noticeId: string): string;
  /** The case in the reviewer console. */
  review(caseId: string): string;
  /** The portal's home page: the signed-in party's account (strikes, standing). */
  home(): string;
}

/** The portal's links under its base URL (`PORTAL_URL`), e.g. `https://portal.example.com`. */
export function portalLinks(portalUrl: string): PortalLinks {
  const base = portalUrl.replace(/\/+$/, '');
  const page = (section: string, id: string) => `${base}/${section}/${encodeURIComponent(id)}`;
  return {
    case: (caseId) => page('cases', caseId),
    notice: (noticeId) => page('notices', noticeId),
    review: (caseId) => page('review/cases', caseId),
    home: () => `${base}/`,
  };
}
