/**
 * Which font families a flyer is set in: its language's own first, then what its texts need
 * beyond them (a Japanese place name on a Vietnamese flyer, Korean words on a Japanese one),
 * emoji last. Pure, decided from the text alone, so that the build can key its cache and
 * choose a worker's fonts without parsing a font file; src/flyers/fonts.ts loads only the
 * families listed, so a Japanese flyer reads the same three families it always did.
 *
 * Satori gives each word the first family that has the word's first character (glyphs.ts),
 * which is why the order matters:
 * - Latin languages (en, pt-br, fil, vi) are set in Noto Sans, whose Latin covers Vietnamese's
 *   stacked marks (ệ ẫ ợ); BIZ UDPGothic lacks Ơ ơ Ư ư and U+1EA0–U+1EF9, and a word starting
 *   with its V would be given it (Việt).
 * - Chinese first in Noto Sans SC: a word like 我们 starts with a character the Japanese fonts
 *   have and goes on with one they lack.
 * - Korean first in Noto Sans KR: 2026년 starts with a digit every font has.
 * - Nepali first in Noto Sans Devanagari (its Latin covers the URL and digits).
 * - The Japanese fonts follow in every language: places, organizations and the site's name
 *   stay Japanese on a translated flyer.
 */
import type { LocaleCode } from '../i18n/locales.ts';

export const FONT_FAMILY_IDS = [
  'biz-udpgothic',
  'noto-sans-jp',
  'noto-sans',
  'noto-sans-sc',
  'noto-sans-kr',
  'noto-sans-devanagari',
  'noto-emoji',
] as const;
export type FontFamilyId = (typeof FONT_FAMILY_IDS)[number];

const JAPANESE: readonly FontFamilyId[] = ['biz-udpgothic', 'noto-sans-jp'];
const LATIN: readonly FontFamilyId[] = ['noto-sans', ...JAPANESE];

/** Each language's families, before emoji and before what its texts add. */
export const LOCALE_FONTS: Readonly<Record<LocaleCode, readonly FontFamilyId[]>> = {
  ja: JAPANESE,
  'ja-easy': JAPANESE,
  en: LATIN,
  'pt-br': LATIN,
  fil: LATIN,
  vi: LATIN,
  'zh-hans': ['noto-sans-sc', ...JAPANESE],
  ko: ['noto-sans-kr', ...JAPANESE],
  ne: ['noto-sans-devanagari', ...JAPANESE],
};

/** The Japanese flyer's families: unchanged by translations (its cache keys stay valid). */
export const JAPANESE_FONTS: readonly FontFamilyId[] = [...JAPANESE, 'noto-emoji'];

/** Vietnamese letters the Japanese fonts' first family lacks (checked against BIZ UDPGothic 400/700). */
const VIETNAMESE = /[\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/u;
const HANGUL = /[\p{Script=Hangul}]/u;
const DEVANAGARI = /[\p{Script=Devanagari}]/u;

/**
 * The families for a flyer in `locale` that prints `texts`, in Satori's fallback order.
 * Characters no listed family has are left for the glyph check (glyphs.ts) to refuse.
 */
export function fontFamiliesFor(locale: LocaleCode, texts: readonly string[]): FontFamilyId[] {
  const families = [...LOCALE_FONTS[locale]];
  const text = texts.join('\n');
  // Before the Japanese fonts, or a word starting with a plain Latin letter would get BIZ UD.
  if (VIETNAMESE.test(text) && !families.includes('noto-sans'))
    families.splice(families.indexOf('biz-udpgothic'), 0, 'noto-sans');
  if (HANGUL.test(text) && !families.includes('noto-sans-kr')) families.push('noto-sans-kr');
  if (DEVANAGARI.test(text) && !families.includes('noto-sans-devanagari')) families.push('noto-sans-devanagari');
  return [...families, 'noto-emoji'];
}

/** One name for a list of families: what fonts.ts and glyphs.ts cache a loaded set under. */
export const fontSetKey = (families: readonly FontFamilyId[]): string => families.join('+');

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Ideographs, kana, Hangul and CJK punctuation: a line may break after each (UAX #14). */
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\u30FC\uFF00-\uFFEF]/u;

/**
 * The pieces of a text that Satori gives a font each, in order: its words, but ideographs, kana
 * and Hangul one by one, as Satori cuts them where a line may break. Seen on a Korean flyer:
 * 本町一丁目町内会 is eight pieces, 町 drawn from Noto Sans KR and 内 (which it lacks) from BIZ
 * UDPGothic, where one word would have been refused. Spaces are pieces of their own.
 */
export function fontPieces(text: string): string[] {
  const pieces: string[] = [];
  for (const { segment } of wordSegmenter.segment(text)) {
    if (!CJK.test(segment)) {
      pieces.push(segment);
      continue;
    }
    // A word that starts with CJK may run on in Latin letters or digits (区3): those stay one piece.
    let rest = '';
    for (const { segment: g } of graphemeSegmenter.segment(segment)) {
      if (CJK.test(g)) {
        if (rest) pieces.push(rest);
        rest = '';
        pieces.push(g);
      } else rest += g;
    }
    if (rest) pieces.push(rest);
  }
  return pieces;
}
