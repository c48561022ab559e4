/**
 * iCalendar feeds (RFC 5545) of the dated entries — the whole site, a district, a category, or
 * one entry — written by ical-generator from each kind's calendar part (`ics`), so a feed says
 * what the site's calendar says: the same dates, お休み as EXDATE, 中止 and 延期 as CANCELLED.
 *
 * Times are Japan wall-clock times with TZID=Asia/Tokyo and its VTIMEZONE (japan-time.ts), so a
 * phone abroad still shows 10:00 JST at the right moment, whatever the build machine's zone.
 * UIDs are '<collection>-<id>@<site host>' (a listed date adds '-<date>'): a calendar app
 * updates an entry it already has instead of adding it again.
 */
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalEventData } from 'ical-generator';
import type { T } from '../facts.ts';
import { entryHref, titleOf } from '../entries.ts';
import { addMonths, monthRange, type CalendarSource } from '../calendar.ts';
import type { DateRange } from '../recurrence.ts';
import { parseDateTime } from '../dates.ts';
import { kindOf, type IcsEntry } from '../../kinds/index.ts';
import { JAPAN, JAPAN_VTIMEZONE, japanTime } from './japan-time.ts';
import type { Occasion, RRule } from './rrule.ts';

export interface CalendarFeedOptions {
  /** The calendar's name in the app (X-WR-CALNAME), e.g. 「みどり野つながりネット 若葉地区」. */
  name: string;
  /** The site's published address (site settings `url`): entry links and the UIDs' host. */
  siteUrl: string;
  /** The days the feed covers (feedRange). */
  range: DateRange;
  /**
   * DTSTAMP of every event. Entries carry no revision time, so the build's day is used: a
   * rebuilt feed tells apps its events may have changed, and two builds of a day agree.
   */
  stamp: Date;
  /** place id → the name and address written as LOCATION. */
  places: ReadonlyMap<string, { name: string; address?: string | undefined }>;
  t: T;
}

/**
 * The days a feed covers: from the first of the month `back` months ago (so last month's events
 * are still there to look back on) to the end of the month `ahead` months on — the months the
 * site publishes calendar pages for.
 */
export function feedRange(today: string, back: number, ahead: number): DateRange {
  const month = today.slice(0, 7);
  return { from: monthRange(addMonths(month, -back)).from, to: monthRange(addMonths(month, ahead)).to };
}

const BYDAY_RE = /^(?:-1|[1-5])?(?:MO|TU|WE|TH|FR|SA|SU)$/;

/**
 * RRULE text from the rule's parts. ical-generator's own repeating options cannot carry an
 * ordinal weekday (2WE) and write UNTIL in the machine's local time, so the rule is handed over
 * as text; its values are only RFC 5545 tokens built here and a UTC time, nothing to escape.
 */
function rruleText(rule: RRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.byDay) {
    const bad = rule.byDay.find((day) => !BYDAY_RE.test(day));
    if (bad !== undefined) throw new RangeError(`not an RRULE weekday: ${bad}`);
    parts.push(`BYDAY=${rule.byDay.join(',')}`);
  }
  if (rule.byMonthDay) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.until) {
    const until = parseDateTime(rule.until);
    if (!until) throw new RangeError(`not a Japan date and time: ${rule.until}`);
    parts.push(`UNTIL=${until.toISOString().replace(/[-:]|\.\d{3}/g, '')}`);
  }
  return `RRULE:${parts.join(';')}`;
}

/** The lines of DESCRIPTION: what the entry says, then its page, which most apps do not show from URL. */
function description(entry: IcsEntry, url: string): string {
  return [...entry.description, url].join('\n');
}

/**
 * The VEVENTs of one entry: a one-off's, a rule's (with its EXDATEs), or one per listed date
 * where the schedule is not a rule. Empty when the entry has nothing in the range.
 */
export function entryEvents(source: CalendarSource, options: CalendarFeedOptions): ICalEventData[] {
  const entry = kindOf(source.collection).calendar?.ics(source.data, options.range);
  if (!entry) return [];
  const host = new URL(options.siteUrl).host;
  const url = new URL(entryHref(source.collection, source.id), options.siteUrl).href;
  const title = titleOf(source.collection, source.data);
  const status = entry.status === 'scheduled' ? '' : `【${options.t(`calendar.${entry.status}`)}】`;
  const place = entry.place ? options.places.get(entry.place) : undefined;
  const common: Omit<ICalEventData, 'id' | 'start' | 'end'> = {
    timezone: JAPAN,
    stamp: options.stamp,
    summary: `${status}${title}`,
    description: description(entry, url),
    url,
    ...(place ? { location: [place.name, place.address].filter(Boolean).join(' ') } : {}),
    status: entry.status === 'scheduled' ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
  };
  const uid = `${source.collection}-${source.id}`;
  const at = ({ start, end }: Occasion) => ({ start: japanTime(start), end: japanTime(end) });
  const { when } = entry;
  if ('dates' in when)
    return when.dates.map((o) => ({ ...common, ...at(o), id: `${uid}-${o.start.slice(0, 10)}@${host}` }));
  const repeating =
    'rule' in when
      ? [rruleText(when.rule), ...(when.exdates.length ? [exdateText(when.exdates)] : [])].join('\n')
      : undefined;
  return [{ ...common, ...at(when), id: `${uid}@${host}`, ...(repeating ? { repeating } : {}) }];
}

/** EXDATE in Japan time, as the DTSTART it excludes from ('YYYYMMDDTHHMMSS' under the same TZID). */
function exdateText(starts: readonly string[]): string {
  const local = starts.map((s) => `${s.replace(/[-:]/g, '')}00`);
  return `EXDATE;TZID=${JAPAN}:${local.join(',')}`;
}

/** The calendar of the given entries (events and salons; other types have no days) as iCalendar text. */
export function calendarFeed(sources: Iterable<CalendarSource>, options: CalendarFeedOptions): string {
  return calendarText(
    [...sources].map((source) => eventsText(entryEvents(source, options))),
    options,
  );
}

const BEGIN = 'BEGIN:VEVENT';
const END = 'END:VEVENT';

/**
 * An entry's VEVENTs as iCalendar text (folded lines, CRLF), as ical-generator writes them. A
 * build puts each entry into several feeds (the site's, its districts', its categories', its
 * own): written once and placed in each, 10,000 salons cost one serialisation each instead of
 * six (about 0.1 ms apiece).
 */
export function eventsText(events: readonly ICalEventData[]): string {
  if (!events.length) return '';
  const text = ical({ events: [...events] }).toString();
  return `${text.slice(text.indexOf(BEGIN), text.lastIndexOf(END))}${END}\r\n`;
}

/**
 * A calendar of entries' eventsText: ical-generator writes the calendar's own properties, then
 * come the Asia/Tokyo VTIMEZONE every event's TZID names and the events. The calendar has no
 * default zone: ical-generator would then write DTSTAMP in local time, where RFC 5545 wants UTC.
 */
export function calendarText(
  vevents: readonly string[],
  options: Pick<CalendarFeedOptions, 'name' | 'siteUrl'>,
): string {
  const head = ical({
    name: options.name,
    prodId: { company: new URL(options.siteUrl).host, product: 'tsunagari', language: 'JA' },
    method: ICalCalendarMethod.PUBLISH,
    // Apps that honour it check back daily, as often as the site is rebuilt.
    ttl: 24 * 60 * 60,
  }).toString();
  const end = head.lastIndexOf('END:VCALENDAR');
  return `${head.slice(0, end)}${JAPAN_VTIMEZONE}\r\n${vevents.join('')}${head.slice(end)}`;
}
