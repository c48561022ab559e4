/**
 * ふりがな for built pages: text → ruby markup, with the site's own readings first (place and
 * person names from the site settings) and the project's corrections of the dictionary
 * (./words.ts). Each distinct text is analysed once per build: nav, footer, facts labels and the
 * summaries repeated on list pages come from the cache.
 */
import { detached } from '../strings.ts';
import { annotateHtml } from './html.ts';
import { overrideSplitter, readingOfSegments, rubyHtml, type Override, type Segment } from './segments.ts';
import { loadTokenizer, type Tokenize } from './tokenizer.ts';
import { CORRECTIONS, segmentsOf } from './words.ts';

export interface Furigana {
  /** One text (HTML text, entities as written) with ruby markup over its kanji. */
  text(text: string): string;
  /** A whole page: readings in its body's text (see ./html.ts for what is left alone). */
  html(html: string): string;
  /** The segments of a text, for tests and tools. */
  segments(text: string): Segment[];
  /** The text's reading in hiragana: kanji read, katakana as hiragana, anything else as written (見守り活動 → みまもりかつどう). */
  reading(text: string): string;
}

/**
 * An annotator over the analyser, with the site's overrides taking precedence over the project's
 * corrections. `known`: readings already made for these overrides (./store.ts), used instead of
 * analysing the text again; what this annotator makes is added to it.
 */
export function createFurigana(
  tokenize: Tokenize,
  siteOverrides: readonly Override[] = [],
  known: Map<string, string> = new Map(),
): Furigana {
  const words = new Map<string, string>(CORRECTIONS.map((o) => [o.word, o.reading]));
  for (const o of siteOverrides) words.set(o.word, o.reading);
  const overrides = [...words].map(([word, reading]) => ({ word, reading }));
  const analyse = (text: string) => segmentsOf(tokenize(text));
  const segments = overrideSplitter(overrides, analyse);
  const cache = known;
  const text = (input: string) => {
    let out = cache.get(input);
    if (out === undefined) {
      out = rubyHtml(segments(input));
      // Surfaces always add up to the input; if the analyser ever drops a character, keep the text as written.
      if (out.replace(/<rp>\(<\/rp><rt[^>]*>[^<]*<\/rt><rp>\)<\/rp>|<\/?ruby>/g, '') !== input) out = input;
      // Kept for the whole build: texts cut out of a page must not keep the page (../strings.ts).
      cache.set(detached(input), detached(out));
    }
    return out;
  };
  return {
    text,
    html: (html) => annotateHtml(html, text),
    segments,
    reading: (input) => readingOfSegments(segments(input)),
  };
}

let shared: { key: string; furigana: Promise<Furigana> } | undefined;

/**
 * The reading of a Japanese text in hiragana, from the same analyser, corrections and site
 * readings (`siteOverrides`: site settings `furigana`) as the page's ふりがな: for search, which
 * must read 見守り as the pages do. 地域の見守り → ちいきのみまもり; katakana become hiragana
 * (サロン → さろん); Latin, digits and symbols stay as written. The analyser is loaded on the
 * first call; later calls with the same overrides reuse it.
 */
export async function readingOf(text: string, siteOverrides: readonly Override[] = []): Promise<string> {
  const key = JSON.stringify(siteOverrides);
  if (shared?.key !== key)
    shared = { key, furigana: loadTokenizer().then((tokenize) => createFurigana(tokenize, siteOverrides)) };
  return (await shared.furigana).reading(text);
}
