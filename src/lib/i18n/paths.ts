/**
 * Where a page is in each language (issue 16). Japanese is at `/`, every other language under
 * its prefix (`/en/…`), but only the pages listed in LOCALIZED_PATHS exist in every language:
 * a page per entry per language would make nine sites out of one (90,000 pages at 10,000
 * entries), while a resident reading in Vietnamese mostly needs the home page, the lists and the
 * entries someone has translated. Any other page is the Japanese one, and a link to it from a
 * page in another language carries `#lang-<code>`, which shows that page's notice in the
 * reader's language (src/components/LanguageNotices.astro) and links back to their home page.
 */
import { DEFAULT_CONTENT_LOCALE, LOCALES, type LocaleCode } from '../../i18n/locales.ts';
import { OWN_PAGE_COLLECTIONS } from '../../kinds/index.ts';
import { ENTRY_COLLECTIONS } from '../entries.ts';

/** The pages every language has, as paths of the Japanese site. */
export const LOCALIZED_PATHS: ReadonlySet<string> = new Set([
  '/',
  // Search, which searches the index of the page's language (src/lib/search/document.ts).
  '/search/',
  // The lists of entries (src/pages/[locale]/[collection]/index.astro), but for types laying
  // out their own pages in Japanese only (newsletters).
  ...ENTRY_COLLECTIONS.filter((c) => !OWN_PAGE_COLLECTIONS.has(c)).map((c) => `/${c}/`),
]);

const PREFIXED = LOCALES.filter((l) => l.code !== DEFAULT_CONTENT_LOCALE);

/** The language of a path and the path of the same page on the Japanese site. */
export function splitLocale(pathname: string): { locale: LocaleCode; path: string } {
  for (const { code } of PREFIXED) {
    const prefix = `/${code}`;
    if (pathname === prefix || pathname.startsWith(`${prefix}/`))
      return { locale: code, path: pathname.slice(prefix.length) || '/' };
  }
  return { locale: DEFAULT_CONTENT_LOCALE, path: pathname };
}

/** The path of a Japanese page in `locale` (whether or not that page exists there). */
export const withLocale = (path: string, locale: LocaleCode): string =>
  locale === DEFAULT_CONTENT_LOCALE ? path : `/${locale}${path}`;

/**
 * Whether the Japanese page at `path` exists in `locale`. `localized` holds Japanese paths of
 * pages every language has and, for a page only some languages have (a translated entry), the
 * page's path in that language (`/en/salons/nihongo-salon/`): src/data/translations.ts.
 */
export const existsIn = (path: string, locale: LocaleCode, localized: ReadonlySet<string> = LOCALIZED_PATHS): boolean =>
  locale === DEFAULT_CONTENT_LOCALE || localized.has(path) || localized.has(withLocale(path, locale));

/** The id of the notice a Japanese-only page shows to a reader of `locale`. */
export const noticeId = (locale: LocaleCode): string => `lang-${locale}`;

/**
 * Where a link on a page in `locale` goes: the same page in that language where it exists,
 * else the Japanese page with the notice in the reader's language. Links off the site, to files
 * (flyers, feeds) and within the page are left as they are.
 */
export function localeHref(href: string, locale: LocaleCode, localized: ReadonlySet<string> = LOCALIZED_PATHS): string {
  if (locale === DEFAULT_CONTENT_LOCALE || !href.startsWith('/') || href.startsWith('//')) return href;
  const [path = '/', hash] = href.split('#', 2);
  if (!path.endsWith('/')) return href; // a file: a PDF, a feed, a CSV
  if (existsIn(path, locale, localized)) return `${withLocale(path, locale)}${hash === undefined ? '' : `#${hash}`}`;
  return `${path}#${noticeId(locale)}`;
}

/** Each language's version of the page at `path` (its Japanese path), for hreflang and the switch. */
export function alternatesOf(
  path: string,
  localized: ReadonlySet<string> = LOCALIZED_PATHS,
): { locale: LocaleCode; href: string }[] {
  return LOCALES.filter((l) => existsIn(path, l.code, localized)).map((l) => ({
    locale: l.code,
    href: withLocale(path, l.code),
  }));
}
