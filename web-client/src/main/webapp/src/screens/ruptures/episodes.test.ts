import { episodeStage, isOpen } from './episodes';
import type { Episode } from '../../api/types';

const episode = (e: Partial<Episode>): Episode => ({
  id: 'e', clientId: 'c', professionalId: 'p', state: 'detected', detectedAt: '2026-11-01T10:00:00Z', repaired: false,
  signals: [], repairs: [], ...e,
});

describe('episode stage', () => {
  it('follows detected → acknowledged → repair recorded → resolved', () => {
    expect(episodeStage(episode({})).label).toMatch(/Detected/);
    expect(episodeStage(episode({ state: 'acknowledged' })).label).toBe('Acknowledged');
    expect(episodeStage(episode({ state: 'acknowledged', repairs: [{ id: 'r', strategy: 'other', recordedBy: 'x', recordedAt: 'y' }] })).label).toBe('Repair recorded');
    expect(episodeStage(episode({ state: 'resolved', endedAt: '2026-11-09T10:00:00Z' })).label).toBe('Resolved');
  });

  it('treats an ended episode as closed whatever its last state', () => {
    expect(isOpen(episode({ state: 'closed', endedAt: '2026-11-09T10:00:00Z', endReason: 'unplanned-ending' }))).toBe(false);
    expect(episodeStage(episode({ state: 'closed', endedAt: '2026-11-09T10:00:00Z' })).label).toBe('Closed unresolved');
    expect(isOpen(episode({ state: 'acknowledged' }))).toBe(true);
  });
});
