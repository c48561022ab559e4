import { z } from 'astro/zod';
import { defineContentType } from './define.ts';
import {
  categoriesField,
  dateField,
  idField,
  longTextField,
  meta,
  paragraphText,
  sdgsField,
  textField,
  translatable,
} from './fields.ts';

export const practiceSchema = z.strictObject({
  /** File name and URL. */
  id: idField(),
  /** The practice in one line, as other towns would search for it. */
  title: translatable(textField('タイトル', '例: 移動販売と見守りを組み合わせた買い物支援')),
  /** The town the practice comes from. */
  town: translatable(textField('市町村', '例: 架空県みどり町')),
  /** Who runs it. */
  organization: translatable(textField('実施団体', '例: みどり町社会福祉協議会')),
  /** Topics, so other towns find it by category. */
  themes: categoriesField(),
  /** Why it started: the local need. */
  background: translatable(longTextField('背景・きっかけ')),
  /** What they do and how it is organised. */
  approach: translatable(longTextField('取り組みの内容')),
  /** What changed, with numbers where there are any. */
  results: translatable(longTextField('成果')),
  /** Advice for a town that wants to start the same. */
  tips: translatable(longTextField('始めるときのコツ')),
  /** Whom other towns may ask, in free text (name, section, phone). */
  contact: translatable(
    meta(paragraphText().optional(), {
      label: '問い合わせ先',
      hint: '例: みどり町社協 地域福祉係 0123-45-6789',
    }),
  ),
  /** When the practice was written up. */
  date: dateField('掲載日'),
  /** SDGs goals the practice serves, for the /sdgs/ pages. */
  sdgs: sdgsField(),
});
export type PracticeInput = z.input<typeof practiceSchema>;
export type Practice = z.output<typeof practiceSchema>;

export const practiceType = defineContentType({
  name: 'practices',
  schema: practiceSchema,
  label: '先進事例',
  labelSingular: '事例',
  description: 'ほかの地域の参考になる取り組み（サロン、見守り、買い物支援など）を紹介します。',
  titleField: 'title',
  body: { label: '補足', required: false },
});
