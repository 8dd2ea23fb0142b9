import type { ConsentView, Episode, Goal, SessionView } from '../../api/types';

export interface TimelineEntry {
  at: string;
  kind: 'session' | 'goal' | 'consent' | 'rupture' | 'repair';
  title: string;
  detail?: string;
  status?: string;
}

const SESSION_TITLE: Record<string, string> = {
  scheduled: 'Session booked',
  attended: 'Session attended',
  missed: 'Did not attend',
  cancelled: 'Session cancelled',
  rescheduled: 'Session moved',
};

/** Sessions, goals, consent decisions and ruptures of one client in one list, newest first. */
export function buildTimeline(sessions: SessionView[], goals: Goal[], consent: ConsentView | null, episodes: Episode[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...sessions.map((s) => ({
      at: s.start,
      kind: 'session' as const,
      status: s.status,
      title: `${SESSION_TITLE[s.status] ?? s.status}: ${s.type.replace(/-/g, ' ')}`,
      detail: s.status === 'attended' && s.minutesLate ? `${s.minutesLate} minutes late`
        : s.status === 'cancelled' ? `by ${s.cancelledBy ?? 'unknown'}${s.reasonCode ? ` (${s.reasonCode.replace(/-/g, ' ')})` : ''}${s.hoursNotice != null ? `, ${Math.round(s.hoursNotice)} h notice` : ''}`
          : undefined,
    })),
    ...goals.flatMap((g) => [
      ...(g.setAt ? [{ at: g.setAt, kind: 'goal' as const, title: 'Goal set', detail: g.statement }] : []),
      ...(g.progress ?? []).map((p) => ({ at: p.notedOn, kind: 'goal' as const, title: `Goal progress${p.progressPercent != null ? ` ${p.progressPercent} %` : ''}`, detail: p.note })),
      ...(g.achievedOn ? [{ at: g.achievedOn, kind: 'goal' as const, title: 'Goal achieved', detail: g.statement }] : []),
    ]),
    ...(consent?.history ?? []).map((d) => ({
      at: d.recordedAt,
      kind: 'consent' as const,
      title: `Consent ${d.decision}: ${d.category}`,
      detail: d.recipientRole ? `for ${d.recipientRole.replace(/-/g, ' ')}s` : 'for a named member',
    })),
    ...episodes.flatMap((e) => [
      { at: e.detectedAt, kind: 'rupture' as const, title: 'Rupture detected', detail: e.signals.map((s) => s.kind.replace(/-/g, ' ')).join(', ') },
      ...e.repairs.map((r) => ({ at: r.recordedAt, kind: 'repair' as const, title: 'Repair recorded', detail: r.strategy.replace(/-/g, ' ') })),
    ]),
  ];
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
