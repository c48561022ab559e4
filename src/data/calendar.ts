/**
 * Loads what the calendar, district and category pages show, in the shapes src/lib/calendar.ts
 * and src/lib/listings.ts take, so those stay pure and the pages stay thin.
 */
import { getCollection } from 'astro:content';
import type { CalendarEvent, CalendarSalon } from '../lib/calendar.ts';
import type { Entries } from '../lib/listings.ts';

/** How many months of calendar pages are published around the build month. */
export const MONTHS_BACK = 2;
export const MONTHS_AHEAD = 12;
/**
 * Items a day on the whole site's calendar and the home page's week: a region-wide hub has
 * hundreds of salon dates a day, which only the district calendars should list in full.
 */
export const DAY_LIMIT = 8;

export async function loadCalendarSource(): Promise<{ events: CalendarEvent[]; salons: CalendarSalon[] }> {
  const events = (await getCollection('events')).map(({ id, data }) => ({
    id,
    title: data.title,
    start: data.start,
    end: data.end,
    status: data.status,
    districts: data.districts,
  }));
  const salons = (await getCollection('salons')).map(({ id, data }) => ({
    id,
    title: data.title,
    schedule: data.schedule,
    status: data.status,
    districts: data.districts,
  }));
  return { events, salons };
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

export async function loadEntries(): Promise<Entries> {
  const [events, salons, recruitments, reports, desks, practices, places, organizations, newsletters] =
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
    ]);
  return { events, salons, recruitments, reports, desks, practices, places, organizations, newsletters };
}
