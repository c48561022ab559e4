import { z } from 'astro/zod';
import { defineContentType } from './define.ts';
import { checkYear, idField, meta, privacyConsentField, refField, refListField, textField } from './fields.ts';
import { photoSchema } from './report.ts';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A hand-picked list of entries of one collection: optional, empty by default. */
const picked = (collection: string, label: string) => refListField(collection, label, undefined, 0).optional();

/**
 * A newsletter entry holds only what a volunteer writes for the issue. The calendar, events,
 * recruitments, reports, desks and the QR code are compiled from the content for the month and
 * district (src/lib/newsletter/), so they never drift from the salon and event entries.
 */
export const newsletterSchema = z.strictObject({
  /** File name and URL, e.g. sakuragaoka-2026-12. */
  id: idField(),
  /** The name as printed: 〇〇だより 12月号. */
  title: textField('タイトル', '例: 桜ヶ丘地区社協だより 12月号'),
  /** The month the issue covers. */
  month: meta(
    z
      .string()
      .regex(MONTH_RE)
      .superRefine((value, ctx) => {
        if (MONTH_RE.test(value)) checkYear(value, ctx);
      }),
    {
      label: '号（年-月）',
      hint: '例: 2026-12',
      format: { ja: '年-月 の形で書いてください（例: 2026-12）', en: 'write it as YYYY-MM (e.g. 2026-12)' },
    },
  ),
  /** 第〇号: the running number printed on the masthead. */
  number: meta(z.number().int().min(1).max(9999), {
    label: '号数（第〇号）',
    widget: 'number',
    hint: '創刊から数えた号の番号。例: 38',
    cms: { value_type: 'int', min: 1 },
  }),
  /** The district publishing it; empty = the whole town. */
  district: refField('districts', '発行する地区', '町全体のだよりなら空のまま').optional(),
  /** What is in this issue, for lists and search. */
  summary: meta(z.string().trim().min(1).max(200), { label: 'この号の内容', widget: 'text' }),
  /** はじめに: the editor's note opening the issue; blank lines separate paragraphs. */
  intro: meta(z.string().trim().min(1).max(600), {
    label: 'はじめに（編集のことば）',
    widget: 'text',
    hint: '600字まで。予定・募集・報告・相談窓口は自動で載るので、ここに書き写さないでください',
  }),
  /**
   * A photo on the front page, with its alt text and the consent of those pictured: a list of
   * at most one, as Decap lets a list be empty but demands the fields of an optional object.
   */
  cover: meta(z.array(photoSchema).max(1).default([]), { label: '表紙の写真（1枚まで）' }),
  /** Entries the editor wants in this issue beyond what is compiled for its month and district. */
  picks: meta(
    z.strictObject({
      /** Events to announce, e.g. next month's town-wide event. */
      events: picked('events', 'イベント'),
      /** Recruitments to feature, even from a neighbouring district. */
      recruitments: picked('recruitments', '担い手募集'),
      /** Reports to carry, even older ones. */
      reports: picked('reports', '活動報告'),
      /** Desks to list beside those in the district (a town-wide desk). */
      desks: picked('desks', '相談窓口'),
    }),
    {
      label: 'この号で特に紹介するもの',
      hint: 'この月・この地区のものは自動で載ります。それ以外に載せたいものだけ選びます',
    },
  ).optional(),
  /** Whose consent covers the private data in the body, if it holds any. */
  privacyConsent: privacyConsentField(),
});
export type NewsletterInput = z.input<typeof newsletterSchema>;
export type Newsletter = z.output<typeof newsletterSchema>;

export const newsletterType = defineContentType({
  name: 'newsletters',
  schema: newsletterSchema,
  label: 'だより',
  labelSingular: 'だより',
  description:
    '地区の月刊だより（広報紙）です。書くのは「はじめに」と自由記事だけ。その月のサロン・行事の予定、募集、活動報告、相談窓口はサイトの情報から自動で組み立てます。',
  titleField: 'title',
  listDate: 'month',
  body: {
    label: '自由記事',
    hint: '「## 見出し」ごとに1つの記事になります。なくてもかまいません',
    required: false,
    checkPrivacy: true,
  },
});
