import type { Episode } from '../../api/types';

export const STRATEGIES = ['explore-together', 'acknowledge-own-part', 'clarify-rationale', 'change-task-or-goal',
  'adjust-practicalities', 'involve-team', 'other'];

const ENDED = new Set(['resolved', 'closed', 'closed-unresolved']);

export function isOpen(e: Episode): boolean {
  return !ENDED.has(e.state) && !e.endedAt;
}

/** Where an episode stands, as words and a colour. */
export function episodeStage(e: Episode): { label: string; colour: string } {
  if (e.state === 'resolved') return { label: 'Resolved', colour: 'teal' };
  if (!isOpen(e)) return { label: 'Closed unresolved', colour: 'gray' };
  if (e.repairs.length > 0 || e.state === 'repair-recorded') return { label: 'Repair recorded', colour: 'blue' };
  if (e.state === 'acknowledged') return { label: 'Acknowledged', colour: 'yellow' };
  return { label: 'Detected: needs acknowledging', colour: 'red' };
}
