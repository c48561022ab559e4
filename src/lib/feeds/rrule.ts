/**
 * A salon's schedule as an iCalendar recurrence (RFC 5545 RRULE + EXDATE), beside the one
 * implementation of what the schedule means (src/lib/recurrence.ts): every date this writes
 * comes from expandSchedule, so a calendar app and the site's calendar cannot disagree.
 *
 * What an RRULE says exactly, and what it cannot:
 * - 毎週○曜日 → FREQ=WEEKLY;BYDAY=MO,TH.
 * - 毎月第2・第4水曜日, 最終金曜日 → FREQ=MONTHLY;BYDAY=2WE,4WE / -1FR. A 第5 that a month lacks
 *   yields nothing that month in both. 第5 and 最終 together are the same day whenever the
 *   month has a 第5, so 第5 is dropped beside 最終 rather than relying on every app to merge the two.
 * - 毎月31日 → FREQ=MONTHLY;BYMONTHDAY=31: RFC 5545 ignores the months without that day, which is
 *   what expandSchedule does (no meeting moved to the 30th).
 * - 日付を指定 (a list of dates) is not a rule at all: the dates are listed one by one. RDATE would
 *   say it in one event, but calendar apps differ in honouring it (Google Calendar's import
 *   drops RDATE), so each date becomes its own event.
 * - お休み: each skipped date is an EXDATE. National holidays under 祝日は休み are only known as far
 *   as the holiday table and differ year by year, so such a rule ends (UNTIL) where the feed's
 *   window ends and lists the holidays inside it; the daily rebuild moves the window on. A rule
 *   that meets on holidays has only its finite skip list to exclude and runs to validUntil (or on).
 */
import type { Schedule } from '../../schemas/salon.ts';
import type { Weekday, WeekOfMonth } from '../../schemas/vocabulary.ts';
import { expandSchedule, type DateRange } from '../recurrence.ts';

/** Start and end of one meeting, 'YYYY-MM-DDTHH:mm' Japan time. */
export interface Occasion {
  start: string;
  end: string;
}

/** An RRULE's parts, named as RFC 5545 names them. */
export interface RRule {
  freq: 'WEEKLY' | 'MONTHLY';
  /** MO, TU … for weekly; with the week of the month for monthly (2WE, -1FR). */
  byDay?: string[];
  byMonthDay?: number[];
  /** The last meeting's start, 'YYYY-MM-DDTHH:mm' Japan time: written as UNTIL in UTC. */
  until?: string;
}

/**
 * A rule from its first meeting (DTSTART, always one of the rule's own dates, as RFC 5545 asks)
 * with the meetings that do not happen (EXDATE, as meeting starts); or, where no rule says the
 * schedule exactly, its meetings one by one.
 */
export type Recurrence = (Occasion & { rule: RRule; exdates: string[] }) | { dates: Occasion[] };

const ICAL_DAYS: Record<Weekday, string> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
};
const ordinal = (week: WeekOfMonth): string => (week === 'last' ? '-1' : week);

function ruleOf(s: Schedule): RRule | undefined {
  switch (s.frequency) {
    case 'weekly':
      return { freq: 'WEEKLY', byDay: s.weekdays.map((d) => ICAL_DAYS[d]) };
    case 'monthly-weekday': {
      const weeks = s.weeks.includes('last') ? s.weeks.filter((w) => w !== '5') : s.weeks;
      return { freq: 'MONTHLY', byDay: weeks.flatMap((w) => s.weekdays.map((d) => `${ordinal(w)}${ICAL_DAYS[d]}`)) };
    }
    case 'monthly-date':
      return s.day === undefined ? undefined : { freq: 'MONTHLY', byMonthDay: [s.day] };
    case 'dates':
      return undefined;
  }
}

const lastDate = (dates: readonly string[]): string | undefined => [...dates].sort().at(-1);

/**
 * The schedule's meetings within `range` as a recurrence, or undefined when it has none there.
 * The rule starts at its first date on or after range.from (earlier ones are history a calendar
 * app need not be sent).
 */
export function scheduleRecurrence(schedule: Schedule, range: DateRange): Recurrence | undefined {
  const rule = ruleOf(schedule);
  if (!rule) {
    const dates = expandSchedule(schedule, range)
      .filter((o) => o.status === 'held')
      .map(({ start, end }) => ({ start, end }));
    return dates.length ? { dates } : undefined;
  }
  const { validUntil } = schedule;
  // The rule's last day: the window's end where holidays are skipped (see above), otherwise its
  // own end, if it has one.
  const untilDate =
    schedule.holidays === 'skip'
      ? validUntil !== undefined && validUntil < range.to
        ? validUntil
        : range.to
      : validUntil;
  // One expansion, as far as the exclusions must reach: the rule's last day or, for a rule that
  // runs on, its last skip date. expandSchedule stops at validUntil, so nothing is past the rule.
  const reach = untilDate ?? lastDate(schedule.skip);
  const meetings = expandSchedule(schedule, {
    from: range.from,
    to: reach !== undefined && reach > range.to ? reach : range.to,
  });
  const first = meetings[0];
  if (!first || first.date > range.to) return undefined;
  const last = untilDate === undefined ? undefined : meetings.at(-1);
  return {
    start: first.start,
    end: first.end,
    rule: { ...rule, ...(last ? { until: last.start } : {}) },
    exdates: meetings.filter((o) => o.status === 'skipped').map((o) => o.start),
  };
}
