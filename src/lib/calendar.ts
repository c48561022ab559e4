/**
 * The calendar as data: the days each dated entry is on, as its kind says (src/kinds/, the
 * `calendar` part: an event's days, a salon's meetings), for a range of days, filtered by
 * district, laid out as a month grid and as an agenda list. Pure, so the pages stay thin and
 * the rules (multi-day events, お休み, 中止, holidays) are unit-tested.
 *
 * Dates are Japanese calendar dates as 'YYYY-MM-DD' text; arithmetic goes through Date.UTC and
 * the UTC getters only, so the build machine's TZ never moves a day.
 *
 * Weeks start on Sunday (日 月 火 水 木 金 土) by default: that is how the wall calendars,
 * 市報 and 回覧板 calendars most residents grew up with are printed, and elderly readers look
 * for 日曜日 in the first column. Monday-first is available for sites that prefer it.
 */
import { addDays, dayNumber, fromDayNumber, weekdayOf } from './dates.ts';
import { holidayName } from './holidays.ts';
import type { DateRange } from './recurrence.ts';
import { compareJa } from './collate.ts';
import { titleOf } from './entries.ts';
import { kindOf, type CalendarOccurrence } from '../kinds/index.ts';

export type { DateRange };

/** An entry as the calendar takes it: its collection, id and validated data. */
export interface CalendarSource {
  collection: string;
  id: string;
  data: Record<string, unknown>;
}

/** One entry on one day: its kind's occurrence, with what the calendar shows of the entry. */
export interface CalendarItem extends CalendarOccurrence {
  /** The entry's collection (events, salons) and id in it. */
  collection: string;
  id: string;
  title: string;
  districts: readonly string[];
}

export interface CalendarDay {
  date: string;
  /** 'YYYY-MM' of the day, which differs from the grid's month on leading/trailing days. */
  month: string;
  day: number;
  /** 0 = Sunday … 6 = Saturday, as Date.getUTCDay(). */
  weekday: number;
  /** False on the days of the previous/next month that fill the first and last week. */
  inMonth: boolean;
  holiday?: string;
  items: CalendarItem[];
}

export interface AgendaDay {
  date: string;
  weekday: number;
  holiday?: string;
  items: CalendarItem[];
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

// Re-exported: the calendar's callers reach the day helpers with the rest of the calendar.
export { addDays, weekdayOf };

function parseMonth(month: string): [number, number] {
  const m = MONTH_RE.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return [Number(m[1]), Number(m[2])];
}

export const monthOf = (date: string): string => date.slice(0, 7);

/** '2026-11' plus n months ('2027-01' for n = 2); n may be negative. */
export function addMonths(month: string, n: number): string {
  const [year, m] = parseMonth(month);
  const index = year * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first and last day of a month, inclusive. */
export function monthRange(month: string): DateRange {
  const [year, m] = parseMonth(month);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The months the site publishes a calendar page for: `back` before the current month to `ahead` after it. */
export function calendarMonths(today: string, back: number, ahead: number): string[] {
  const current = monthOf(today);
  return Array.from({ length: back + ahead + 1 }, (_, i) => addMonths(current, i - back));
}

/** Within a day: by the time it starts that day (all-day continuations first), then by title. */
function compareItems(a: CalendarItem, b: CalendarItem): number {
  const at = timeOn(a).from ?? '';
  const bt = timeOn(b).from ?? '';
  return a.date.localeCompare(b.date) || at.localeCompare(bt) || compareJa(a.title, b.title);
}

/**
 * Every dated entry's days in the range, as its kind's calendar part gives them, sorted by day
 * and time. Entries of a type without a calendar part are left out.
 * @param placeDistricts place id → its district, for types that are where their place is.
 */
export function buildCalendarItems(
  entries: Iterable<CalendarSource>,
  range: DateRange,
  placeDistricts: ReadonlyMap<string, string> = new Map(),
): CalendarItem[] {
  const items: CalendarItem[] = [];
  for (const { collection, id, data } of entries) {
    const kind = kindOf(collection);
    const occurrences = kind.calendar?.occurrences(data, range) ?? [];
    if (!occurrences.length) continue;
    const title = titleOf(collection, data);
    const districts = kind.districts(data, placeDistricts);
    for (const occurrence of occurrences) items.push({ ...occurrence, collection, id, title, districts });
  }
  return items.sort(compareItems);
}

/**
 * The times an item has on its own day: both for a one-day item; from only on the first day of
 * a multi-day event, to only on its last, neither in between (it runs all day).
 */
export function timeOn(item: CalendarItem): { from?: string; to?: string } {
  const times: { from?: string; to?: string } = {};
  if (item.start.slice(0, 10) === item.date) times.from = item.start.slice(11, 16);
  if (item.end.slice(0, 10) === item.date) times.to = item.end.slice(11, 16);
  return times;
}

/**
 * The district and every district below it (a 小学校区 and its 町内会, at any depth). A broken
 * `parent` loop cannot hang the build: each district is visited once.
 */
export function districtWithDescendants(
  districts: readonly { id: string; parent?: string | undefined }[],
  id: string,
): Set<string> {
  const found = new Set([id]);
  const queue = [id];
  while (queue.length) {
    const current = queue.shift();
    for (const d of districts) {
      if (d.parent === current && !found.has(d.id)) {
        found.add(d.id);
        queue.push(d.id);
      }
    }
  }
  return found;
}

/** Items for any of the given districts. */
export function filterByDistricts<T extends { districts: readonly string[] }>(
  items: readonly T[],
  districtIds: ReadonlySet<string>,
): T[] {
  return items.filter((item) => item.districts.some((d) => districtIds.has(d)));
}

function dayOf(date: string, inMonth: boolean, items: CalendarItem[]): CalendarDay {
  const day: CalendarDay = {
    date,
    month: monthOf(date),
    day: Number(date.slice(8, 10)),
    weekday: weekdayOf(date),
    inMonth,
    items,
  };
  const holiday = holidayName(date);
  if (holiday) day.holiday = holiday;
  return day;
}

/**
 * The month as weeks of seven days, the first week starting on `weekStartsOn`, with the days of
 * the neighbouring months that complete the first and last weeks (their items included, so a
 * trailing 1日 is not shown empty when something happens on it).
 */
export function monthGrid(
  month: string,
  items: readonly CalendarItem[],
  weekStartsOn: 'sun' | 'mon' = 'sun',
): CalendarDay[][] {
  const { from, to } = monthRange(month);
  const startIndex = weekStartsOn === 'sun' ? 0 : 1;
  const lead = (weekdayOf(from) - startIndex + 7) % 7;
  const trail = (startIndex + 6 - weekdayOf(to) + 7) % 7;
  const byDate = groupByDate(items);
  const weeks: CalendarDay[][] = [];
  for (let n = dayNumber(from) - lead, last = dayNumber(to) + trail; n <= last; n++) {
    const date = fromDayNumber(n);
    if ((n - (dayNumber(from) - lead)) % 7 === 0) weeks.push([]);
    weeks[weeks.length - 1]?.push(dayOf(date, date >= from && date <= to, byDate.get(date) ?? []));
  }
  return weeks;
}

/** Column order of the grid's weekday headers, as indices 0 = Sunday … 6 = Saturday. */
export function weekdayOrder(weekStartsOn: 'sun' | 'mon' = 'sun'): number[] {
  return weekStartsOn === 'sun' ? [0, 1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5, 6, 0];
}

function groupByDate(items: readonly CalendarItem[]): Map<string, CalendarItem[]> {
  const map = new Map<string, CalendarItem[]>();
  for (const item of [...items].sort(compareItems)) {
    const list = map.get(item.date);
    if (list) list.push(item);
    else map.set(item.date, [item]);
  }
  return map;
}

/** A calendar's items with at most a few a day, and how many each day left out. */
export interface LimitedItems {
  items: CalendarItem[];
  /** 'YYYY-MM-DD' → the number of items not shown on that day. */
  hidden: Record<string, number>;
}

/**
 * At most `limit` items on each day, one-off entries (events) before recurring ones (salon
 * dates: a salon comes back, an event does not; the kind's `recurring`), shown in the day's
 * usual order; and how many each day left out. A whole
 * region's calendar over thousands of salons otherwise lists every salon date of the month
 * (90 kB gzipped a page at 10,000 entries, unreadable on a phone); the district calendars
 * still list everything.
 */
export function limitPerDay(items: readonly CalendarItem[], limit: number): LimitedItems {
  const kept: CalendarItem[] = [];
  const hidden: Record<string, number> = {};
  for (const [date, dayItems] of groupByDate(items)) {
    if (dayItems.length <= limit) {
      kept.push(...dayItems);
      continue;
    }
    const recurring = (i: CalendarItem) => kindOf(i.collection).calendar?.recurring ?? false;
    const first = new Set([...dayItems.filter((i) => !recurring(i)), ...dayItems.filter(recurring)].slice(0, limit));
    kept.push(...dayItems.filter((i) => first.has(i)));
    hidden[date] = dayItems.length - limit;
  }
  return { items: kept, hidden };
}

/**
 * The agenda: only days that have something, in date order. A holiday with nothing on is left
 * out; the grid names every holiday.
 */
export function agenda(items: readonly CalendarItem[]): AgendaDay[] {
  return [...groupByDate(items)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, dayItems]) => {
      const day: AgendaDay = { date, weekday: weekdayOf(date), items: dayItems };
      const holiday = holidayName(date);
      if (holiday) day.holiday = holiday;
      return day;
    });
}
