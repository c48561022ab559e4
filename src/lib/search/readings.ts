/**
 * The index side of forgiving search (see ./terms.ts): the search keys of a Japanese text, from
 * the same analyser, corrections and site readings as the ふりがな (src/lib/furigana/), and a
 * search document with its keys added. Pure: the caller loads the analyser.
 */
import type { Override, Segment, Token } from '../furigana/segments.ts';
import {
  firstCharacter,
  foldKana,
  isKana,
  JAPANESE_CHAR,
  KANJI,
  kanaKey,
  lastCharacter,
  splitWordsOf,
  surfaceKey,
} from './terms.ts';
import type { VariantGroup } from './variants.ts';

/** How many words one key spans: 社会福祉協議会 is four (社会/福祉/協議/会), typed as one. */
export const KEY_WORDS = 4;

/** Parts of speech no one starts a search with: a key starting there would only add weight. */
const NOT_STARTS = new Set(['助詞', '助動詞']);
/** Parts of speech whose short hiragana words (し, い, あり, でき) are grammar, not what anyone searches for. */
const INFLECTED = new Set(['動詞', '形容詞']);
const JAPANESE = /^[\p{Script=Han}々〆\u3041-\u3096\u30a1-\u30faー]+$/u;

interface Word {
  /** The word's reading in hiragana, or undefined where it has none (Latin, digits, symbols). */
  reading: string | undefined;
  starts: boolean;
  /** The word as written. */
  surface: string;
}

/**
 * The words of a text with their readings. Word boundaries are the analyser's (`tokens`);
 * readings are the ふりがな's (`segments`, which carry the corrections and site readings, such
 * as 車椅子 read くるまいす as one word). A boundary that falls inside a read kanji part (an
 * override spanning several of the analyser's words) is dropped, so the part stays whole.
 */
export function wordsOf(text: string, tokens: readonly Token[], segments: readonly Segment[]): Word[] {
  if (tokens.map((t) => t.surface).join('') !== text || segments.map((s) => s.text).join('') !== text) return [];
  // Where each read kanji part starts and ends, and its reading.
  const parts: { start: number; end: number; reading: string | undefined }[] = [];
  let at = 0;
  for (const s of segments) {
    parts.push({ start: at, end: at + s.text.length, reading: s.reading });
    at += s.text.length;
  }
  const inside = (i: number) => parts.some((p) => p.reading !== undefined && p.start < i && i < p.end);
  const reading = (start: number, end: number) => {
    let out = '';
    for (const p of parts) {
      if (p.end <= start || p.start >= end) continue;
      out += p.reading ?? text.slice(Math.max(start, p.start), Math.min(end, p.end));
    }
    const folded = foldKana(out);
    return JAPANESE.test(text.slice(start, end)) && isKana(folded) ? folded : undefined;
  };
  const words: Word[] = [];
  let start = 0;
  let starts = true;
  let end = 0;
  const startsAt = (token: Token | undefined) =>
    !!token &&
    !NOT_STARTS.has(token.pos ?? '') &&
    !(INFLECTED.has(token.pos ?? '') && token.surface.length <= 2 && /^[\u3041-\u3096]+$/.test(token.surface));
  tokens.forEach((token, i) => {
    if (i === 0) starts = startsAt(token);
    end += token.surface.length;
    const next = tokens[i + 1];
    if (next && inside(end)) return;
    words.push({ reading: reading(start, end), starts, surface: text.slice(start, end) });
    start = end;
    starts = startsAt(next);
  });
  return words;
}

/**
 * The keys of a text's words: from each word a search could start with, the reading of it and
 * of up to KEY_WORDS − 1 words after it, until a particle or anything without a reading
 * (車いすの貸し出し → くるまいす, かしだし; 社会福祉協議会 → しゃかいふくしきょうぎかい,
 * ふくしきょうぎかい …). A query's key matches a key it starts, so くるまいす finds 車いす (車/いす
 * to the analyser) and 車椅子 alike. Keys running on across particles matched the same pages but
 * ranked them further from the kanji spelling (27 of 38 pairs in the same top 3, against 31).
 */
export function readingKeys(words: readonly Word[]): string[] {
  const keys: string[] = [];
  words.forEach((word, i) => {
    if (!word.starts || word.reading === undefined || word.reading.length < 2) return;
    let reading = '';
    for (const w of words.slice(i, i + KEY_WORDS)) {
      if (w.reading === undefined || (w !== word && !w.starts)) break;
      reading += w.reading;
    }
    keys.push(kanaKey(reading));
  });
  return keys;
}

/**
 * The surface keys of a text's words (./terms.ts, surfaceKey): the spans readingKeys reads, as
 * written, from each word a search could start with that holds kanji, up to a word that is not
 * Japanese (a kanji word the analyser cannot read still gets them). Where a span has a reading
 * key it has its surface key too, so a word typed in kanji finds what its reading typed in kana
 * finds (外国人 and がいこくじん).
 */
export function surfaceKeys(words: readonly Word[]): string[] {
  const keys: string[] = [];
  words.forEach((word, i) => {
    if (!word.starts || !KANJI.test(word.surface)) return;
    let span = '';
    for (const w of words.slice(i, i + KEY_WORDS)) {
      if (!JAPANESE.test(w.surface) || (w !== word && !w.starts)) break;
      span += w.surface;
    }
    const key = surfaceKey(span);
    if (key) keys.push(key);
  });
  return keys;
}

/** Elements whose text gets no keys: what Pagefind does not index anyway. */
const IGNORED = /\sdata-pagefind-ignore(?=[\s=>/]|$)/;
const HEADING = /^h[1-6]$/;
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'source', 'area', 'col', 'embed', 'track']);
/** Pagefind's own weights of headings (h1 7 … h6 2), kept for their keys. */
const HEADING_WEIGHT: Record<string, number> = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };

/**
 * Texts of a search document split into words (splitWordsOf, for the Japanese index), each with a
 * space before and after where it starts or ends with a Japanese character: Pagefind joins text
 * across inline tags and <wbr> (歌声<wbr>サロン) without one.
 */
export function indexWords(texts: readonly string[]): string[] {
  const edge = (c: string) => (JAPANESE_CHAR.test(c) ? ' ' : '');
  return splitWordsOf(texts).map((split) => edge(firstCharacter(split)) + split + edge(lastCharacter(split)));
}

/**
 * A search document with the keys of its text added (src/lib/search/document.ts makes the
 * document, `keysOf` the keys of one text), and the texts outside ignored parts given to `words`
 * (indexWords, for the Japanese index) all at once. Keys follow the text they come from, so Pagefind
 * weighs them as that text (a fact's weight, a paragraph's) and shows an excerpt where the word
 * is; a heading's keys follow the heading, in a paragraph with the heading's weight, so that
 * the heading's own text is not lengthened by them (the result's title comes from the
 * document's data-pagefind-meta title, as written, not from the split h1).
 */
export function withSearchKeys(
  html: string,
  keysOf: (text: string) => string[],
  words: (texts: readonly string[]) => string[] = (texts) => [...texts],
): string {
  const out: string[] = [];
  // Where each text to be split into words goes in `out`: they are split all at once, at the end.
  const texts: string[] = [];
  const places: number[] = [];
  let position = 0;
  let ignoring: { name: string; depth: number } | null = null;
  let heading: { name: string; keys: string[] } | null = null;
  const text = (end: number) => {
    const chunk = html.slice(position, end);
    if (!ignoring) {
      texts.push(chunk);
      places.push(out.length);
    }
    out.push(chunk);
    if (ignoring || !/[^\s]/.test(chunk)) return;
    const keys = keysOf(chunk);
    if (!keys.length) return;
    if (heading) heading.keys.push(...keys);
    else out.push(` ${keys.join(' ')} `);
  };
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    text(match.index);
    out.push(match[0]);
    position = TAG.lastIndex;
    const [, slash, tagName, attributes = ''] = match;
    if (!tagName) continue;
    const name = tagName.toLowerCase();
    const closing = slash === '/';
    if (VOID.has(name)) continue;
    if (ignoring) {
      if (name === ignoring.name) ignoring.depth += closing ? -1 : 1;
      if (ignoring.depth === 0) ignoring = null;
    } else if (!closing && IGNORED.test(attributes)) ignoring = { name, depth: 1 };
    else if (!closing && HEADING.test(name) && !heading) heading = { name, keys: [] };
    else if (closing && heading?.name === name) {
      if (heading.keys.length)
        out.push(`<p data-pagefind-weight="${HEADING_WEIGHT[name]}">${heading.keys.join(' ')}</p>`);
      heading = null;
    }
  }
  text(html.length);
  const split = words(texts);
  places.forEach((place, i) => (out[place] = split[i] ?? ''));
  return out.join('');
}

/**
 * The variant spellings (./variants.ts) as readings for the analyser, so that every spelling of
 * a group is read as the group's reading (一人暮らし as ひとりぐらし, not ひとりくらし) and
 * gets the key the query side gives it. Kana spellings need none: their reading is themselves.
 */
export function variantReadings(groups: readonly VariantGroup[]): Override[] {
  return groups.flatMap((g) =>
    g.spellings.filter((s) => !isKana(foldKana(s))).map((word) => ({ word, reading: g.reading })),
  );
}
