/**
 * Which characters the flyers can print, decided as Satori decides it, so that `npm run check`
 * refuses what the flyer step would stop on (render.ts, loadAdditionalAsset).
 *
 * Satori splits each text into words (Intl.Segmenter) and gives a word the first font, in the
 * order of fonts.ts, that has a glyph for the word's first character; that font must then have
 * the first character of every grapheme in the word, or the word counts as missing. A word with
 * a variation selector U+FE0F or a keycap U+20E3 always counts as missing (Satori would want a
 * picture for it), so printableText turns those into what a black-and-white sheet can show
 * first: ❤️ → ❤ (Noto Emoji's outline), ☀️ → ☀, 1️⃣ → ①.
 */
import * as fontkit from 'fontkit';
import { fontFiles } from './fonts.ts';

const VARIATION_SELECTORS = /[\uFE0E\uFE0F]/g;
const KEYCAP = /([0-9#*])\uFE0F?\u20E3/g;
const CIRCLED = ['⓪', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨'];

/** The text as the flyer prints it: keycaps as circled digits, no presentation selectors. */
export function printableText(text: string): string {
  return text.replace(KEYCAP, (_, key: string) => CIRCLED[Number(key)] ?? key).replace(VARIATION_SELECTORS, '');
}

/** Every string in a value (a flyer model) through printableText. */
export function withPrintableText<T>(value: T): T {
  if (typeof value === 'string') return printableText(value) as T;
  if (Array.isArray(value)) return value.map(withPrintableText) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPrintableText(v)])) as T;
  return value;
}

type Cmap = (codePoint: number) => boolean;
let byWeight: Cmap[][] | undefined;

/** Each weight's fonts in Satori's fallback order, as glyph lookups (parsed once per process). */
function fontsByWeight(): Cmap[][] {
  if (byWeight) return byWeight;
  const weights = new Map<number, Cmap[]>();
  for (const { data, weight } of fontFiles()) {
    const font = fontkit.create(data) as fontkit.Font;
    const seen = new Map<number, boolean>();
    const has: Cmap = (cp) => {
      let found = seen.get(cp);
      if (found === undefined) seen.set(cp, (found = font.hasGlyphForCodePoint(cp)));
      return found;
    };
    weights.set(weight, [...(weights.get(weight) ?? []), has]);
  }
  return (byWeight = [...weights.values()]);
}

const words = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const first = (text: string) => text.codePointAt(0) ?? 0;

/** Texts already asked about: labels, dates and place names repeat on every flyer. */
const answers = new Map<string, string[]>();

/** The words of `text` a flyer cannot print (empty when it prints whole). */
export function unprintable(text: string): string[] {
  let answer = answers.get(text);
  if (!answer) answers.set(text, (answer = findUnprintable(text)));
  return answer;
}

function findUnprintable(text: string): string[] {
  const missing = new Set<string>();
  for (const fonts of fontsByWeight()) {
    // Nearly every text: the primary font has all its characters, so it is chosen for every word.
    if (!/[\uFE0F\u20E3]/.test(text) && [...text].every((c) => fonts[0]?.(first(c)) || /\s/.test(c))) continue;
    // Satori remembers the font chosen for a first UTF-16 unit within a text, so characters
    // that share a high surrogate (rare kanji, emoji) get the font of the first one met.
    const chosen = new Map<number, Cmap>();
    for (const { segment: word } of words.segment(text)) {
      if (/^\s+$/.test(word)) continue;
      if (/[\uFE0F\u20E3]/.test(word)) {
        missing.add(word);
        continue;
      }
      const unit = word.charCodeAt(0);
      let font = chosen.get(unit);
      if (!font) {
        font = fonts.find((has) => has(first(word)));
        if (font) chosen.set(unit, font);
      }
      if (!font || ![...graphemes.segment(word)].every(({ segment }) => font(first(segment)))) missing.add(word);
    }
  }
  return [...missing];
}

/** `U+2A6B2`: how a character is named when it cannot be shown. */
export const codePoints = (text: string) =>
  [...text].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
