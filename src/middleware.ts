/**
 * ふりがな: every page that offers the reader's ふりがな switch (src/components/PrefSwitches.astro)
 * gets its readings here, while it is built (and under npm start, when it is served), so no
 * dictionary ever reaches the browser. The readings stay hidden until the reader turns the switch
 * on (global.css); pages without the switch (the embed lists, /emergency/, the CMS) are left as
 * they are. Search and feeds are made from the content, not from these pages, so they never
 * hold readings.
 */
import { defineMiddleware } from 'astro:middleware';
import { getSettings } from './data/entries.ts';
import { createFurigana, type Furigana } from './lib/furigana/index.ts';
import { loadTokenizer } from './lib/furigana/tokenizer.ts';
import { FURIGANA_SWITCH } from './lib/furigana/switch.ts';

let furigana: { key: string; annotator: Promise<Furigana> } | undefined;

/** One annotator (one dictionary, one cache) per process, renewed if the site's own readings change. */
async function annotator(): Promise<Furigana> {
  const overrides = (await getSettings()).furigana;
  const key = JSON.stringify(overrides);
  if (furigana?.key !== key)
    furigana = { key, annotator: loadTokenizer().then((tokenize) => createFurigana(tokenize, overrides)) };
  return furigana.annotator;
}

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  const body = html.includes(FURIGANA_SWITCH) ? (await annotator()).html(html) : html;
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
});
