import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE, LocalIssuer } from '../../local/auth/issuer.ts';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('LocalIssuer', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('mints an ID-token-shaped JWT that verifies with its claims', async () => {
    const issuer = await LocalIssuer.open();
    const before = Math.floor(Date.now() / 1000);
    const token = await issuer.mint({
      sub: 'user-1',
      groups: ['rights-holder', 'admin'],
      rightsHolderId: 'rh-1',
      sellerId: 'sel-1',
      email: 'a@example.com',
      name: 'Ada',
    });
    const claims = await issuer.verify(token);
    expect(claims).toMatchObject({
      iss: issuer.issuer,
      aud: issuer.audience,
      sub: 'user-1',
      token_use: 'id',
      'cognito:groups': ['rights-holder', 'admin'],
      'cognito:username': 'user-1',
      'custom:rightsHolderId': 'rh-1',
      'custom:sellerId': 'sel-1',
      email: 'a@example.com',
      name: 'Ada',
    });
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    // default lifetime: 30 days
    expect((claims.exp as number) - (claims.iat as number)).toBe(30 * 24 * 3600);
    const header = decodeProtectedHeader(token);
    expect(header.alg).toBe('RS256');
    const jwks = await issuer.jwks();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: header.kid });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('honours expiresIn and rejects an expired token', async () => {
    const issuer = await LocalIssuer.open();
    const short = await issuer.mint({ sub: 'u', groups: [], expiresIn: 60 });
    const claims = decodeJwt(short);
    expect((claims.exp as number) - (claims.iat as number)).toBe(60);
    expect(claims).not.toHaveProperty('cognito:groups');
    const expired = await issuer.mint({ sub: 'u', groups: ['seller'], expiresIn: -5 });
    await expect(issuer.verify(expired)).rejects.toThrow(/exp/);
  });

  it('rejects a token signed by another issuer instance', async () => {
    const mine = await LocalIssuer.open();
    const other = await LocalIssuer.open();
    const token = await other.mint({ sub: 'u', groups: ['reviewer'] });
    await expect(mine.verify(token)).rejects.toThrow();
    await expect(other.verify(token)).resolves.toMatchObject({ sub: 'u' });
  });

  it('rejects a tampered payload', async () => {
    const issuer = await LocalIssuer.open();
    const token = await issuer.mint({ sub: 'u', groups: ['seller'] });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString('utf8'));
    claims['cognito:groups'] = ['admin'];
    const tampered = `${header}.${b64url(claims)}.${signature}`;
    await expect(issuer.verify(tampered)).rejects.toThrow(/signature/);
  });

  it("rejects alg 'none' and other algorithms", async () => {
    const issuer = await LocalIssuer.open();
    const token = await issuer.mint({ sub: 'u', groups: ['admin'] });
    const claims = decodeJwt(token);
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
    await expect(issuer.verify(unsigned)).rejects.toThrow();
    const hs = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('x'.repeat(32)));
    await expect(issuer.verify(hs)).rejects.toThrow();
  });

  it('rejects a wrong audience, a wrong issuer, an access token and garbage', async () => {
    // Sign with the issuer's own key (read from its key file), so only the claim is wrong.
    const dir = await mkdtemp(join(tmpdir(), 'issuer-'));
    dirs.push(dir);
    const issuer = await LocalIssuer.open(dir);
    const { kid, privateJwk } = JSON.parse(await readFile(join(dir, KEY_FILE), 'utf8'));
    const key = await importJWK(privateJwk, 'RS256');
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT({ token_use: 'id', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject('u')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key);

    const good = await sign({ iss: issuer.issuer, aud: issuer.audience });
    await expect(issuer.verify(good)).resolves.toMatchObject({ sub: 'u' });
    await expect(
      issuer.verify(await sign({ iss: issuer.issuer, aud: 'other-client' })),
    ).rejects.toThrow(/aud/);
    await expect(
      issuer.verify(await sign({ iss: 'https://evil.invalid', aud: issuer.audience })),
    ).rejects.toThrow(/iss/);
    await expect(
      issuer.verify(await sign({ iss: issuer.issuer, aud: issuer.audience, token_use: 'access' })),
    ).rejects.toThrow(/ID token/);
    await expect(issuer.verify('')).rejects.toThrow();
    await expect(issuer.verify('not.a.jwt')).rejects.toThrow();
  });

  it('keeps its key pair in the directory, mode 0600, across open()', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'issuer-'));
    dirs.push(dir);
    const first = await LocalIssuer.open(dir);
    const token = await first.mint({ sub: 'u', groups: ['rights-holder'], rightsHolderId: 'rh' });
    const file = join(dir, KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const stored = await readFile(file, 'utf8');

    const reopened = await LocalIssuer.open(dir);
    await expect(reopened.verify(token)).resolves.toMatchObject({
      sub: 'u',
      'custom:rightsHolderId': 'rh',
    });
    expect(await reopened.jwks()).toEqual(await first.jwks());
    expect(await readFile(file, 'utf8')).toBe(stored);

    const inMemory = await LocalIssuer.open();
    await expect(inMemory.verify(token)).rejects.toThrow();
  });

  it('refuses a corrupt key file with a clear message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'issuer-'));
    dirs.push(dir);
    await writeFile(join(dir, KEY_FILE), '{"version":1}');
    await expect(LocalIssuer.open(dir)).rejects.toThrow(/delete it/);
  });
});
