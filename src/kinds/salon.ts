/** A recurring gathering: its schedule is data, so its next dates follow from the day asked. */
import { formatDateJa, startOfDateJst } from '../lib/dates.ts';
import { entryHref } from '../lib/entries.ts';
import { formatDate, text, KIND_WEIGHT } from '../lib/facts.ts';
import { nextOccurrences } from '../lib/recurrence.ts';
import { describeSchedule } from '../lib/schedule-text.ts';
import type { Salon } from '../schemas/salon.ts';
import type { Kind, FlyerPart } from './kind.ts';

/** The next date an active salon meets from `today`, for lists sorted by it. */
export const nextSalonDate = (data: Salon, today: string): string | undefined =>
  data.status === 'active' ? nextOccurrences(data.schedule, today, 1)[0]?.date : undefined;

/** 12月10日(水): the year is obvious on a notice board and the short form fits on one line. */
const shortDate = (date: string) => formatDateJa(startOfDateJst(date)).replace(/^\d+年/, '');

export const salonKind = {
  facts(data, f, today) {
    f.add('fact.schedule', text(describeSchedule(data.schedule, f.t)));
    if (data.status === 'active')
      f.unindexed(
        'fact.nextDates',
        nextOccurrences(data.schedule, today, 4).map((o) => ({
          text: formatDate(o.date),
          datetime: `${o.start}+09:00`,
        })),
      );
    f.topic('fact.kind', [{ text: f.t(`salonKind.${data.kind}`) }], KIND_WEIGHT);
    f.gathering(data);
  },

  // Paused or ended ones say so; an active one names its next date.
  listLine({ id, data }, t, today) {
    const next = nextSalonDate(data, today);
    const when = describeSchedule(data.schedule, t);
    const meta =
      data.status !== 'active'
        ? `${when}【${t(`salonStatus.${data.status}`)}】`
        : next
          ? `${when}（${t('list.nextDate', { date: formatDate(next) })}）`
          : when;
    return { href: entryHref('salons', id), title: data.title, meta };
  },

  // A paused salon is current: it is expected back. One whose schedule has run out
  // (validUntil) is past even if nobody set it to ended.
  lifecycle(data, today) {
    if (data.status === 'ended') return 'past';
    if (data.schedule.validUntil !== undefined && data.schedule.validUntil < today) return 'past';
    return data.schedule.validFrom > today ? 'upcoming' : 'current';
  },

  searchDate: () => undefined,

  districts: (data) => data.districts,
  topics: (data) => ({ categories: data.categories, audience: data.audience }),
  nav: true,
  flyer: {
    headline: (data, t) => t(`salonKind.${data.kind}`),
    sheet(data, f, today) {
      f.place(data.place);
      f.add('fact.fee', data.fee);
      f.audience(data.audience);
      f.apply(data.application);
      f.contact(data.organizer, data.contact);
      f.districts(data.districts);
      const stamp =
        data.status === 'paused' ? f.t('flyer.paused') : data.status === 'ended' ? f.t('flyer.ended') : undefined;
      return {
        when: describeSchedule(data.schedule, f.t),
        nextDates:
          data.status === 'active' ? nextOccurrences(data.schedule, today, 3).map((o) => shortDate(o.date)) : [],
        ...(stamp ? { stamp } : {}),
      };
    },
    order: (data) => data.title,
    posted: (data) => data.status === 'active',
  },
} satisfies Kind<Salon, FlyerPart<Salon>>;
