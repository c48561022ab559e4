/**
 * Loads what a newsletter is compiled from (src/lib/newsletter/compile.ts), once per build, so
 * the issue pages stay thin and every issue reads the same entries.
 */
import { getCollection } from 'astro:content';
import { getSettings } from './entries.ts';
import { loadDistricts } from './calendar.ts';
import {
  compileNewsletter,
  withMonthCalendars,
  type IssueRequest,
  type NewsletterSources,
} from '../lib/newsletter/compile.ts';

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
  return withMonthCalendars({ events, salons, recruitments, reports, desks, places, districts, siteUrl: settings.url });
}

/** The issue compiled from the content the build loaded. */
export async function compileIssue(request: IssueRequest) {
  // The dev server reloads content on save: only the build may keep the entries between pages.
  const loaded = import.meta.env.PROD ? (sources ??= load()) : load();
  return compileNewsletter(request, await loaded);
}
