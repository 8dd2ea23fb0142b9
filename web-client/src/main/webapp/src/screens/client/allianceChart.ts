import type { Episode, EpisodeMarker, PairTrend } from '../../api/types';

export interface ChartPoint {
  /** Epoch milliseconds: the x axis is time. */
  t: number;
  client?: number;
  checkIn?: number;
  measureId: string;
  inConcernRange: boolean;
}

export interface ChartMarker {
  t: number;
  kind: 'rupture' | 'repair' | 'resolved' | 'closed';
  label: string;
}

export interface PairChart {
  professionalId: string;
  points: ChartPoint[];
  /** The client measure's cut-off: below it, the alliance is of concern. */
  cutOff: number | null;
  measureId: string | null;
  markers: ChartMarker[];
  yMax: number;
  /** Time axis covering scores and markers, a day either side. */
  xDomain: [number, number];
}

/** Highest possible total of the measures the app charts (4 items × 0–10 for the session check). */
const DEFAULT_Y_MAX = 40;

/**
 * One chart per professional: client ratings and the professional's check-ins over time on the main
 * client measure, its cut-off, and rupture (detected) / repair (recorded) / resolution markers.
 */
export function shapePair(pair: PairTrend, episodes: Episode[] = []): PairChart {
  const measureId = mostUsedMeasure(pair);
  const clientRatings = pair.clientRatings.filter((p) => p.measureId === measureId);
  const points: ChartPoint[] = [
    ...clientRatings.map((p) => ({ t: Date.parse(p.at), client: p.total, measureId: p.measureId, inConcernRange: p.inConcernRange })),
    ...pair.professionalCheckIns.map((p) => ({ t: Date.parse(p.at), checkIn: p.total, measureId: p.measureId, inConcernRange: p.inConcernRange })),
  ].sort((a, b) => a.t - b.t);
  const cutOff = clientRatings.find((p) => p.cutOff != null)?.cutOff ?? null;
  const markers = [...pair.episodes.flatMap(episodeMarkers), ...repairMarkers(pair.professionalId, episodes)]
    .sort((a, b) => a.t - b.t);
  const highest = Math.max(0, ...points.map((p) => p.client ?? p.checkIn ?? 0), cutOff ?? 0);
  const times = [...points.map((p) => p.t), ...markers.map((m) => m.t)];
  const day = 86_400_000;
  const xDomain: [number, number] = times.length ? [Math.min(...times) - day, Math.max(...times) + day] : [0, day];
  return {
    xDomain,
    professionalId: pair.professionalId,
    points,
    cutOff,
    measureId,
    markers,
    yMax: highest <= DEFAULT_Y_MAX ? DEFAULT_Y_MAX : Math.ceil(highest / 10) * 10,
  };
}

function mostUsedMeasure(pair: PairTrend): string | null {
  const counts = new Map<string, number>();
  pair.clientRatings.forEach((p) => counts.set(p.measureId, (counts.get(p.measureId) ?? 0) + 1));
  let best: string | null = null;
  counts.forEach((n, id) => {
    if (best === null || n > (counts.get(best) ?? 0)) best = id;
  });
  return best;
}

function episodeMarkers(e: EpisodeMarker): ChartMarker[] {
  const out: ChartMarker[] = [{ t: Date.parse(e.detectedAt), kind: 'rupture', label: 'Rupture detected' }];
  if (e.endedAt) {
    const resolved = e.state === 'resolved';
    out.push({ t: Date.parse(e.endedAt), kind: resolved ? 'resolved' : 'closed', label: resolved ? 'Resolved' : 'Closed unresolved' });
  }
  return out;
}

function repairMarkers(professionalId: string, episodes: Episode[]): ChartMarker[] {
  return episodes
    .filter((e) => e.professionalId === professionalId)
    .flatMap((e) => e.repairs.map((r) => ({ t: Date.parse(r.recordedAt), kind: 'repair' as const, label: `Repair: ${r.strategy.replace(/-/g, ' ')}` })));
}
