import { classify, severity } from './status';
import type { ClientAllianceStatus, PairStatus } from '../api/types';

const pair = (p: Partial<PairStatus>): PairStatus => ({
  professionalId: 'p1', latestTotal: 32, latestPercentOfMax: 0.8, latestInConcernRange: false,
  lastFeedbackAt: '2026-11-01T10:00:00Z', feedbackOverdue: false, openEpisodes: 0, episodes: 0, repairedEpisodes: 0, ...p,
});
const client = (pairs: PairStatus[], extra: Partial<ClientAllianceStatus> = {}): ClientAllianceStatus => ({
  clientId: 'c1', teamId: 't', status: 'active', pairs, openEpisodes: pairs.reduce((n, p) => n + p.openEpisodes, 0),
  lastFeedbackAt: pairs.find((p) => p.lastFeedbackAt)?.lastFeedbackAt ?? null,
  feedbackOverdue: pairs.some((p) => p.feedbackOverdue), ...extra,
});

describe('alliance status', () => {
  it('ranks an open rupture above a low score above overdue feedback', () => {
    expect(classify('active', client([pair({ openEpisodes: 1, latestInConcernRange: true })]))).toBe('rupture');
    expect(classify('active', client([pair({ latestInConcernRange: true, feedbackOverdue: true })]))).toBe('concern');
    expect(classify('active', client([pair({ feedbackOverdue: true })]))).toBe('overdue');
    expect(classify('active', client([pair({})]))).toBe('ok');
  });

  it('tells a client never rated apart from one whose feedback is merely late', () => {
    expect(classify('active', client([pair({ lastFeedbackAt: null, feedbackOverdue: true, latestInConcernRange: null })])))
      .toBe('no-feedback');
  });

  it('shows discharged clients and clients without alliance data for what they are', () => {
    expect(classify('discharged', client([pair({ openEpisodes: 1 })]))).toBe('discharged');
    expect(classify('active', undefined)).toBe('unknown');
  });

  it('orders by urgency', () => {
    expect(severity('rupture')).toBeLessThan(severity('concern'));
    expect(severity('overdue')).toBeLessThan(severity('ok'));
  });
});
