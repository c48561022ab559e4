import { z } from 'astro/zod';
import { defineContentType } from './define.ts';
import {
  categoriesField,
  emailField,
  idField,
  lineText,
  meta,
  phoneField,
  refField,
  textField,
  urlField,
  translatable,
} from './fields.ts';
import { LANGUAGES } from './vocabulary.ts';

export const deskSchema = z.strictObject({
  /** File name and URL. */
  id: idField(),
  /** What residents call the desk: 地域包括支援センター〇〇. */
  name: translatable(textField('窓口の名前', '例: 地域包括支援センター桜ヶ丘')),
  /** What residents can ask about, one item each. */
  helpsWith: translatable(
    meta(z.array(lineText()).min(1), {
      label: '相談できること',
      hint: '1行に1つ。例: 介護のこと',
    }),
  ),
  /** Opening hours as residents read them. */
  hours: translatable(textField('受付時間', '例: 平日 8:30〜17:15（土日祝・年末年始は休み）')),
  /** The number residents call; every desk has one. */
  phone: phoneField(),
  /** For residents who cannot phone (hearing, language). */
  email: emailField().optional(),
  /** The desk's own page, for details this site does not keep. */
  url: urlField().optional(),
  /** Where to go in person; empty for phone-only desks. */
  place: refField('places', '場所').optional(),
  /** Languages staff can answer in, やさしい日本語 included. */
  languages: meta(z.array(z.enum(LANGUAGES)).min(1).default(['ja']), { label: '対応言語', options: 'language' }),
  /** Topics it helps with, so category pages and search find it. */
  categories: categoriesField(),
});
export type DeskInput = z.input<typeof deskSchema>;
export type Desk = z.output<typeof deskSchema>;

export const deskType = defineContentType({
  name: 'desks',
  schema: deskSchema,
  label: '相談窓口',
  labelSingular: '相談窓口',
  description: '困ったときに住民が相談できる窓口です。電話番号と受付時間は必ず確かめてください。',
  titleField: 'name',
  body: { label: '窓口の紹介', required: false },
});
