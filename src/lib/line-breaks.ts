/**
 * Where a flyer's line may break, by the language it is printed in. Japanese (and やさしい
 * 日本語) break between BudouX's phrases (phrases.ts). Languages written with spaces —
 * English, Portuguese, Filipino, Vietnamese (whose spaces separate syllables, so any one
 * may end a line), Korean (spaces between words; a word is not cut, as in CSS
 * `word-break: keep-all`) and Nepali — break after a space, and a Japanese name inside them
 * (旭台公民館) between its own phrases. Chinese breaks between any two characters except
 * where punctuation may not start or end a line (，。） / （「), keeping Latin words and
 * numbers whole. Pure.
 */
import type { LocaleCode } from '../i18n/locales.ts';
import { Glue, NO_END, NO_START, phrasing, type Phrasing } from './phrases.ts';

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
/** Characters set one by one in Chinese and in Japanese runs: Han, kana, CJK punctuation and full-width forms. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF\u30FC]/u;

const free = (phrases: string[]): Phrasing => ({
  phrases,
  glue: phrases.map(() => Glue.free),
  textGlue: phrases.map(() => Glue.free),
});

/** After each run of spaces; a word holding Japanese is cut further between its phrases. */
function bySpaces(text: string): string[] {
  const units: string[] = [];
  for (const word of text.match(/\S+\s*|\s+/gu) ?? []) {
    if (CJK.test(word)) {
      const trailing = /\s*$/u.exec(word)?.[0] ?? '';
      const parts = phrasing(word.slice(0, word.length - trailing.length)).phrases;
      if (parts.length) parts[parts.length - 1] += trailing;
      units.push(...parts);
    } else units.push(word);
  }
  return units;
}

/** Between characters, with 禁則 and whole Latin words and numbers. */
function byCharacters(text: string): string[] {
  const units: string[] = [];
  let glueNext = false;
  for (const { segment } of graphemes.segment(text)) {
    const last = units.length - 1;
    const previous = units[last];
    const joins =
      previous !== undefined &&
      (glueNext ||
        NO_START.has(segment) ||
        /^\s+$/u.test(segment) ||
        // A Latin word or a number runs on: 2026, Wi-Fi, QR.
        (!CJK.test(segment) && !/\s$/u.test(previous) && !CJK.test(previous.slice(-1))));
    if (joins) units[last] = previous + segment;
    else units.push(segment);
    glueNext = NO_END.has(segment);
  }
  return units;
}

/** The text's break opportunities and their glue, for a flyer in `locale` (Japanese without one). */
export function phrasingIn(locale: LocaleCode | undefined, text: string): Phrasing {
  if (locale === undefined || locale === 'ja' || locale === 'ja-easy') return phrasing(text);
  return free(locale === 'zh-hans' ? byCharacters(text) : bySpaces(text));
}
