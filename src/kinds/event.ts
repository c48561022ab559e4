/** A one-off event: when it runs decides everything, a cancellation only changes the wording. */
import { dayNumber, fromDayNumber } from '../lib/dates.ts';
import { entryHref } from '../lib/entries.ts';
import { formatPeriod, text } from '../lib/facts.ts';
import type { DateRange } from '../lib/recurrence.ts';
import { eventJsonLd, gatheringLd } from '../lib/structured-data.ts';
import type { Event } from '../schemas/event.ts';
import { entryIcsHref } from '../lib/feeds/paths.ts';
import {
  entryImage,
  type CalendarOccurrence,
  type IcsEntry,
  type Kind,
  type KindEntry,
  type FlyerPart,
  type Lifecycle,
} from './kind.ts';

// A cancelled event is still listed (and flyered) until its day is over: the 中止 notice matters.
function lifecycle(data: Event, today: string): Lifecycle {
  if (data.end.slice(0, 10) < today) return 'past';
  return data.start.slice(0, 10) > today ? 'upcoming' : 'current';
}

/**
 * Events still to come (or under way) soonest first, and those over latest first: the events
 * index, district and category pages and the home page list them so.
 */
export function eventsByTime<E extends KindEntry<Event>>(
  events: readonly E[],
  today: string,
): { upcoming: E[]; past: E[] } {
  const sorted = [...events].sort((a, b) => a.data.start.localeCompare(b.data.start));
  const over = (e: E) => lifecycle(e.data, today) === 'past';
  return { upcoming: sorted.filter((e) => !over(e)), past: sorted.filter(over).reverse() };
}

/** Each day of the event within the range; a multi-day one says which day of how many. */
function eventDays(data: Event, range: DateRange): CalendarOccurrence[] {
  const first = dayNumber(data.start.slice(0, 10));
  const last = dayNumber(data.end.slice(0, 10));
  const days = last - first + 1;
  const occurrences: CalendarOccurrence[] = [];
  for (let n = Math.max(first, dayNumber(range.from)), to = Math.min(last, dayNumber(range.to)); n <= to; n++) {
    const occurrence: CalendarOccurrence = {
      date: fromDayNumber(n),
      start: data.start,
      end: data.end,
      status: data.status,
    };
    if (days > 1) Object.assign(occurrence, { day: n - first + 1, days });
    occurrences.push(occurrence);
  }
  return occurrences;
}

/** The event as one iCalendar event over all its days (DTEND on the last), if it has days in the range. */
function eventIcs(data: Event, range: DateRange): IcsEntry | undefined {
  if (!eventDays(data, range).length) return undefined;
  return {
    when: { start: data.start, end: data.end },
    status: data.status,
    description: [data.summary, ...(data.statusNote ? [data.statusNote] : [])],
    place: data.place,
  };
}

export const eventKind = {
  facts(data, f) {
    // Machine-readable with the offset: the time is Japan time wherever the reader is.
    f.add('fact.when', text(formatPeriod(data.start, data.end, f.t)), `${data.start}+09:00`);
    f.gathering(data);
  },

  listLine({ id, data }, t, today) {
    const status = data.status === 'scheduled' ? '' : `【${t(`eventStatus.${data.status}`)}】`;
    return {
      href: entryHref('events', id),
      title: data.title,
      meta: `${formatPeriod(data.start, data.end, t)}${status}`,
      // One that ends between two daily rebuilds is hidden by the reader's browser then;
      // a past one is meant to stay where it is listed.
      ...(lifecycle(data, today) === 'past' ? {} : { ends: `${data.end}+09:00` }),
    };
  },

  lifecycle,
  pastNotice: 'status.over',

  searchDate: (data) => data.start.slice(0, 10),

  districts: (data) => data.districts,
  topics: (data) => ({ categories: data.categories, audience: data.audience }),

  // The past section only once something is over; the upcoming one says when nothing is on.
  index(events, today, t) {
    const { upcoming, past } = eventsByTime(events, today);
    const sections = [{ id: 'upcoming-events', title: t('list.upcomingEvents'), entries: upcoming }];
    if (past.length) sections.push({ id: 'past-events', title: t('list.pastEvents'), entries: past });
    return { sections };
  },

  nav: true,
  // A cancelled or postponed event stays on its days, marked, like its flyer's stamp.
  calendar: { occurrences: eventDays, label: 'calendar.event', recurring: false, ics: eventIcs },

  structuredData: (data, page) => eventJsonLd(data, gatheringLd(data, page)),
  // カレンダーに追加: the event alone as a calendar file, until it is over.
  links: ({ id, data }, t, context) =>
    context?.today !== undefined && lifecycle(data, context.today) === 'past'
      ? []
      : [{ href: entryIcsHref('events', id), title: t('feeds.addEntry') }],

  flyer: {
    headline: (_data, t) => t('flyer.headline.events'),
    sheet(data, f) {
      f.place(data.place);
      f.add('fact.fee', data.fee);
      f.audience(data.audience);
      if (data.capacity) f.add('fact.capacity', f.t('fact.people', { count: data.capacity }));
      f.apply(data.application);
      f.contact(data.organizer, data.contact);
      f.districts(data.districts);
      const stamp =
        data.status === 'cancelled'
          ? f.t('flyer.cancelled')
          : data.status === 'postponed'
            ? f.t('flyer.postponed')
            : undefined;
      return { when: formatPeriod(data.start, data.end, f.t), ...(stamp ? { stamp } : {}) };
    },
    order: (data) => data.start,
    posted: () => true,
  },
  // Dated by its start: what a reader of the events feed looks for.
  feed: { date: (data) => data.start, summary: (data) => data.summary },
  photos: (data) => entryImage(data.image, data.flyer?.photo),
} satisfies Kind<Event, FlyerPart<Event>>;
