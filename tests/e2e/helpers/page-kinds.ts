/**
 * The kinds of page a built site has in each language, read off its dist/ folder, so a test that
 * must see every kind (axe, lang and hreflang) covers a new route without being told: every
 * `index.html` is a page, and pages whose paths differ only in an id (`/events/a/`, `/events/b/`;
 * `/area/x/calendar/`, `/area/y/calendar/`) are one kind, represented by the first in sorted order.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONTENT_LOCALE, LOCALES } from '../../../src/i18n/locales.ts';

const PREFIXES = new Set<string>(LOCALES.filter((l) => l.code !== DEFAULT_CONTENT_LOCALE).map((l) => l.code));
/** Folders of dist/ that are no page of the site a resident reads: the CMS. */
const NOT_SITE = new Set(['admin']);

/** The path of every page (`/en/events/x/`) of `locale` in `dist`. */
export function pagesOf(dist: string, locale: string): string[] {
  const root = locale === DEFAULT_CONTENT_LOCALE ? '' : `/${locale}`;
  const pages: string[] = [];
  const walk = (path: string) => {
    const folder = join(dist, path);
    if (existsSync(join(folder, 'index.html'))) pages.push(`${path}/`);
    for (const name of readdirSync(folder).sort()) {
      if (path === '' && (PREFIXES.has(name) || NOT_SITE.has(name))) continue;
      if (statSync(join(folder, name)).isDirectory()) walk(`${path}/${name}`);
    }
  };
  walk(root);
  return pages;
}

/**
 * The kind of each page: a segment below the first is an id (`*`) unless the same name stands
 * under two of its parent's siblings (`calendar` in `/area/x/calendar/` and `/area/y/calendar/`).
 * `pages` are paths relative to their language's root.
 */
function kindsOf(pages: readonly string[]): Map<string, string> {
  const split = pages.map((p) => p.split('/').filter(Boolean));
  /** "parent's parent path/name" → the parents it stands under. */
  const under = new Map<string, Set<string>>();
  for (const segments of split)
    for (let i = 2; i < segments.length; i++) {
      const key = `${segments.slice(0, i - 1).join('/')}|${segments[i]}`;
      under.set(key, (under.get(key) ?? new Set()).add(segments[i - 1] ?? ''));
    }
  const kinds = new Map<string, string>();
  split.forEach((segments, n) => {
    const kind = segments.map((name, i) => {
      if (i === 0) return name;
      const fixed = (under.get(`${segments.slice(0, i - 1).join('/')}|${name}`)?.size ?? 0) > 1;
      return fixed ? name : '*';
    });
    kinds.set(pages[n] ?? '', `/${kind.map((s) => `${s}/`).join('')}`);
  });
  return kinds;
}

/** One page of each kind in `locale`: the kind (`/events/*\/`) → the page's path (`/en/events/a/`). */
export function pageKinds(dist: string, locale: string): Map<string, string> {
  const prefix = locale === DEFAULT_CONTENT_LOCALE ? '' : `/${locale}`;
  const pages = pagesOf(dist, locale).map((p) => p.slice(prefix.length));
  const chosen = new Map<string, string>();
  for (const [page, kind] of kindsOf(pages)) if (!chosen.has(kind)) chosen.set(kind, `${prefix}${page}`);
  return chosen;
}
