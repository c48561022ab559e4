/**
 * Search that forgives how Japanese is typed, in real Chromium through Pagefind over the built
 * sample site: for every pair of tests/e2e/search-variants.pairs.ts, the variant finds the same
 * top three pages as the usual spelling, both turned into the index's query by the search page's
 * own script (public/scripts/search-terms.js) as the search box does. The table of results is
 * printed (docs/SEARCH.md keeps a copy).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { sampleSite } from './helpers/sample-site.ts';
import { serveDirectory } from './helpers/serve.ts';
import { VARIANT_PAIRS } from './search-variants.pairs.ts';

let server: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const dir = await sampleSite();
  [server, browser] = await Promise.all([serveDirectory(join(dir, 'dist')), launchChromium()]);
  page = await browser.newPage({ bypassCSP: true });
  await page.goto(`${server.url}/search/`);
  await page.addScriptTag({
    type: 'module',
    content: `window.pagefind = await import('/pagefind/pagefind.js');`,
  });
  await page.waitForFunction(() => 'pagefind' in window && 'searchTerms' in window);
  // Building the sample town takes minutes, more on a machine other builds share (as search.test.ts).
}, 1_500_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Found {
  /** What Pagefind was given for the typed text. */
  query: string;
  /** How many pages the typed text finds as typed (as before), and through search-terms.js. */
  asTyped: number;
  found: number;
  top: string[];
}

/** A typed text searched as typed and as the search page searches it. */
const search = (typed: string): Promise<Found> =>
  page.evaluate(async (typed) => {
    const w = window as any;
    const data = JSON.parse(document.getElementById('search')?.getAttribute('data-terms') ?? '{}');
    const query: string = w.searchTerms.queryText(typed, data);
    const [asTyped, found] = await Promise.all([w.pagefind.search(typed), w.pagefind.search(query)]);
    const top = await Promise.all(found.results.slice(0, 3).map((r: any) => r.data()));
    return {
      query,
      asTyped: asTyped.results.length,
      found: found.results.length,
      top: top.map((d: any) => d.url as string),
    };
  }, typed);

/** Every pair: its variant finds the same three pages first as the usual spelling (in any order). */
const SAME_TOP_THREE_AT_LEAST = VARIANT_PAIRS.length;

describe('variant spellings find what the usual spelling finds', () => {
  const rows: string[] = [];
  let sameSet = 0;
  let sameOrder = 0;
  afterAll(() => {
    console.log(
      [
        '| Usual | Found (as typed) | Variant | Kind | Found (as typed) | Same top 3 |',
        '| --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
        `Same top 3 in the same order: ${sameOrder} of ${VARIANT_PAIRS.length}; same three pages: ${sameSet} of ${VARIANT_PAIRS.length}.`,
      ].join('\n'),
    );
  });

  it.each(VARIANT_PAIRS)('%s → %s (%s)', async (usual, variant, kind) => {
    const [a, b] = [await search(usual), await search(variant)];
    const order = JSON.stringify(a.top) === JSON.stringify(b.top);
    const set = JSON.stringify([...a.top].sort()) === JSON.stringify([...b.top].sort());
    sameOrder += Number(order);
    sameSet += Number(set);
    const short = (urls: string[]) => urls.map((u) => u.replace(/^\/|\/$/g, '')).join(', ');
    rows.push(
      `| ${usual} | ${a.found} (${a.asTyped}) | ${variant} | ${kind} | ${b.found} (${b.asTyped}) | ` +
        `${order ? 'yes' : set ? 'yes, another order' : `no: ${short(a.top)} / ${short(b.top)}`} |`,
    );
    expect(a.top.length, `${usual} finds nothing`).toBeGreaterThan(0);
    if (a.query === b.query) {
      // Width, kana and variant spellings meet in one query: the same pages in the same order.
      expect(b.top, `${variant} (${b.query}) against ${usual}`).toEqual(a.top);
    } else {
      // A kana reading against kanji: the reading keys against the surface keys of the same spans
      // (src/lib/search/terms.ts), which Pagefind scores by their lengths, so close calls may
      // change places: the same three pages first.
      expect([...b.top].sort(), `${variant} (${b.query}) against ${usual} (${a.query})`).toEqual([...a.top].sort());
    }
  });

  it(`finds the same top three for at least ${SAME_TOP_THREE_AT_LEAST} of the pairs`, () => {
    expect(sameSet).toBeGreaterThanOrEqual(SAME_TOP_THREE_AT_LEAST);
  });
});
