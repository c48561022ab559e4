/**
 * Everything in a district or a category, as sections a resident reads top to bottom: what is
 * coming up first (events by date, salons by their next date), then what to join, what
 * happened, and where to ask. Pure: the page loads the collections and passes them in.
 */
import type { T } from './facts.ts';
import { compareJa } from './collate.ts';
import { kindOf, kinds, type DataOf, type EntryCollection, type KindEntry, type ListItem } from '../kinds/index.ts';
import { nextSalonDate } from '../kinds/salon.ts';
import { CATEGORIES } from '../schemas/vocabulary.ts';

export type { ListItem };

/** The collections a listing draws from. */
type Listed =
  'events' | 'salons' | 'recruitments' | 'reports' | 'desks' | 'practices' | 'places' | 'organizations' | 'newsletters';

/** The collections a listing draws from, as loaded by getCollection. */
export type Entries = { [N in Listed]: KindEntry<DataOf<N>>[] };
export type Entry = Entries[Listed][number];

export interface Section {
  /** Stable id for the heading anchor (`aria-labelledby`). */
  id: string;
  title: string;
  items: ListItem[];
}

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
  const kind = kinds.events;
  const sorted = [...events].sort((a, b) => a.data.start.localeCompare(b.data.start));
  const over = (e: Entries['events'][number]) => kind.lifecycle(e.data, today) === 'past';
  const line = (e: Entries['events'][number]) => kind.listLine(e, t, today);
  return {
    upcoming: sorted.filter((e) => !over(e)).map(line),
    past: sorted.filter(over).reverse().map(line),
  };
}

/** Active salons by their next date; paused or ended ones last, saying so. */
function salonLines(salons: Entries['salons'], today: string, t: T): ListItem[] {
  return salons
    .map((s) => ({ s, key: nextSalonDate(s.data, today) ?? '9999' }))
    .sort((a, b) => a.key.localeCompare(b.key) || compareJa(a.s.data.title, b.s.data.title))
    .map(({ s }) => kinds.salons.listLine(s, t, today));
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
    { id: 'practices', title: t('list.practices'), items: practices },
    { id: 'places', title: t('list.places'), items: pick('places').map((e) => kinds.places.listLine(e, t, today)) },
    {
      id: 'organizations',
      title: t('list.organizations'),
      items: pick('organizations').map((e) => kinds.organizations.listLine(e, t, today)),
    },
    { id: 'newsletters', title: t('list.newsletters'), items: newsletters },
    { id: 'past-events', title: t('list.pastEvents'), items: past.slice(0, PAST_EVENTS) },
  ];
  return sections.filter((s) => s.items.length > 0);
}

/** A collection's index page: one list, or sections under headings. */
export type CollectionIndex = { items: ListItem[] } | { sections: Section[] };

type IndexOf = {
  [N in EntryCollection]?: (entries: KindEntry<DataOf<N>>[], today: string, t: T) => CollectionIndex;
};

const titles = (a: { data: { title: string } }, b: { data: { title: string } }) =>
  compareJa(a.data.title, b.data.title);

/**
 * Recruitments still taking helpers first, the deadline soonest first (those without one after
 * them); closed ones last, the latest deadline first.
 */
export function compareRecruitments(today: string) {
  type R = Entries['recruitments'][number];
  const open = (r: R) => kinds.recruitments.lifecycle(r.data, today) !== 'past';
  return (a: R, b: R): number => {
    if (open(a) !== open(b)) return open(a) ? -1 : 1;
    // Undated last either way: an open one takes helpers until further notice, a closed one
    // closed at no known date.
    const [x, y] = open(a)
      ? [a.data.deadline ?? '9999', b.data.deadline ?? '9999']
      : [b.data.deadline ?? '', a.data.deadline ?? ''];
    return x.localeCompare(y) || titles(a, b);
  };
}

/**
 * The order residents look for on an index page, where it is not by title: what is coming or
 * closing soonest first, what is newest first, practices under their (first) theme.
 */
const INDEXES: IndexOf = {
  events(events, today, t) {
    const { upcoming, past } = splitEvents(events, today, t);
    const sections = [{ id: 'upcoming-events', title: t('list.upcomingEvents'), items: upcoming }];
    if (past.length) sections.push({ id: 'past-events', title: t('list.pastEvents'), items: past });
    return { sections };
  },
  salons: (salons, today, t) => ({ items: salonLines(salons, today, t) }),
  recruitments: (recruitments, today, t) => ({
    items: [...recruitments].sort(compareRecruitments(today)).map((r) => kinds.recruitments.listLine(r, t, today)),
  }),
  reports: (reports, today, t) => ({
    items: [...reports]
      .sort((a, b) => b.data.date.localeCompare(a.data.date) || titles(a, b))
      .map((r) => kinds.reports.listLine(r, t, today)),
  }),
  newsletters: (newsletters, today, t) => ({
    items: [...newsletters]
      .sort((a, b) => b.data.month.localeCompare(a.data.month) || titles(a, b))
      .map((n) => kinds.newsletters.listLine(n, t, today)),
  }),
  practices(practices, today, t) {
    const sorted = [...practices].sort(titles);
    const sections = CATEGORIES.map((category) => ({
      id: `theme-${category}`,
      title: t(`category.${category}`),
      items: sorted.filter((p) => p.data.themes[0] === category).map((p) => kinds.practices.listLine(p, t, today)),
    }));
    return { sections: sections.filter((s) => s.items.length > 0) };
  },
};

/**
 * A collection's index page: each entry as its kind's list line, in the order of INDEXES or
 * else by title (desks, places, organizations …).
 * @param today 'YYYY-MM-DD' in Japan at build time.
 */
export function collectionIndex<N extends EntryCollection>(
  collection: N,
  entries: readonly KindEntry<DataOf<N>>[],
  today: string,
  t: T,
): CollectionIndex {
  // INDEXES[N] takes the entries of N; TypeScript cannot follow the name to its entry type.
  const index = INDEXES[collection] as IndexOf[EntryCollection] as
    ((entries: KindEntry<DataOf<N>>[], today: string, t: T) => CollectionIndex) | undefined;
  if (index) return index([...entries], today, t);
  const kind = kindOf(collection);
  return {
    items: entries.map((entry) => kind.listLine(entry, t, today)).sort((a, b) => compareJa(a.title, b.title)),
  };
}
