import { classify, severity, type AllianceStatus } from '../../alliance/status';
import { scoreText } from '../../alliance/scoreMeaning';
import type { CaseloadAlliance, ClientListItem, SessionView } from '../../api/types';

export interface CaseloadRow {
  client: ClientListItem;
  status: AllianceStatus;
  openEpisodes: number;
  lastFeedbackAt: string | null;
  feedbackOverdue: boolean;
  nextSession: SessionView | null;
  /** Each pair's latest client alliance rating in words, e.g. "27 (concern) (not validated)". */
  latestRatings: string[];
}

/** Joins the caseload (client-service), alliance status (alliance-service) and diary (session-service). */
export function buildRows(
  clients: ClientListItem[],
  alliance: CaseloadAlliance | null,
  sessions: SessionView[],
  now: Date = new Date(),
): CaseloadRow[] {
  const byClient = new Map(alliance?.clients.map((c) => [c.clientId, c]) ?? []);
  const next = new Map<string, SessionView>();
  for (const s of sessions) {
    if (s.status !== 'scheduled' || new Date(s.start) < now) continue;
    const known = next.get(s.clientId);
    if (!known || s.start < known.start) next.set(s.clientId, s);
  }
  return clients.map((client) => {
    const a = byClient.get(client.id);
    return {
      client,
      status: classify(client.status, a),
      openEpisodes: a?.openEpisodes ?? 0,
      lastFeedbackAt: a?.lastFeedbackAt ?? null,
      feedbackOverdue: a?.feedbackOverdue ?? false,
      nextSession: next.get(client.id) ?? null,
      latestRatings: (a?.pairs ?? []).filter((p) => p.latestTotal != null)
        .map((p) => scoreText(p.latestTotal!, p.latestMeaning ?? { validated: true, band: null }, p.latestInConcernRange === true)),
    };
  });
}

/** session-service answers at most this many clients' next sessions in one request. */
export const NEXT_SESSIONS_PER_REQUEST = 50;

/** The requests for the clients' next sessions: one for every {@link NEXT_SESSIONS_PER_REQUEST} clients. */
export function nextSessionsPaths(clientIds: string[]): string[] {
  const paths: string[] = [];
  for (let i = 0; i < clientIds.length; i += NEXT_SESSIONS_PER_REQUEST) {
    const query = clientIds.slice(i, i + NEXT_SESSIONS_PER_REQUEST).map((id) => `clientId=${encodeURIComponent(id)}`).join('&');
    paths.push(`/api/v1/sessions/next?${query}`);
  }
  return paths;
}

export interface CaseloadFilter {
  search: string;
  status: AllianceStatus | 'all' | 'needs-attention';
}

const NEEDS_ATTENTION: AllianceStatus[] = ['rupture', 'concern', 'overdue'];

export function filterRows(rows: CaseloadRow[], filter: CaseloadFilter): CaseloadRow[] {
  const q = filter.search.trim().toLowerCase();
  return rows.filter((r) => {
    if (filter.status === 'needs-attention' && !NEEDS_ATTENTION.includes(r.status)) return false;
    if (filter.status !== 'all' && filter.status !== 'needs-attention' && r.status !== filter.status) return false;
    if (!q) return true;
    const c = r.client;
    return [c.givenName, c.familyName, c.preferredName, c.reference]
      .some((v) => v?.toLowerCase().includes(q));
  });
}

export type SortKey = 'name' | 'status' | 'nextSession' | 'lastFeedback';
export type SortDirection = 'ascending' | 'descending';

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // "none" goes last either way
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function sortRows(rows: CaseloadRow[], key: SortKey, direction: SortDirection): CaseloadRow[] {
  const byName = (a: CaseloadRow, b: CaseloadRow) =>
    a.client.familyName.localeCompare(b.client.familyName, 'en-GB') ||
    a.client.givenName.localeCompare(b.client.givenName, 'en-GB');
  const compare: Record<SortKey, (a: CaseloadRow, b: CaseloadRow) => number> = {
    name: byName,
    status: (a, b) => severity(a.status) - severity(b.status) || byName(a, b),
    nextSession: (a, b) => compareNullable(a.nextSession?.start ?? null, b.nextSession?.start ?? null) || byName(a, b),
    lastFeedback: (a, b) => compareNullable(a.lastFeedbackAt, b.lastFeedbackAt) || byName(a, b),
  };
  const sorted = [...rows].sort(compare[key]);
  if (direction === 'descending') {
    // Rows without a value stay at the end when reversing.
    const present = sorted.filter((r) => key === 'name' || key === 'status' || valueOf(r, key) !== null).reverse();
    const absent = sorted.filter((r) => !(key === 'name' || key === 'status' || valueOf(r, key) !== null));
    return [...present, ...absent];
  }
  return sorted;
}

function valueOf(row: CaseloadRow, key: 'nextSession' | 'lastFeedback'): string | null {
  return key === 'nextSession' ? row.nextSession?.start ?? null : row.lastFeedbackAt;
}

export function statusCounts(rows: CaseloadRow[]): Record<AllianceStatus, number> {
  const counts = { rupture: 0, concern: 0, overdue: 0, 'no-feedback': 0, ok: 0, discharged: 0, unknown: 0 };
  rows.forEach((r) => counts[r.status]++);
  return counts;
}
