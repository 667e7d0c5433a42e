/**
 * The local token issuer: it stands in for the Cognito user pool in the local cloud.
 *
 * It mints RS256 JWTs shaped like Cognito **ID tokens** (custom attributes only appear there) and
 * verifies them the way API Gateway's Cognito authorizer does: signature, RS256 only, issuer,
 * audience (the app client id), expiry, and `token_use === 'id'`.
 *
 * Token times use the real wall clock (Date.now), never the local cloud's virtual clock, so
 * advancing the virtual clock by 15 days in a test does not expire the tokens it holds.
 *
 * Two issuer names are accepted: `LOCAL_ISSUER`, a constant, on the tokens minted for scripts
 * (`npm start`'s list, `/_local/users`, `/_local/tokens`), so they survive a restart on another
 * port; and, when the cloud gives one, the issuer URL of its OIDC endpoints (`<base>/oidc`, see
 * oidc-routes.ts), on the ID tokens of the browser sign-in, as its discovery document names it.
 */
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';

export interface LocalIdentity {
  sub: string;
  groups: string[];
  rightsHolderId?: string;
  sellerId?: string;
  email?: string;
  name?: string;
  /** Seconds until expiry; default 30 days. Zero or negative mints an already expired token (for tests). */
  expiresIn?: number;
}

export const LOCAL_ISSUER = 'https://local-issuer.takedown.invalid';
export const LOCAL_AUDIENCE = 'takedown-local-client';
export const KEY_FILE = 'issuer-keys.json';
const DEFAULT_EXPIRES_IN = 30 * 24 * 60 * 60;
const ALG = 'RS256';

interface StoredKeys {
  version: 1;
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

interface KeyMaterial {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

/** Lifetime of a sign-in ID token: one hour, as the portal's Cognito app client sets it. */
export const SIGN_IN_TOKEN_SECONDS = 3600;

export class LocalIssuer {
  readonly issuer = LOCAL_ISSUER;
  readonly audience = LOCAL_AUDIENCE;

  private constructor(
    private readonly keys: KeyMaterial,
    /** The OIDC issuer URL of the browser sign-in, when the cloud serves one. */
    readonly url?: string,
  ) {}

  /**
   * Opens the issuer. With `dir`, the RS256 key pair is read from `${dir}/issuer-keys.json`, or
   * generated and written there (mode 0600) on first start, so tokens survive a restart.
   * Without `dir`, the key pair lives in memory only.
   */
  static async open(dir?: string, options: { url?: string } = {}): Promise<LocalIssuer> {
    const stored = dir ? await loadOrCreateKeys(dir) : await generateKeys();
    return new LocalIssuer(await importKeys(stored), options.url);
  }

  /**
   * Mints the ID token of a browser sign-in (the OIDC token endpoint's answer): issued by the
   * issuer URL, valid one hour, with the `nonce` of the authorization request when it had one.
   */
  async mintSignIn(identity: LocalIdentity, options: { nonce?: string } = {}): Promise<string> {
    if (!this.url) throw new Error('this issuer has no OIDC URL');
    return this.mint(
      { ...identity, expiresIn: SIGN_IN_TOKEN_SECONDS },
      { issuer: this.url, ...(options.nonce ? { nonce: options.nonce } : {}) },
    );
  }

  /** Mints an ID-token-shaped JWT for the identity. */
  async mint(
    identity: LocalIdentity,
    options: { issuer?: string; nonce?: string } = {},
  ): Promise<string> {
    if (typeof identity.sub !== 'string' || identity.sub.length === 0) {
      throw new TypeError('identity.sub must be a non-empty string');
    }
    if (!Array.isArray(identity.groups) || identity.groups.some((g) => typeof g !== 'string')) {
      throw new TypeError('identity.groups must be an array of strings');
    }
    const expiresIn = identity.expiresIn ?? DEFAULT_EXPIRES_IN;
    if (!Number.isFinite(expiresIn)) throw new TypeError('identity.expiresIn must be finite');

    const now = Math.floor(Date.now() / 1000);
    const claims: JWTPayload = {
      token_use: 'id',
      auth_time: now,
      'cognito:username': identity.sub,
    };
    // Cognito omits cognito:groups when the user is in no group.
    if (identity.groups.length > 0) claims['cognito:groups'] = [...identity.groups];
    if (identity.rightsHolderId !== undefined) {
      claims['custom:rightsHolderId'] = identity.rightsHolderId;
    }
    if (identity.sellerId !== undefined) claims['custom:sellerId'] = identity.sellerId;
    if (identity.email !== undefined) claims.email = identity.email;
    if (identity.name !== undefined) claims.name = identity.name;
    if (options.nonce !== undefined) claims.nonce = options.nonce;

    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALG, kid: this.keys.kid })
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(this.audience)
      .setSubject(identity.sub)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(Math.floor(now + expiresIn))
      .sign(this.keys.privateKey);
  }

  /**
   * Mints a machine's **access token**, as Cognito's client-credentials grant does: `token_use:
   * access`, the granted `scope` (space-separated), `client_id` (= `sub`, the app client), and no
   * audience, group or custom attribute.
   */
  async mintMachine(machine: { sub: string; scope: string; expiresIn?: number }): Promise<string> {
    if (typeof machine.sub !== 'string' || machine.sub.length === 0)
      throw new TypeError('machine.sub must be a non-empty string');
    const expiresIn = machine.expiresIn ?? SIGN_IN_TOKEN_SECONDS;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ token_use: 'access', scope: machine.scope, client_id: machine.sub })
      .setProtectedHeader({ alg: ALG, kid: this.keys.kid })
      .setIssuer(this.issuer)
      .setSubject(machine.sub)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(Math.floor(now + expiresIn))
      .sign(this.keys.privateKey);
  }

  /**
   * Verifies a machine's access token as a scoped Cognito authorizer does: signature, RS256, iss,
   * exp (wall clock), `token_use: access`. Throws on anything wrong (the scope is checked by the
   * caller, which knows the route's).
   */
  async verifyAccess(token: string): Promise<Record<string, unknown>> {
    if (typeof token !== 'string' || token.length === 0) throw new Error('no token');
    const { payload, protectedHeader } = await jwtVerify(token, this.keys.publicKey, {
      algorithms: [ALG],
      issuer: this.issuer,
      requiredClaims: ['sub', 'exp', 'iat', 'client_id'],
      currentDate: new Date(Date.now()),
    });
    if (protectedHeader.kid !== undefined && protectedHeader.kid !== this.keys.kid) {
      throw new Error('unknown key id');
    }
    if (payload.token_use !== 'access') throw new Error('not an access token');
    return payload as Record<string, unknown>;
  }

  /**
   * Verifies a token: signature by this issuer's key, alg RS256 only, iss, aud, exp (wall clock),
   * and token_use 'id'. Throws on anything wrong; returns the payload otherwise.
   */
  async verify(token: string): Promise<Record<string, unknown>> {
    if (typeof token !== 'string' || token.length === 0) throw new Error('no token');
    const { payload, protectedHeader } = await jwtVerify(token, this.keys.publicKey, {
      algorithms: [ALG],
      issuer: this.url ? [this.issuer, this.url] : this.issuer,
      audience: this.audience,
      requiredClaims: ['sub', 'exp', 'iat'],
      currentDate: new Date(Date.now()),
    });
    if (protectedHeader.kid !== undefined && protectedHeader.kid !== this.keys.kid) {
      throw new Error('unknown key id');
    }
    if (payload.token_use !== 'id') throw new Error('not an ID token');
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new Error('no subject');
    return payload as Record<string, unknown>;
  }

  /** The public key set, as Cognito serves it at /.well-known/jwks.json. */
  async jwks(): Promise<{ keys: object[] }> {
    return { keys: [{ ...this.keys.publicJwk, kid: this.keys.kid, alg: ALG, use: 'sig' }] };
  }
}

async function generateKeys(): Promise<StoredKeys> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, {
    extractable: true,
    modulusLength: 2048,
  });
  const privateJwk = await exportJWK(privateKey);
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { version: 1, kid, privateJwk, publicJwk };
}

async function loadOrCreateKeys(dir: string): Promise<StoredKeys> {
  const file = join(dir, KEY_FILE);
  const existing = await readKeyFile(file);
  if (existing) return existing;
  await mkdir(dir, { recursive: true });
  const created = await generateKeys();
  try {
    // 'wx': never clobber a key file another process wrote meanwhile; theirs wins.
    await writeFile(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600); // `mode` passes through the umask; state it outright
    return created;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const raced = await readKeyFile(file);
    if (!raced) throw new Error(`${file} appeared but could not be read`);
    return raced;
  }
}

async function readKeyFile(file: string): Promise<StoredKeys | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON; delete it to generate a new key pair`);
  }
  const stored = parsed as Partial<StoredKeys> | null;
  if (
    stored?.version !== 1 ||
    typeof stored.kid !== 'string' ||
    stored.privateJwk?.kty !== 'RSA' ||
    typeof stored.privateJwk.d !== 'string' ||
    stored.publicJwk?.kty !== 'RSA'
  ) {
    throw new Error(`${file} does not hold an RS256 key pair; delete it to generate a new one`);
  }
  return stored as StoredKeys;
}

async function importKeys(stored: StoredKeys): Promise<KeyMaterial> {
  const privateKey = await importJWK(stored.privateJwk, ALG);
  const publicKey = await importJWK(stored.publicJwk, ALG);
  if (privateKey instanceof Uint8Array || publicKey instanceof Uint8Array) {
    throw new Error('issuer keys must be asymmetric');
  }
  const { kty, n, e } = stored.publicJwk;
  return { kid: stored.kid, privateKey, publicKey, publicJwk: { kty, n, e } };
}
