import { z } from 'astro/zod';
import { defineContentType } from './define.ts';
import { choiceField, idField, meta, paragraphText, refField, textField, translatable } from './fields.ts';
import { DISTRICT_KINDS } from './vocabulary.ts';

export const districtSchema = z.strictObject({
  /** File name and URL of the district. */
  id: idField(),
  /** Name as residents say it: 〇〇小学校区, 〇〇町内会. */
  name: translatable(textField('地区名', '例: 桜ヶ丘小学校区、本町一丁目町内会')),
  /** Reading in hiragana, for furigana and sorting. */
  kana: meta(
    z
      .string()
      .regex(/^[ぁ-ゖー・\s]+$/)
      .optional(),
    {
      label: 'よみがな',
      hint: 'ひらがなで。例: さくらがおか',
      format: { ja: 'ひらがなで書いてください', en: 'write it in hiragana' },
    },
  ),
  /** School district, neighbourhood association or other area. */
  kind: choiceField(DISTRICT_KINDS, 'districtKind', '種類'),
  /** The larger district this one belongs to (a 町内会 inside a 小学校区). */
  parent: refField('districts', '上位の地区', '町内会なら、属する小学校区を選びます').optional(),
  /** The district's own words on its 防災 page (/bosai/<id>/): what to watch out for here. */
  bosaiRisks: translatable(
    meta(paragraphText().optional(), {
      label: '防災: この地区で気をつけたいこと',
      widget: 'text',
      hint: '防災のページに載せます。例: みどり川に近く、大雨のときは水があふれることがあります',
    }),
  ),
  /** How the district helps people who need help to evacuate — never who they are. */
  bosaiSupport: translatable(
    meta(paragraphText().optional(), {
      label: '防災: 避難に手助けが必要な方への取り組み',
      widget: 'text',
      hint: '防災のページに載せます。どんな仕組みで声をかけ合うかを書き、個人の名前は書かないでください',
    }),
  ),
});
export type DistrictInput = z.input<typeof districtSchema>;
export type District = z.output<typeof districtSchema>;

export const districtType = defineContentType({
  name: 'districts',
  schema: districtSchema,
  label: '地区',
  labelSingular: '地区',
  description: '小学校区や町内会など、活動の単位になる地区です。町内会は上位の小学校区を選んでください。',
  titleField: 'name',
  body: { label: '地区の紹介', required: false },
});
