import { describe, expect, it, vi } from 'vitest';
import { completeSignIn, SignInCallbackError, safeReturnPath } from './callback.ts';

const CALLBACK = 'http://127.0.0.1:3000/auth/callback';

/** A fake of the two things the callback needs, recording every URL it was left on. */
function deps(signin: () => Promise<{ state?: unknown } | undefined>) {
  const urls: string[] = [];
  return {
    urls,
    signinCallback: vi.fn(signin),
    replaceUrl: (path: string) => urls.push(path),
  };
}

describe('Function: completeSignIn', () => {
  it('exchanges the code and returns to the page the user started from', async () => {
    // Prepare
    const d = deps(async () => ({ state: '/cases/case-1?tab=evidence' }));
    // Act
    const returnTo = await completeSignIn(d, `${CALLBACK}?code=abc&state=xyz`);
    // Assess
    expect(d.signinCallback).toHaveBeenCalledWith(`${CALLBACK}?code=abc&state=xyz`);
    expect(returnTo).toBe('/cases/case-1?tab=evidence');
    expect(d.urls.at(-1)).toBe('/cases/case-1?tab=evidence');
  });

  it('takes the code and state out of the address bar before the exchange', async () => {
    const d = deps(async () => {
      expect(d.urls).toEqual(['/auth/callback']);
      return { state: '/queue' };
    });
    await completeSignIn(d, `${CALLBACK}?code=abc&state=xyz`);
    expect(d.urls.every((url) => !url.includes('code=') && !url.includes('state='))).toBe(true);
  });

  it('leaves no code in the URL when the exchange fails, and says why', async () => {
    const d = deps(async () => {
      throw Object.assign(new Error('bad'), { error: 'invalid_grant', error_description: 'spent' });
    });
    const failure = completeSignIn(d, `${CALLBACK}?code=abc&state=xyz`);
    await expect(failure).rejects.toMatchObject({ code: 'invalid_grant', description: 'spent' });
    expect(d.urls).toEqual(['/auth/callback']);
  });

  it('reports an error the issuer sent back, without attempting an exchange', async () => {
    const d = deps(async () => ({ state: '/' }));
    const failure = completeSignIn(
      d,
      `${CALLBACK}?error=access_denied&error_description=No+such+user&state=xyz`,
    );
    await expect(failure).rejects.toBeInstanceOf(SignInCallbackError);
    await expect(failure).rejects.toMatchObject({
      code: 'access_denied',
      description: 'No such user',
    });
    expect(d.signinCallback).not.toHaveBeenCalled();
  });

  it('refuses a callback without a code or state', async () => {
    const d = deps(async () => ({ state: '/' }));
    await expect(completeSignIn(d, `${CALLBACK}?state=xyz`)).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect(d.signinCallback).not.toHaveBeenCalled();
  });

  it('goes home when the state carries a path that would leave the app', async () => {
    const d = deps(async () => ({ state: 'https://evil.example/phish' }));
    expect(await completeSignIn(d, `${CALLBACK}?code=a&state=b`)).toBe('/');
  });
});

describe('Function: safeReturnPath', () => {
  it.each([
    ['/queue?queue=priority', '/queue?queue=priority'],
    ['/cases/c-1', '/cases/c-1'],
  ])('keeps the in-app path %s', (state, expected) => {
    expect(safeReturnPath(state)).toBe(expected);
  });

  it.each([
    ['//evil.example/x'],
    ['/\\evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['/auth/callback'],
    ['/auth/callback?code=x'],
    ['/queue\nSet-Cookie: x'],
    [42],
    [undefined],
  ])('replaces %j with the home page', (state) => {
    expect(safeReturnPath(state)).toBe('/');
  });
});
