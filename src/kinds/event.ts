/** A one-off event: when it runs decides everything, a cancellation only changes the wording. */
import { entryHref } from '../lib/entries.ts';
import { formatPeriod, text } from '../lib/facts.ts';
import type { Event } from '../schemas/event.ts';
import type { Kind, FlyerPart, Lifecycle } from './kind.ts';

// A cancelled event is still listed (and flyered) until its day is over: the 中止 notice matters.
function lifecycle(data: Event, today: string): Lifecycle {
  if (data.end.slice(0, 10) < today) return 'past';
  return data.start.slice(0, 10) > today ? 'upcoming' : 'current';
}

export const eventKind = {
  facts(data, f) {
    // Machine-readable with the offset: the time is Japan time wherever the reader is.
    f.add('fact.when', text(formatPeriod(data.start, data.end)), `${data.start}+09:00`);
    f.gathering(data);
  },

  listLine({ id, data }, t, today) {
    const status = data.status === 'scheduled' ? '' : `【${t(`eventStatus.${data.status}`)}】`;
    return {
      href: entryHref('events', id),
      title: data.title,
      meta: `${formatPeriod(data.start, data.end)}${status}`,
      // One that ends between two daily rebuilds is hidden by the reader's browser then;
      // a past one is meant to stay where it is listed.
      ...(lifecycle(data, today) === 'past' ? {} : { ends: `${data.end}+09:00` }),
    };
  },

  lifecycle,

  searchDate: (data) => data.start.slice(0, 10),

  districts: (data) => data.districts,
  topics: (data) => ({ categories: data.categories, audience: data.audience }),
  nav: true,
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
      return { when: formatPeriod(data.start, data.end), ...(stamp ? { stamp } : {}) };
    },
    order: (data) => data.start,
    posted: () => true,
  },
} satisfies Kind<Event, FlyerPart<Event>>;
