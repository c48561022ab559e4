/**
 * The open data files (/opendata/), made from the collections the build loaded and the
 * settings' openData block; the pages only serve them (src/pages/opendata/).
 */
import { getCollection } from 'astro:content';
import { t } from '../i18n/index.ts';
import { toCsv } from '../lib/opendata/csv.ts';
import { EVENT_COLUMNS, SALON_MONTHS, eventRows } from '../lib/opendata/events.ts';
import { PLACE_COLUMNS, placeRows } from '../lib/opendata/places.ts';
import type { OpenDataSite } from '../lib/opendata/site.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import { buildLookup, getSettings } from './entries.ts';

export interface OpenDataFile {
  href: string;
  name: string;
  description: string;
  rows: number;
  csv: string;
}

export async function openDataSite(): Promise<
  OpenDataSite & { license: string; licenseUrl: string; publisher: string }
> {
  const settings = await getSettings();
  const o = settings.openData;
  return {
    code: o?.municipalityCode ?? '',
    prefecture: o?.prefecture ?? '',
    municipality: o?.municipality ?? '',
    url: settings.url,
    // The default licence applies without an openData block too: the page always names one.
    license: o?.license ?? 'CC BY 4.0',
    licenseUrl: o?.licenseUrl ?? 'https://creativecommons.org/licenses/by/4.0/deed.ja',
    publisher: settings.publisher,
  };
}

/**
 * Each file made once per build: the file's route and the open data page (its row count) both
 * ask for it, and the events' file, with every salon's dates for months ahead, took 0.2–0.3 s.
 * Made again at each request under the dev server, where content changes.
 */
let events: Promise<OpenDataFile> | undefined;
let places: Promise<OpenDataFile> | undefined;

export function eventsCsv(): Promise<OpenDataFile> {
  if (!events || import.meta.env.DEV) events = makeEventsCsv();
  return events;
}

export function placesCsv(): Promise<OpenDataFile> {
  if (!places || import.meta.env.DEV) places = makePlacesCsv();
  return places;
}

async function makeEventsCsv(): Promise<OpenDataFile> {
  const rows = eventRows({
    site: await openDataSite(),
    events: await getCollection('events'),
    salons: await getCollection('salons'),
    refs: await buildLookup(),
    today: todayInJapan(),
    t,
  });
  return {
    href: '/opendata/events.csv',
    name: t('opendata.events.name'),
    description: t('opendata.events.description', { months: SALON_MONTHS }),
    rows: rows.length,
    csv: toCsv(EVENT_COLUMNS, rows),
  };
}

async function makePlacesCsv(): Promise<OpenDataFile> {
  const rows = placeRows(await openDataSite(), await getCollection('places'), t);
  return {
    href: '/opendata/places.csv',
    name: t('opendata.places.name'),
    description: t('opendata.places.description'),
    rows: rows.length,
    csv: toCsv(PLACE_COLUMNS, rows),
  };
}

/** A CSV file as the static build writes it. */
export const csvResponse = (file: OpenDataFile): Response =>
  new Response(file.csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
