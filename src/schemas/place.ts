import { z } from 'astro/zod';
import { defineContentType } from './define.ts';
import {
  audienceField,
  idField,
  meta,
  paragraphText,
  phoneField,
  refField,
  textField,
  translatable,
} from './fields.ts';
import { shelterField } from './shelter.ts';

const latLng = (label: string, min: number, max: number) =>
  meta(z.number().min(min).max(max), {
    label,
    hint: '地図アプリで調べた数字（例: 35.6812）',
    widget: 'number',
    cms: { value_type: 'float' },
  });

export const placeSchema = z.strictObject({
  /** File name and URL. */
  id: idField(),
  /** 会場名: 〇〇公民館, 〇〇集会所. */
  name: translatable(textField('会場名', '例: 桜ヶ丘公民館')),
  /** Postal address as written on a flyer. */
  address: textField('住所', '例: 架空市桜ヶ丘1-2-3'),
  /** The district the place lies in. */
  district: refField('districts', '地区'),
  /** A 居場所 is somewhere anyone may drop in; it is listed as such. */
  ibasho: meta(z.boolean().default(false), { label: 'だれでも立ち寄れる居場所', widget: 'boolean' }),
  /** What the place is, in a sentence: shown under its name and on the 居場所 list. */
  summary: translatable(
    meta(paragraphText().optional(), {
      label: 'ひとことで',
      widget: 'text',
      hint: '例: 空き家を借りた、だれでも立ち寄れる居場所です',
    }),
  ),
  /** When a 居場所 is open to drop in (a venue that only hosts gatherings leaves it empty). */
  openHours: translatable(textField('開いている日・時間', '例: 月・水・金曜日 10:00〜16:00（祝日は休み）').optional()),
  /** Who the place is for, as events and salons say it. */
  audience: audienceField(),
  /** How to get there: bus stop, parking. */
  access: translatable(
    meta(paragraphText().optional(), {
      label: '交通・行き方',
      widget: 'text',
      hint: '例: 市民バス「桜ヶ丘」下車 徒歩3分',
    }),
  ),
  /** Barrier-free facts residents ask about before they come. */
  barrierFree: meta(
    z
      .strictObject({
        /** Step-free entry a wheelchair can use. */
        wheelchair: meta(z.boolean().default(false), { label: '車いすで入れる', widget: 'boolean' }),
        /** A multi-purpose (accessible) toilet. */
        toilet: meta(z.boolean().default(false), { label: '多目的トイレがある', widget: 'boolean' }),
        /** Parking for visitors. */
        parking: meta(z.boolean().default(false), { label: '駐車場がある', widget: 'boolean' }),
        /** Anything else: steps, lifts, seating on chairs. */
        notes: translatable(
          meta(paragraphText().optional(), {
            label: 'そのほか',
            widget: 'text',
            hint: '例: 入口に2段の段差があります',
          }),
        ),
      })
      .optional(),
    { label: 'バリアフリー' },
  ),
  /** Latitude for the map (WGS84). */
  lat: latLng('緯度', 20, 46).optional(),
  /** Longitude for the map (WGS84). */
  lng: latLng('経度', 122, 154).optional(),
  /** Phone of the place itself, if residents may call it. */
  phone: phoneField().optional(),
  /** Its designation as a shelter (避難場所・避難所), the hazards it serves and what to know before going. */
  shelter: shelterField(),
});
export type PlaceInput = z.input<typeof placeSchema>;
export type Place = z.output<typeof placeSchema>;

export const placeType = defineContentType({
  name: 'places',
  schema: placeSchema,
  label: '会場・居場所',
  labelSingular: '会場',
  description: '公民館・集会所・居場所など、行事やサロンが開かれる場所です。',
  titleField: 'name',
  body: { label: '会場の紹介', required: false },
});
