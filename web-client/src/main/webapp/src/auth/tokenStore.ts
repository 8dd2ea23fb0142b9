import { readClaims, type Claims } from './jwt';

/**
 * The access token lives here, in memory only: never in localStorage, sessionStorage or a cookie the
 * script can read. A reload forgets it; the sign-in flow then gets a new one.
 */
export interface Session {
  token: string;
  claims: Claims;
}

type Listener = (session: Session | null) => void;

let current: Session | null = null;
const listeners = new Set<Listener>();

export function setToken(token: string | null): Session | null {
  current = token ? { token, claims: readClaims(token) } : null;
  listeners.forEach((l) => l(current));
  return current;
}

export function currentSession(): Session | null {
  return current;
}

/** The token if it is still valid at `now` (epoch ms); an expired token is never sent. */
export function validToken(now: number = Date.now()): string | null {
  if (!current) return null;
  return current.claims.exp * 1000 > now ? current.token : null;
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function hasRole(session: Session | null, ...roles: string[]): boolean {
  return !!session?.claims.groups?.some((g) => roles.includes(g));
}
