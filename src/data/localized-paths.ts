/**
 * Which pages exist in a language other than Japanese, for the links of every page (layout, menu,
 * language switch, notices). Its own module: it needs the lists' further pages (list-pages.ts),
 * which need the translated entries (translations.ts).
 */
import type { LocaleCode } from '../i18n/locales.ts';
import { LOCALIZED_PATHS, withLocale } from '../lib/i18n/paths.ts';
import { listPageHref } from '../lib/listings.ts';
import { entryHref } from './entries.ts';
import { listPages } from './list-pages.ts';
import { translatedPages } from './translations.ts';

/**
 * The pages that exist beyond Japanese (src/lib/i18n/paths.ts): the home page and lists in
 * every language, and each translated entry's page in its language, as its own path
 * (`/en/salons/nihongo-salon/`).
 */
export function localizedPaths(): Promise<ReadonlySet<string>> {
  // Asked four times by every page (layout, menu, language switch, notices): made once per build.
  if (!paths || import.meta.env.DEV) paths = collectLocalizedPaths();
  return paths;
}
let paths: Promise<ReadonlySet<string>> | undefined;

async function collectLocalizedPaths(): Promise<ReadonlySet<string>> {
  const paths = new Set(LOCALIZED_PATHS);
  // A long list's further pages, in every language as its first page is.
  for (const { collection, list, page } of await listPages()) paths.add(listPageHref(collection, { id: list }, page));
  for (const t of await translatedPages())
    paths.add(withLocale(entryHref(t.data.collection, t.data.entry), t.data.locale as LocaleCode));
  return paths;
}
