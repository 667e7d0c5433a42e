/**
 * What no email may carry: an API path (parties act in the portal, never on `/v1/`), a JWT, or a
 * Step Functions task token (a bearer secret; DOMAIN.md, approval links in email).
 */
const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: 'API path /v1/', pattern: /\/v1\// },
  { name: 'JWT', pattern: /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  // AWS task tokens are long base64 strings starting with AQ; the local engine's are UUID-like.
  { name: 'task token', pattern: /AQ[A-Za-z0-9_+/=-]{60,}/ },
  { name: 'token parameter', pattern: /[?&](token|taskToken|access_token)=/i },
];

/** The forbidden things found in an email's text, by name; `secrets` are exact strings to look for too. */
export function leaksIn(text: string, secrets: readonly string[] = []): string[] {
  return [
    ...FORBIDDEN.filter(({ pattern }) => pattern.test(text)).map(({ name }) => name),
    ...secrets.filter((secret) => text.includes(secret)).map(() => 'secret'),
  ];
}
