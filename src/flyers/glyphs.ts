/**
 * Which characters the flyers can print, decided as Satori decides it, so that `npm run check`
 * refuses what the flyer step would stop on (render.ts, loadAdditionalAsset).
 *
 * Satori splits each text into words, ideographs, kana and Hangul one by one (fontPieces in
 * src/lib/flyer-fonts.ts) and gives a piece the first font, in the order of fonts.ts, that has
 * a glyph for its first character; that font must then have the first character of every
 * grapheme in the piece, or the piece counts as missing. A word with
 * a variation selector U+FE0F or a keycap U+20E3 always counts as missing (Satori would want a
 * picture for it), so printableText turns those into what a black-and-white sheet can show
 * first: ❤️ → ❤ (Noto Emoji's outline), ☀️ → ☀, 1️⃣ → ①.
 */
import * as fontkit from 'fontkit';
import { fontPieces, fontSetKey, JAPANESE_FONTS, type FontFamilyId } from '../lib/flyer-fonts.ts';
import { Memo } from '../lib/memo.ts';
import { fontFiles } from './fonts.ts';

const VARIATION_SELECTORS = /[\uFE0E\uFE0F]/g;
const KEYCAP = /([0-9#*])\uFE0F?\u20E3/g;
const CIRCLED = ['⓪', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨'];

/** A Latin letter followed by combining marks (Vie\u0302\u0323t typed on some keyboards). */
const DECOMPOSED_LATIN = /\p{Script=Latin}\p{M}+/gu;

/**
 * The text as the flyer prints it: keycaps as circled digits, no presentation selectors, and
 * Latin letters with combining marks composed (ệ as one character: Satori would place a
 * combining mark on its own, and Noto Sans has every composed Vietnamese letter). Only Latin is
 * composed: NFC would also turn CJK compatibility ideographs into their unified forms, which
 * can change how a name is written.
 */
export function printableText(text: string): string {
  return text
    .replace(KEYCAP, (_, key: string) => CIRCLED[Number(key)] ?? key)
    .replace(VARIATION_SELECTORS, '')
    .replace(DECOMPOSED_LATIN, (letters) => letters.normalize('NFC'));
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
/** Each font file's glyph lookup, by its bytes: a family is parsed once whatever sets list it. */
const cmaps = new Map<Buffer, Cmap>();
const byWeight = new Map<string, Cmap[][]>();

/** Each weight's fonts of a set in Satori's fallback order, as glyph lookups (parsed once per process). */
function fontsByWeight(families: readonly FontFamilyId[]): Cmap[][] {
  const key = fontSetKey(families);
  const known = byWeight.get(key);
  if (known) return known;
  const weights = new Map<number, Cmap[]>();
  for (const { data, weight } of fontFiles(families)) {
    let has = cmaps.get(data);
    if (!has) {
      const font = fontkit.create(data) as fontkit.Font;
      const seen = new Map<number, boolean>();
      has = (cp) => {
        let found = seen.get(cp);
        if (found === undefined) seen.set(cp, (found = font.hasGlyphForCodePoint(cp)));
        return found;
      };
      cmaps.set(data, has);
    }
    weights.set(weight, [...(weights.get(weight) ?? []), has]);
  }
  const list = [...weights.values()];
  byWeight.set(key, list);
  return list;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const first = (text: string) => text.codePointAt(0) ?? 0;

/** Texts already asked about, by font set: labels, dates and place names repeat on every flyer. */
const answers = new Memo<string, string[]>(20_000);

/**
 * The words of `text` a flyer set in `families` cannot print (empty when it prints whole):
 * a flyer's families come from its language and its texts (src/lib/flyer-fonts.ts), so only
 * what no installed family has is left.
 */
export function unprintable(text: string, families: readonly FontFamilyId[] = JAPANESE_FONTS): string[] {
  return answers.remember(`${fontSetKey(families)}\0${text}`, () => findUnprintable(text, families));
}

function findUnprintable(text: string, families: readonly FontFamilyId[]): string[] {
  const missing = new Set<string>();
  for (const fonts of fontsByWeight(families)) {
    // Nearly every text: the primary font has all its characters, so it is chosen for every word.
    if (!/[\uFE0F\u20E3]/.test(text) && [...text].every((c) => fonts[0]?.(first(c)) || /\s/.test(c))) continue;
    // Satori remembers the font chosen for a first UTF-16 unit within a text, so characters
    // that share a high surrogate (rare kanji, emoji) get the font of the first one met.
    const chosen = new Map<number, Cmap>();
    for (const word of fontPieces(text)) {
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
