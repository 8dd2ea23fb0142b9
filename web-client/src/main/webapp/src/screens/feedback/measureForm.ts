import type { FeedbackForm } from '../../api/types';
import { directionOf, primaryLanguage } from '../../i18n/lang';

/** Text in several languages, as alliance-service writes it ({byLanguage:{en:…}} or a plain map). */
type Localized = { byLanguage?: Record<string, string> } | Record<string, string> | null | undefined;

export interface MeasureDefinition {
  id: string;
  title: Localized;
  rater: string;
  scale: { min: number; max: number; anchors: Record<string, Localized> };
  items: { linkId: string; text: Localized }[];
}

export interface MeasureSummary {
  id: string;
  title: string;
  rater: string;
  hasWording: boolean;
  languages: string[];
  validated: boolean;
}

function texts(value: Localized): Record<string, string> {
  if (!value) return {};
  const nested = (value as { byLanguage?: Record<string, string> }).byLanguage;
  return nested ?? (value as Record<string, string>);
}

/** The wording in a language: exact tag, then its primary language, then English. */
export function inLanguage(value: Localized, language: string): string {
  const all = texts(value);
  return all[language] ?? all[primaryLanguage(language)] ?? all.en ?? '';
}

/** The language the form is shown in: the client's if the measure has it, otherwise English. */
export function formLanguage(measure: MeasureSummary | undefined, clientLanguage: string | undefined): string {
  if (!clientLanguage) return 'en';
  const primary = primaryLanguage(clientLanguage);
  return measure?.languages.includes(clientLanguage) ? clientLanguage : measure?.languages.includes(primary) ? primary : 'en';
}

export function formFromDefinition(definition: MeasureDefinition, language: string): FeedbackForm {
  return {
    measureId: definition.id,
    title: inLanguage(definition.title, language) || definition.id,
    language,
    direction: directionOf(language),
    min: definition.scale.min,
    max: definition.scale.max,
    anchors: Object.entries(definition.scale.anchors ?? {})
      .map(([value, label]) => ({ value: Number(value), label: inLanguage(label, language) }))
      .sort((a, b) => a.value - b.value),
    items: definition.items.map((i) => ({ linkId: i.linkId, text: inLanguage(i.text, language) })),
    expiresAt: '',
  };
}

/** Measures a client can fill in: rated by the client and with wording the organisation may use. */
export function clientMeasures(measures: MeasureSummary[]): MeasureSummary[] {
  return measures.filter((m) => m.rater === 'client' && m.hasWording);
}
