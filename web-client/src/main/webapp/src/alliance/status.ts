import type { ClientAllianceStatus } from '../api/types';

/** How a client's alliance stands, worst first: each has a colour AND a text label (never colour alone). */
export type AllianceStatus = 'rupture' | 'concern' | 'overdue' | 'no-feedback' | 'ok' | 'discharged' | 'unknown';

export const STATUS_ORDER: AllianceStatus[] = ['rupture', 'concern', 'overdue', 'no-feedback', 'ok', 'discharged', 'unknown'];

export const STATUS_LABEL: Record<AllianceStatus, string> = {
  rupture: 'Open rupture',
  concern: 'Below cut-off',
  overdue: 'Feedback overdue',
  'no-feedback': 'No feedback yet',
  ok: 'Alliance healthy',
  discharged: 'Discharged',
  unknown: 'Not available',
};

/** Mantine colour names; text on them is checked for contrast by the accessibility tests. */
export const STATUS_COLOUR: Record<AllianceStatus, string> = {
  rupture: 'red',
  concern: 'orange',
  overdue: 'yellow',
  'no-feedback': 'gray',
  ok: 'teal',
  discharged: 'gray',
  unknown: 'gray',
};

/**
 * One status per client from the alliance caseload: an open episode outranks a latest rating below the
 * cut-off, which outranks overdue feedback. No alliance data (e.g. a role that may not see it) is `unknown`.
 */
export function classify(clientStatus: string, alliance: ClientAllianceStatus | undefined): AllianceStatus {
  if (clientStatus === 'discharged') return 'discharged';
  if (!alliance) return 'unknown';
  if (alliance.openEpisodes > 0 || alliance.pairs.some((p) => p.openEpisodes > 0)) return 'rupture';
  if (alliance.pairs.some((p) => p.latestInConcernRange === true)) return 'concern';
  if (!alliance.lastFeedbackAt && alliance.pairs.every((p) => !p.lastFeedbackAt)) return 'no-feedback';
  if (alliance.feedbackOverdue || alliance.pairs.some((p) => p.feedbackOverdue)) return 'overdue';
  return 'ok';
}

/** For sorting: lower is more urgent. */
export function severity(status: AllianceStatus): number {
  return STATUS_ORDER.indexOf(status);
}
