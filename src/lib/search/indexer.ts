/**
 * How `astro build` hands rendered pages to the search index while it renders the rest: the
 * integration (src/integrations/tsunagari.ts) starts a Pagefind index when the build starts and
 * puts an indexer here; the middleware (src/middleware.ts) passes each finished page to it. The
 * two live in one process but in differently bundled modules, so they meet on globalThis.
 */

export interface SearchIndexer {
  /** Queue one rendered page (its URL path and HTML) for indexing. */
  add(url: string, html: string): void;
}

const KEY = Symbol.for('tsunagari.searchIndexer');
type Holder = { [KEY]?: SearchIndexer | undefined };

export const setSearchIndexer = (indexer: SearchIndexer | undefined) => {
  (globalThis as Holder)[KEY] = indexer;
};

export const searchIndexer = (): SearchIndexer | undefined => (globalThis as Holder)[KEY];

const BODY = '<article data-pagefind-body';

/**
 * The part of a page Pagefind reads: pages without `data-pagefind-body` are not indexed at all,
 * and on the others Pagefind reads only that element (title from its h1, filters, sort, meta,
 * image), so only it is sent, in a minimal document: 3 kB instead of 14 kB a page through the
 * indexer's pipe. Undefined for a page that is not indexed.
 */
export function indexablePart(html: string): string | undefined {
  const start = html.indexOf(BODY);
  if (start === -1) return undefined;
  const end = html.lastIndexOf('</article>');
  if (end < start) return undefined;
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body>${html.slice(start, end + '</article>'.length)}</body></html>`;
}
