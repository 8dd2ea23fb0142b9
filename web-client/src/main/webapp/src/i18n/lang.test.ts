import { directionOf, languageName, pageText, primaryLanguage } from './lang';

describe('language and direction', () => {
  it('writes Urdu, Arabic and Farsi right to left, whatever the region or case', () => {
    expect(directionOf('ur')).toBe('rtl');
    expect(directionOf('UR-pk')).toBe('rtl');
    expect(directionOf('ar_EG')).toBe('rtl');
    expect(directionOf('fa')).toBe('rtl');
  });

  it('writes the rest, unknown or missing tags left to right', () => {
    expect(directionOf('pl')).toBe('ltr');
    expect(directionOf('pt-BR')).toBe('ltr');
    expect(directionOf('ku-Latn')).toBe('ltr');
    expect(directionOf(undefined)).toBe('ltr');
    expect(directionOf('')).toBe('ltr');
  });

  it('uses the page text of the primary language and falls back to English', () => {
    expect(primaryLanguage('ur-PK')).toBe('ur');
    expect(pageText('ur-PK').submit).toBe('میرے جوابات بھیجیں');
    expect(pageText('so').submit).toBe('Send my answers');
  });

  it('names a language in English and in itself', () => {
    expect(languageName('pl')).toMatch(/^Polish/);
    expect(languageName(undefined)).toBe('Not recorded');
  });
});
