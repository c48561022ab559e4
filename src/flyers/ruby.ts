/**
 * ふりがな on a printed flyer (the 大きな文字・ふりがな付き choice). Satori has no <ruby>, so a
 * line with readings is laid out here: each word that carries a reading is a small column, its
 * reading set at half size over it, in a band added above the line. The readings themselves are
 * the site's (src/lib/furigana/: the same analyser, corrections and site readings as the pages),
 * made once per flyer before layout and carried in the model (`FlyerModel.furigana`); this
 * module only places them. Pure: widths come from the caller's `Measure`.
 */
import { mergePlain, type Segment } from '../lib/furigana/segments.ts';
import { escapeRegExp } from '../lib/strings.ts';
import type { Measure } from './text.ts';

/** The words of each printed text, with the readings of their kanji: text → segments. */
export type FlyerReadings = Record<string, Segment[]>;

/** Readings are set at half the size of their text, as ruby is in print. */
export const RUBY_SCALE = 0.5;

/** The size readings are set in over text of `size` px (to the half pixel, as the body's sizes). */
export const rubySize = (size: number): number => Math.round(size * RUBY_SCALE * 2) / 2;

/** Height of the band above a line that holds its readings. */
export const rubyBand = (size: number): number => Math.ceil(rubySize(size) * 1.15);

/**
 * A measure that also counts the readings: a word whose reading is wider than the word (話 /
 * はなし, 承 / うけたまわ) takes the reading's width on the line, so lines broken with this
 * measure never run out of their box. The words are found by their text, longest first; where
 * one word has several readings (日: ひ, にち), the widest counts, so the measure may err on the
 * wide side but never on the narrow one.
 */
export function rubyMeasure(measure: Measure, readings: FlyerReadings): Measure {
  const counted = countingReadings(measure, readings);
  if (counted !== measure) plainMeasures.set(counted, measure);
  return counted;
}

/** The measure a `rubyMeasure` counts the readings with: the lines' words and readings alone. */
const plainMeasures = new WeakMap<Measure, Measure>();

/** The plain measure behind `measure` (itself, if it counts no readings). */
export const plainMeasureOf = (measure: Measure): Measure => plainMeasures.get(measure) ?? measure;

function countingReadings(measure: Measure, readings: FlyerReadings): Measure {
  const words = new Map<string, Set<string>>();
  for (const segments of Object.values(readings))
    for (const { text, reading } of segments) {
      if (!reading) continue;
      const known = words.get(text) ?? new Set<string>();
      words.set(text, known.add(reading));
    }
  if (!words.size) return measure;
  const pattern = new RegExp(
    [...words.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'gu',
  );
  // What each word's widest reading adds to it, by size and weight, and those words: most
  // readings fit over their word (two kana at half size per kanji), and a text holding none of
  // the wider ones needs no search for words at all — searching every measured line was a
  // millisecond of every ふりがな flyer's layout.
  const extras = new Map<string, { extra: Map<string, number>; wide: string[] }>();
  const extrasAt = (fontSize: number, bold: boolean) => {
    const key = `${bold ? 'b' : 'r'}${fontSize}`;
    let found = extras.get(key);
    if (!found) {
      const extra = new Map<string, number>();
      for (const [word, known] of words) {
        const base = measure(word, fontSize, bold);
        let widest = base;
        for (const reading of known) widest = Math.max(widest, measure(reading, rubySize(fontSize), bold));
        if (widest > base) extra.set(word, widest - base);
      }
      extras.set(key, (found = { extra, wide: [...extra.keys()] }));
    }
    return found;
  };
  return (text, fontSize, bold) => {
    let width = measure(text, fontSize, bold);
    const { extra, wide } = extrasAt(fontSize, bold);
    // Every word is searched for, longest first, so that a wide word inside a longer one that
    // is not wide (館 in 公民館) counts as the longer one, as it is set.
    if (wide.some((word) => text.includes(word)))
      for (const [word] of text.matchAll(pattern)) width += extra.get(word) ?? 0;
    return width;
  };
}

/**
 * The segments of each line of a broken text: the lines (text.ts, which never breaks inside a
 * word with a reading) are found in the text in order, past the spaces the breaking dropped,
 * and each takes the segments it covers. What a line holds that the text does not (the … of a
 * title cut short) and a word only partly on the line are printed without a reading.
 */
export function lineSegments(text: string, lines: readonly string[], segments: readonly Segment[]): Segment[][] {
  const starts: number[] = [];
  let end = 0;
  for (const s of segments) {
    starts.push(end);
    end += s.text.length;
  }
  let cursor = 0;
  return lines.map((line) => {
    while (cursor < text.length && !text.startsWith(line, cursor) && /\s/u.test(text[cursor] as string)) cursor++;
    let same = 0;
    while (same < line.length && text[cursor + same] === line[same]) same++;
    const from = cursor;
    const to = cursor + same;
    const out: Segment[] = [];
    segments.forEach((s, i) => {
      const start = starts[i] as number;
      const stop = start + s.text.length;
      if (stop <= from || start >= to) return;
      const whole = start >= from && stop <= to;
      const part = text.slice(Math.max(start, from), Math.min(stop, to));
      out.push(whole && s.reading ? { text: s.text, reading: s.reading } : { text: part });
    });
    if (same < line.length) out.push({ text: line.slice(same) });
    cursor = to;
    return mergePlain(out);
  });
}
