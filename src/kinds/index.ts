/**
 * The registry: one kind per content type that has entries. Its type makes a type without a
 * kind, or a kind without one of its parts, a compile error; flyer types must have a flyer part
 * and the others must say `flyer: null`. Everything that differs by type asks here.
 */
import type { FlyerCollection } from '../flyers/paths.ts';
import { FactList, type Fact, type Lookup, type T } from '../lib/facts.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import { deskKind } from './desk.ts';
import { districtKind } from './district.ts';
import { eventKind } from './event.ts';
import type { DataOf, EntryCollection, FlyerPart, Kind, Lifecycle } from './kind.ts';
import { newsletterKind } from './newsletter.ts';
import { organizationKind } from './organization.ts';
import { pageKind } from './page.ts';
import { placeKind } from './place.ts';
import { practiceKind } from './practice.ts';
import { recruitmentKind } from './recruitment.ts';
import { reportKind } from './report.ts';
import { salonKind } from './salon.ts';

export type Registry = {
  [N in EntryCollection]: Kind<DataOf<N>, N extends FlyerCollection ? FlyerPart<DataOf<N>> : null>;
};

// Annotated rather than `satisfies`: callers see every part with its full signature.
export const kinds: Registry = {
  events: eventKind,
  salons: salonKind,
  recruitments: recruitmentKind,
  reports: reportKind,
  desks: deskKind,
  practices: practiceKind,
  newsletters: newsletterKind,
  places: placeKind,
  districts: districtKind,
  organizations: organizationKind,
  pages: pageKind,
};

/**
 * The kind of a collection named at run time (the search worker, a page's params), for data the
 * loader validated against that collection's schema: the one place a name meets its type.
 */
export function kindOf(collection: string): Kind<unknown> {
  const kind = (kinds as Record<string, Kind<never>>)[collection];
  if (!kind) throw new Error(`no kind for the collection "${collection}" (src/kinds/index.ts)`);
  return kind as Kind<unknown>;
}

/**
 * The facts a resident needs to act on an entry, as its page lists them.
 * @param today 'YYYY-MM-DD' in Japan at build time, from which a salon's next dates are listed.
 */
export function factsFor(collection: string, data: unknown, lookup: Lookup, t: T, today = todayInJapan()): Fact[] {
  const facts = new FactList(lookup, t);
  kindOf(collection).facts(data, facts, today);
  return facts.facts;
}

/** Where an entry stands on `today` ('YYYY-MM-DD', Japan): see Lifecycle. */
export const lifecycleOf = (collection: string, data: unknown, today: string): Lifecycle =>
  kindOf(collection).lifecycle(data, today);

export type { DataOf, EntryCollection, FlyerPart, Kind, Lifecycle };
export type { ListItem, KindEntry } from './kind.ts';
