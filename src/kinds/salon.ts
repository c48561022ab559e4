/** A recurring gathering: its schedule is data, so its next dates follow from the day asked. */
import { formatMonthDayIn, startOfDateJst } from '../lib/dates.ts';
import { entryHref } from '../lib/entries.ts';
import { compareJa } from '../lib/collate.ts';
import { formatDate, text, KIND_WEIGHT } from '../lib/facts.ts';
import { expandSchedule, nextOccurrences, type DateRange } from '../lib/recurrence.ts';
import { describeSchedule } from '../lib/schedule-text.ts';
import { gatheringLd, salonJsonLd } from '../lib/structured-data.ts';
import type { Salon } from '../schemas/salon.ts';
import { scheduleRecurrence } from '../lib/feeds/rrule.ts';
import { entryIcsHref } from '../lib/feeds/paths.ts';
import {
  entryImage,
  type CalendarOccurrence,
  type IcsEntry,
  type Kind,
  type KindEntry,
  type FlyerPart,
} from './kind.ts';

/**
 * Whether the salon meets at all: a paused one is expected back but has no dates (its page says
 * お休み中), an ended one none either. Within its schedule, validFrom..validUntil bound the dates,
 * as they bound its lifecycle.
 */
const meets = (data: Salon): boolean => data.status === 'active';

/** The next date an active salon meets from `today`, for lists sorted by it. */
export const nextSalonDate = (data: Salon, today: string): string | undefined =>
  meets(data) ? nextOccurrences(data.schedule, today, 1)[0]?.date : undefined;

/** Active salons by their next date; paused or ended ones last (their list line says so). */
export function salonsByNextDate<E extends KindEntry<Salon>>(salons: readonly E[], today: string): E[] {
  return salons
    .map((s) => ({ s, key: nextSalonDate(s.data, today) ?? '9999' }))
    .sort((a, b) => a.key.localeCompare(b.key) || compareJa(a.s.data.title, b.s.data.title))
    .map(({ s }) => s);
}

/** The salon's meetings within the range, お休み kept and marked (with the holiday's name). */
function meetings(data: Salon, range: DateRange): CalendarOccurrence[] {
  if (!meets(data)) return [];
  return expandSchedule(data.schedule, range).map((o) => {
    const occurrence: CalendarOccurrence = {
      date: o.date,
      start: o.start,
      end: o.end,
      status: o.status === 'skipped' ? 'skipped' : 'scheduled',
    };
    if (o.reason) occurrence.reason = o.reason;
    if (o.status === 'skipped' && o.holiday) occurrence.holiday = o.holiday;
    return occurrence;
  });
}

/** The salon's schedule as an iCalendar recurrence (one event with RRULE and EXDATE where a rule says it). */
function salonIcs(data: Salon, range: DateRange): IcsEntry | undefined {
  if (!meets(data)) return undefined;
  const when = scheduleRecurrence(data.schedule, range);
  return when && { when, status: 'scheduled', description: [data.summary], place: data.place };
}

/** 12月10日(水): the year is obvious on a notice board and the short form fits on one line. */
const shortDate = (date: string, tag = 'ja') => formatMonthDayIn(tag, startOfDateJst(date));

export const salonKind = {
  facts(data, f, today) {
    f.add('fact.schedule', text(describeSchedule(data.schedule, f.t)));
    if (meets(data))
      f.unindexed(
        'fact.nextDates',
        nextOccurrences(data.schedule, today, 4).map((o) => ({
          text: formatDate(o.date, f.t),
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
          ? t('text.aside', { text: when, aside: t('list.nextDate', { date: formatDate(next, t) }) })
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

  pastNotice: 'status.ended',

  searchDate: () => undefined,

  districts: (data) => data.districts,
  topics: (data) => ({ categories: data.categories, audience: data.audience }),

  index: (salons, today) => ({ entries: salonsByNextDate(salons, today) }),

  nav: true,
  calendar: { occurrences: meetings, label: 'calendar.salon', recurring: true, ics: salonIcs },
  structuredData: (data, page) => salonJsonLd(data, gatheringLd(data, page), page.today),
  // カレンダーに追加: its recurring rule as a calendar file, while it meets.
  links: ({ id, data }, t) => (meets(data) ? [{ href: entryIcsHref('salons', id), title: t('feeds.addEntry') }] : []),
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
        nextDates: meets(data) ? nextOccurrences(data.schedule, today, 3).map((o) => shortDate(o.date, f.t.tag)) : [],
        ...(stamp ? { stamp } : {}),
      };
    },
    order: (data) => data.title,
    posted: meets,
  },
  feed: null,
  photos: (data) => entryImage(data.image, data.flyer?.photo),
} satisfies Kind<Salon, FlyerPart<Salon>>;
