import { api, configureApiAuth } from './http';
import { ApiError } from './problem';
import { setToken } from '../auth/tokenStore';

function token(sub: string, expInSeconds: number): string {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '');
  return `${b64({ alg: 'RS256' })}.${b64({ sub, exp: Math.floor(Date.now() / 1000) + expInSeconds })}.sig`;
}

describe('API calls and the session', () => {
  const calls: { url: string; auth: string | null }[] = [];
  let answers: Response[] = [];

  beforeEach(() => {
    calls.length = 0;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, auth: new Headers(init.headers).get('Authorization') });
      return answers.shift() ?? new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setToken(null);
  });

  it('sends the bearer token and, on a 401, renews once and retries with the new token', async () => {
    setToken(token('first', 600));
    configureApiAuth(async () => !!setToken(token('second', 600)), () => {});
    answers = [new Response(null, { status: 401 }), new Response('{"ok":true}', { status: 200, headers: { 'Content-Type': 'application/json' } })];
    expect(await api<{ ok: boolean }>('/api/v1/clients')).toEqual({ ok: true });
    expect(calls).toHaveLength(2);
    expect(calls[0]!.auth).not.toEqual(calls[1]!.auth);
  });

  it('renews an expired token before calling, never sending it', async () => {
    setToken(token('old', -10));
    let renewed = 0;
    configureApiAuth(async () => (renewed++, !!setToken(token('new', 600))), () => {});
    await api('/api/v1/clients');
    expect(renewed).toBe(1);
    expect(calls).toHaveLength(1);
  });

  it('reports the session as expired when renewal fails, and calls nothing', async () => {
    setToken(null);
    let expired = false;
    configureApiAuth(async () => false, () => { expired = true; });
    await expect(api('/api/v1/clients')).rejects.toBeInstanceOf(ApiError);
    expect(expired).toBe(true);
    expect(calls).toHaveLength(0);
  });

  it('turns a problem answer into an ApiError with its fields', async () => {
    setToken(token('u', 600));
    configureApiAuth(async () => false, () => {});
    answers = [new Response(JSON.stringify({ type: 'urn:rapport:problem:validation', status: 400, errors: [{ field: 'first.start', message: 'bad' }] }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } })];
    const error = await api('/api/v1/sessions/series', { method: 'POST', body: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).forField('start')).toBe('bad');
  });
});
