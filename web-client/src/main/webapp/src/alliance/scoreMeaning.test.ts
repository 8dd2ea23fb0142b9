import { concernText, directionText, scoreText } from './scoreMeaning';

describe('score meaning in words', () => {
  it('puts the concern on the measure’s own side', () => {
    expect(concernText('higher-is-better', 30)).toBe('Below 30 is a concern.');
    expect(concernText('higher-is-worse', 10)).toBe('10 and above is in the clinical range; lower is better.');
    expect(concernText('higher-is-worse', null)).toBeNull();
    expect(directionText('higher-is-better')).toBe('Higher is better');
    expect(directionText('higher-is-worse')).toBe('Higher is worse');
  });

  it('shows the band of banded measures and "not validated" beside Rapport’s own', () => {
    expect(scoreText(16, { validated: true, band: { from: 15, to: 19, code: 'moderately-severe', label: 'Moderately severe depression symptoms' } }, true))
      .toBe('16 – Moderately severe depression symptoms (concern)');
    expect(scoreText(27, { validated: false, band: null }, true)).toBe('27 (concern) (not validated)');
    expect(scoreText(36, { validated: true, band: null })).toBe('36');
  });
});
