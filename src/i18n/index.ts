import { ja, type UIKey } from './ja.ts';

export type { UIKey };
export type Locale = 'ja';
export const DEFAULT_LOCALE: Locale = 'ja';

const dictionaries: Record<Locale, Partial<Record<UIKey, string>>> = { ja };

/**
 * Returns the translation function for a locale. `{name}` placeholders are filled from
 * `params`; a key missing in the locale falls back to Japanese, the language of record.
 */
export function useTranslations(locale: Locale = DEFAULT_LOCALE) {
  const dict = dictionaries[locale];
  return function t(key: UIKey, params: Record<string, string | number> = {}): string {
    const template = dict[key] ?? ja[key];
    // Most strings have no placeholder; pages ask for thousands of them.
    if (!template.includes('{')) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

export const t = useTranslations();
