/**
 * 防災 and disaster mode in the site settings: the switch that puts a banner on every page and
 * the emergency page first on the home page, what that page says, and the town's own numbers
 * and desk the 防災 pages give (src/pages/bosai/, src/pages/emergency.astro).
 */
import { z } from 'astro/zod';
import { dateTimeField, meta, paragraphText, phoneField, refListField, textField, urlField } from './fields.ts';

const link = z.strictObject({
  /** What the link leads to, as residents would say it. */
  title: textField('名前', '例: みどり野市 防災情報'),
  /** Where it is. */
  url: urlField('アドレス'),
});

const phoneNumber = z.strictObject({
  /** Whom the number reaches. */
  label: textField('名前', '例: 市役所 危機管理課、防災行政無線の電話案内'),
  /** The number. */
  phone: phoneField(),
});

export const emergencySchema = z.strictObject({
  /** The switch: on during a disaster, off otherwise. Everything else can stay filled in. */
  active: meta(z.boolean().default(false), {
    label: '災害時モード',
    widget: 'boolean',
    hint: 'オンにして公開すると、すべてのページの上にお知らせが出て、トップページの最初に災害時のページが出ます。災害が落ち着いたらオフに',
  }),
  /** The banner's words; without it a general sentence from the dictionary. */
  message: meta(paragraphText().optional(), {
    label: 'お知らせの文',
    widget: 'text',
    hint: '例: 大雨のため、市が避難指示を出しています。川に近づかないでください。',
  }),
  /** When the message was last checked, Japan time; without it, when the site was built. */
  updated: dateTimeField('更新日時（日本時間）').optional(),
  /** Shelters the town has opened, as the town announced them. */
  openShelters: refListField('places', '開設している避難所', '市が開設を発表した避難所だけを選びます', 0).default([]),
  /** Where to get official information: the town's page, radio, the weather agency. */
  links: meta(z.array(link).default([]), { label: '情報を得る先' }),
  /** The council's 災害ボランティアセンター once it opens: where, hours, phone. */
  volunteerCenter: meta(paragraphText().optional(), {
    label: '災害ボランティアセンター',
    widget: 'text',
    hint: '社協が開設したら、場所・受付時間・電話番号を書きます。開設前は空のまま',
  }),
  /** The town's own numbers for disasters, shown with 119, 110 and 171 on every 防災 page. */
  numbers: meta(z.array(phoneNumber).default([]), { label: '市町村の防災の電話番号' }),
  /** Where people register for the 避難行動要支援者名簿 (usually the town's welfare section). */
  supportDesk: textField('避難行動要支援者名簿の申し込み先', '例: みどり野市役所 福祉課').optional(),
  /** The desk's phone. */
  supportPhone: phoneField('申し込み先の電話番号').optional(),
});
export type Emergency = z.output<typeof emergencySchema>;

/** What the pages read when the settings have no emergency group: off, nothing filled in. */
export const NO_EMERGENCY: Emergency = emergencySchema.parse({});
