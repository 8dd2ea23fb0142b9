/** The claims the app shows or decides on; the services verify the token, the app only reads it. */
export interface Claims {
  sub: string;
  exp: number;
  name?: string;
  preferred_username?: string;
  email?: string;
  groups?: string[];
  org?: string;
  teams?: string[];
}

/** Reads a JWT's payload (base64url JSON). Throws on anything that is not a three-part token. */
export function readClaims(token: string): Claims {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) throw new Error('Not a JWT');
  const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  const claims = JSON.parse(new TextDecoder().decode(bytes)) as Claims;
  if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') throw new Error('Token lacks sub or exp');
  return claims;
}

/**
 * When to fetch the next token: a minute before expiry, or at 80 % of the remaining life for short tokens,
 * never in the past. Times are epoch milliseconds.
 */
export function renewAt(expSeconds: number, now: number): number {
  const expiresAt = expSeconds * 1000;
  const remaining = expiresAt - now;
  if (remaining <= 0) return now;
  const lead = Math.min(60_000, remaining * 0.2);
  return Math.max(now, expiresAt - lead);
}
