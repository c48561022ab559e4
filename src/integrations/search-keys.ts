/**
 * The search keys of the Japanese index (src/lib/search/terms.ts), made in the search worker with
 * the ふりがな's analyser: its dictionary is loaded once per build, on the worker's core, and
 * each distinct text (fact labels, repeated place names) is analysed once.
 */
import { createFurigana } from '../lib/furigana/index.ts';
import type { Override } from '../lib/furigana/segments.ts';
import { loadTokenizer } from '../lib/furigana/tokenizer.ts';
import { readingKeys, variantReadings, withSearchKeys, wordsOf } from '../lib/search/readings.ts';
import { VARIANTS } from '../lib/search/variants.ts';

/** A function adding keys to a search document, for the site's own readings (site settings `furigana`). */
export async function searchKeys(siteReadings: readonly Override[]): Promise<(html: string) => string> {
  const tokenize = await loadTokenizer();
  // The site's readings after the variants', so a site that reads a word its own way wins.
  const furigana = createFurigana(tokenize, [...variantReadings(VARIANTS), ...siteReadings]);
  const cache = new Map<string, string[]>();
  const keysOf = (text: string) => {
    let keys = cache.get(text);
    if (!keys) {
      keys = readingKeys(wordsOf(text, tokenize(text), furigana.segments(text)));
      cache.set(text, keys);
    }
    return keys;
  };
  return (html) => withSearchKeys(html, keysOf);
}
