/**
 * The registry: one kind per content type that has entries. Its type makes a type without a
 * kind, or a kind without one of its parts, a compile error. Everything that differs by type
 * asks here, and the lists of types that have a part (flyers, the calendar) are read from it.
 */
import { FactList, type Fact, type Link, type Lookup, type T } from '../lib/facts.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import type { PagePhoto } from '../lib/media/photos.ts';
import { referrerIndex, type Referrer } from '../lib/schema/references.ts';
import { describeFields, type FieldInfo } from '../lib/schema/walk.ts';
import { contentTypeByName } from '../schemas/index.ts';
import { deskKind } from './desk.ts';
import { districtKind } from './district.ts';
import { eventKind } from './event.ts';
import { fundingKind } from './funding.ts';
import type { CalendarPart, DataOf, EntryCollection, FeedPart, FlyerPart, Kind, Lifecycle } from './kind.ts';
import { newsletterKind } from './newsletter.ts';
import { organizationKind } from './organization.ts';
import { planKind } from './plan.ts';
import { pageKind } from './page.ts';
import { placeKind } from './place.ts';
import { practiceKind } from './practice.ts';
import { recruitmentKind } from './recruitment.ts';
import { reportKind } from './report.ts';
import { salonKind } from './salon.ts';
import { serviceKind } from './service.ts';

const registry = {
  events: eventKind,
  salons: salonKind,
  recruitments: recruitmentKind,
  reports: reportKind,
  desks: deskKind,
  services: serviceKind,
  plans: planKind,
  funding: fundingKind,
  practices: practiceKind,
  newsletters: newsletterKind,
  places: placeKind,
  districts: districtKind,
  organizations: organizationKind,
  pages: pageKind,
} satisfies { [N in EntryCollection]: Kind<DataOf<N>> };

/** The collections whose kind has a flyer part: events, salons, recruitments. */
export type FlyerCollection = {
  [N in EntryCollection]: (typeof registry)[N]['flyer'] extends null ? never : N;
}[EntryCollection];

export type Registry = {
  [N in EntryCollection]: Kind<DataOf<N>, N extends FlyerCollection ? FlyerPart<DataOf<N>> : null>;
};

// Annotated rather than left to `satisfies`: callers see every part with its full signature
// (a kind may leave out parameters it does not use), and a flyer type's part is not null.
export const kinds: Registry = registry;

const isEntryCollection = (name: string): name is EntryCollection => Object.hasOwn(kinds, name);
const collections = Object.keys(kinds).filter(isEntryCollection);

export const isFlyerCollection = (collection: string): collection is FlyerCollection =>
  isEntryCollection(collection) && kinds[collection].flyer !== null;

/** Collections that get flyers (their kind has a flyer part), in the registry's order. */
export const FLYER_COLLECTIONS: readonly FlyerCollection[] = collections.filter(isFlyerCollection);

/** Collections whose entries are on the calendar (their kind has a calendar part): events, salons. */
export const CALENDAR_COLLECTIONS: readonly EntryCollection[] = collections.filter((c) => kinds[c].calendar !== null);

/** Collections whose kind lays out its own pages (src/pages/<collection>/): newsletters. */
export const OWN_PAGE_COLLECTIONS: ReadonlySet<EntryCollection> = new Set(collections.filter((c) => kinds[c].ownPages));

/** Collections with a news feed (their kind has a feed part): events, recruitments, reports. */
export const FEED_COLLECTIONS: readonly EntryCollection[] = collections.filter((c) => kinds[c].feed !== null);

/**
 * The kind of a collection named at run time (the search worker, a page's params), for data the
 * loader validated against that collection's schema: the one place a name meets its type.
 */
export function kindOf(collection: string): Kind<unknown> {
  if (!isEntryCollection(collection))
    throw new Error(`no kind for the collection "${collection}" (src/kinds/index.ts)`);
  // Each kind takes its own type's data; the caller vouches that `data` is of `collection`.
  const kind: unknown = kinds[collection];
  return kind as Kind<unknown>;
}

/**
 * Whether a fact's value has words. Link.text is typed a string, but a kind reading an unfinished
 * CMS draft (a date not chosen yet) gets undefined or '' from the fields not filled in.
 */
const hasWords = (value: Link): boolean => typeof value.text === 'string' && value.text !== '';

/**
 * The facts a resident needs to act on an entry, as its page (and the CMS preview) lists them.
 * A value without words is left out, and a fact left with none, as FactList.add leaves out a
 * fact without values: a draft's preview shows what is filled in instead of throwing on a blank
 * (validated entries always have words: none of the sample's 2,341 values was left out).
 * @param today 'YYYY-MM-DD' in Japan at build time, from which a salon's next dates are listed.
 */
export function factsFor(collection: string, data: unknown, lookup: Lookup, t: T, today = todayInJapan()): Fact[] {
  const facts = new FactList(lookup, t);
  kindOf(collection).facts(data, facts, today);
  return facts.facts.flatMap((fact) => {
    if (fact.values.every(hasWords)) return [fact];
    const values = fact.values.filter(hasWords);
    return values.length ? [{ ...fact, values }] : [];
  });
}

/** The pictures an entry's page shows (a report's photos with consent, an event's or salon's image). */
export const photosFor = (collection: string, data: unknown): readonly PagePhoto[] => kindOf(collection).photos(data);

/** Where an entry stands on `today` ('YYYY-MM-DD', Japan): see Lifecycle. */
export const lifecycleOf = (collection: string, data: unknown, today: string): Lifecycle =>
  kindOf(collection).lifecycle(data, today);

const schemaFields = new Map<string, FieldInfo[]>();
function fieldsOfCollection(collection: string): FieldInfo[] | undefined {
  const type = contentTypeByName.get(collection);
  if (!type) return undefined;
  let fields = schemaFields.get(collection);
  if (!fields) schemaFields.set(collection, (fields = describeFields(type.schema)));
  return fields;
}

const referrerIndexes = new WeakMap<Lookup, Map<string, Referrer[]>>();

/**
 * The entries that name `collection/id` in a reference field (a salon's place, a desk's place)
 * and are not past on `today`, in registry order, then as the lookup holds them: what a kind's
 * links part may list (a place lists what meets there).
 */
export function referrersOf(collection: string, id: string, lookup: Lookup, today: string): Referrer[] {
  let index = referrerIndexes.get(lookup);
  if (!index) referrerIndexes.set(lookup, (index = referrerIndex(lookup, fieldsOfCollection)));
  const order = (c: string) => collections.indexOf(c as EntryCollection);
  return (index.get(`${collection}/${id}`) ?? [])
    .filter((r) => isEntryCollection(r.collection) && lifecycleOf(r.collection, r.data, today) !== 'past')
    .sort((a, b) => order(a.collection) - order(b.collection));
}

export type { CalendarPart, DataOf, EntryCollection, FeedPart, FlyerPart, Kind, Lifecycle };
export type {
  Action,
  IndexLinks,
  CalendarOccurrence,
  CollectionIndex,
  IcsEntry,
  IndexOrder,
  KindEntry,
  LinkContext,
  ListItem,
  PageContext,
  Section,
} from './kind.ts';
