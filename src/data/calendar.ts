/**
 * Loads what the calendar, district and category pages show, in the shapes src/lib/calendar.ts
 * and src/lib/listings.ts take, so those stay pure and the pages stay thin.
 */
import { getCollection } from 'astro:content';
import { CALENDAR_COLLECTIONS } from '../kinds/index.ts';
import type { CalendarSource } from '../lib/calendar.ts';
import type { Entries } from '../lib/listings.ts';

/** How many months of calendar pages are published around the build month. */
export const MONTHS_BACK = 2;
export const MONTHS_AHEAD = 12;
/**
 * Items a day on the whole site's calendar and the home page's week: a region-wide hub has
 * hundreds of salon dates a day, which only the district calendars should list in full.
 */
export const DAY_LIMIT = 8;

/** Every entry of the types on the calendar (their kind has a calendar part). */
export async function loadCalendarSource(): Promise<CalendarSource[]> {
  const lists = await Promise.all(CALENDAR_COLLECTIONS.map((collection) => getCollection(collection)));
  return lists.flat().map(({ collection, id, data }) => ({ collection, id, data }));
}

export async function loadDistricts() {
  return (await getCollection('districts')).map(({ id, data }) => ({
    id,
    name: data.name,
    kana: data.kana,
    parent: data.parent,
  }));
}
export type DistrictInfo = Awaited<ReturnType<typeof loadDistricts>>[number];

/**
 * Every listed collection, read once per build and shared (read only): the district, category
 * and 防災 pages each list from it, and the district index kept per Entries object
 * (src/lib/listings.ts) is then worked out once instead of once per page.
 */
export function loadEntries(): Promise<Entries> {
  // Under `astro dev` a saved entry must show: only the build keeps the first read.
  if (!entriesRead || import.meta.env.DEV) entriesRead = readEntries();
  return entriesRead;
}
let entriesRead: Promise<Entries> | undefined;

async function readEntries(): Promise<Entries> {
  const [events, salons, recruitments, reports, desks, practices, places, organizations, newsletters, services, plans] =
    await Promise.all([
      getCollection('events'),
      getCollection('salons'),
      getCollection('recruitments'),
      getCollection('reports'),
      getCollection('desks'),
      getCollection('practices'),
      getCollection('places'),
      getCollection('organizations'),
      getCollection('newsletters'),
      getCollection('services'),
      getCollection('plans'),
    ]);
  return {
    events,
    salons,
    recruitments,
    reports,
    desks,
    practices,
    places,
    organizations,
    newsletters,
    services,
    plans,
  };
}
