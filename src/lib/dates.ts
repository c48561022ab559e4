/**
 * Calendar dates and wall-clock times in Japan time (Asia/Tokyo, UTC+9, no daylight saving).
 * Content stores local Japanese dates ('2026-12-05') and times ('2026-12-05T10:00') as text;
 * these helpers validate them and turn them into instants without ever consulting the
 * machine's own time zone, so a build in UTC or in Los Angeles makes the same pages.
 */

export const TIME_ZONE = 'Asia/Tokyo';
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

export const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
export const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The years content may name. Outside them a date is a typo (0026 for 2026, 20260 …), and years
 * below 100 are worse than wrong: JavaScript's Date reads them as 1900–1999, so a page would
 * show 1926 where its JSON-LD says 0026.
 */
export const YEAR_RANGE = { min: 1900, max: 2200 } as const;

/** YEAR_RANGE as a pattern on the start of a date, for the CMS (Decap checks patterns before saving). */
export const YEAR_PATTERN = '^(?:19\\d\\d|2[01]\\d\\d|2200)-';

/** True when the year of a 'YYYY-MM…' text lies in YEAR_RANGE. */
export function yearInRange(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return year >= YEAR_RANGE.min && year <= YEAR_RANGE.max;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses 'YYYY-MM-DD' into a real calendar date, or null (2026-02-30 and 0026-12-05 are null). */
export function parseDate(text: string): CalendarDate | null {
  const m = DATE_RE.exec(text);
  if (!m || !yearInRange(text)) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Days since 1970-01-01 of a 'YYYY-MM-DD' date: the one number day arithmetic (ranges,
 * recurrence, calendar grids) works on, through Date.UTC so the machine's TZ never moves a day.
 */
export function dayNumber(date: string): number {
  const d = parseDate(date);
  if (!d) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
}

/** The 'YYYY-MM-DD' date of a day number. */
export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of a year, month (1–12) and day, without validating them (day 0 is the last of the month before). */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * Weekday keys by weekday number, 0 = Sunday … 6 = Saturday as Date.getUTCDay() counts; the
 * keys are the schema's (`weekdays: [wed]`) and the i18n dictionary's (`weekday.wed`).
 */
export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** The weekday number (0 = Sunday … 6 = Saturday) of a day number. 1970-01-01 was a Thursday, 4. */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** The weekday number (0 = Sunday … 6 = Saturday) of a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): number {
  return weekdayOfDayNumber(dayNumber(date));
}

/** The key of a weekday number (0 = Sunday … 6 = Saturday). */
export function weekdayKey(n: number): WeekdayKey {
  const key = WEEKDAY_KEYS[n];
  if (key === undefined) throw new RangeError(`not a weekday number (0–6): ${n}`);
  return key;
}

/** The weekday number (0 = Sunday … 6 = Saturday) of a weekday key. */
export function weekdayNumber(key: WeekdayKey): number {
  return WEEKDAY_KEYS.indexOf(key);
}

/** Parses 'YYYY-MM-DDTHH:mm' (Japan time) into the instant it names, or null. */
export function parseDateTime(text: string): Date | null {
  const m = DATETIME_RE.exec(text);
  if (!m || !parseDate(text.slice(0, 10))) return null;
  const [hour, minute] = [Number(m[4]), Number(m[5])];
  if (hour > 23 || minute > 59) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, minute) - JST_OFFSET_MS);
}

/** The instant a Japanese calendar date starts (00:00 JST). */
export function startOfDateJst(text: string): Date {
  const d = parseDate(text);
  if (!d) throw new RangeError(`not a date: ${text}`);
  return new Date(Date.UTC(d.year, d.month - 1, d.day) - JST_OFFSET_MS);
}

/** 'YYYY-MM-DD' of an instant as seen in Japan. */
export function toJstDateString(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO 8601 with the +09:00 offset, for <time datetime> and feeds. */
export function toJstIso(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 16) + '+09:00';
}

/**
 * YAML 1.1 loaders (js-yaml, used by Astro) turn an unquoted 2026-12-05 into a Date at UTC
 * midnight; this maps it back to the text the volunteer wrote so both loaders agree.
 */
export function dateFromYaml(value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const timeFormatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (cache: Map<string, Intl.DateTimeFormat>, tag: string, options: Intl.DateTimeFormatOptions) => {
  let formatter = cache.get(tag);
  if (!formatter) cache.set(tag, (formatter = new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, ...options })));
  return formatter;
};

/**
 * A day in the reader's language, always on Japan's calendar: 2026年12月5日(土), Sat, December 5,
 * 2026, 2026년 12월 5일 (토) … (`tag` is the page's BCP 47 tag, src/i18n/locales.ts).
 */
export function formatDateIn(tag: string, instant: Date): string {
  const text = formatterFor(dateFormatters, tag, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(instant);
  return tag === 'ja' ? text.replace(/\((.)\)$/, '($1)') : text;
}

const monthDayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A day without its year, for a notice's list of coming dates: 12月10日(水), Wed, Dec 10,
 * 12월 10일 (수) … on Japan's calendar.
 */
export function formatMonthDayIn(tag: string, instant: Date): string {
  if (tag === 'ja') return formatDateIn('ja', instant).replace(/^\d+年/, '');
  return formatterFor(monthDayFormatters, tag, { month: 'short', day: 'numeric', weekday: 'short' }).format(instant);
}

const monthNameFormatters = {
  long: new Map<string, Intl.DateTimeFormat>(),
  short: new Map<string, Intl.DateTimeFormat>(),
};

/**
 * The name of month `month` (1–12) in the language `tag`, from Intl on Japan's calendar:
 * December (en), Disyembre (fil), डिसेम्बर (ne), dezembro (pt-BR); `short`: Dec, dez. … For the
 * languages that name their months (src/i18n/locales.ts, `monthsByName`): the others write the
 * number with their own word around it (12月, 12월, tháng 12).
 */
export function monthNameIn(tag: string, month: number, style: 'long' | 'short' = 'long'): string {
  // The middle of the month, at noon in Japan: the same month in every zone.
  const instant = new Date(Date.UTC(2001, month - 1, 15, 3));
  return formatterFor(monthNameFormatters[style], tag, { month: style }).format(instant);
}

/** 10:00 in Japan, 24-hour in every language, as times are written on the town's notices. */
export function formatTimeIn(tag: string, instant: Date): string {
  return formatterFor(timeFormatters, tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/** 2026年12月5日(土) */
export function formatDateJa(instant: Date): string {
  return formatDateIn('ja', instant);
}

/** 10:00 */
export function formatTimeJa(instant: Date): string {
  return formatTimeIn('ja', instant);
}
