/** Languages written right to left (BCP 47 primary subtags). */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi', 'dv', 'ku']);

export function primaryLanguage(tag: string | null | undefined): string {
  return (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

export function directionOf(tag: string | null | undefined): 'rtl' | 'ltr' {
  const primary = primaryLanguage(tag);
  // Kurdish in Latin script (ku-Latn) is left to right.
  if (primary === 'ku' && /-latn/i.test(tag ?? '')) return 'ltr';
  return RIGHT_TO_LEFT.has(primary) ? 'rtl' : 'ltr';
}

/** The language name in English and in itself, e.g. "Urdu (اردو)", for staff screens. */
export function languageName(tag: string | null | undefined): string {
  if (!tag) return 'Not recorded';
  try {
    const english = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag);
    const own = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    if (!english) return tag;
    return own && own !== english ? `${english} (${own})` : english;
  } catch {
    return tag;
  }
}

/**
 * The words the feedback page itself needs (the measure's items come translated from the server).
 * A language without its own entry falls back to English.
 */
const PAGE_TEXT: Record<string, Record<string, string>> = {
  en: {
    submit: 'Send my answers',
    sending: 'Sending…',
    answerAll: 'Please answer every question.',
    used: 'This link has already been used or has expired. Thank you.',
    notFound: 'This link is not valid. Please check you have the whole link.',
    loading: 'Loading your questions…',
    intro: 'Your answers help your care team work with you. There are no right or wrong answers.',
  },
  ur: {
    submit: 'میرے جوابات بھیجیں',
    sending: 'بھیجا جا رہا ہے…',
    answerAll: 'براہ کرم ہر سوال کا جواب دیں۔',
    used: 'یہ لنک پہلے استعمال ہو چکا ہے یا اس کی مدت ختم ہو گئی ہے۔ شکریہ۔',
    notFound: 'یہ لنک درست نہیں ہے۔ براہ کرم پورا لنک چیک کریں۔',
    loading: 'آپ کے سوالات لوڈ ہو رہے ہیں…',
    intro: 'آپ کے جوابات آپ کی نگہداشت کرنے والی ٹیم کو آپ کے ساتھ کام کرنے میں مدد دیتے ہیں۔ کوئی جواب صحیح یا غلط نہیں ہے۔',
  },
  pl: {
    submit: 'Wyślij moje odpowiedzi',
    sending: 'Wysyłanie…',
    answerAll: 'Prosimy odpowiedzieć na każde pytanie.',
    used: 'Ten link został już użyty lub wygasł. Dziękujemy.',
    notFound: 'Ten link jest nieprawidłowy. Sprawdź, czy masz cały link.',
    loading: 'Wczytywanie pytań…',
    intro: 'Twoje odpowiedzi pomagają zespołowi opieki we współpracy z Tobą. Nie ma dobrych ani złych odpowiedzi.',
  },
};

export function pageText(tag: string | null | undefined): Record<string, string> {
  return PAGE_TEXT[primaryLanguage(tag)] ?? PAGE_TEXT.en!;
}
