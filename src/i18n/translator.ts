/**
 * A language's translation function, made from its dictionary: index.ts makes one per language,
 * japanese.ts the Japanese one alone.
 */
import { ja, type UIKey } from './ja.ts';
import type { LocaleCode } from './locales.ts';
import { monthNameIn } from '../lib/dates.ts';

/** A translation function: `{name}` placeholders are filled from `params`. It knows its language. */
export interface T {
  (key: UIKey, params?: Record<string, string | number>): string;
  /** The language (URL prefix, file suffix). */
  readonly locale: LocaleCode;
  /** Its BCP 47 tag, for `lang` and `Intl`. */
  readonly tag: string;
}

/**
 * `dict`'s strings, Japanese where it has none (the CMS's own strings). `monthsByName`: the
 * language names a `{month}` (December) rather than numbering it.
 */
export function translator(
  locale: LocaleCode,
  dict: Partial<Record<UIKey, string>>,
  tag: string,
  monthsByName: boolean,
): T {
  const translate = (key: UIKey, params: Record<string, string | number> = {}): string => {
    const template = dict[key] ?? ja[key];
    // Most strings have no placeholder; pages ask for thousands of them.
    if (!template.includes('{')) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!(name in params)) return whole;
      const value = String(params[name]);
      // A {month} is its number (1–12) in every call; a language that names months says its name.
      if (name === 'month' && monthsByName && /^(0?[1-9]|1[0-2])$/.test(value))
        return monthNameIn(tag, Number(value), key.endsWith('Short') ? 'short' : 'long');
      return value;
    });
  };
  return Object.assign(translate, { locale, tag }) as T;
}
