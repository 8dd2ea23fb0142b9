import type { FetchEventSourceInit } from '@microsoft/fetch-event-source';
import { backoff, openStream, streamHeaders, type Connect } from './stream';

function sse(status: number, type = 'text/event-stream'): Response {
  return new Response(null, { status, headers: { 'Content-Type': type } });
}

/** A fake connection: each call runs the next scripted behaviour against the handlers it was given. */
function scripted(steps: ((init: FetchEventSourceInit) => Promise<void>)[]) {
  const calls: Record<string, string>[] = [];
  const connect: Connect = async (_url, init) => {
    calls.push({ ...(init.headers as Record<string, string>) });
    const step = steps.shift();
    if (!step) return new Promise<void>((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    try {
      await step(init);
    } catch (e) {
      init.onerror?.(e);
      throw e;
    }
  };
  return { connect, calls };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('live stream', () => {
  it('backs off exponentially with jitter, capped', () => {
    expect(backoff(0, () => 0.5)).toBe(1000);
    expect(backoff(3, () => 0.5)).toBe(8000);
    expect(backoff(10, () => 0.5)).toBe(30000);
    expect(backoff(0, () => 0)).toBe(800);
    expect(backoff(0, () => 1)).toBe(1200);
  });

  it('sends the token and, when resuming, the last event id', () => {
    expect(streamHeaders('t', undefined)).toEqual({ Authorization: 'Bearer t', Accept: 'text/event-stream' });
    expect(streamHeaders('t', '42')['Last-Event-ID']).toBe('42');
  });

  it('reconnects after a drop with the last event id it saw and a fresh token', async () => {
    const events: string[] = [];
    const sleeps: number[] = [];
    let tokenNumber = 0;
    const { connect, calls } = scripted([
      async (init) => {
        await init.onopen!(sse(200));
        init.onmessage!({ id: '7', event: 'notification', data: '{"n":1}', retry: undefined });
        init.onmessage!({ id: '8', event: 'notification', data: '{"n":2}', retry: undefined });
        throw new TypeError('network down');
      },
      async (init) => {
        await init.onopen!(sse(200));
        init.onmessage!({ id: '9', event: 'notification', data: '{"n":3}', retry: undefined });
        init.onclose!();
      },
    ]);
    const stop = openStream({
      url: '/s', lastEventId: '5', connect,
      token: async () => `token-${++tokenNumber}`,
      renew: async () => true,
      onEvent: (m) => events.push(m.id),
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
    });
    for (let i = 0; i < 10; i++) await flush();
    stop();
    expect(events).toEqual(['7', '8', '9']);
    expect(calls.map((c) => c['Last-Event-ID'])).toEqual(['5', '8', '9']);
    expect(calls.map((c) => c.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2', 'Bearer token-3']);
    // A dropped connection waits (1 s after a successful open); a clean close by the server reconnects at once.
    expect(sleeps).toEqual([1000, 0]);
  });

  it('renews the token on 401 and stops when renewal fails', async () => {
    const states: string[] = [];
    let renewals = 0;
    const { connect, calls } = scripted([
      async (init) => init.onopen!(sse(401, 'application/problem+json')),
      async (init) => init.onopen!(sse(401, 'application/problem+json')),
    ]);
    openStream({
      url: '/s', connect, token: async () => 't', onEvent: () => {},
      renew: async () => ++renewals < 2,
      onState: (s) => states.push(s),
      sleep: async () => {},
    });
    for (let i = 0; i < 10; i++) await flush();
    expect(calls).toHaveLength(2);
    expect(renewals).toBe(2);
    expect(states.at(-1)).toBe('stopped');
  });

  it('does not hammer a server that refuses the request', async () => {
    const { connect, calls } = scripted([async (init) => init.onopen!(sse(400, 'application/problem+json'))]);
    openStream({ url: '/s', connect, token: async () => 't', renew: async () => true, onEvent: () => {}, sleep: async () => {} });
    for (let i = 0; i < 10; i++) await flush();
    expect(calls).toHaveLength(1);
  });
});
