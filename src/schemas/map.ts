/**
 * The base map of the map pages (places, 防災, 居場所) in the site settings: which tiles, and the
 * attribution their provider requires. The default is 地理院タイル (標準地図) from the
 * Geospatial Information Authority of Japan, which asks for 「地理院タイル」 with a link to its
 * tile list wherever the tiles are shown (https://maps.gsi.go.jp/development/siyou.html).
 * Turned off, pages show their lists only.
 */
import { z } from 'astro/zod';
import { lineText, meta, urlField } from './fields.ts';

export const GSI_TILES = 'https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png';

export const mapSchema = z.strictObject({
  /** Off: no map anywhere, the lists alone (a town that may not use the tiles, or prefers not to). */
  enabled: meta(z.boolean().default(true), {
    label: '地図を表示する',
    widget: 'boolean',
    hint: 'オフにすると、地図を出さずに一覧だけにします',
  }),
  /** An XYZ tile address with {z}, {x} and {y}, over https. */
  tiles: meta(
    z
      .string()
      .regex(/^https:\/\/[A-Za-z0-9.-]+(?::\d+)?\/\S*$/)
      .refine((url) => ['{z}', '{x}', '{y}'].every((part) => url.includes(part)))
      .default(GSI_TILES),
    {
      label: '地図タイルのアドレス',
      hint: 'ふつうは変えません（国土地理院の地理院タイル）。https:// で始まり {z} {x} {y} を含むアドレス',
      format: {
        ja: 'https:// で始まり、{z}・{x}・{y} を含むタイルのアドレスを書いてください（例: https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png）',
        en: 'write an https:// tile address with {z}, {x} and {y} in it',
      },
    },
  ),
  /** What the provider asks to be shown with its tiles. */
  attribution: meta(lineText().default('地理院タイル'), {
    label: '地図の出典',
    hint: 'タイルの提供元が求める出典の表示。地理院タイルなら「地理院タイル」',
  }),
  /** Where the attribution links to. */
  attributionUrl: urlField('出典のリンク先').default('https://maps.gsi.go.jp/development/ichiran.html'),
  /** The closest zoom the tiles have (地理院タイル 標準地図: 18). */
  maxZoom: meta(z.number().int().min(1).max(22).default(18), { label: '最大ズーム', widget: 'number' }),
});
export type MapSettings = z.output<typeof mapSchema>;

/** What the pages use when the settings have no map group: 地理院タイル. */
export const DEFAULT_MAP: MapSettings = mapSchema.parse({});
