import { buildRows, filterRows, nextSessionsPaths, sortRows } from './caseloadRows';
import type { CaseloadAlliance, ClientListItem, SessionView } from '../../api/types';

const client = (id: string, givenName: string, familyName: string, reference = `RAP-${id}`): ClientListItem =>
  ({ id, givenName, familyName, reference, status: 'active' });
const session = (clientId: string, start: string, status: SessionView['status'] = 'scheduled'): SessionView => ({
  id: `${clientId}-${start}`, clientId, type: 'therapy', status, start, end: start, timeZone: 'Europe/London',
  localStart: start, localEnd: start, professionalIds: [], version: 0,
});
const now = new Date('2026-11-22T12:00:00Z');

const clients = [client('a', 'Amir', 'Zaman'), client('b', 'Bea', 'Young'), client('c', 'Cai', 'Xu')];
const alliance: CaseloadAlliance = {
  scope: 'case-manager',
  summary: { clients: 3, ruptures: 1, openRuptures: 1, repaired: 0, repairRate: 0, medianDaysToRepair: null },
  clients: [
    { clientId: 'a', teamId: 't', status: 'active', openEpisodes: 0, lastFeedbackAt: '2026-11-20T10:00:00Z', feedbackOverdue: false,
      pairs: [{ professionalId: 'p', latestTotal: 35, latestPercentOfMax: 0.9, latestInConcernRange: false, latestMeasureId: 'srs',
        latestMeaning: { purpose: 'alliance', direction: 'higher-is-better', validated: true, band: null }, lastFeedbackAt: '2026-11-20T10:00:00Z', feedbackOverdue: false, openEpisodes: 0, episodes: 0, repairedEpisodes: 0 }] },
    { clientId: 'b', teamId: 't', status: 'active', openEpisodes: 1, lastFeedbackAt: '2026-11-10T10:00:00Z', feedbackOverdue: false,
      pairs: [{ professionalId: 'p', latestTotal: 20, latestPercentOfMax: 0.5, latestInConcernRange: true,
        latestMeasureId: 'rapport-session-alliance-check',
        latestMeaning: { purpose: 'alliance', direction: 'higher-is-better', validated: false, band: null }, lastFeedbackAt: '2026-11-10T10:00:00Z', feedbackOverdue: false, openEpisodes: 1, episodes: 1, repairedEpisodes: 0 }] },
  ],
};

describe('caseload rows', () => {
  const rows = buildRows(clients, alliance, [
    session('a', '2026-11-21T10:00:00Z'), // past: not "next"
    session('a', '2026-11-30T10:00:00Z'),
    session('a', '2026-11-25T10:00:00Z'),
    session('c', '2026-11-24T10:00:00Z', 'cancelled'),
  ], now);

  it('joins status and the earliest future scheduled session per client', () => {
    expect(rows.map((r) => r.status)).toEqual(['ok', 'rupture', 'unknown']);
    expect(rows[0]!.nextSession?.start).toBe('2026-11-25T10:00:00Z');
    expect(rows[2]!.nextSession).toBeNull();
    expect(rows[1]!.openEpisodes).toBe(1);
  });

  it('shows each latest rating with its concern and "not validated" beside Rapport’s own measure', () => {
    expect(rows.map((r) => r.latestRatings)).toEqual([['35'], ['20 (concern) (not validated)'], []]);
  });

  it('searches names and references, case-insensitively, and filters by status', () => {
    expect(filterRows(rows, { search: 'YOU', status: 'all' }).map((r) => r.client.id)).toEqual(['b']);
    expect(filterRows(rows, { search: 'rap-c', status: 'all' }).map((r) => r.client.id)).toEqual(['c']);
    expect(filterRows(rows, { search: '', status: 'needs-attention' }).map((r) => r.client.id)).toEqual(['b']);
    expect(filterRows(rows, { search: '', status: 'ok' }).map((r) => r.client.id)).toEqual(['a']);
  });

  it('sorts by urgency, name, and by dates with empty values last in both directions', () => {
    expect(sortRows(rows, 'status', 'ascending').map((r) => r.client.id)).toEqual(['b', 'a', 'c']);
    expect(sortRows(rows, 'name', 'ascending').map((r) => r.client.familyName)).toEqual(['Xu', 'Young', 'Zaman']);
    expect(sortRows(rows, 'lastFeedback', 'ascending').map((r) => r.client.id)).toEqual(['b', 'a', 'c']);
    expect(sortRows(rows, 'lastFeedback', 'descending').map((r) => r.client.id)).toEqual(['a', 'b', 'c']);
    // Only Amir has a session booked; the others keep name order after him either way.
    expect(sortRows(rows, 'nextSession', 'descending').map((r) => r.client.id)).toEqual(['a', 'c', 'b']);
    expect(sortRows(rows, 'nextSession', 'ascending').map((r) => r.client.id)).toEqual(['a', 'c', 'b']);
  });
});

describe('next sessions requests', () => {
  it('asks for a whole ordinary caseload in one request, naming each client', () => {
    expect(nextSessionsPaths(['a', 'b', 'c'])).toEqual(['/api/v1/sessions/next?clientId=a&clientId=b&clientId=c']);
    expect(nextSessionsPaths([])).toEqual([]);
  });

  it('splits a caseload over 50 clients into requests of at most 50', () => {
    const ids = Array.from({ length: 120 }, (_, i) => `id-${i}`);
    const paths = nextSessionsPaths(ids);
    expect(paths).toHaveLength(3);
    expect(paths.map((p) => p.split('clientId=').length - 1)).toEqual([50, 50, 20]);
    expect(paths[2]).toContain('clientId=id-119');
  });
});
