/**
 * Loads what a newsletter is compiled from (src/lib/newsletter/compile.ts), once per build, so
 * the issue pages stay thin and every issue reads the same entries.
 */
import { getCollection } from 'astro:content';
import { getSettings } from './entries.ts';
import { loadDistricts } from './calendar.ts';
import type { CalendarItem } from '../lib/calendar.ts';
import { compileNewsletter, monthItems, type IssueRequest, type NewsletterSources } from '../lib/newsletter/compile.ts';

let sources: Promise<NewsletterSources> | undefined;

async function load(): Promise<NewsletterSources> {
  const [events, salons, recruitments, reports, desks, places, districts, settings] = await Promise.all([
    getCollection('events'),
    getCollection('salons'),
    getCollection('recruitments'),
    getCollection('reports'),
    getCollection('desks'),
    getCollection('places'),
    loadDistricts(),
    getSettings(),
  ]);
  const loaded = { events, salons, recruitments, reports, desks, places, districts, siteUrl: settings.url };
  // Each month's calendar items once for all its issues (every district's, the town's, drafts).
  const months = new Map<string, CalendarItem[]>();
  return {
    ...loaded,
    calendarOf(range) {
      let items = months.get(range.from);
      if (!items) months.set(range.from, (items = monthItems(loaded, range)));
      return items;
    },
  };
}

/** The issue compiled from the content the build loaded. */
export async function compileIssue(request: IssueRequest) {
  // The dev server reloads content on save: only the build may keep the entries between pages.
  const loaded = import.meta.env.PROD ? (sources ??= load()) : load();
  return compileNewsletter(request, await loaded);
}
