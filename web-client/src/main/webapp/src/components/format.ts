/** Dates and times as people in the UK read them, in Europe/London unless a zone is given. */
const LONDON = 'Europe/London';

export function formatDateTime(iso: string | null | undefined, timeZone: string = LONDON): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone,
  }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: LONDON })
    .format(new Date(iso));
}

/** "3 days ago", "in 2 days", "today". */
export function relativeDays(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '';
  const days = Math.round((new Date(iso).getTime() - now.getTime()) / 86_400_000);
  if (days === 0) return 'today';
  const rtf = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
  return rtf.format(days, 'day');
}

export function displayName(c: { givenName: string; familyName: string; preferredName?: string }): string {
  return c.preferredName && c.preferredName !== c.givenName
    ? `${c.givenName} “${c.preferredName}” ${c.familyName}`
    : `${c.givenName} ${c.familyName}`;
}

export function words(code: string | null | undefined): string {
  if (!code) return '';
  const s = code.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
