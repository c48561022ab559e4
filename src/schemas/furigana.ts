/**
 * The site's own readings (site settings `furigana`): place and person names and local words the
 * dictionary reads wrong, used by ふりがな on every page (src/lib/furigana/) before the dictionary.
 */
import { z } from 'astro/zod';
import { alignReading, hasKanji } from '../lib/furigana/segments.ts';
import { bilingualIssue, meta, textField } from './fields.ts';

const HIRAGANA = /^[\u3041-\u3096ー]+$/u;

export const furiganaWordSchema = z
  .strictObject({
    /** The word as written in the pages (みどり野, 若葉台); it must contain a kanji. */
    word: textField('ことば', '例: みどり野、若葉台、民生委員'),
    /** Its reading in hiragana, the kana of the word included (みどり野 → みどりの). */
    reading: textField('読み（ひらがな）', '例: みどりの'),
  })
  .superRefine((entry, ctx) => {
    const { word, reading } = entry;
    if (!hasKanji(word))
      bilingualIssue(ctx, ['word'], {
        ja: `「${word}」には漢字がありません。ふりがなは漢字につくので、漢字をふくむことばを書いてください`,
        en: `"${word}" has no kanji; readings are only given to words with kanji`,
      });
    else if (!HIRAGANA.test(reading))
      bilingualIssue(ctx, ['reading'], {
        ja: `「${word}」の読み「${reading}」は、ひらがなだけで書いてください（カタカナ・漢字・空白は使えません）`,
        en: `write the reading "${reading}" of "${word}" in hiragana only`,
      });
    else if (!alignReading(word, reading))
      bilingualIssue(ctx, ['reading'], {
        ja: `「${word}」の読み「${reading}」が、ことばのかなの部分と合いません。かなの部分もそのまま入れて書いてください（例: みどり野 → みどりの）`,
        en: `the reading "${reading}" does not contain the kana of "${word}" in order; write the whole word's reading (e.g. みどり野 → みどりの)`,
      });
  });
export type FuriganaWord = z.output<typeof furiganaWordSchema>;

/** The list in the site settings; empty when the dictionary's readings are right for every name. */
export const furiganaField = () =>
  meta(z.array(furiganaWordSchema).default([]), {
    label: 'ふりがなの読み（地名・人名など）',
    hint: '「ふりがな」をオンにしたときに、辞書の読みのかわりに使う読み。地名・人名・地域のことばなど',
  });
