/**
 * Everything in a district or a category, as sections a resident reads top to bottom: what is
 * coming up first (events by date, salons by their next date), then what to join, what
 * happened, and where to ask. Pure: the page loads the collections and passes them in.
 */
import type { UIKey } from '../i18n/ja.ts';
import { formatDate, formatPeriod } from './facts.ts';
import { nextOccurrences } from './recurrence.ts';
import { describeSchedule } from './schedule-text.ts';
import type { Schedule } from '../schemas/salon.ts';
import { compareJa } from './collate.ts';

type T = (key: UIKey, params?: Record<string, string | number>) => string;
type Data = Record<string, any>;

export interface Entry {
  id: string;
  data: Data;
}

/** The collections a listing draws from, as loaded by getCollection. */
export interface Entries {
  events: Entry[];
  salons: Entry[];
  recruitments: Entry[];
  reports: Entry[];
  desks: Entry[];
  practices: Entry[];
  places: Entry[];
  organizations: Entry[];
  newsletters: Entry[];
}

export interface ListItem {
  href: string;
  title: string;
  meta?: string;
  /** ISO time after which the reader's browser may hide the item (an event that ended since the build). */
  ends?: string;
}

export interface Section {
  /** Stable id for the heading anchor (`aria-labelledby`). */
  id: string;
  title: string;
  items: ListItem[];
}

/** A recruitment whose deadline (a Japan date) is before `today` takes nobody any more. */
export function deadlinePassed(data: Data, today: string): boolean {
  return typeof data['deadline'] === 'string' && data['deadline'] < today;
}

/**
 * When the reader's browser may hide a recruitment (see prefs.js): the end of its deadline day
 * in Japan, so one that closes between two daily rebuilds disappears on time.
 */
export function recruitmentEnds(data: Data): string | undefined {
  return typeof data['deadline'] === 'string' ? `${data['deadline']}T23:59:59+09:00` : undefined;
}

/** Open recruitments that still take helpers on `today` (Japan date), for the home page. */
export function openRecruitments<E extends Entry>(recruitments: E[], today: string): E[] {
  return recruitments.filter((r) => r.data['status'] === 'open' && !deadlinePassed(r.data, today));
}

/** Which entries belong: called with the collection name and the entry's data. */
export type Select = (collection: keyof Entries, entry: Entry) => boolean;

const href = (collection: string, id: string) => `/${collection}/${id}/`;
// Past events are kept for context (a report may refer to them) but only the latest few.
const PAST_EVENTS = 5;
const REPORTS = 10;

/** Place id → its district: what districtsOf needs to place a desk. */
export function placeDistricts(places: readonly { id: string; data: Data }[]): Map<string, string> {
  return new Map(places.map((p) => [p.id, String(p.data['district'])]));
}

/**
 * The districts an entry is about. Places have one district; desks have none of their own
 * and count as being where their place is, so 地域包括支援センター shows in its area.
 */
export function districtsOf(collection: string, data: Data, placeDistricts: ReadonlyMap<string, string>) {
  if (Array.isArray(data['districts'])) return data['districts'] as string[];
  if (typeof data['district'] === 'string') return [data['district']];
  const place = typeof data['place'] === 'string' ? placeDistricts.get(data['place']) : undefined;
  return collection === 'desks' && place ? [place] : [];
}

// District → its entries, worked out once per set of entries: a region has hundreds of
// district pages, and asking every entry's districts again for each cost ~1 s at 10,000 entries.
const districtIndexes = new WeakMap<Entries, Map<string, Set<Entry>>>();

function districtIndex(entries: Entries): Map<string, Set<Entry>> {
  let index = districtIndexes.get(entries);
  if (index) return index;
  const places = placeDistricts(entries.places);
  index = new Map();
  for (const collection of Object.keys(entries) as (keyof Entries)[])
    for (const entry of entries[collection])
      for (const district of districtsOf(collection, entry.data, places)) {
        let members = index.get(district);
        if (!members) index.set(district, (members = new Set()));
        members.add(entry);
      }
  districtIndexes.set(entries, index);
  return index;
}

/** Selects entries in any of the districts (pass a district with its descendants). */
export function inDistricts(entries: Entries, districtIds: ReadonlySet<string>): Select {
  const index = districtIndex(entries);
  const members = new Set<Entry>();
  for (const id of districtIds) for (const entry of index.get(id) ?? []) members.add(entry);
  return (_collection, entry) => members.has(entry);
}

/** Selects entries in a category; practices call their categories `themes`. */
export const inCategory =
  (category: string): Select =>
  (_collection, entry) =>
    ((entry.data['categories'] ?? entry.data['themes'] ?? []) as string[]).includes(category);

/** An event as a list line: its title, and when with 【中止】/【延期】 if it will not go ahead as planned. */
export function eventListItem(e: Entry, t: T): ListItem {
  const status = e.data['status'] === 'scheduled' ? '' : `【${t(`eventStatus.${e.data['status']}` as UIKey)}】`;
  return {
    href: href('events', e.id),
    title: e.data['title'],
    meta: `${formatPeriod(e.data['start'], e.data['end'])}${status}`,
  };
}

/**
 * Events still to come (or under way) by date, soonest first, and those over, latest first.
 * @param today 'YYYY-MM-DD' in Japan at build time.
 */
export function splitEvents(events: Entry[], today: string, t: T): { upcoming: ListItem[]; past: ListItem[] } {
  const sorted = [...events].sort((a, b) => a.data['start'].localeCompare(b.data['start']));
  return {
    // Upcoming events may end between two daily rebuilds; the reader's browser then hides them.
    upcoming: sorted
      .filter((e) => e.data['end'].slice(0, 10) >= today)
      .map((e) => ({ ...eventListItem(e, t), ends: `${e.data['end']}+09:00` })),
    past: sorted
      .filter((e) => e.data['end'].slice(0, 10) < today)
      .reverse()
      .map((e) => eventListItem(e, t)),
  };
}

/**
 * The sections for the selected entries, empty ones left out.
 * @param today 'YYYY-MM-DD' in Japan at build time: what counts as upcoming.
 */
export function listSections(entries: Entries, select: Select, today: string, t: T): Section[] {
  const pick = (collection: keyof Entries) => entries[collection].filter((e) => select(collection, e));
  const { upcoming, past } = splitEvents(pick('events'), today, t);

  // Active salons by their next date; paused or ended ones last, saying so.
  const salons = pick('salons')
    .map((s) => {
      const next =
        s.data['status'] === 'active' ? nextOccurrences(s.data['schedule'] as Schedule, today, 1)[0] : undefined;
      const when = describeSchedule(s.data['schedule'] as Schedule, t);
      const meta =
        s.data['status'] !== 'active'
          ? `${when}【${t(`salonStatus.${s.data['status']}` as UIKey)}】`
          : next
            ? `${when}（${t('list.nextDate', { date: formatDate(next.date) })}）`
            : when;
      return { item: { href: href('salons', s.id), title: s.data['title'], meta }, key: next?.date ?? '9999' };
    })
    .sort((a, b) => a.key.localeCompare(b.key) || compareJa(a.item.title, b.item.title))
    .map((s) => s.item);

  const recruitments = pick('recruitments')
    .filter((r) => !deadlinePassed(r.data, today))
    .sort((a, b) => Number(a.data['status'] !== 'open') - Number(b.data['status'] !== 'open'))
    .map((r) => ({
      ...(r.data['deadline'] ? { ends: recruitmentEnds(r.data) as string } : {}),
      href: href('recruitments', r.id),
      title: r.data['title'],
      meta: [
        r.data['role'],
        r.data['deadline'] ? t('list.deadline', { date: formatDate(r.data['deadline']) }) : '',
        r.data['status'] === 'open' ? '' : `【${t('recruitmentStatus.closed')}】`,
      ]
        .filter(Boolean)
        .join(' '),
    }));

  const byDateDesc = (a: Entry, b: Entry) => String(b.data['date']).localeCompare(String(a.data['date']));
  const reports = pick('reports')
    .sort(byDateDesc)
    .slice(0, REPORTS)
    .map((r) => ({ href: href('reports', r.id), title: r.data['title'], meta: formatDate(r.data['date']) }));
  const desks = pick('desks').map((d) => ({
    href: href('desks', d.id),
    title: d.data['name'],
    meta: `${d.data['phone']}（${d.data['hours']}）`,
  }));
  const practices = pick('practices')
    .sort(byDateDesc)
    .map((p) => ({ href: href('practices', p.id), title: p.data['title'], meta: p.data['town'] }));
  const places = pick('places').map((p) => ({
    href: href('places', p.id),
    title: p.data['name'],
    meta: p.data['address'],
  }));
  const organizations = pick('organizations').map((o) => ({
    href: href('organizations', o.id),
    title: o.data['name'],
  }));
  const newsletters = pick('newsletters')
    .sort((a, b) => String(b.data['month']).localeCompare(String(a.data['month'])))
    .map((n) => ({ href: href('newsletters', n.id), title: n.data['title'] }));

  const sections: Section[] = [
    { id: 'upcoming-events', title: t('list.upcomingEvents'), items: upcoming },
    { id: 'salons', title: t('list.salons'), items: salons },
    { id: 'recruitments', title: t('list.recruitments'), items: recruitments },
    { id: 'reports', title: t('list.reports'), items: reports },
    { id: 'desks', title: t('list.desks'), items: desks },
    { id: 'practices', title: t('list.practices'), items: practices },
    { id: 'places', title: t('list.places'), items: places },
    { id: 'organizations', title: t('list.organizations'), items: organizations },
    { id: 'newsletters', title: t('list.newsletters'), items: newsletters },
    { id: 'past-events', title: t('list.pastEvents'), items: past.slice(0, PAST_EVENTS) },
  ];
  return sections.filter((s) => s.items.length > 0);
}
