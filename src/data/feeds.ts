/**
 * What the feed routes need, loaded once per build from the validated collections: the dated
 * entries, the places for LOCATION, the feed window and the site's address. The routes only
 * choose the entries (src/pages/**\/*.ics.ts, feed.*.ts); src/lib/feeds/ writes them.
 */
import { getCollection } from 'astro:content';
import { t } from '../i18n/index.ts';
import { kindOf } from '../kinds/index.ts';
import { calendarText, entryEvents, eventsText, feedRange, type CalendarFeedOptions } from '../lib/feeds/ics.ts';
import { startOfDateJst } from '../lib/dates.ts';
import { titleOf } from '../lib/entries.ts';
import type { CalendarSource } from '../lib/calendar.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import { getSettings } from './entries.ts';
import { loadCalendarSource, MONTHS_AHEAD, MONTHS_BACK } from './calendar.ts';

let cached: Promise<Awaited<ReturnType<typeof load>>> | undefined;

async function load() {
  const [settings, sources, places] = await Promise.all([getSettings(), loadCalendarSource(), getCollection('places')]);
  const today = todayInJapan();
  return {
    settings,
    sources,
    byKey: new Map(sources.map((s) => [`${s.collection}/${s.id}`, s])),
    places: new Map(places.map((p) => [p.id, { name: p.data.name, address: p.data.address }])),
    range: feedRange(today, MONTHS_BACK, MONTHS_AHEAD),
    stamp: startOfDateJst(today),
  };
}

/** The dated entries and how to write them, read once however many feeds the build writes. */
export const loadFeedData = () => (cached ??= load());

// Each entry's events, written once though the entry is in several feeds (site, district,
// category, its own).
const written = new WeakMap<CalendarSource, string>();
function windowEvents(source: CalendarSource, options: CalendarFeedOptions): string {
  let text = written.get(source);
  if (text === undefined) written.set(source, (text = eventsText(entryEvents(source, options))));
  return text;
}

/** An iCalendar response of the entries chosen, named after the site and `scope` (a district, a category). */
export async function calendarResponse(choose: (source: CalendarSource) => boolean, scope?: string) {
  const { settings, sources, places, range, stamp } = await loadFeedData();
  const name = scope
    ? t('feeds.calendarNameOf', { site: settings.siteName, scope })
    : t('feeds.calendarName', { site: settings.siteName });
  const options = { name, siteUrl: settings.url, range, stamp, places, t };
  const events = sources.filter(choose).map((source) => windowEvents(source, options));
  return new Response(calendarText(events, options), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}

/**
 * One entry's calendar file (カレンダーに追加), found by key rather than by a scan per entry. It
 * reaches back to the entry's first day, so the file of an event held before the feeds' window
 * still holds that event: the page that links it is still there.
 */
export async function entryCalendarResponse(collection: string, id: string) {
  const { settings, byKey, places, range, stamp } = await loadFeedData();
  const source = byKey.get(`${collection}/${id}`);
  // The routes' paths come from the same entries: a miss is a bug here, not in the content.
  if (!source) throw new Error(`no event or salon ${collection}/${id} for its calendar file`);
  const options = {
    name: t('feeds.calendarNameOf', { site: settings.siteName, scope: titleOf(collection, source.data) }),
    siteUrl: settings.url,
    range,
    stamp,
    places,
    t,
  };
  // A one-off reaches back to its own days; a recurring entry's file is its rule as the feeds
  // have it (from the window on), not its history, and shares their events.
  const calendar = kindOf(collection).calendar;
  const first = calendar?.recurring
    ? undefined
    : calendar?.occurrences(source.data, { from: EARLIEST, to: range.from })[0]?.date;
  const events =
    first !== undefined && first < range.from
      ? eventsText(entryEvents(source, { ...options, range: { ...range, from: first } }))
      : windowEvents(source, options);
  return new Response(calendarText([events], options), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}

// Before any entry: the dates a content file may hold start in 1900 (src/lib/dates.ts).
const EARLIEST = '1900-01-01';

/** Whether the entry is for any of the districts, as the district calendar pages choose (src/lib/calendar.ts). */
export const inAnyDistrict = (ids: ReadonlySet<string>) => (source: CalendarSource) =>
  kindOf(source.collection)
    .districts(source.data, new Map())
    .some((d) => ids.has(d));
