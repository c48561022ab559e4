/**
 * Spellings that welfare writing uses for the same word, as data: search treats every spelling
 * of a group as the group's reading (src/lib/search/terms.ts), on both sides — what is typed and
 * what is indexed — so 子供, 子ども and こども find the same pages in the same order. Only true
 * variants of one word (same reading, same meaning) belong here: お年寄り is not a spelling of
 * 高齢者, and would change what a search means.
 */
export interface VariantGroup {
  /** The word's reading in hiragana: the key every spelling is searched by. */
  reading: string;
  /** The spellings residents type or writers use, the usual one first. */
  spellings: readonly string[];
}

export const VARIANTS: readonly VariantGroup[] = [
  { reading: 'こども', spellings: ['子ども', '子供', 'こども'] },
  { reading: 'くるまいす', spellings: ['車いす', '車椅子', '車イス', 'くるまいす'] },
  { reading: 'しょうがい', spellings: ['障がい', '障害', '障碍', 'しょうがい'] },
  { reading: 'ともだち', spellings: ['友だち', '友達', 'ともだち'] },
  { reading: 'ひとりぐらし', spellings: ['一人暮らし', 'ひとり暮らし', '独り暮らし', '一人ぐらし', 'ひとりぐらし'] },
  { reading: 'もうしこみ', spellings: ['申し込み', '申込み', '申込', 'もうしこみ'] },
  { reading: 'とりくみ', spellings: ['取り組み', '取組み', '取組', 'とりくみ'] },
  { reading: 'うけつけ', spellings: ['受け付け', '受付け', '受付', 'うけつけ'] },
  { reading: 'おこなう', spellings: ['行う', '行なう', 'おこなう'] },
  { reading: 'ささえあい', spellings: ['支え合い', '支えあい', 'ささえあい'] },
  { reading: 'たすけあい', spellings: ['助け合い', '助けあい', 'たすけあい'] },
  { reading: 'ふれあい', spellings: ['ふれあい', 'ふれ合い', '触れ合い'] },
  { reading: 'ぼらんてぃあ', spellings: ['ボランティア', 'ボランテイア', 'ぼらんてぃあ'] },
];
