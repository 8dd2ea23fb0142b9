import { clientMeasures, formFromDefinition, formLanguage, inLanguage, type MeasureDefinition, type MeasureSummary } from './measureForm';

const definition: MeasureDefinition = {
  id: 'rapport-session-alliance-check',
  title: { byLanguage: { en: 'Session check', ur: 'سیشن' } },
  rater: 'client',
  scale: { min: 0, max: 10, anchors: { '10': { byLanguage: { en: 'Very much' } }, '0': { byLanguage: { en: 'Not at all', ur: 'بالکل نہیں' } } } },
  items: [{ linkId: 'bond', text: { byLanguage: { en: 'I felt heard', ur: 'میری بات سنی گئی' } } }],
};

describe('in-session measure form', () => {
  it('renders the wording in the client language, right to left for Urdu, anchors in order', () => {
    const form = formFromDefinition(definition, 'ur');
    expect(form.direction).toBe('rtl');
    expect(form.title).toBe('سیشن');
    expect(form.items[0]!.text).toBe('میری بات سنی گئی');
    expect(form.anchors.map((a) => a.value)).toEqual([0, 10]);
    expect(form.anchors[1]!.label).toBe('Very much'); // no Urdu anchor: English rather than nothing
  });

  it('falls back from a regional tag to its language, then to English', () => {
    expect(inLanguage({ ur: 'x', en: 'y' }, 'ur-PK')).toBe('x');
    expect(inLanguage({ en: 'y' }, 'pl')).toBe('y');
    expect(inLanguage(null, 'pl')).toBe('');
  });

  it('uses the client language only when the measure has it', () => {
    const m = { languages: ['en', 'ur', 'pl'] } as MeasureSummary;
    expect(formLanguage(m, 'ur-PK')).toBe('ur');
    expect(formLanguage(m, 'so')).toBe('en');
    expect(formLanguage(m, undefined)).toBe('en');
  });

  it('offers only client-rated measures with wording', () => {
    const all = [
      { id: 'a', rater: 'client', hasWording: true },
      { id: 'b', rater: 'professional', hasWording: true },
      { id: 'c', rater: 'client', hasWording: false },
    ] as MeasureSummary[];
    expect(clientMeasures(all).map((m) => m.id)).toEqual(['a']);
  });
});
