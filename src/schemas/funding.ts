import { z } from 'astro/zod';
import { defineContentType } from './define.ts';
import {
  categoriesField,
  choiceField,
  dateField,
  idField,
  longTextField,
  phoneField,
  textField,
  urlField,
  translatable,
} from './fields.ts';
import { RECRUITMENT_STATUSES } from './vocabulary.ts';

export const fundingSchema = z.strictObject({
  /** File name and URL. */
  id: idField(),
  /** The grant's name as its provider calls it: 地域福祉活動支援交付金. */
  title: translatable(textField('助成金・交付金の名前', '例: 小地域福祉活動支援交付金（令和9年度）')),
  /** Who gives it: 市, 社協, 共同募金会, a foundation. Often not an organisation on this site. */
  provider: translatable(textField('実施する団体', '例: みどり野市共同募金委員会')),
  /** How much, in the provider's words: 上限10万円, 1団体あたり年額3万円. */
  amount: translatable(textField('金額', '例: 1団体あたり上限10万円（対象経費の3分の2まで）')),
  /** Who can apply: groups, their size, where they work. */
  eligibility: translatable(
    longTextField('応募できる団体', '例: 市内で高齢者の見守りやサロンを行う5人以上の住民グループ'),
  ),
  /** What it pays for. */
  covers: translatable(
    longTextField('対象になる活動・経費', '例: サロンの会場費、茶菓子代、チラシの印刷代').optional(),
  ),
  /** Last day to apply (a Japan date); empty = 随時 (any time until the budget runs out). */
  deadline: dateField('締め切り', '随時受け付けの場合は空のまま').optional(),
  /** How to apply, in words a group's treasurer can follow. */
  howToApply: translatable(
    longTextField('申し込み方法', '例: 申請書を社協の窓口に持参するか郵送。事前の相談をおすすめします'),
  ),
  /** The provider's page with the forms and guidelines. */
  url: urlField('詳しい案内（募集要項）').optional(),
  /** Phone for questions before applying. */
  contact: phoneField('問い合わせ電話番号').optional(),
  /** Topics it funds, for category pages and search filters. */
  categories: categoriesField(),
  /** open or closed: a grant whose budget ran out closes before its deadline. */
  status: choiceField(RECRUITMENT_STATUSES, 'recruitmentStatus', '募集状況').default('open'),
});
export type FundingInput = z.input<typeof fundingSchema>;
export type Funding = z.output<typeof fundingSchema>;

export const fundingType = defineContentType({
  name: 'funding',
  schema: fundingSchema,
  label: '助成金・交付金',
  labelSingular: '助成金・交付金',
  description:
    '地域の団体が申し込める助成金・交付金・補助金です。締め切りの近い順に並び、締め切りを過ぎると一覧から外れます。',
  titleField: 'title',
  body: { label: '詳しい内容', required: false },
});
