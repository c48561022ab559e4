/**
 * What a recruitment says to someone who might help (issue 18, item 5): the conditions that make
 * it easy to say yes (tags), what the helper would do (activities) and every way the group
 * accepts an application. Labels live in the dictionary (`recruitmentTag.<id>`,
 * `helperActivity.<id>`); only the ids are in content files.
 */
import { z } from 'astro/zod';
import { emailFieldStrict, lineUrlField, meta, paragraphText, phoneField, urlField } from './fields.ts';

/** Conditions that lower the threshold of helping, filterable on /recruitments/ and in search. */
export const RECRUITMENT_TAGS = [
  'once-ok', // 1回だけOK
  'weekends', // 土日
  'weekday-evenings', // 平日夜
  'remote', // 在宅・オンライン
  'beginners', // 初めての方歓迎
  'kids-ok', // 子ども連れOK
] as const;
export type RecruitmentTag = (typeof RECRUITMENT_TAGS)[number];

/** What the helper would do, for 「できることから探す」. */
export const HELPER_ACTIVITIES = [
  'talk', // 話し相手
  'driving', // 運転・送迎
  'cooking', // 料理・配食
  'childwatch', // 子どもの見守り
  'translation', // 翻訳・通訳
  'visiting', // 見守り訪問
  'lifting', // 力仕事
  'reception', // 受付・案内
  'teaching', // 教える・学習支援
  'office', // 事務・パソコン
] as const;
export type HelperActivity = (typeof HELPER_ACTIVITIES)[number];

/** Every way to apply the group accepts; each becomes a large button on the page. */
export const applyBySchema = meta(
  z
    .strictObject({
      /** An online form (Google フォーム, the town's e-application): http(s) only. */
      form: urlField('申し込みフォームのURL').optional(),
      /** An e-mail address, linked as mailto:. */
      email: emailFieldStrict('申し込みのメールアドレス').optional(),
      /** The group's LINE official account (friend-add URL). */
      line: lineUrlField().optional(),
      /** A phone number for applications (when it differs from 問い合わせ電話番号, or there is none). */
      phone: phoneField('申し込みの電話番号').optional(),
      /** Where and when to apply in person. */
      inPerson: meta(paragraphText().optional(), {
        label: '窓口で申し込む場合（場所と時間）',
        widget: 'text',
        hint: '例: みどり野市福祉センター1階 社協窓口（平日9時〜17時）',
      }),
    })
    .optional(),
  {
    label: '申し込みの方法（ボタンで表示）',
    hint: '受け付けている方法をすべて入れてください。ページに大きなボタンで出ます',
  },
);
export type ApplyBy = NonNullable<z.output<typeof applyBySchema>>;
