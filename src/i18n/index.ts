import { ja, type UIKey } from './ja.ts';
import { LOCALES, type LocaleCode } from './locales.ts';
import type { Dictionary } from './dictionary.ts';
import { t as japaneseT } from './japanese.ts';
import { translator, type T } from './translator.ts';
import { jaEasy } from './locales/ja-easy.ts';
import { en } from './locales/en.ts';
import { zhHans } from './locales/zh-hans.ts';
import { ko } from './locales/ko.ts';
import { vi } from './locales/vi.ts';
import { ptBr } from './locales/pt-br.ts';
import { fil } from './locales/fil.ts';
import { ne } from './locales/ne.ts';

export type { UIKey };
/** A language of the site (src/i18n/locales.ts): its URL prefix and file suffix. */
export type Locale = LocaleCode;
export const DEFAULT_LOCALE: Locale = 'ja';

/**
 * Each language's strings. Japanese is the language of record and holds every key; the others
 * (src/i18n/locales/<code>.ts) hold every key residents read, checked by the compiler
 * (dictionary.ts); the CMS's own strings stay Japanese.
 */
const dictionaries: Record<Locale, Dictionary> = {
  ja,
  'ja-easy': jaEasy,
  en,
  'zh-hans': zhHans,
  ko,
  vi,
  'pt-br': ptBr,
  fil,
  ne,
};

export type { T };

const known = new Set<string>(LOCALES.map((l) => l.code));

/** The locale named by `code` (Astro.currentLocale, a URL segment), Japanese for anything else. */
export const localeOf = (code: string | undefined): Locale =>
  code !== undefined && known.has(code) ? (code as Locale) : DEFAULT_LOCALE;

// Japanese's is the one japanese.ts makes, so `t` is the same function whichever module gave it.
const made = new Map<Locale, T>([[DEFAULT_LOCALE, japaneseT]]);

/**
 * Returns the translation function for a locale. A key missing in the locale (the CMS's own
 * strings) falls back to Japanese, the language of record.
 */
export function useTranslations(locale: Locale | string | undefined = DEFAULT_LOCALE): T {
  const code = localeOf(locale);
  const existing = made.get(code);
  if (existing) return existing;
  const language = LOCALES.find((l) => l.code === code);
  const fresh = translator(code, dictionaries[code], language?.tag ?? 'ja', !!language && 'monthsByName' in language);
  made.set(code, fresh);
  return fresh;
}

export const t: T = japaneseT;
