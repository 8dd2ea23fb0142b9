import { fetchEventSource, type EventSourceMessage, type FetchEventSourceInit } from '@microsoft/fetch-event-source';

/**
 * The live inbox over server-sent events. EventSource cannot send an Authorization header, so a
 * fetch-based client is used; this loop owns reconnection so that every attempt carries the current
 * token and the last event id seen (the server replays what came after it).
 */

export type Connect = (url: string, init: FetchEventSourceInit) => Promise<void>;

export interface StreamOptions {
  url: string;
  /** The position to resume after (the newest `streamId` already shown), if any. */
  lastEventId?: string;
  token: () => Promise<string | null>;
  renew: () => Promise<boolean>;
  onEvent: (message: EventSourceMessage) => void;
  onState?: (state: 'connecting' | 'open' | 'retrying' | 'stopped') => void;
  connect?: Connect;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

class Unauthorised extends Error {}
class ServerClosed extends Error {}
class Refused extends Error {}

/** 1 s, 2 s, 4 s … capped at 30 s, each ±20 % so many tabs do not reconnect in step. */
export function backoff(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export function streamHeaders(token: string, lastEventId: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
  if (lastEventId) headers['Last-Event-ID'] = lastEventId;
  return headers;
}

/** Runs until the returned function is called. */
export function openStream(options: StreamOptions): () => void {
  const controller = new AbortController();
  const connect = options.connect ?? fetchEventSource;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let lastEventId = options.lastEventId;
  let attempt = 0;

  const run = async () => {
    while (!controller.signal.aborted) {
      const token = await options.token();
      if (!token) break;
      options.onState?.('connecting');
      try {
        await connect(options.url, {
          headers: streamHeaders(token, lastEventId),
          signal: controller.signal,
          openWhenHidden: true,
          async onopen(response) {
            if (response.status === 401) throw new Unauthorised();
            if (!response.ok || !(response.headers.get('Content-Type') ?? '').includes('text/event-stream')) {
              throw response.status >= 400 && response.status < 500 && response.status !== 429
                ? new Refused(`The live stream was refused (${response.status})`)
                : new Error(`The live stream is unavailable (${response.status})`);
            }
            attempt = 0;
            options.onState?.('open');
          },
          onmessage(message) {
            if (message.id) lastEventId = message.id;
            if (message.event || message.data) options.onEvent(message);
          },
          onclose() {
            throw new ServerClosed();
          },
          onerror(error) {
            throw error; // this loop decides when to retry
          },
        });
      } catch (error) {
        if (controller.signal.aborted) break;
        if (error instanceof Refused) break;
        if (error instanceof Unauthorised && !(await options.renew())) break;
        options.onState?.('retrying');
        await sleep(error instanceof ServerClosed && attempt === 0 ? 0 : backoff(attempt, options.random));
        attempt++;
        continue;
      }
      // connect resolved without an error: only when aborted.
      break;
    }
    options.onState?.('stopped');
  };
  void run();
  return () => controller.abort();
}
