import type { Episode, EpisodeMarker, PairTrend, TrendPoint } from '../../api/types';
import type { Direction, SeverityBand } from '../../alliance/scoreMeaning';

export interface ChartPoint {
  /** Epoch milliseconds: the x axis is time. */
  t: number;
  client?: number;
  checkIn?: number;
  measureId: string;
  inConcernRange: boolean;
  validated: boolean;
  band: SeverityBand | null;
}

export interface ChartMarker {
  t: number;
  kind: 'rupture' | 'repair' | 'resolved' | 'closed';
  label: string;
}

export interface PairChart {
  professionalId: string;
  points: ChartPoint[];
  /** The client alliance measure's cut-off: below it, the alliance is of concern (alliance measures: higher is better). */
  cutOff: number | null;
  measureId: string | null;
  /** Whether the charted client measure is a validated instrument (Rapport's own are not). */
  validated: boolean;
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
  // Only alliance measures share this chart; outcome measures run their own way and get their own (shapeOutcomes).
  const alliance = pair.clientRatings.filter((p) => p.purpose === 'alliance');
  const measureId = mostUsedMeasure(alliance);
  const clientRatings = alliance.filter((p) => p.measureId === measureId);
  const checkIns = pair.professionalCheckIns.filter((p) => p.purpose === 'practitioner-check-in');
  const points: ChartPoint[] = [
    ...clientRatings.map((p) => ({ t: Date.parse(p.at), client: p.total, ...meaningOf(p) })),
    ...checkIns.map((p) => ({ t: Date.parse(p.at), checkIn: p.total, ...meaningOf(p) })),
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
    validated: clientRatings.every((p) => p.validated),
    markers,
    yMax: highest <= DEFAULT_Y_MAX ? DEFAULT_Y_MAX : Math.ceil(highest / 10) * 10,
  };
}

function meaningOf(p: TrendPoint) {
  return { measureId: p.measureId, inConcernRange: p.inConcernRange, validated: p.validated, band: p.band ?? null };
}

function mostUsedMeasure(ratings: TrendPoint[]): string | null {
  const counts = new Map<string, number>();
  ratings.forEach((p) => counts.set(p.measureId, (counts.get(p.measureId) ?? 0) + 1));
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

/** One outcome measure of a pair on its own chart: its direction, cut-off and published bands beside the scores. */
export interface OutcomeChart {
  measureId: string;
  direction: Direction;
  validated: boolean;
  cutOff: number | null;
  bands: SeverityBand[];
  points: { t: number; total: number; band: SeverityBand | null; inConcernRange: boolean }[];
  yMax: number;
  xDomain: [number, number];
}

/** One chart per outcome measure of the pair, oldest score first; measures are never drawn on one line. */
export function shapeOutcomes(pair: PairTrend): OutcomeChart[] {
  const byMeasure = new Map<string, TrendPoint[]>();
  (pair.outcomes ?? []).forEach((p) => byMeasure.set(p.measureId, [...(byMeasure.get(p.measureId) ?? []), p]));
  const day = 86_400_000;
  return [...byMeasure.entries()].map(([measureId, scores]) => {
    const points = scores.map((p) => ({ t: Date.parse(p.at), total: p.total, band: p.band ?? null, inConcernRange: p.inConcernRange }))
      .sort((a, b) => a.t - b.t);
    // The bands come with each score; together they show the measure's whole banded range.
    const bands = [...new Map(scores.filter((p) => p.band).map((p) => [p.band!.code, p.band!])).values()].sort((a, b) => a.from - b.from);
    const highest = Math.max(0, ...points.map((p) => p.total), ...bands.map((b) => b.to));
    const times = points.map((p) => p.t);
    return {
      measureId,
      direction: scores[0]!.direction,
      validated: scores.every((p) => p.validated),
      cutOff: scores.find((p) => p.cutOff != null)?.cutOff ?? null,
      bands,
      points,
      yMax: Math.ceil(highest / 5) * 5 || 5,
      xDomain: [Math.min(...times) - day, Math.max(...times) + day] as [number, number],
    };
  });
}
