import { shapePair } from './allianceChart';
import type { Episode, PairTrend } from '../../api/types';

const point = (at: string, total: number, measureId = 'rapport-session-alliance-check', cutOff: number | null = 30) =>
  ({ responseId: at, measureId, at, total, percentOfMax: total / 40, cutOff, inConcernRange: cutOff != null && total < cutOff });

describe('alliance chart data', () => {
  const pair: PairTrend = {
    professionalId: 'theo',
    clientRatings: [point('2026-10-03T10:00:00Z', 36), point('2026-10-01T10:00:00Z', 34), point('2026-10-10T10:00:00Z', 22),
      point('2026-10-05T10:00:00Z', 3, 'phq-9', 10)],
    professionalCheckIns: [point('2026-10-04T10:00:00Z', 20, 'rapport-reflective-check-in', 24)],
    episodes: [{ episodeId: 'e1', state: 'resolved', detectedAt: '2026-10-10T10:00:00Z', endedAt: '2026-10-20T10:00:00Z' },
      { episodeId: 'e2', state: 'detected', detectedAt: '2026-10-25T10:00:00Z', endedAt: null }],
  };
  const episodes = [{ id: 'e1', professionalId: 'theo', repairs: [{ id: 'r', strategy: 'explore-together', recordedBy: 'x', recordedAt: '2026-10-12T10:00:00Z' }] },
    { id: 'x', professionalId: 'someone-else', repairs: [{ id: 'r2', strategy: 'other', recordedBy: 'x', recordedAt: '2026-10-13T10:00:00Z' }] }] as Episode[];
  const chart = shapePair(pair, episodes);

  it('charts the main client measure and the check-ins in time order', () => {
    expect(chart.measureId).toBe('rapport-session-alliance-check');
    expect(chart.points.map((p) => p.client ?? `c${p.checkIn}`)).toEqual([34, 36, 'c20', 22]);
  });

  it('draws the cut-off of the client measure, not of the check-in', () => {
    expect(chart.cutOff).toBe(30);
  });

  it('marks ruptures, this pair’s repairs and how episodes ended', () => {
    expect(chart.markers.map((m) => m.kind)).toEqual(['rupture', 'repair', 'resolved', 'rupture']);
    expect(chart.markers[1]!.label).toBe('Repair: explore together');
    // The time axis reaches the last marker even though no score is that late.
    expect(chart.xDomain[1]).toBe(Date.parse('2026-10-25T10:00:00Z') + 86_400_000);
  });

  it('keeps the axis at the measure range unless a score is higher', () => {
    expect(chart.yMax).toBe(40);
    expect(shapePair({ ...pair, clientRatings: [point('2026-10-01T10:00:00Z', 48, 'wai-sr', null)] }).yMax).toBe(50);
    expect(shapePair({ professionalId: 'p', clientRatings: [], professionalCheckIns: [], episodes: [] }).points).toEqual([]);
  });
});
