/**
 * A resident's first search, in Chromium against dist/ served as a static host would: how many
 * bytes and requests, and how long until the first results show.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../lib/chromium.ts';
import { freePort } from '../lib/processes.ts';

export const SEARCH_QUERY = 'サロン';
/** Results whose data a search page shows at once (Pagefind's default UI loads 5). */
export const RESULTS_LOADED = 5;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg']);
/** A page in Japanese, like the site's: Pagefind picks the index language from <html lang>. */
const BENCH_PAGE =
  '<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>';

/** dist/ over HTTP as a static host would serve it (text gzipped; Pagefind's files already are). */
function serve(dist: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/__bench__/') {
      res.writeHead(200, { 'Content-Type': TYPES['.html'] ?? '' }).end(BENCH_PAGE);
      return;
    }
    let path = normalize(join(dist, decodeURIComponent(url.pathname)));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!path.startsWith(dist) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    const ext = extname(path);
    let body = readFileSync(path);
    const headers: Record<string, string> = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream' };
    if (COMPRESSIBLE.has(ext) && /gzip/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

export interface SearchResult {
  query: string;
  results: number;
  firstTitles: string[];
  bytes: number;
  requests: number;
  /** Every Pagefind file the first query fetched: what to shrink when the total is over budget. */
  fetched: { path: string; bytes: number }[];
  timeToResultsMs: number;
}

export async function measureSearch(dist: string): Promise<SearchResult | undefined> {
  if (!existsSync(join(dist, 'pagefind', 'pagefind.js'))) return undefined;
  const port = await freePort();
  const server = await serve(dist, port);
  const browser = await launchChromium();
  try {
    // A fresh context: nothing cached, as for a resident's first search.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/__bench__/`);
    const sizes: Promise<{ path: string; bytes: number }>[] = [];
    page.on('requestfinished', (request) => {
      // The current bundle and its parts (src/lib/search/shards.ts), not the past's.
      if (/^\/pagefind(?:-\d+)?\//.test(new URL(request.url()).pathname))
        sizes.push(
          request.sizes().then((s) => ({
            path: new URL(request.url()).pathname,
            bytes: s.responseBodySize + s.responseHeadersSize,
          })),
        );
    });
    const found = await page.evaluate(
      async ({ url, query, loaded }) => {
        const t0 = performance.now();
        const pagefind = await import(url);
        // A large town's further parts, merged as the search page merges them (public/scripts/search.js).
        const entry = await (await fetch(new URL('pagefind-entry.json', new URL(url, location.href)))).json();
        for (const part of entry.tsunagari?.shards ?? [])
          if (part.languages.includes('ja'))
            await pagefind.mergeIndex(new URL(part.bundle, new URL(url, location.href)).pathname);
        const search = await pagefind.search(query);
        const data = await Promise.all(
          search.results.slice(0, loaded).map((r: { data: () => Promise<{ meta: { title?: string } }> }) => r.data()),
        );
        return {
          ms: performance.now() - t0,
          count: search.results.length as number,
          titles: data.map((d) => d.meta.title ?? ''),
        };
      },
      { url: '/pagefind/pagefind.js', query: SEARCH_QUERY, loaded: RESULTS_LOADED },
    );
    // requestfinished reaches Node a moment after the page has the bytes.
    await page.waitForTimeout(300);
    const fetched = await Promise.all(sizes);
    const bytes = fetched.reduce((a, f) => a + f.bytes, 0);
    await context.close();
    return {
      query: SEARCH_QUERY,
      results: found.count,
      firstTitles: found.titles,
      bytes,
      requests: sizes.length,
      fetched,
      timeToResultsMs: found.ms,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
