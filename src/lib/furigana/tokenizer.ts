/**
 * The morphological analyser: kuromoji's IPADIC, through @patdx/kuromoji (the maintained ESM
 * fork of kuromoji.js: TypeScript types, no dependencies, the same dictionary and readings as
 * kuromoji 0.1.2 at less than half its install size). The dictionary (18 MB unpacked, ~1.3 s of
 * CPU to load) is read once per process and only when a text with kanji first needs it; it never
 * reaches the browser.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TokenizerBuilder } from '@patdx/kuromoji';
import NodeDictionaryLoader from '@patdx/kuromoji/node';
import type { Token } from './segments.ts';

export type Tokenize = (text: string) => Token[];

let loading: Promise<Tokenize> | undefined;

/** The dictionary's folder inside the installed package. */
export function dictionaryPath(): string {
  const entry = createRequire(import.meta.url).resolve('@patdx/kuromoji');
  return join(dirname(entry), '..', 'dict');
}

/** The analyser, loaded on the first call and shared by every later one. */
export function loadTokenizer(): Promise<Tokenize> {
  loading ??= new TokenizerBuilder({ loader: new NodeDictionaryLoader({ dic_path: dictionaryPath() }) })
    .build()
    .then(
      (tokenizer) => (text: string) =>
        tokenizer
          .tokenize(text)
          .map((t) => ({ surface: t.surface_form, reading: t.reading, pos: t.pos, detail: t.pos_detail_1 })),
    );
  return loading;
}

/**
 * What lets go of each holder's analyser, by holder. On the global object rather than in a
 * module variable: the build's pages run the middleware from Astro's bundle, with a copy of this
 * module of its own, beside the build's integration (the flyers' readings) with another. One
 * entry per holder: a module evaluated again (under `astro dev`) replaces its entry, so no old
 * copy is kept alive through it.
 */
const RELEASES = Symbol.for('tsunagari.analyserReleases');
const releases = ((globalThis as Record<symbol, Map<string, () => void> | undefined>)[RELEASES] ??= new Map());

/** `forget` lets go of what `holder` made with the analyser; this copy's analyser goes with it. */
export function onAnalysersReleased(holder: string, forget: () => void): void {
  releases.set(holder, () => {
    forget();
    // This copy's own: a later loadTokenizer() loads it again.
    loading = undefined;
  });
}

/**
 * Lets every holder's analyser go, so that their dictionaries (about 230 MB of buffers each) can
 * be collected: `astro build` calls it once its pages are written, and again when the flyers'
 * readings are made, so the printing steps' workers do not run beside dictionaries nobody will
 * use again. A later loadTokenizer() loads one again.
 */
export function releaseAnalysers(): void {
  for (const forget of releases.values()) forget();
}
