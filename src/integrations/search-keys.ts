/**
 * The search keys of the Japanese index (src/lib/search/terms.ts), made in the search worker with
 * the ふりがな's analyser: its dictionary is loaded once per build, on the worker's core, and
 * each distinct text (fact labels, repeated place names) is analysed once.
 */
import { createFurigana } from '../lib/furigana/index.ts';
import type { Override } from '../lib/furigana/segments.ts';
import { loadTokenizer } from '../lib/furigana/tokenizer.ts';
import { CORRECTIONS, segmentsOf } from '../lib/furigana/words.ts';
import { detached, escapeRegExp } from '../lib/strings.ts';
import {
  indexWords,
  readingKeys,
  surfaceKeys,
  variantReadings,
  withSearchKeys,
  wordsOf,
} from '../lib/search/readings.ts';
import { VARIANTS } from '../lib/search/variants.ts';

/**
 * A function adding keys to a search document, for the site's own readings (site settings
 * `furigana`), and splitting its text into words as a query is split (indexWords).
 */
export async function searchKeys(siteReadings: readonly Override[]): Promise<(html: string) => string> {
  const tokenize = await loadTokenizer();
  // The site's readings after the variants', so a site that reads a word its own way wins.
  const own = [...variantReadings(VARIANTS), ...siteReadings];
  const furigana = createFurigana(tokenize, own);
  // Most texts hold none of the words read by hand: their readings come from the analyser's
  // words already found (what the ふりがな's segments do then), rather than analysing the text a
  // second time, which doubled the worker's time (4.5 s of CPU for 1,000 entries' 4,838 texts).
  const byHand = new RegExp([...CORRECTIONS, ...own].map((o) => escapeRegExp(o.word)).join('|'), 'u');
  const cache = new Map<string, string[]>();
  const keysOf = (text: string) => {
    let keys = cache.get(text);
    if (!keys) {
      const tokens = tokenize(text);
      const words = wordsOf(text, tokens, byHand.test(text) ? furigana.segments(text) : segmentsOf(tokens));
      // Copies: a surface key is cut out of the text, which is cut out of a page (detached).
      keys = [...readingKeys(words), ...surfaceKeys(words).map(detached)];
      cache.set(detached(text), keys);
    }
    return keys;
  };
  return (html) => withSearchKeys(html, keysOf, indexWords);
}
