import { readClaims, renewAt } from './jwt';
import { setToken, validToken, hasRole, currentSession } from './tokenStore';

function token(claims: object): string {
  const b64 = (o: object) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(o)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${b64({ alg: 'RS256' })}.${b64(claims)}.signature`;
}

describe('tokens', () => {
  it('reads claims from a base64url payload, including non-ASCII names', () => {
    const claims = readClaims(token({ sub: 'u1', exp: 2000, name: 'Zoë Ünal', groups: ['case-manager'] }));
    expect(claims.name).toBe('Zoë Ünal');
    expect(claims.groups).toEqual(['case-manager']);
  });

  it('refuses something that is not a token', () => {
    expect(() => readClaims('abc')).toThrow();
    expect(() => readClaims(token({ name: 'no sub' }))).toThrow(/sub/);
  });

  it('renews a minute before expiry for hour-long tokens and earlier for short ones', () => {
    const now = 1_000_000;
    expect(renewAt(now / 1000 + 3600, now)).toBe(now + 3600_000 - 60_000);
    expect(renewAt(now / 1000 + 100, now)).toBe(now + 100_000 - 20_000);
    expect(renewAt(now / 1000 - 5, now)).toBe(now);
  });

  it('keeps the token in memory only and never hands out an expired one', () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    setToken(token({ sub: 'u1', exp, groups: ['team-lead'] }));
    expect(validToken()).not.toBeNull();
    expect(validToken(exp * 1000 + 1)).toBeNull();
    expect(hasRole(currentSession(), 'case-manager', 'team-lead')).toBe(true);
    expect(hasRole(currentSession(), 'org-admin')).toBe(false);
    expect(window.localStorage.length + window.sessionStorage.length).toBe(0);
    setToken(null);
    expect(validToken()).toBeNull();
  });
});
