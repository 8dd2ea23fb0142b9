import { shapeOutcomes, shapePair } from './allianceChart';
import type { Episode, PairTrend, TrendPoint } from '../../api/types';

const point = (at: string, total: number, measureId = 'rapport-session-alliance-check', cutOff: number | null = 30): TrendPoint =>
  ({ responseId: at, measureId, at, total, percentOfMax: total / 40, cutOff, inConcernRange: cutOff != null && total < cutOff,
    purpose: measureId === 'rapport-reflective-check-in' ? 'practitioner-check-in' : 'alliance', direction: 'higher-is-better',
    validated: !measureId.startsWith('rapport-'), band: null });
const PHQ9_BANDS = [{ from: 0, to: 4, code: 'minimal', label: 'Minimal' }, { from: 5, to: 9, code: 'mild', label: 'Mild' },
  { from: 10, to: 14, code: 'moderate', label: 'Moderate' }, { from: 15, to: 19, code: 'moderately-severe', label: 'Moderately severe' },
  { from: 20, to: 27, code: 'severe', label: 'Severe' }];
const phq9 = (at: string, total: number): TrendPoint => ({
  responseId: at, measureId: 'phq-9', at, total, percentOfMax: total / 27, cutOff: 10, inConcernRange: total >= 10,
  purpose: 'outcome', direction: 'higher-is-worse', validated: true, band: PHQ9_BANDS.find((b) => b.from <= total && total <= b.to)!,
});

describe('alliance chart data', () => {
  const pair: PairTrend = {
    professionalId: 'theo',
    clientRatings: [point('2026-10-03T10:00:00Z', 36), point('2026-10-01T10:00:00Z', 34), point('2026-10-10T10:00:00Z', 22),
      point('2026-10-05T10:00:00Z', 38, 'srs', 36)],
    outcomes: [phq9('2026-10-06T10:00:00Z', 16), phq9('2026-10-02T10:00:00Z', 21), phq9('2026-10-12T10:00:00Z', 8)],
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
    expect(shapePair({ professionalId: 'p', clientRatings: [], professionalCheckIns: [], outcomes: [], episodes: [] }).points).toEqual([]);
  });

  it('never puts an outcome score on the alliance line, even when it is the most used client measure', () => {
    const many = { ...pair, clientRatings: [point('2026-10-01T10:00:00Z', 34)],
      outcomes: [phq9('2026-10-02T10:00:00Z', 21), phq9('2026-10-03T10:00:00Z', 18), phq9('2026-10-04T10:00:00Z', 12)] };
    const alliance = shapePair(many);
    expect(alliance.measureId).toBe('rapport-session-alliance-check');
    expect(alliance.points.filter((p) => p.client != null).map((p) => p.measureId)).toEqual(['rapport-session-alliance-check']);
    expect(alliance.cutOff).toBe(30);
  });

  it('says when the charted alliance measure is Rapport’s own and not validated', () => {
    expect(chart.validated).toBe(false);
    expect(shapePair({ ...pair, clientRatings: [point('2026-10-01T10:00:00Z', 38, 'srs', 36)] }).validated).toBe(true);
  });

  it('charts each outcome measure apart, in time order, with its direction, cut-off and bands', () => {
    const [outcome, ...others] = shapeOutcomes(pair);
    expect(others).toEqual([]);
    expect(outcome!.measureId).toBe('phq-9');
    expect(outcome!.direction).toBe('higher-is-worse');
    expect(outcome!.cutOff).toBe(10);
    expect(outcome!.points.map((p) => [p.total, p.band?.code, p.inConcernRange])).toEqual([
      [21, 'severe', true], [16, 'moderately-severe', true], [8, 'mild', false]]);
    expect(outcome!.bands.map((b) => b.code)).toEqual(['mild', 'moderately-severe', 'severe']);
    expect(outcome!.yMax).toBe(30);
  });

  it('gives two outcome measures two charts', () => {
    const ors: TrendPoint = { ...point('2026-10-01T10:00:00Z', 20, 'ors', 25), purpose: 'outcome', inConcernRange: true };
    expect(shapeOutcomes({ ...pair, outcomes: [...pair.outcomes, ors] }).map((c) => [c.measureId, c.direction]))
      .toEqual([['phq-9', 'higher-is-worse'], ['ors', 'higher-is-better']]);
  });
});
