import { z } from 'astro/zod';
import { defineContentType } from './define.ts';
import { checkYear, idField, meta, privacyConsentField, refField, textField } from './fields.ts';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

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
  /** The district publishing it; empty = the whole town. */
  district: refField('districts', '発行する地区', '町全体のだよりなら空のまま').optional(),
  /** What is in this issue, for lists and search. */
  summary: meta(z.string().trim().min(1).max(200), { label: 'この号の内容', widget: 'text' }),
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
  description: '地区の月刊だより（広報紙）です。',
  titleField: 'title',
  listDate: 'month',
  body: { label: '巻頭のことば・本文', required: false, checkPrivacy: true },
});
