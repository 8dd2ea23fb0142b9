/**
 * What a score means, as alliance-service sends it beside every score: what the measure is for, which way is
 * better, whether it is validated, and its published severity band. Every chart, table and cell words scores
 * through these functions, so "concern" never points the wrong way.
 */
export type Purpose = 'alliance' | 'practitioner-check-in' | 'outcome';
export type Direction = 'higher-is-better' | 'higher-is-worse';

export interface SeverityBand {
  from: number;
  to: number;
  code: string;
  label: string;
}

export interface ScoreMeaning {
  purpose: Purpose;
  direction: Direction;
  validated: boolean;
  band: SeverityBand | null;
}

export const NOT_VALIDATED = 'not validated';

/** Where the concern range lies, in words: below the cut-off when higher is better, from it up when higher is worse. */
export function concernText(direction: Direction, cutOff: number | null): string | null {
  if (cutOff == null) return null;
  return direction === 'higher-is-better'
    ? `Below ${cutOff} is a concern.`
    : `${cutOff} and above is in the clinical range; lower is better.`;
}

/** How the direction reads to a person. */
export function directionText(direction: Direction): string {
  return direction === 'higher-is-better' ? 'Higher is better' : 'Higher is worse';
}

/** A score as the app shows it: the total, its band where the measure has one, and "not validated" for Rapport's own. */
export function scoreText(total: number, meaning: Pick<ScoreMeaning, 'validated' | 'band'>, inConcernRange = false): string {
  const parts = [String(total)];
  if (meaning.band) parts.push(`– ${meaning.band.label}`);
  if (inConcernRange) parts.push('(concern)');
  if (!meaning.validated) parts.push(`(${NOT_VALIDATED})`);
  return parts.join(' ');
}
