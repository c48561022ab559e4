import { z } from 'astro/zod';
import { defineContentType } from './define.ts';
import { emailField, meta, phoneField, textField, urlField } from './fields.ts';

export const settingsSchema = z.strictObject({
  /** Site name in the header and the <title>. */
  siteName: textField('サイトの名前', '例: 桜ヶ丘つながりネット'),
  /** The town or district running the site. */
  town: textField('市町村・地区', '例: 架空市 桜ヶ丘地区'),
  /** One line beside the site name in every page's header. */
  tagline: textField('キャッチフレーズ', '例: 支え合いの情報を、となりの人へ'),
  /** The site in a sentence, for search engines and link previews. */
  description: meta(z.string().trim().min(1).max(160), { label: 'サイトの説明', widget: 'text' }),
  /** Public URL once deployed; used for canonical links, feeds and QR codes. */
  url: urlField('公開URL'),
  /** Who runs the site, in every page's footer and on flyers. */
  publisher: textField('運営', '例: 架空市社会福祉協議会'),
  /** The publisher's phone, in the footer. */
  phone: phoneField('運営の電話番号'),
  /** The publisher's public e-mail address. */
  email: emailField().optional(),
});
export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;

export const settingsType = defineContentType({
  name: 'settings',
  schema: settingsSchema,
  label: 'サイト設定',
  labelSingular: 'サイト設定',
  description: 'サイトの名前や運営者など、サイト全体の設定です。',
  titleField: 'siteName',
  file: 'content/settings/site.yml',
});
