import { describe, expect, it } from 'vitest';
import { areaOfPath, areasOf, canReview, rolesOf } from './roles.ts';

describe('Function: rolesOf', () => {
  it('reads cognito:groups as the ID token carries it (an array)', () => {
    expect(rolesOf({ 'cognito:groups': ['reviewer', 'admin'] })).toEqual(['reviewer', 'admin']);
  });

  it('reads the comma- and bracket-joined forms an authorizer passes on', () => {
    expect(rolesOf({ 'cognito:groups': 'seller,rights-holder' })).toEqual([
      'rights-holder',
      'seller',
    ]);
    expect(rolesOf({ 'cognito:groups': '[reviewer admin]' })).toEqual(['reviewer', 'admin']);
  });

  it('has no role without the claim, and ignores groups that are not roles', () => {
    expect(rolesOf({})).toEqual([]);
    expect(rolesOf(undefined)).toEqual([]);
    expect(rolesOf({ 'cognito:groups': ['pirates', 'reviewers'] })).toEqual([]);
  });
});

describe('Function: canReview', () => {
  it('opens the console to reviewers and admins only', () => {
    expect(canReview(['reviewer'])).toBe(true);
    expect(canReview(['admin'])).toBe(true);
    expect(canReview(['seller', 'rights-holder'])).toBe(false);
    expect(canReview([])).toBe(false);
  });
});

describe('Function: areasOf', () => {
  it('opens one area per role, the console to reviewers and admins', () => {
    expect(areasOf(['admin'])).toEqual(['console']);
    expect(areasOf(['rights-holder'])).toEqual(['portal']);
    expect(areasOf(['seller', 'reviewer'])).toEqual(['console', 'seller']);
    expect(areasOf([])).toEqual([]);
  });
});

describe('Function: areaOfPath', () => {
  it.each([
    ['/queue', 'console'],
    ['/review/cases/c-1', 'console'],
    ['/cases', 'console'],
    ['/portal/notices/new', 'portal'],
    ['/notices/n-1', 'portal'],
    ['/seller/account', 'seller'],
    ['/sellers', undefined],
    ['/cases/c-1', undefined],
    ['/', undefined],
  ])('puts %s in %s', (path, area) => {
    expect(areaOfPath(path)).toBe(area);
  });
});
