import { z } from 'astro/zod';
import { parseDate, parseDateTime } from '../lib/dates.ts';
import { defineContentType } from './define.ts';
import {
  applicationField,
  audienceField,
  bilingualIssue,
  categoriesField,
  choiceField,
  dateTimeField,
  idField,
  imageField,
  lineText,
  meta,
  paragraphText,
  phoneField,
  refField,
  refListField,
  textField,
  translatable,
} from './fields.ts';
import { flyerField } from './flyer.ts';
import { EVENT_STATUSES } from './vocabulary.ts';

export const eventSchema = z
  .strictObject({
    /** File name and URL. */
    id: idField(),
    /** イベント名 as printed on the flyer. */
    title: translatable(textField('イベント名', '例: 桜ヶ丘ふれあい防災訓練')),
    /** One sentence that makes a resident want to come. */
    summary: translatable(
      meta(z.string().trim().min(1).max(120), {
        label: 'ひとこと紹介',
        widget: 'text',
        hint: '120字まで。一覧やチラシに載ります',
      }),
    ),
    /** Starts, Japan time. */
    start: dateTimeField('開始日時'),
    /** Ends, Japan time; after the start. Several days apart for a multi-day event. */
    end: dateTimeField('終了日時', '開始より後の日時。数日にわたる行事は最終日の終了時刻'),
    /** Where it happens. */
    place: refField('places', '会場'),
    /** Districts it is for (the first is its home district). */
    districts: refListField('districts', '地区'),
    /** Topics, for category pages, search filters and the flyer colour. */
    categories: categoriesField(),
    /** Who it is for; everyone unless the volunteer narrows it. */
    audience: audienceField(),
    /** Free text so that 無料, 300円, 材料費100円 all fit. */
    fee: translatable(meta(lineText().default('無料'), { label: '参加費', hint: '例: 無料、300円（お茶代）' })),
    /** How many people can come; empty = no limit. */
    capacity: meta(z.number().int().positive().optional(), {
      label: '定員（人）',
      widget: 'number',
      cms: { value_type: 'int' },
    }),
    /** Whether and how to apply beforehand, and by when (before the start). */
    application: applicationField().optional(),
    /** Who runs it, named on the page and the flyer. */
    organizer: refField('organizations', '主催団体'),
    /** Phone residents call with questions. */
    contact: phoneField('問い合わせ電話番号').optional(),
    /** scheduled, or cancelled/postponed with a banner on every page and flyer. */
    status: choiceField(EVENT_STATUSES, 'eventStatus', '開催状況', '中止・延期のときは必ず変えてください').default(
      'scheduled',
    ),
    /** Why it was cancelled or postponed, and the new date if any. */
    statusNote: translatable(meta(paragraphText().optional(), { label: '中止・延期のお知らせ', widget: 'text' })),
    /** A photo for the page and flyer; needs its alt text. */
    image: imageField('イベントの写真').optional(),
    /** チラシ: template, colour and wording of the printable flyer; derived from the entry when absent. */
    flyer: flyerField().optional(),
  })
  .superRefine((event, ctx) => {
    const start = parseDateTime(event.start);
    const end = parseDateTime(event.end);
    if (start && end && end <= start) {
      bilingualIssue(ctx, ['end'], {
        ja: `終了日時（${event.end}）が開始日時（${event.start}）より前か同じです。開始より後の日時にしてください`,
        en: `end (${event.end}) is not after start (${event.start}); set it after the start`,
      });
    }
    // Compared only once both are real dates: a malformed one already has its own message.
    const deadline = event.application?.deadline;
    if (start && deadline && parseDate(deadline) && deadline > event.start.slice(0, 10)) {
      bilingualIssue(ctx, ['application', 'deadline'], {
        ja: `申し込み締め切り（${deadline}）がイベントの開始日（${event.start.slice(0, 10)}）より後です。開始日までの日付にしてください`,
        en: `the application deadline (${deadline}) is after the event starts (${event.start.slice(0, 10)}); set it on or before that day`,
      });
    }
  });
export type EventInput = z.input<typeof eventSchema>;
export type Event = z.output<typeof eventSchema>;

export const eventType = defineContentType({
  name: 'events',
  schema: eventSchema,
  label: 'イベント',
  labelSingular: 'イベント',
  description: '一度きりの行事（防災訓練、講座、交流会など）です。毎月・毎週あるものは「サロン・定期の集い」へ。',
  titleField: 'title',
  listDate: 'start',
  body: { label: '詳しい内容', hint: '持ち物、当日の流れなど', required: false },
});
