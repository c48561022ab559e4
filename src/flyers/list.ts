/**
 * The flyers a volunteer may want to print today, for the flyers index page: upcoming or
 * running events (cancelled ones too, so the 中止 notice can go up), active salons and open
 * recruitments. Pure: pages pass the entries they already have (getCollection data).
 */
import {
  FLYER_COLLECTIONS,
  flyerPaths,
  flyerTemplateOf,
  isFlyerCollection,
  type FlyerCollection,
  type FlyerPaths,
} from './paths.ts';
import { compareJa } from '../lib/collate.ts';
import { kindOf } from '../kinds/index.ts';
import { todayInJapan } from '../lib/recurrence.ts';

export interface FlyerEntry {
  collection: string;
  id: string;
  data: Record<string, unknown>;
}

export interface FlyerListItem {
  collection: FlyerCollection;
  id: string;
  title: string;
  paths: FlyerPaths;
  /** District ids the entry names, for the flyers of one district (/area/<id>/flyers/). */
  districts: string[];
}

/**
 * The day flyers are made for ('YYYY-MM-DD', Japan): FLYERS_TODAY where it is set (tests,
 * reproducible builds; `astro build` sets it at its start, src/integrations/tsunagari.ts), else
 * today. The entry pages' flyer boxes and the flyer step both ask it, so a page links exactly
 * the PDFs the step made, even in a build that runs past midnight in Japan.
 */
export const flyerDay = (): string => process.env['FLYERS_TODAY'] ?? todayInJapan();

/**
 * Whether an entry's flyer is worth printing on `today` ('YYYY-MM-DD', Japan): its kind has a
 * flyer, the entry is not past (src/kinds/kind.ts, Lifecycle: the same answer search gives) and
 * the kind would put it up (a paused salon's would not).
 */
export function isCurrentFlyer(collection: string, data: unknown, today: string): boolean {
  if (!isFlyerCollection(collection)) return false;
  const kind = kindOf(collection);
  return kind.flyer !== null && kind.lifecycle(data, today) !== 'past' && kind.flyer.posted(data);
}

/** Current flyers, events by start date first, then salons and recruitments by title. */
export function listFlyers(entries: Iterable<FlyerEntry>, today: string): FlyerListItem[] {
  const items: (FlyerListItem & { sort: string })[] = [];
  for (const { collection, id, data } of entries) {
    if (!isFlyerCollection(collection) || !isCurrentFlyer(collection, data, today)) continue;
    const kind = kindOf(collection);
    const title = String(data['title'] ?? id);
    items.push({
      collection,
      id,
      title,
      paths: flyerPaths(collection, id, flyerTemplateOf(data)),
      districts: [...kind.districts(data, new Map())],
      sort: `${FLYER_COLLECTIONS.indexOf(collection)}${kind.flyer?.order(data) ?? title}`,
    });
  }
  return items
    .sort((a, b) => compareJa(a.sort, b.sort))
    .map(({ collection, id, title, paths, districts }) => ({ collection, id, title, paths, districts }));
}

/**
 * How many flyers /flyers/ lists on its own page: past this (a region-wide hub has thousands)
 * it only links each district's flyers, which volunteers print for their own area anyway.
 */
export const FLYERS_ON_ONE_PAGE = 60;

/** The flyers of entries in any of the given districts (a district and those inside it). */
export const flyersIn = (flyers: readonly FlyerListItem[], districts: ReadonlySet<string>): FlyerListItem[] =>
  flyers.filter((flyer) => flyer.districts.some((d) => districts.has(d)));
