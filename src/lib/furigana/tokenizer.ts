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
 * Forgets the analyser, so that its dictionary (about 230 MB of buffers in memory) can be collected: the
 * search worker's keys are all made long before Pagefind has written the index. A later
 * loadTokenizer() loads it again.
 */
export function releaseTokenizer(): void {
  loading = undefined;
}
