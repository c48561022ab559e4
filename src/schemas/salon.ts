import { z } from 'astro/zod';
import { TIME_RE, parseDate } from '../lib/dates.ts';
import { defineContentType } from './define.ts';
import {
  applicationField,
  audienceField,
  bilingualIssue,
  categoriesField,
  choiceField,
  choicesField,
  dateField,
  idField,
  imageField,
  lineText,
  meta,
  phoneField,
  refField,
  refListField,
  textField,
  timeField,
  translatable,
} from './fields.ts';
import { flyerField } from './flyer.ts';
import { FREQUENCIES, HOLIDAY_POLICIES, SALON_KINDS, SALON_STATUSES, WEEKDAYS, WEEKS_OF_MONTH } from './vocabulary.ts';

/**
 * A salon's schedule as data, so the calendar, the feeds and the flyers can expand it into
 * dates. Which fields apply depends on `frequency`; the rules below say which are needed.
 */
export const scheduleSchema = z
  .strictObject({
    /** weekly / monthly on the n-th weekday / monthly on a date / a list of dates. */
    frequency: choiceField(FREQUENCIES, 'frequency', 'くり返し方'),
    /** For weekly and monthly-weekday: which weekday(s). */
    weekdays: choicesField(WEEKDAYS, 'weekday', '曜日', '「毎週」「毎月第○曜日」のとき', 0).default([]),
    /** For monthly-weekday: which week(s) of the month; 'last' is 最終. */
    weeks: meta(
      // Hand-written `- 2` is a YAML number; the CMS writes the string '2'. Both mean 第2.
      z.array(z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.enum(WEEKS_OF_MONTH))).default([]),
      { label: '第何週', options: 'week', hint: '「毎月第○曜日」のとき。例: 第2 → 毎月第2水曜日' },
    ),
    /** For monthly-date: the day of the month. */
    day: meta(z.number().int().min(1).max(31).optional(), {
      label: '日にち',
      widget: 'number',
      hint: '「毎月○日」のとき。例: 15',
      cms: { value_type: 'int', min: 1, max: 31 },
    }),
    /** For dates: the explicit dates. */
    dates: meta(z.array(dateField('日付')).default([]), { label: '開催日の一覧', hint: '「日付を指定」のとき' }),
    /** Starts, Japan time. */
    startTime: timeField('開始時刻'),
    /** Ends, Japan time. */
    endTime: timeField('終了時刻'),
    /** First day the rule applies. */
    validFrom: dateField('この予定の開始日', 'この日から予定が有効になります'),
    /** Last day the rule applies; empty = until further notice. */
    validUntil: dateField('この予定の終了日', '決まっていなければ空のまま').optional(),
    /** Dates the salon does not meet (お盆, 年末年始, 会場の都合). */
    skip: meta(z.array(dateField('休みの日')).default([]), { label: '休みの日', hint: '例: 年末年始、会場の点検日' }),
    /** What happens when a date falls on a national holiday. */
    holidays: choiceField(HOLIDAY_POLICIES, 'holidayPolicy', '祝日の扱い').default('skip'),
  })
  .superRefine((s, ctx) => {
    const need = (field: string, ja: string, en: string) => bilingualIssue(ctx, [field], { ja, en });
    if ((s.frequency === 'weekly' || s.frequency === 'monthly-weekday') && s.weekdays.length === 0)
      need(
        'weekdays',
        '曜日を1つ以上選んでください（くり返し方が「毎週」または「毎月第○曜日」のため）',
        'choose at least one weekday for this frequency',
      );
    if (s.frequency === 'monthly-weekday' && s.weeks.length === 0)
      need('weeks', '第何週かを1つ以上選んでください（例: 第2）', 'choose at least one week of the month (e.g. 2)');
    if (s.frequency === 'monthly-date' && s.day === undefined)
      need(
        'day',
        '日にちを入れてください（くり返し方が「毎月○日」のため）',
        'set the day of the month for a monthly-date schedule',
      );
    if (s.frequency === 'dates' && s.dates.length === 0)
      need(
        'dates',
        '開催日を1つ以上入れてください（くり返し方が「日付を指定」のため）',
        'list at least one date for a dates schedule',
      );
    // Compared only when both are well formed: a malformed one already has its own message.
    if (TIME_RE.test(s.startTime) && TIME_RE.test(s.endTime) && s.endTime <= s.startTime)
      need(
        'endTime',
        `終了時刻（${s.endTime}）が開始時刻（${s.startTime}）より前か同じです。開始より後の時刻にしてください`,
        `endTime (${s.endTime}) is not after startTime (${s.startTime})`,
      );
    if (s.validUntil && parseDate(s.validUntil) && parseDate(s.validFrom) && s.validUntil < s.validFrom)
      need(
        'validUntil',
        `予定の終了日（${s.validUntil}）が開始日（${s.validFrom}）より前です`,
        `validUntil (${s.validUntil}) is before validFrom (${s.validFrom})`,
      );
  });

export const salonSchema = z.strictObject({
  /** File name and URL. */
  id: idField(),
  /** 名前 as residents know it: ひだまりサロン, 桜ヶ丘こども食堂. */
  title: translatable(textField('名前', '例: ひだまりサロン')),
  /** サロン, 体操, 子ども食堂, 移動販売 … */
  kind: choiceField(SALON_KINDS, 'salonKind', '種類'),
  /** One sentence for lists and flyers. */
  summary: translatable(
    meta(z.string().trim().min(1).max(120), { label: 'ひとこと紹介', widget: 'text', hint: '120字まで' }),
  ),
  /** When it meets, as a rule the calendar and feeds expand into dates. */
  schedule: meta(scheduleSchema, { label: '開催日程' }),
  /** Where it meets. */
  place: refField('places', '会場'),
  /** Districts it is for (the first is its home district). */
  districts: refListField('districts', '地区'),
  /** Topics, for category pages, search filters and the flyer colour. */
  categories: categoriesField(),
  /** Who it is for; everyone unless the volunteer narrows it. */
  audience: audienceField(),
  /** Free text so that 無料, 100円（お茶代） all fit. */
  fee: translatable(meta(lineText().default('無料'), { label: '参加費', hint: '例: 100円（お茶代）' })),
  /** Whether and how to apply beforehand (most salons: just come). */
  application: applicationField().optional(),
  /** Who runs it, named on the page and the flyer. */
  organizer: refField('organizations', '運営団体'),
  /** Phone residents call with questions. */
  contact: phoneField('問い合わせ電話番号').optional(),
  /** active, paused (お休み中) or ended. */
  status: choiceField(SALON_STATUSES, 'salonStatus', '状況').default('active'),
  /** A photo for the page and flyer; needs its alt text. */
  image: imageField('写真').optional(),
  /** チラシ: template, colour and wording of the printable flyer; derived from the entry when absent. */
  flyer: flyerField().optional(),
});
export type SalonInput = z.input<typeof salonSchema>;
export type Salon = z.output<typeof salonSchema>;
export type Schedule = z.output<typeof scheduleSchema>;

export const salonType = defineContentType({
  name: 'salons',
  schema: salonSchema,
  label: 'サロン・定期の集い',
  labelSingular: 'サロン',
  description: '毎週・毎月など、くり返し開かれる集い（サロン、体操教室、子ども食堂、移動販売）です。',
  titleField: 'title',
  body: { label: '詳しい内容', hint: 'どんな雰囲気か、持ち物など', required: false },
});
