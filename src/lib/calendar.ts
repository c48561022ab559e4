/**
 * The calendar as data: events and expanded salon dates for a range of days, filtered by
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
import { expandSchedule, type DateRange } from './recurrence.ts';
import type { Schedule } from '../schemas/salon.ts';
import { compareJa } from './collate.ts';

export type { DateRange };

/** The fields of an event the calendar needs (a subset of the schema's output). */
export interface CalendarEvent {
  id: string;
  title: string;
  /** 'YYYY-MM-DDTHH:mm', Japan time. */
  start: string;
  end: string;
  status: 'scheduled' | 'cancelled' | 'postponed';
  districts: readonly string[];
}

export interface CalendarSalon {
  id: string;
  title: string;
  schedule: Schedule;
  status: 'active' | 'paused' | 'ended';
  districts: readonly string[];
}

export interface CalendarItem {
  kind: 'event' | 'salon';
  /** The entry's id in its collection (events or salons). */
  id: string;
  title: string;
  /** The day this item is shown on, 'YYYY-MM-DD'. */
  date: string;
  /** Start and end of the whole happening, 'YYYY-MM-DDTHH:mm' (several days apart for a multi-day event). */
  start: string;
  end: string;
  /**
   * scheduled: it happens. cancelled/postponed: an event called off (kept, so a resident who
   * saw the flyer learns it is off). skipped: a salon's お休み.
   */
  status: 'scheduled' | 'cancelled' | 'postponed' | 'skipped';
  /** For a skipped salon date: listed in the schedule's skip dates, or a national holiday. */
  reason?: 'skip' | 'holiday';
  /** The holiday's name when a skipped salon date is one. */
  holiday?: string;
  /** For a multi-day event: which day this is (1-based) and of how many. */
  day?: number;
  days?: number;
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

/** Every day of a multi-day event is a calendar item, clipped to the range. */
export function eventItems(events: readonly CalendarEvent[], range: DateRange): CalendarItem[] {
  const items: CalendarItem[] = [];
  for (const event of events) {
    const first = event.start.slice(0, 10);
    const last = event.end.slice(0, 10);
    const days = dayNumber(last) - dayNumber(first) + 1;
    const from = Math.max(dayNumber(first), dayNumber(range.from));
    const to = Math.min(dayNumber(last), dayNumber(range.to));
    for (let n = from; n <= to; n++) {
      const item: CalendarItem = {
        kind: 'event',
        id: event.id,
        title: event.title,
        date: fromDayNumber(n),
        start: event.start,
        end: event.end,
        status: event.status,
        districts: event.districts,
      };
      if (days > 1) Object.assign(item, { day: n - dayNumber(first) + 1, days });
      items.push(item);
    }
  }
  return items;
}

/**
 * A salon's dates in the range. Skipped dates are kept as お休み so a regular does not walk to a
 * locked hall; paused and ended salons have no dates at all (their page says why).
 */
export function salonItems(salons: readonly CalendarSalon[], range: DateRange): CalendarItem[] {
  return salons
    .filter((salon) => salon.status === 'active')
    .flatMap((salon) =>
      expandSchedule(salon.schedule, range).map((o) => {
        const item: CalendarItem = {
          kind: 'salon',
          id: salon.id,
          title: salon.title,
          date: o.date,
          start: o.start,
          end: o.end,
          status: o.status === 'skipped' ? 'skipped' : 'scheduled',
          districts: salon.districts,
        };
        if (o.reason) item.reason = o.reason;
        if (o.status === 'skipped' && o.holiday) item.holiday = o.holiday;
        return item;
      }),
    );
}

/** Within a day: by the time it starts that day (all-day continuations first), then by title. */
function compareItems(a: CalendarItem, b: CalendarItem): number {
  const at = timeOn(a).from ?? '';
  const bt = timeOn(b).from ?? '';
  return a.date.localeCompare(b.date) || at.localeCompare(bt) || compareJa(a.title, b.title);
}

/** Events and salon dates in the range, sorted by day and time. */
export function buildCalendarItems(
  source: { events: readonly CalendarEvent[]; salons: readonly CalendarSalon[] },
  range: DateRange,
): CalendarItem[] {
  return [...eventItems(source.events, range), ...salonItems(source.salons, range)].sort(compareItems);
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
 * At most `limit` items on each day, one-off events before salon dates (a salon comes back, an
 * event does not), shown in the day's usual order; and how many each day left out. A whole
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
    const first = new Set(
      [...dayItems.filter((i) => i.kind === 'event'), ...dayItems.filter((i) => i.kind !== 'event')].slice(0, limit),
    );
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
