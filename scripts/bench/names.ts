/**
 * Names for the synthetic town: school districts and neighbourhood associations built from
 * town-part stems, places and groups, and the sample content's own names that the generator
 * replaces with them.
 */

/** Town-part names (kanji, reading, romaji) the synthetic districts are built from. */
export const STEMS: readonly (readonly [string, string, string])[] = [
  ['桜ヶ丘', 'さくらがおか', 'sakuragaoka'],
  ['青葉台', 'あおばだい', 'aobadai'],
  ['旭町', 'あさひまち', 'asahimachi'],
  ['若松', 'わかまつ', 'wakamatsu'],
  ['緑ヶ丘', 'みどりがおか', 'midorigaoka'],
  ['東町', 'ひがしまち', 'higashimachi'],
  ['西原', 'にしはら', 'nishihara'],
  ['南台', 'みなみだい', 'minamidai'],
  ['北野', 'きたの', 'kitano'],
  ['中央', 'ちゅうおう', 'chuo'],
  ['栄町', 'さかえまち', 'sakaemachi'],
  ['宮前', 'みやまえ', 'miyamae'],
  ['松ヶ枝', 'まつがえ', 'matsugae'],
  ['梅田', 'うめだ', 'umeda'],
  ['竹の内', 'たけのうち', 'takenouchi'],
  ['藤見台', 'ふじみだい', 'fujimidai'],
  ['柳川', 'やながわ', 'yanagawa'],
  ['浜町', 'はまちょう', 'hamacho'],
  ['山手', 'やまて', 'yamate'],
  ['花園', 'はなぞの', 'hanazono'],
  ['日の出', 'ひので', 'hinode'],
  ['平和台', 'へいわだい', 'heiwadai'],
  ['朝日', 'あさひ', 'asahi'],
  ['泉', 'いずみ', 'izumi'],
  ['白鳥', 'しらとり', 'shiratori'],
  ['高砂', 'たかさご', 'takasago'],
  ['富士見', 'ふじみ', 'fujimi'],
  ['春日', 'かすが', 'kasuga'],
  ['錦', 'にしき', 'nishiki'],
  ['八幡', 'やはた', 'yahata'],
  ['稲荷', 'いなり', 'inari'],
  ['星が丘', 'ほしがおか', 'hoshigaoka'],
  ['光が丘', 'ひかりがおか', 'hikarigaoka'],
  ['清水', 'しみず', 'shimizu'],
  ['大原', 'おおはら', 'ohara'],
  ['小松', 'こまつ', 'komatsu'],
  ['岡田', 'おかだ', 'okada'],
  ['杉並台', 'すぎなみだい', 'suginamidai'],
  ['緑町', 'みどりちょう', 'midoricho'],
  ['寿町', 'ことぶきちょう', 'kotobukicho'],
];
export const STEM_PREFIXES: readonly (readonly [string, string, string])[] = [
  ['', '', ''],
  ['北', 'きた', 'kita-'],
  ['南', 'みなみ', 'minami-'],
  ['東', 'ひがし', 'higashi-'],
  ['西', 'にし', 'nishi-'],
];
export const CHOME: readonly (readonly [string, string, string])[] = [
  ['一丁目町内会', 'いっちょうめちょうないかい', '1'],
  ['二丁目町内会', 'にちょうめちょうないかい', '2'],
  ['三丁目町内会', 'さんちょうめちょうないかい', '3'],
  ['四丁目町内会', 'よんちょうめちょうないかい', '4'],
  ['五丁目町内会', 'ごちょうめちょうないかい', '5'],
  ['団地自治会', 'だんちじちかい', 'danchi'],
  ['六丁目町内会', 'ろくちょうめちょうないかい', '6'],
  ['七丁目町内会', 'ななちょうめちょうないかい', '7'],
  ['八丁目町内会', 'はっちょうめちょうないかい', '8'],
  ['九丁目町内会', 'きゅうちょうめちょうないかい', '9'],
];
export const PLACE_KINDS = [
  '公民館',
  '集会所',
  '地区センター',
  'コミュニティセンター',
  '老人憩の家',
  '児童館',
  '福祉会館',
];
export const ORGANIZATION_NAMES: readonly (readonly [string, string])[] = [
  ['地区社会福祉協議会', 'district-shakyo'],
  ['連合町内会', 'association'],
  ['自主防災会', 'other'],
  ['地区民生委員児童委員協議会', 'minsei'],
  ['ボランティアの会', 'volunteer'],
  ['子育て応援団', 'volunteer'],
  ['老人クラブ', 'other'],
  ['まちづくり協議会', 'other'],
];
/** Names in the sample text that are replaced by the synthetic entry's own district. */
export const SAMPLE_NAMES = [
  'みどり野東',
  'みどり野西',
  '若葉三丁目',
  '若葉',
  '旭台団地',
  '旭台',
  '川端',
  '西町',
  '本町一丁目',
  '本町',
];
export const SAMPLE_NAMES_RE = new RegExp(SAMPLE_NAMES.join('|'), 'g');

export interface Stem {
  kanji: string;
  kana: string;
  romaji: string;
}

export const stemAt = (i: number): Stem => {
  const base = STEMS[i % STEMS.length] as (typeof STEMS)[number];
  const prefix = STEM_PREFIXES[Math.floor(i / STEMS.length) % STEM_PREFIXES.length] as (typeof STEM_PREFIXES)[number];
  const round = Math.floor(i / (STEMS.length * STEM_PREFIXES.length));
  // Past 200 school districts the names repeat with a number; ids must stay unique.
  return {
    kanji: `${prefix[0]}${base[0]}${round ? `第${round + 1}` : ''}`,
    kana: `${prefix[1]}${base[1]}`,
    romaji: `${prefix[2]}${base[2]}${round ? `-${round + 1}` : ''}`,
  };
};
