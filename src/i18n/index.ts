import { ja, type UIKey } from './ja.ts';
import { LOCALES, type LocaleCode } from './locales.ts';
import { monthNameIn } from '../lib/dates.ts';
import type { Dictionary } from './dictionary.ts';
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

/** A translation function: `{name}` placeholders are filled from `params`. It knows its language. */
export interface T {
  (key: UIKey, params?: Record<string, string | number>): string;
  /** The language (URL prefix, file suffix). */
  readonly locale: Locale;
  /** Its BCP 47 tag, for `lang` and `Intl`. */
  readonly tag: string;
}

const known = new Set<string>(LOCALES.map((l) => l.code));

/** The locale named by `code` (Astro.currentLocale, a URL segment), Japanese for anything else. */
export const localeOf = (code: string | undefined): Locale =>
  code !== undefined && known.has(code) ? (code as Locale) : DEFAULT_LOCALE;

const made = new Map<Locale, T>();

/**
 * Returns the translation function for a locale. A key missing in the locale (the CMS's own
 * strings) falls back to Japanese, the language of record.
 */
export function useTranslations(locale: Locale | string | undefined = DEFAULT_LOCALE): T {
  const code = localeOf(locale);
  const existing = made.get(code);
  if (existing) return existing;
  const dict = dictionaries[code];
  const language = LOCALES.find((l) => l.code === code);
  const tag = language?.tag ?? 'ja';
  const byName = !!language && 'monthsByName' in language;
  const translate = (key: UIKey, params: Record<string, string | number> = {}): string => {
    const template = (dict as Partial<Record<UIKey, string>>)[key] ?? ja[key];
    // Most strings have no placeholder; pages ask for thousands of them.
    if (!template.includes('{')) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!(name in params)) return whole;
      const value = String(params[name]);
      // A {month} is its number (1–12) in every call; a language that names months says its name.
      if (name === 'month' && byName && /^(0?[1-9]|1[0-2])$/.test(value))
        return monthNameIn(tag, Number(value), key.endsWith('Short') ? 'short' : 'long');
      return value;
    });
  };
  const t = Object.assign(translate, { locale: code, tag }) as T;
  made.set(code, t);
  return t;
}

export const t = useTranslations();
