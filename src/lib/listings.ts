/**
 * Everything in a district or a category, as sections a resident reads top to bottom: what is
 * coming up first (events by date, salons by their next date), then what to join, what
 * happened, and where to ask. Pure: the page loads the collections and passes them in.
 */
import type { T } from './facts.ts';
import {
  kindOf,
  kinds,
  type CollectionIndex,
  type DataOf,
  type EntryCollection,
  type KindEntry,
  type ListItem,
  type Section,
} from '../kinds/index.ts';
import { eventsByTime } from '../kinds/event.ts';
import { salonsByNextDate } from '../kinds/salon.ts';

export type { CollectionIndex, ListItem, Section };
export { compareRecruitments } from '../kinds/recruitment.ts';

/**
 * The collections a listing draws from: all but districts (the pages' subject), fixed pages and
 * grants (town-wide: they have no district, and their own list is soonest deadline first).
 */
type Listed = Exclude<EntryCollection, 'districts' | 'pages' | 'funding'>;

/** The collections a listing draws from, as loaded by getCollection. */
export type Entries = { [N in Listed]: KindEntry<DataOf<N>>[] };
export type Entry = Entries[Listed][number];

/** Recruitments that still take helpers on `today` (Japan date): not past for their kind. */
export function openRecruitments<E extends Entries['recruitments'][number]>(recruitments: E[], today: string): E[] {
  return recruitments.filter((r) => kinds.recruitments.lifecycle(r.data, today) !== 'past');
}

/** Which entries belong: called with the collection name and the entry's data. */
export type Select = (collection: keyof Entries, entry: Entry) => boolean;

// Past events are kept for context (a report may refer to them) but only the latest few.
const PAST_EVENTS = 5;
const REPORTS = 10;

/** Place id → its district: what districtsOf needs to place a desk. */
export function placeDistricts(places: readonly { id: string; data: { district?: unknown } }[]): Map<string, string> {
  return new Map(places.map((p) => [p.id, String(p.data.district)]));
}

/** The districts an entry is about, as its kind says (a desk is where its place is). */
export const districtsOf = (
  collection: string,
  data: unknown,
  placeDistricts: ReadonlyMap<string, string>,
): readonly string[] => kindOf(collection).districts(data, placeDistricts);

// District → its entries, worked out once per set of entries: a region has hundreds of
// district pages, and asking every entry's districts again for each cost ~1 s at 10,000 entries.
const districtIndexes = new WeakMap<Entries, Map<string, Set<Entry>>>();

function districtIndex(entries: Entries): Map<string, Set<Entry>> {
  let index = districtIndexes.get(entries);
  if (index) return index;
  const places = placeDistricts(entries.places);
  index = new Map();
  for (const collection of Object.keys(entries) as (keyof Entries)[])
    for (const entry of entries[collection] as Entry[])
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

/** Selects entries in a category (as their kind says: practices call theirs `themes`). */
export const inCategory =
  (category: string): Select =>
  (collection, entry) =>
    kindOf(collection)
      .topics(entry.data)
      .categories.some((c) => c === category);

/**
 * Events still to come (or under way) by date, soonest first, and those over, latest first.
 * @param today 'YYYY-MM-DD' in Japan at build time.
 */
export function splitEvents(
  events: Entries['events'],
  today: string,
  t: T,
): { upcoming: ListItem[]; past: ListItem[] } {
  const { upcoming, past } = eventsByTime(events, today);
  const line = (e: Entries['events'][number]) => kinds.events.listLine(e, t, today);
  return { upcoming: upcoming.map(line), past: past.map(line) };
}

/** Salons by their next date, paused or ended last, as list lines. */
function salonLines(salons: Entries['salons'], today: string, t: T): ListItem[] {
  return salonsByNextDate(salons, today).map((s) => kinds.salons.listLine(s, t, today));
}

/**
 * The sections for the selected entries, empty ones left out; each entry as its kind's list
 * line, past ones left out (src/kinds/kind.ts, Lifecycle) but for a few past events.
 * @param today 'YYYY-MM-DD' in Japan at build time: what counts as upcoming.
 */
export function listSections(entries: Entries, select: Select, today: string, t: T): Section[] {
  const pick = <N extends Listed>(collection: N): Entries[N] => {
    const list: readonly Entry[] = entries[collection];
    // A subset of entries[collection], so of its type.
    return list.filter((e) => select(collection, e)) as Entries[N];
  };
  const { upcoming, past } = splitEvents(pick('events'), today, t);

  const salons = salonLines(pick('salons'), today, t);

  // A closed one is past as in search and on the flyers and home page (before, it stayed here
  // marked 【募集終了】 until its deadline).
  const recruitments = openRecruitments(pick('recruitments'), today).map((r) =>
    kinds.recruitments.listLine(r, t, today),
  );
  const byDateDesc = (a: { data: { date: string } }, b: { data: { date: string } }) =>
    b.data.date.localeCompare(a.data.date);
  const reports = pick('reports')
    .sort(byDateDesc)
    .slice(0, REPORTS)
    .map((r) => kinds.reports.listLine(r, t, today));
  const practices = pick('practices')
    .sort(byDateDesc)
    .map((p) => kinds.practices.listLine(p, t, today));
  const newsletters = pick('newsletters')
    .sort((a, b) => b.data.month.localeCompare(a.data.month))
    .map((n) => kinds.newsletters.listLine(n, t, today));

  const sections: Section[] = [
    { id: 'upcoming-events', title: t('list.upcomingEvents'), items: upcoming },
    { id: 'salons', title: t('list.salons'), items: salons },
    { id: 'recruitments', title: t('list.recruitments'), items: recruitments },
    { id: 'reports', title: t('list.reports'), items: reports },
    { id: 'desks', title: t('list.desks'), items: pick('desks').map((e) => kinds.desks.listLine(e, t, today)) },
    // Next to the desks: help with ごみ出し or 買い物 from neighbours, when there is nothing to consult about.
    {
      id: 'services',
      title: t('list.services'),
      items: pick('services').map((e) => kinds.services.listLine(e, t, today)),
    },
    { id: 'practices', title: t('list.practices'), items: practices },
    { id: 'places', title: t('list.places'), items: pick('places').map((e) => kinds.places.listLine(e, t, today)) },
    {
      id: 'organizations',
      title: t('list.organizations'),
      items: pick('organizations').map((e) => kinds.organizations.listLine(e, t, today)),
    },
    { id: 'newsletters', title: t('list.newsletters'), items: newsletters },
    // A plan that has ended is past like any entry; the current and coming ones are listed.
    {
      id: 'plans',
      title: t('list.plans'),
      items: pick('plans')
        .filter((p) => kinds.plans.lifecycle(p.data, today) !== 'past')
        .map((p) => kinds.plans.listLine(p, t, today)),
    },
    { id: 'past-events', title: t('list.pastEvents'), items: past.slice(0, PAST_EVENTS) },
  ];
  return sections.filter((s) => s.items.length > 0);
}

/**
 * A collection's index page: each entry as its kind's list line, in the order (and under the
 * headings) its kind's `index` part gives.
 * @param today 'YYYY-MM-DD' in Japan at build time.
 */
export function collectionIndex<N extends EntryCollection>(
  collection: N,
  entries: readonly KindEntry<DataOf<N>>[],
  today: string,
  t: T,
): CollectionIndex {
  const kind = kindOf(collection);
  const line = (entry: KindEntry<unknown>) => kind.listLine(entry, t, today);
  const order = kind.index(entries, today, t);
  if ('entries' in order) return { items: order.entries.map(line) };
  return { sections: order.sections.map(({ id, title, entries }) => ({ id, title, items: entries.map(line) })) };
}

/** Every line of an index, its sections' in order: for lists that show the first few (the home page). */
export const indexItems = (index: CollectionIndex): ListItem[] =>
  'items' in index ? index.items : index.sections.flatMap((section) => section.items);

/**
 * At most this many lines of one list on a collection's index page; the rest follow on pages of
 * as many (/events/past-events/2/). Past events and reports only ever grow: after a few years a
 * busy town's lists ran to thousands of lines (2.2 MB of HTML for /reports/ at 10,000 entries),
 * too much for a phone on a slow line. A list under the limit looks as it always did.
 */
export const LIST_PAGE_SIZE = 100;

/** One list of a collection's index: a section, or the whole index where it has none (`list`). */
export interface IndexList {
  id: string;
  /** The section's heading; none for an index without sections. */
  title: string | undefined;
  items: ListItem[];
}

/** An index's lists, in order: its sections, or one list of every line. */
export const indexLists = (index: CollectionIndex): IndexList[] =>
  'items' in index
    ? [{ id: 'list', title: undefined, items: index.items }]
    : index.sections.map(({ id, title, items }) => ({ id, title, items }));

/** How many pages a list of `count` lines takes: at least one, the index itself. */
export const pageCount = (count: number, size = LIST_PAGE_SIZE): number => Math.max(1, Math.ceil(count / size));

/** The lines on page `page` (from 1) of a list. */
export const pageItems = <I>(items: readonly I[], page: number, size = LIST_PAGE_SIZE): I[] =>
  items.slice((page - 1) * size, page * size);

/**
 * Where page `page` of list `list` of a collection is (in Japanese): the first is the index page,
 * at the list's heading when it has one; the others are pages of their own.
 */
export const listPageHref = (
  collection: string,
  list: Pick<IndexList, 'id'> & Partial<IndexList>,
  page: number,
): string =>
  page === 1 ? `/${collection}/${list.title === undefined ? '' : `#${list.id}`}` : `/${collection}/${list.id}/${page}/`;
