/**
 * Languages of content. Japanese is the language of record; every entry is
 * `content/<collection>/<id>.ja.md` and a translation sits beside it as `<id>.<locale>.md`
 * (Decap CMS i18n, structure `multiple_files`). A missing translation falls back to Japanese.
 */
export const DEFAULT_CONTENT_LOCALE = 'ja';

/** Every locale a translation file may carry. `ja-easy` is やさしい日本語. */
export const CONTENT_LOCALES = ['ja', 'ja-easy', 'en', 'zh', 'ko', 'vi', 'pt'] as const;

/**
 * Translations volunteers can edit in the CMS. Decap writes one file per listed locale for
 * every entry it saves (empty when untranslated), so a locale is listed here only once the
 * site publishes it; until then the CMS edits Japanese alone.
 */
export const CMS_TRANSLATION_LOCALES: string[] = [];
