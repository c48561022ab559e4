/**
 * Languages of content. Japanese is the language of record; every entry is
 * `content/<collection>/<id>.ja.md` and a translation sits beside it as `<id>.<locale>.md`
 * (Decap CMS i18n, structure `multiple_files`). A missing translation falls back to Japanese.
 */
export const DEFAULT_CONTENT_LOCALE = 'ja';

/**
 * The languages of the site (issue 16): the interface in each, and translations of entries.
 * `code` is the URL prefix (`/en/salons/…`; Japanese stays at `/`) and the file suffix
 * (`<id>.en.md`), lower case like every path here; `tag` is the BCP 47 tag for `lang`,
 * `hreflang` and `Intl` (やさしい日本語 is Japanese to a screen reader's voice and to `Intl`, and
 * `ja-x-easy` where a tag must tell it from Japanese); `name` is the language's own name, as the
 * language switch shows it. `monthsByName`: the language writes a month by its name (December
 * 2026, not 12/2026), which src/i18n/index.ts puts for a `{month}` from Intl; the others write the
 * number with their own word for month around it (12月, 12월, tháng 12).
 */
export const LOCALES = [
  { code: 'ja', tag: 'ja', hreflang: 'ja', name: '日本語' },
  { code: 'ja-easy', tag: 'ja', hreflang: 'ja-x-easy', name: 'やさしい にほんご' },
  { code: 'en', tag: 'en', hreflang: 'en', name: 'English', monthsByName: true },
  { code: 'zh-hans', tag: 'zh-Hans', hreflang: 'zh-Hans', name: '简体中文' },
  { code: 'ko', tag: 'ko', hreflang: 'ko', name: '한국어' },
  { code: 'vi', tag: 'vi', hreflang: 'vi', name: 'Tiếng Việt' },
  { code: 'pt-br', tag: 'pt-BR', hreflang: 'pt-BR', name: 'Português (Brasil)', monthsByName: true },
  { code: 'fil', tag: 'fil', hreflang: 'fil', name: 'Filipino', monthsByName: true },
  { code: 'ne', tag: 'ne', hreflang: 'ne', name: 'नेपाली', monthsByName: true },
] as const;

export type LocaleCode = (typeof LOCALES)[number]['code'];

/** やさしい日本語: its translations are also checked for what makes them hard (src/lib/easy-japanese/). */
export const EASY_LOCALE = 'ja-easy' satisfies LocaleCode;

/** Every locale a translation file may carry. `ja-easy` is やさしい日本語. */
export const CONTENT_LOCALES: readonly LocaleCode[] = LOCALES.map((l) => l.code);

/**
 * Translations volunteers edit in the CMS beside the Japanese (Decap i18n `multiple_files`: the
 * English of `<id>.ja.md` is `<id>.en.md`). Decap writes a file for every language when an entry
 * is created; the admin page keeps only those with a translated title (src/lib/cms/translation-files.ts).
 */
export const CMS_TRANSLATION_LOCALES: string[] = CONTENT_LOCALES.filter((l) => l !== DEFAULT_CONTENT_LOCALE);
