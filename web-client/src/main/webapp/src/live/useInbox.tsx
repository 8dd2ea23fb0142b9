import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http';
import type { Inbox, Notification } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { validToken } from '../auth/tokenStore';
import { openStream } from './stream';

export const INBOX_KEY = ['inbox'];

export function fetchInbox(): Promise<Inbox> {
  return api<Inbox>('/api/v1/notifications/inbox?size=50');
}

/** Puts a live notification at the top of the cached inbox (once, whatever the replay). */
export function mergeLive(inbox: Inbox | undefined, item: Notification): Inbox | undefined {
  if (!inbox || inbox.items.some((i) => i.id === item.id)) return inbox;
  return { ...inbox, items: [item, ...inbox.items], total: inbox.total + 1, unread: inbox.unread + (item.read ? 0 : 1) };
}

const LiveState = createContext<string>('stopped');

/** One live stream per signed-in app, feeding the inbox cache and therefore the badge and the inbox screen. */
export function LiveInbox({ children }: { children: ReactNode }) {
  const { session, provider } = useAuth();
  const client = useQueryClient();
  const [state, setState] = useState('stopped');
  const inbox = useQuery({ queryKey: INBOX_KEY, queryFn: fetchInbox, enabled: !!session });
  const ready = inbox.isSuccess;
  const userId = session?.claims.sub;

  useEffect(() => {
    if (!ready || !userId || !provider) return;
    const newest = client.getQueryData<Inbox>(INBOX_KEY)?.items.reduce((max, i) => Math.max(max, i.streamId), 0);
    return openStream({
      url: '/api/v1/notifications/inbox/stream',
      lastEventId: newest ? String(newest) : undefined,
      token: async () => validToken() ?? ((await provider.renew()) ? validToken() : null),
      renew: () => provider.renew(),
      onState: setState,
      onEvent: (message) => {
        if (message.event !== 'notification') return;
        const item = JSON.parse(message.data) as Notification;
        client.setQueryData<Inbox>(INBOX_KEY, (old) => mergeLive(old, item));
      },
    });
    // Reopen only for another person or once the first inbox is in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, userId, provider]);

  return <LiveState.Provider value={state}>{children}</LiveState.Provider>;
}

export function useLiveState(): string {
  return useContext(LiveState);
}

export function useUnreadCount(): number {
  const { data } = useQuery({ queryKey: INBOX_KEY, queryFn: fetchInbox });
  return data?.unread ?? 0;
}
