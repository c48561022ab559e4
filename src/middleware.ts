/**
 * During `astro build`, each rendered page that search should find goes to the Pagefind index
 * at once (src/lib/search/indexer.ts), so Pagefind reads and segments pages on the second core
 * while Astro renders the rest, instead of re-reading all of dist/ afterwards. In dev no indexer
 * is set and pages pass through untouched.
 */
import { defineMiddleware } from 'astro:middleware';
import { indexablePart, searchIndexer } from './lib/search/indexer.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const indexer = searchIndexer();
  if (!indexer || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  const part = indexablePart(html);
  if (part) indexer.add(context.url.pathname, part);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
