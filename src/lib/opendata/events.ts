/**
 * デジタル庁「自治体標準オープンデータセット」のイベント一覧: one row per event and one per date
 * a salon meets in the coming months, those dates from the salon kind's calendar part (the one
 * recurrence implementation the calendar and feeds use), お休み left out.
 */
import type { T } from '../facts.ts';
import { addMonths, monthRange } from '../calendar.ts';
import type { DateRange } from '../recurrence.ts';
import { describeSchedule } from '../schedule-text.ts';
import { feePrice } from '../structured-data.ts';
import { entryHref } from '../entries.ts';
import { salonKind } from '../../kinds/salon.ts';
import type { Event } from '../../schemas/event.ts';
import type { Salon } from '../../schemas/salon.ts';
import { field, type OpenDataSite, type Refs } from './site.ts';

/** The data set's columns, in its order (イベント一覧). */
export const EVENT_COLUMNS = [
  '都道府県コード又は市区町村コード',
  'NO',
  '都道府県名',
  '市区町村名',
  'イベント名',
  'イベント名_カナ',
  'イベント名_英語',
  '開始日',
  '終了日',
  '開始時間',
  '終了時間',
  '開始日時特記事項',
  '説明',
  '料金(基本)',
  '料金(詳細)',
  '連絡先名称',
  '連絡先電話番号',
  '連絡先内線番号',
  '主催者',
  '場所名称',
  '住所',
  '方書',
  '緯度',
  '経度',
  'アクセス方法',
  '駐車場情報',
  '定員',
  '参加申込終了日',
  '参加申込終了時間',
  '参加申込方法',
  'URL',
  '備考',
] as const;

/** How many months of a salon's dates the list carries, from today. */
export const SALON_MONTHS = 6;

/** From `today` to the end of the month SALON_MONTHS on. */
export const salonRange = (today: string): DateRange => ({
  from: today,
  to: monthRange(addMonths(today.slice(0, 7), SALON_MONTHS)).to,
});

export interface EventListInput {
  site: OpenDataSite;
  events: readonly { id: string; data: Event }[];
  salons: readonly { id: string; data: Salon }[];
  refs: Refs;
  today: string;
  t: T;
}

type Gathering = Event | Salon;
type Row = Record<(typeof EVENT_COLUMNS)[number], string>;

/** What an event and a salon date share: the publisher, the text, the fee, who and where. */
function common(input: EventListInput, collection: 'events' | 'salons', id: string, data: Gathering): Partial<Row> {
  const { site, refs, t } = input;
  const place = refs.get(`places/${data.place}`);
  const organizer = refs.get(`organizations/${data.organizer}`);
  const barrierFree = place?.data?.['barrierFree'] as { parking?: boolean } | undefined;
  const application = data.application;
  const price = feePrice(data.fee);
  return {
    都道府県コード又は市区町村コード: site.code,
    都道府県名: site.prefecture,
    市区町村名: site.municipality,
    イベント名: data.title,
    説明: data.summary,
    '料金(基本)': price === undefined ? '' : price === 0 ? t('opendata.free') : t('opendata.paid'),
    '料金(詳細)': data.fee,
    連絡先名称: organizer?.title ?? '',
    連絡先電話番号: data.contact ?? field(organizer?.data, 'phone'),
    主催者: organizer?.title ?? '',
    場所名称: place?.title ?? '',
    住所: field(place?.data, 'address'),
    緯度: field(place?.data, 'lat'),
    経度: field(place?.data, 'lng'),
    アクセス方法: field(place?.data, 'access'),
    // Only a place that states its barrier-free facts says whether it has parking.
    駐車場情報: barrierFree ? t(barrierFree.parking ? 'opendata.parking' : 'opendata.noParking') : '',
    参加申込終了日: application?.deadline ?? '',
    参加申込方法: application?.how ?? (application?.required ? t('opendata.applyRequired') : ''),
    URL: new URL(entryHref(collection, id), site.url).href,
  };
}

const asRow = (row: Partial<Row>): string[] => EVENT_COLUMNS.map((column) => row[column] ?? '');

/** The rows of イベント一覧: events by start, then each salon's dates, all in date order. */
export function eventRows(input: EventListInput): string[][] {
  const rows: { start: string; no: string; row: Partial<Row> }[] = [];
  for (const { id, data } of input.events) {
    const notice =
      data.status === 'scheduled'
        ? ''
        : [input.t(`eventStatus.${data.status}`), data.statusNote].filter(Boolean).join('：');
    rows.push({
      start: data.start,
      no: `events-${id}`,
      row: {
        ...common(input, 'events', id, data),
        開始日: data.start.slice(0, 10),
        終了日: data.end.slice(0, 10),
        開始時間: data.start.slice(11),
        終了時間: data.end.slice(11),
        開始日時特記事項: notice,
        定員: data.capacity === undefined ? '' : String(data.capacity),
      },
    });
  }
  const range = salonRange(input.today);
  for (const { id, data } of input.salons) {
    const schedule = input.t('opendata.recurring', { schedule: describeSchedule(data.schedule, input.t) });
    for (const o of salonKind.calendar.occurrences(data, range)) {
      if (o.status !== 'scheduled') continue;
      rows.push({
        start: o.start,
        no: `salons-${id}-${o.date.replace(/-/g, '')}`,
        row: {
          ...common(input, 'salons', id, data),
          開始日: o.date,
          終了日: o.end.slice(0, 10),
          開始時間: o.start.slice(11),
          終了時間: o.end.slice(11),
          開始日時特記事項: schedule,
        },
      });
    }
  }
  rows.sort((a, b) => a.start.localeCompare(b.start) || a.no.localeCompare(b.no));
  return rows.map(({ no, row }) => asRow({ ...row, NO: no }));
}
