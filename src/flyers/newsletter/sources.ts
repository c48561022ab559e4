/**
 * What a newsletter is compiled from (src/lib/newsletter/compile.ts), read from the entries a
 * build or script validated — the same entries and schemas the pages' getCollection gives, so
 * the PDF and the web page of an issue compile the same model.
 */
import type { KindEntry } from '../../kinds/index.ts';
import { withMonthCalendars, type NewsletterSources } from '../../lib/newsletter/compile.ts';
import type { Newsletter } from '../../schemas/newsletter.ts';
import type { ValidEntry } from '../../lib/validation/validate.ts';
import type { CompiledNewsletter } from '../../lib/newsletter/compile.ts';
import { lastMonths, monthlyTotals, type CountedReport } from '../../lib/stats/activity.ts';
import type { MonthCount } from './layout.ts';

const of = <T>(entries: ReadonlyMap<string, readonly ValidEntry[]>, collection: string): KindEntry<T>[] =>
  (entries.get(collection) ?? []).map((e) => ({ id: e.id, data: e.parsed as T }));

export function newsletterSources(
  entries: ReadonlyMap<string, readonly ValidEntry[]>,
  siteUrl: string,
): NewsletterSources {
  const districts = of<{ name: string; parent?: string }>(entries, 'districts').map(({ id, data }) => ({
    id,
    name: data.name,
    parent: data.parent,
  }));
  return withMonthCalendars({
    events: of(entries, 'events'),
    salons: of(entries, 'salons'),
    recruitments: of(entries, 'recruitments'),
    reports: of(entries, 'reports'),
    desks: of(entries, 'desks'),
    places: of(entries, 'places'),
    districts,
    siteUrl,
  });
}

export interface NewsletterEntry {
  id: string;
  file: string;
  data: Newsletter;
  body: string;
}

export const newsletterEntries = (entries: ReadonlyMap<string, readonly ValidEntry[]>): NewsletterEntry[] =>
  (entries.get('newsletters') ?? []).map((e) => ({
    id: e.id,
    file: e.file,
    data: e.parsed as Newsletter,
    body: e.body,
  }));

/**
 * Participants and volunteers per month in the issue's districts (all of them for a town-wide
 * issue), the 12 months up to `today`: what the issue's web page charts (CountChart).
 */
export function monthlyCounts(
  entries: ReadonlyMap<string, readonly ValidEntry[]>,
  issue: Pick<CompiledNewsletter, 'covers'>,
  today: string,
): MonthCount[] {
  const covers = new Set(issue.covers);
  const reports = (entries.get('reports') ?? [])
    .map((e) => e.parsed as unknown as CountedReport)
    .filter((r) => !covers.size || r.districts.some((d) => covers.has(d)));
  const { from, to } = lastMonths(today);
  return monthlyTotals(reports, from, to).map(({ month, participants, volunteers }) => ({
    month,
    participants,
    volunteers,
  }));
}
