/**
 * schema.org JSON-LD, so search engines and calendar apps understand an event or a salon: when
 * (Japan time with its offset), where, whether it was cancelled or postponed, who runs it, what
 * it costs. A salon is a recurring Event whose `eventSchedule` is read off the same schedule the
 * calendar expands (src/lib/recurrence.ts), with its next meeting as startDate/endDate.
 */
import type { Schedule } from '../schemas/salon.ts';
import type { Weekday, WeekOfMonth } from '../schemas/vocabulary.ts';
import { addDays } from './dates.ts';
import type { Lookup } from './facts.ts';
import { expandSchedule, nextOccurrences } from './recurrence.ts';

export interface PlaceData {
  name: string;
  address: string;
}

/** What both an event and a salon say beyond their dates. */
export interface GatheringLd {
  title: string;
  summary: string;
  fee: string;
  /** The page's absolute URL. */
  url: string;
  place?: PlaceData | undefined;
  organizer?: { name: string; url?: string } | undefined;
  /** Absolute URL of the page's share image (its flyer's og image). */
  image?: string | undefined;
}

const STATUS: Record<string, string> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
};

const DAY: Record<Weekday, string> = {
  mon: 'https://schema.org/Monday',
  tue: 'https://schema.org/Tuesday',
  wed: 'https://schema.org/Wednesday',
  thu: 'https://schema.org/Thursday',
  fri: 'https://schema.org/Friday',
  sat: 'https://schema.org/Saturday',
  sun: 'https://schema.org/Sunday',
};

/**
 * The price when the fee text states one: 無料… is 0, a fee that starts with an amount
 * (300円, 1,000円（材料費）) is that amount; anything else (材料費のみ) only as words.
 */
export function feePrice(fee: string): number | undefined {
  const text = fee.trim().normalize('NFKC');
  if (text.startsWith('無料')) return 0;
  const amount = /^(\d[\d,]*)円/.exec(text)?.[1];
  return amount === undefined ? undefined : Number(amount.replace(/,/g, ''));
}

/**
 * What an event's or salon's entry says about itself beyond its dates, with its place and
 * organizer looked up by reference (a missing one is left out rather than guessed).
 */
export function gatheringLd(
  data: { title: string; summary: string; fee: string; place: string; organizer: string },
  page: { url: string; lookup: Lookup; image?: string | undefined },
): GatheringLd {
  const place = page.lookup.get(`places/${data.place}`);
  const organizer = page.lookup.get(`organizations/${data.organizer}`);
  return {
    title: data.title,
    summary: data.summary,
    fee: data.fee,
    url: page.url,
    place: place ? { name: place.title, address: String(place.data?.['address'] ?? '') } : undefined,
    organizer: organizer ? { name: organizer.title, url: new URL(organizer.href, page.url).href } : undefined,
    image: page.image,
  };
}

function common(g: GatheringLd): Record<string, unknown> {
  const price = feePrice(g.fee);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: g.title,
    description: g.summary,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    inLanguage: 'ja',
    url: g.url,
    ...(g.image ? { image: [g.image] } : {}),
    ...(g.place
      ? {
          location: {
            '@type': 'Place',
            name: g.place.name,
            address: { '@type': 'PostalAddress', streetAddress: g.place.address, addressCountry: 'JP' },
          },
        }
      : {}),
    ...(g.organizer ? { organizer: { '@type': 'Organization', ...g.organizer } } : {}),
    offers: {
      '@type': 'Offer',
      description: g.fee,
      url: g.url,
      ...(price === undefined ? {} : { price, priceCurrency: 'JPY' }),
    },
  };
}

export function eventJsonLd(
  event: { start: string; end: string; status: string },
  gathering: GatheringLd,
): Record<string, unknown> {
  return {
    ...common(gathering),
    startDate: `${event.start}+09:00`,
    endDate: `${event.end}+09:00`,
    eventStatus: STATUS[event.status] ?? STATUS['scheduled'],
  };
}

// schema.org asks for 1–5; the last week is counted from the month's end as iCalendar does
// (BYDAY=-1WE), the only way to say 最終水曜 in one number.
const monthWeek = (week: WeekOfMonth): number => (week === 'last' ? -1 : Number(week));

/** How far ahead the お休み of a schedule are listed (exceptDate): a year, like a paper calendar. */
const EXCEPT_DAYS = 365;

/**
 * A salon's schedule as schema.org Schedule(s): the rule (weekly, n-th weekday, day of the
 * month) with its validity as startDate/endDate and its お休み (skip dates and, under
 * holidays: 'skip', the holidays it falls on) from `today` a year ahead as exceptDate. A list of
 * dates becomes one Schedule per date it meets.
 */
export function scheduleJsonLd(schedule: Schedule, today: string): Record<string, unknown>[] {
  const base = {
    '@type': 'Schedule',
    startTime: `${schedule.startTime}:00`,
    endTime: `${schedule.endTime}:00`,
    scheduleTimezone: 'Asia/Tokyo',
  };
  const occurrences = expandSchedule(schedule, { from: today, to: addDays(today, EXCEPT_DAYS) });
  if (schedule.frequency === 'dates')
    return occurrences.filter((o) => o.status === 'held').map((o) => ({ ...base, startDate: o.date, endDate: o.date }));
  const rule =
    schedule.frequency === 'weekly'
      ? { repeatFrequency: 'P1W', byDay: schedule.weekdays.map((d) => DAY[d]) }
      : schedule.frequency === 'monthly-weekday'
        ? {
            repeatFrequency: 'P1M',
            byDay: schedule.weekdays.map((d) => DAY[d]),
            byMonthWeek: schedule.weeks.map(monthWeek),
          }
        : { repeatFrequency: 'P1M', byMonthDay: [schedule.day] };
  const except = occurrences.filter((o) => o.status === 'skipped').map((o) => o.date);
  return [
    {
      ...base,
      ...rule,
      startDate: schedule.validFrom,
      ...(schedule.validUntil ? { endDate: schedule.validUntil } : {}),
      ...(except.length ? { exceptDate: except } : {}),
    },
  ];
}

/**
 * A salon as a recurring Event: its schedule, and its next meeting from `today` as
 * startDate/endDate. A paused salon is EventPostponed at the date its rule would meet next; an
 * ended one, or one with no date ahead, has no event to come to and gets none (undefined).
 */
export function salonJsonLd(
  salon: { schedule: Schedule; status: 'active' | 'paused' | 'ended' },
  gathering: GatheringLd,
  today: string,
): Record<string, unknown> | undefined {
  if (salon.status === 'ended') return undefined;
  const next = nextOccurrences(salon.schedule, today, 1)[0];
  if (!next) return undefined;
  return {
    ...common(gathering),
    startDate: `${next.start}+09:00`,
    endDate: `${next.end}+09:00`,
    eventStatus: salon.status === 'paused' ? STATUS['postponed'] : STATUS['scheduled'],
    eventSchedule: scheduleJsonLd(salon.schedule, today),
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so text can never close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
