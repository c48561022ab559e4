/**
 * How residents type the words the sample content is searched for (issue 16, item 7): the
 * usual spelling, and a variant a resident may type instead — in hiragana, katakana or
 * half-width kana, or another kanji or okurigana spelling. Each variant must find the same top
 * three pages as the usual spelling (tests/e2e/search-variants.test.ts; results in docs/SEARCH.md).
 */
export type VariantKind = 'hiragana' | 'katakana' | 'half-width' | 'kanji' | 'okurigana';

export const VARIANT_PAIRS: [usual: string, variant: string, kind: VariantKind][] = [
  ['サロン', 'さろん', 'hiragana'],
  ['サロン', 'ｻﾛﾝ', 'half-width'],
  ['ボランティア', 'ぼらんてぃあ', 'hiragana'],
  ['ボランティア', 'ﾎﾞﾗﾝﾃｨｱ', 'half-width'],
  ['カフェ', 'かふぇ', 'hiragana'],
  ['見守り', 'みまもり', 'hiragana'],
  ['見守り', 'ﾐﾏﾓﾘ', 'half-width'],
  ['子育て', 'こそだて', 'hiragana'],
  ['介護', 'かいご', 'hiragana'],
  ['防災', 'ぼうさい', 'hiragana'],
  ['防災訓練', 'ぼうさいくんれん', 'hiragana'],
  ['避難所', 'ひなんじょ', 'hiragana'],
  ['認知症', 'にんちしょう', 'hiragana'],
  ['体操', 'たいそう', 'hiragana'],
  ['高齢者', 'こうれいしゃ', 'hiragana'],
  ['民生委員', 'みんせいいいん', 'hiragana'],
  ['社会福祉協議会', 'しゃかいふくしきょうぎかい', 'hiragana'],
  ['配食', 'はいしょく', 'hiragana'],
  ['喫茶', 'きっさ', 'hiragana'],
  ['日本語', 'にほんご', 'hiragana'],
  ['外国人', 'がいこくじん', 'hiragana'],
  ['買い物', 'かいもの', 'hiragana'],
  ['ごみ出し', 'ゴミ出し', 'katakana'],
  ['ひだまり', 'ヒダマリ', 'katakana'],
  ['子ども食堂', 'こども食堂', 'hiragana'],
  ['子ども食堂', '子供食堂', 'kanji'],
  ['子ども', '子供', 'kanji'],
  ['車いす', '車椅子', 'kanji'],
  ['車いす', 'くるまいす', 'hiragana'],
  ['車いす', '車ｲｽ', 'half-width'],
  ['障がい', '障害', 'kanji'],
  ['障がい', 'しょうがい', 'hiragana'],
  ['ひとり暮らし', '一人暮らし', 'kanji'],
  ['申し込み', '申込み', 'okurigana'],
  ['申し込み', '申込', 'okurigana'],
  ['受付', '受け付け', 'okurigana'],
  ['支え合い', '支えあい', 'okurigana'],
  ['取り組み', '取組', 'okurigana'],
];
