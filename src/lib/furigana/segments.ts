/**
 * Readings over kanji, as segments: a word and the dictionary's reading of it become kanji parts
 * with their reading and kana parts without (見守り + みまもり → 見守[みまも] り), so the
 * okurigana stays outside the ruby and only kanji carry a reading. Pure: the tokenizer that
 * finds words and readings is src/lib/furigana/tokenizer.ts.
 */
import { escapeRegExp } from '../strings.ts';

/** A piece of text, with the reading of its kanji when it is a kanji part. */
export interface Segment {
  text: string;
  reading?: string;
}

/** A word as the morphological analyser returns it: its text and its reading (katakana or hiragana), if known. */
export interface Token {
  surface: string;
  reading?: string | undefined;
  /** Part of speech (IPADIC's first level: 名詞, 動詞 …), for the context rules of ./words.ts. */
  pos?: string | undefined;
  /** IPADIC's second level (接尾 for a suffix, 数接続 for a prefix of numbers …), for ./words.ts. */
  detail?: string | undefined;
}

// 々 (人々), ヶ and ヵ (霞ヶ関, 一ヵ所) and 〆 are read as part of the kanji beside them.
const KANJI_CLASS = '\\p{Script=Han}々〆ヵヶ';
const KANJI = new RegExp(`[${KANJI_CLASS}]`, 'u');
const KANJI_RUNS = new RegExp(`[${KANJI_CLASS}]+|[^${KANJI_CLASS}]+`, 'gu');

/** Whether the text holds a kanji (only such text gets readings). */
export const hasKanji = (text: string): boolean => KANJI.test(text);

/** Katakana to hiragana (ルビ → るび); other characters unchanged. */
export function toHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/**
 * Splits a word into kanji parts with their reading and kana parts without, by finding the
 * word's kana in its reading (申し込み + もうしこみ → 申[もう] し 込[こ] み). Null when the
 * reading does not contain the word's kana in order (it is not this word's reading).
 */
export function alignReading(word: string, reading: string): Segment[] | null {
  const runs = word.match(KANJI_RUNS) ?? [];
  const hiragana = toHiragana(reading);
  const pattern = runs.map((run) => (hasKanji(run) ? '(.+?)' : `(${escapeRegExp(toHiragana(run))})`)).join('');
  const match = new RegExp(`^${pattern}$`, 'u').exec(hiragana);
  if (!match) return null;
  return runs.map((run, i) => (hasKanji(run) ? { text: run, reading: match[i + 1] ?? '' } : { text: run }));
}

/** Segments of one analysed word: kanji parts with readings, or the word as plain text when it has no kanji or no usable reading. */
export function tokenSegments(token: Token): Segment[] {
  const { surface, reading } = token;
  if (!hasKanji(surface) || !reading || reading === '*') return [{ text: surface }];
  return alignReading(surface, reading) ?? [{ text: surface }];
}

/** Joins neighbouring plain parts, so the markup has one text run between rubies. */
export function mergePlain(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged.at(-1);
    if (segment.text === '') continue;
    if (last && last.reading === undefined && segment.reading === undefined) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}

/** A reading the site settings give for a word (a place or person name the dictionary reads wrong). */
export interface Override {
  word: string;
  reading: string;
}

/**
 * The text split at the override words, longest first: each override as its own segments
 * (aligned with its reading), the rest as plain text for the analyser (`analyse`). Made once per
 * annotator: the words' pattern was compiled for every text, 3.7 s of a cold 10,000-entry build's
 * main thread (docs/BENCHMARKS.md, 2 December 2026).
 */
export function overrideSplitter(
  overrides: readonly Override[],
  analyse: (text: string) => Segment[],
): (text: string) => Segment[] {
  if (overrides.length === 0) return (text) => mergePlain(analyse(text));
  const byWord = new Map(overrides.map((o) => [o.word, o.reading]));
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(words.join('|'), 'gu');
  const aligned = new Map<string, Segment[]>();
  const overrideSegments = (word: string) => {
    let segments = aligned.get(word);
    if (!segments) aligned.set(word, (segments = alignReading(word, byWord.get(word) ?? '') ?? [{ text: word }]));
    return segments; // mergePlain copies what it keeps
  };
  return (text) => {
    const segments: Segment[] = [];
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      if (match.index > last) segments.push(...analyse(text.slice(last, match.index)));
      const word = match[0];
      segments.push(...overrideSegments(word));
      last = match.index + word.length;
    }
    if (last < text.length) segments.push(...analyse(text.slice(last)));
    return mergePlain(segments);
  };
}

/** `overrideSplitter` for one text (tests, one-off readings). */
export const withOverrides = (
  text: string,
  overrides: readonly Override[],
  analyse: (text: string) => Segment[],
): Segment[] => overrideSplitter(overrides, analyse)(text);

/** Attributes of every reading's <rt> (see rubyHtml). */
export const RT_ATTRIBUTES = ' aria-hidden="true"';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Segments as HTML: `<ruby>見守<rp>(</rp><rt aria-hidden="true">みまも</rt><rp>)</rp></ruby>り`.
 * Plain parts are copied as they are (they come from HTML text already escaped); readings are
 * escaped. The reading is hidden from assistive technology: a screen reader reads the kanji with
 * its own dictionary, in context, and hears each word once (WebKit and Gecko put <rt> into the
 * text and names, 地域ちいき; Chromium makes it a description). The readings are for the eye.
 */
export function rubyHtml(segments: readonly Segment[]): string {
  return segments
    .map((s) =>
      s.reading === undefined || s.reading === ''
        ? s.text
        : `<ruby>${s.text}<rp>(</rp><rt${RT_ATTRIBUTES}>${escapeHtml(s.reading)}</rt><rp>)</rp></ruby>`,
    )
    .join('');
}

/** The readings joined, kanji read and kana as written (for tests and the settings' check): 見守り → みまもり. */
export function readingOfSegments(segments: readonly Segment[]): string {
  return segments.map((s) => s.reading ?? toHiragana(s.text)).join('');
}
