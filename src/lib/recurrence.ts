/**
 * Expands a salon schedule (毎週月曜, 毎月第2水曜, 毎月15日, 日付を指定) into the dates it meets,
 * with お休み and national holidays marked, for the calendar, the feeds and the flyers.
 *
 * Every date is a Japanese calendar date handled as plain year/month/day through Date.UTC and
 * the UTC getters, never the local-time ones, so the machine's TZ cannot shift a day.
 */
import type { Schedule } from '../schemas/salon.ts';
import type { Weekday, WeekOfMonth } from '../schemas/vocabulary.ts';
import {
  dayNumber,
  dayNumberOf,
  daysInMonth,
  fromDayNumber,
  toJstDateString,
  weekdayNumber,
  weekdayOfDayNumber,
} from './dates.ts';
import { holidayName } from './holidays.ts';

export interface Occurrence {
  /** 'YYYY-MM-DD', Japan. */
  date: string;
  /** 'YYYY-MM-DDTHH:mm', Japan time. */
  start: string;
  /** 'YYYY-MM-DDTHH:mm', Japan time. */
  end: string;
  /** 'skipped' dates are kept so the calendar can say お休み instead of leaving a silent gap. */
  status: 'held' | 'skipped';
  /** Why a skipped date is off: listed in `skip`, or a national holiday under holidays: 'skip'. */
  reason?: 'skip' | 'holiday';
  /** The holiday's name whenever the date is one, held or not, so the calendar can print it. */
  holiday?: string;
}

/** Inclusive, 'YYYY-MM-DD'. */
export interface DateRange {
  from: string;
  to: string;
}

// Long enough to find the next meeting of a salon that meets once a year, short enough that a
// schedule with no future dates costs a bounded amount of work.
const SEARCH_DAYS = 2 * 366;
// Most schedules meet within weeks: the next meetings are looked for this far ahead first, and
// two years ahead only when too few are found (expanding two years each time cost ~1 s a build
// at 2,000 salons, listed on several pages each).
const NEAR_DAYS = 92;

function isoDate(year: number, month: number, day: number): string {
  return fromDayNumber(dayNumberOf(year, month, day));
}

/** The n-th (or last) given weekday of a month as a day of the month, or undefined if none. */
function nthWeekday(year: number, month: number, weekday: number, week: WeekOfMonth): number | undefined {
  const length = daysInMonth(year, month);
  if (week === 'last') {
    const lastWeekday = weekdayOfDayNumber(dayNumberOf(year, month, length));
    return length - ((lastWeekday - weekday + 7) % 7);
  }
  const firstWeekday = weekdayOfDayNumber(dayNumberOf(year, month, 1));
  const day = 1 + ((weekday - firstWeekday + 7) % 7) + 7 * (Number(week) - 1);
  return day <= length ? day : undefined;
}

/** Each (year, month) from the month of `from` to the month of `to`. */
function* months(from: string, to: string): Generator<[number, number]> {
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = to.split('-').map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    yield [year, month];
    if (++month > 12) [year, month] = [year + 1, 1];
  }
}

const weekdayNumbers = (weekdays: readonly Weekday[]) => new Set(weekdays.map(weekdayNumber));

/** The rule's dates between `from` and `to` (inclusive), before skips and holidays. */
function ruleDates(s: Schedule, from: string, to: string): string[] {
  const dates: string[] = [];
  switch (s.frequency) {
    case 'weekly': {
      const wanted = weekdayNumbers(s.weekdays);
      for (let n = dayNumber(from), last = dayNumber(to); n <= last; n++)
        if (wanted.has(weekdayOfDayNumber(n))) dates.push(fromDayNumber(n));
      break;
    }
    case 'monthly-weekday':
      for (const [year, month] of months(from, to))
        for (const weekday of weekdayNumbers(s.weekdays))
          for (const week of s.weeks) {
            const day = nthWeekday(year, month, weekday, week);
            if (day !== undefined) dates.push(isoDate(year, month, day));
          }
      break;
    case 'monthly-date':
      // 毎月31日 means "on the 31st", not "on the last day": a month without that day has no
      // meeting, as a volunteer reading the paper calendar would expect. Moving it to the 30th
      // (or to 2月28日) would invent a date nobody announced.
      if (s.day === undefined) break;
      for (const [year, month] of months(from, to))
        if (s.day <= daysInMonth(year, month)) dates.push(isoDate(year, month, s.day));
      break;
    case 'dates':
      dates.push(...s.dates);
      break;
  }
  // Overlapping rules (第5 and 最終, or a date listed twice) must not show a salon twice a day.
  return [...new Set(dates)].filter((d) => d >= from && d <= to).sort();
}

/**
 * The dates a schedule meets within `range` and within its own validFrom..validUntil, sorted.
 * Dates listed in `skip` and (under holidays: 'skip') national holidays come back as 'skipped'
 * rather than vanishing. A `skip` date the rule would not have met anyway is ignored.
 */
export function expandSchedule(schedule: Schedule, range: DateRange): Occurrence[] {
  // A salon's dates are asked for by its page, its JSON-LD, every list it is in (sorted by its
  // next date) and each calendar month: the same schedule and range many times in one build.
  // Kept per schedule object (content is not changed in place), copied out so callers own them.
  let byRange = expanded.get(schedule);
  if (!byRange) expanded.set(schedule, (byRange = new Map()));
  const key = `${range.from}/${range.to}`;
  let occurrences = byRange.get(key);
  if (!occurrences) byRange.set(key, (occurrences = expand(schedule, range)));
  return occurrences.map((o) => ({ ...o }));
}
const expanded = new WeakMap<Schedule, Map<string, readonly Occurrence[]>>();

function expand(schedule: Schedule, range: DateRange): Occurrence[] {
  dayNumber(range.from);
  dayNumber(range.to);
  // 'YYYY-MM-DD' text sorts as dates do, so bounds can be compared as strings.
  const from = schedule.validFrom > range.from ? schedule.validFrom : range.from;
  const until = schedule.validUntil ?? range.to;
  const to = until < range.to ? until : range.to;
  if (from > to) return [];

  const skip = new Set(schedule.skip);
  return ruleDates(schedule, from, to).map((date) => {
    const occurrence: Occurrence = {
      date,
      start: `${date}T${schedule.startTime}`,
      end: `${date}T${schedule.endTime}`,
      status: 'held',
    };
    const holiday = holidayName(date);
    if (holiday !== undefined) occurrence.holiday = holiday;
    // The holiday is the more telling reason when both apply: 敬老の日 says more than お休み.
    if (holiday !== undefined && schedule.holidays === 'skip') {
      occurrence.status = 'skipped';
      occurrence.reason = 'holiday';
    } else if (skip.has(date)) {
      occurrence.status = 'skipped';
      occurrence.reason = 'skip';
    }
    return occurrence;
  });
}

/** The next `count` held meetings on or after `fromDate`, looking about two years ahead. */
export function nextOccurrences(schedule: Schedule, fromDate: string, count: number): Occurrence[] {
  if (count <= 0) return [];
  const start = dayNumber(fromDate);
  let held: Occurrence[] = [];
  for (const days of [NEAR_DAYS, SEARCH_DAYS]) {
    held = expandSchedule(schedule, { from: fromDate, to: fromDayNumber(start + days) }).filter(
      (o) => o.status === 'held',
    );
    if (held.length >= count) break;
  }
  return held.slice(0, count);
}

/** Today's date in Japan, the day "upcoming" counts from whatever the build machine's TZ. */
export function todayInJapan(now: Date = new Date()): string {
  return toJstDateString(now);
}
