import { z } from 'astro/zod';
import { defineContentType } from './define.ts';
import {
  categoriesField,
  choiceField,
  dateField,
  idField,
  longTextField,
  meta,
  paragraphText,
  phoneField,
  refField,
  refListField,
  textField,
  translatable,
} from './fields.ts';
import { flyerField } from './flyer.ts';
import { HELPER_ACTIVITIES, RECRUITMENT_TAGS, applyBySchema } from './helping.ts';
import { RECRUITMENT_STATUSES } from './vocabulary.ts';

export const recruitmentSchema = z.strictObject({
  /** File name and URL. */
  id: idField(),
  /** The notice's headline. */
  title: translatable(textField('タイトル', '例: 見守り訪問のボランティアを募集します')),
  /** The role in a few words: 見守り訪問員, 配食ボランティア. */
  role: translatable(textField('役割', '例: 見守り訪問員')),
  /** What the helper actually does. */
  tasks: translatable(longTextField('活動内容', '例: ひとり暮らしの高齢者宅を月に1回訪ね、お話をします')),
  /** How often and how long: 月1回・2時間程度. */
  frequency: translatable(textField('頻度・時間', '例: 月1回、2時間程度（平日午前）')),
  /** Who is welcome; reassure first-timers. */
  welcome: translatable(
    meta(paragraphText().default('どなたでも歓迎します'), { label: 'こんな方を歓迎', widget: 'text' }),
  ),
  /** Districts where the helpers are needed. */
  districts: refListField('districts', '地区'),
  /** Topics, for category pages and search filters. */
  categories: categoriesField(),
  /** Where the work happens, if at one place. */
  place: refField('places', '活動場所').optional(),
  /** An event the helpers are recruited for; the deadline must come before it. */
  event: refField('events', '関係するイベント').optional(),
  /** Who is recruiting, named on the page and the flyer. */
  organizer: refField('organizations', '募集する団体'),
  /** Last day to apply; empty = open until filled. */
  deadline: dateField('締め切り', '決まっていなければ空のまま').optional(),
  /**
   * When the call was put out: the date of its item in the news feeds (RSS, Atom, JSON Feed).
   * Its deadline cannot stand in: that is when it closes, often weeks ahead.
   */
  posted: dateField(
    '掲載日',
    'この募集を出した日。新着のお知らせ（RSS など）の日付になります。空のままだと、サイトを作り直した日になります',
  ).optional(),
  /** How to apply, in words residents can follow. */
  howToApply: translatable(longTextField('応募方法', '例: 社協（0123-45-6789）へお電話ください')),
  /** Phone for questions before applying. */
  contact: phoneField('問い合わせ電話番号').optional(),
  /** Every way the group accepts an application: form, e-mail, LINE, phone, in person. */
  applyBy: applyBySchema,
  /** Conditions that make it easy to say yes (1回だけOK, 土日 …): the list's filters and search's. */
  tags: meta(z.array(z.enum(RECRUITMENT_TAGS)).default([]), {
    label: '参加しやすさ',
    options: 'recruitmentTag',
    hint: '当てはまるものをすべて選んでください。募集の一覧で絞り込めます',
  }),
  /** What the helper would do, for 「できることから探す」. */
  activities: meta(z.array(z.enum(HELPER_ACTIVITIES)).default([]), {
    label: 'お願いしたいこと',
    options: 'helperActivity',
    hint: '「できることから探す」のページで、この分け方で並びます',
  }),
  /** open or closed; a closed notice is stamped 募集終了. */
  status: choiceField(RECRUITMENT_STATUSES, 'recruitmentStatus', '募集状況').default('open'),
  /** チラシ: template, colour and wording of the printable flyer; derived from the entry when absent. */
  flyer: flyerField().optional(),
});
export type RecruitmentInput = z.input<typeof recruitmentSchema>;
export type Recruitment = z.output<typeof recruitmentSchema>;

export const recruitmentType = defineContentType({
  name: 'recruitments',
  schema: recruitmentSchema,
  label: '担い手・ボランティア募集',
  labelSingular: '募集',
  description: '見守り、配食、サロンのお手伝いなど、担い手を募集するお知らせです。',
  titleField: 'title',
  body: { label: '詳しい内容', required: false },
});
