/**
 * ふりがな: every page that offers the reader's ふりがな switch (src/components/PrefSwitches.astro)
 * gets its readings here, while it is built (and under npm start, when it is served), so no
 * dictionary ever reaches the browser. The readings stay hidden until the reader turns the switch
 * on (global.css); pages without the switch (the embed lists, /emergency/, the CMS) are left as
 * they are. Search and feeds are made from the content, not from these pages, so they never
 * hold readings.
 *
 * Readings made by earlier builds come from .cache/furigana/ (src/lib/furigana/store.ts) and
 * this run's are added there when the process ends: a build whose texts are all known never
 * loads the dictionary.
 */
import { defineMiddleware } from 'astro:middleware';
import { getSettings } from './data/entries.ts';
import { loadDistricts } from './data/calendar.ts';
import { annotateHtml } from './lib/furigana/html.ts';
import { createFurigana, type Furigana } from './lib/furigana/index.ts';
import type { Override } from './lib/furigana/segments.ts';
import { siteOverrides } from './lib/furigana/site.ts';
import { diskReadings, readingsKey, type ReadingStore } from './lib/furigana/store.ts';
import { loadTokenizer, onAnalysersReleased } from './lib/furigana/tokenizer.ts';
import { FURIGANA_SWITCH } from './lib/furigana/switch.ts';

interface Readings {
  overrides: string;
  store: ReadingStore;
  /** The annotator over the dictionary, loaded only when a text is new to the store. */
  annotator: () => Promise<Furigana>;
  /** Lets the annotator (and its dictionary) go; the next new text loads it again. */
  forget: () => void;
}
let readings: Readings | undefined;

// The build lets the dictionary go once every page is written (src/integrations/tsunagari.ts):
// the printing steps that follow never use it. The store of known readings is kept.
onAnalysersReleased('pages', () => readings?.forget());

/** One store (and at most one dictionary) per process, renewed if the site's own readings (settings, district names) change. */
async function current(): Promise<Readings> {
  // A build's settings and districts do not change while it runs: checked once, not per page.
  if (readings && !import.meta.env.DEV) return readings;
  const overrides: Override[] = siteOverrides((await getSettings()).furigana, await loadDistricts());
  const key = JSON.stringify(overrides);
  if (readings?.overrides !== key) {
    const store = diskReadings(process.cwd(), readingsKey(process.cwd(), overrides));
    process.once('exit', () => store.save());
    let furigana: Promise<Furigana> | undefined;
    const annotator = () => (furigana ??= loadTokenizer().then((t) => createFurigana(t, overrides, store.known)));
    readings = { overrides: key, store, annotator, forget: () => (furigana = undefined) };
  }
  return readings;
}

/** The page with its readings: from the store alone when it knows every text, else through the dictionary. */
async function annotate(html: string): Promise<string> {
  const { store, annotator } = await current();
  let missing = false;
  const fromStore = annotateHtml(html, (text) => {
    const out = store.known.get(text);
    if (out === undefined) missing = true;
    return out ?? text;
  });
  return missing ? (await annotator()).html(html) : fromStore;
}

/**
 * The page goes back to Astro as bytes: given the string, undici's Response takes it through a
 * far slower path (a 100 kB page: 1.1 ms to a readable body, against 0.34 ms encoded here first):
 * building the Responses of a 10,000-entry build took 4.6 s, now 1.9 s.
 */
const encoder = new TextEncoder();

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  const body = encoder.encode(html.includes(FURIGANA_SWITCH) ? await annotate(html) : html);
  // Astro gives a page it renders whole (the build's) the length of its text before readings.
  const headers = new Headers(response.headers);
  if (headers.has('content-length')) headers.set('content-length', String(body.byteLength));
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
});
