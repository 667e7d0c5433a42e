/** The local issuer's sign-in page: pick a demo user (no passwords: this is a local cloud). */

export interface SignInChoice {
  name: string;
  groups: readonly string[];
  rightsHolderId?: string;
  sellerId?: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page's CSP: its one stylesheet is inline, with this hash-free nonce-free allowance only. */
export const SIGN_IN_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The HTML of the page: one form per demo user, each posting the authorization request's own
 * parameters back to the authorize endpoint with the chosen user.
 */
export function renderSignInPage(
  params: Record<string, string>,
  users: readonly SignInChoice[],
): string {
  const hidden = Object.entries(params)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('');
  const rows = users
    .map((user) => {
      const party = user.rightsHolderId
        ? ` · rights holder ${escapeHtml(user.rightsHolderId)}`
        : user.sellerId
          ? ` · seller ${escapeHtml(user.sellerId)}`
          : '';
      return `<li><form method="post" action="authorize">${hidden}<input type="hidden" name="user" value="${escapeHtml(user.name)}"><button type="submit">Sign in as ${escapeHtml(user.name)}</button><span class="roles">${escapeHtml(user.groups.join(', ') || 'no role')}${party}</span></form></li>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Takedown local issuer</title>
<style>
body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
ul{list-style:none;padding:0}li{margin:.5rem 0}
button{font:inherit;padding:.5rem 1rem;margin-right:.75rem;border:1px solid #0b5fa5;border-radius:1rem;background:#0b5fa5;color:#fff;cursor:pointer}
button:focus{outline:3px solid #1d2733;outline-offset:2px}
.roles{color:#414d5c}
</style>
</head>
<body>
<main>
<h1>Sign in to Takedown</h1>
<p>Local cloud: choose a demo user. In AWS, this is Cognito's managed login.</p>
<ul>${rows}</ul>
</main>
</body>
</html>`;
}
