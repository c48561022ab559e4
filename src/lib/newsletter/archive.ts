/**
 * The newsletters as residents look for them: each district's issues together, newest first
 * (the /newsletters/ page), and which next-month issues have no entry yet (drafts a volunteer
 * can print and finish by writing only はじめに).
 */
import type { Newsletter } from '../../schemas/newsletter.ts';
import type { KindEntry } from '../../kinds/index.ts';
import { addMonths, monthOf } from '../calendar.ts';
import { compareJa } from '../collate.ts';

export interface IssueLine {
  id: string;
  title: string;
  month: string;
  number: number;
}

export interface IssueGroup {
  /** undefined: the town-wide issues. */
  district?: { id: string; name: string };
  issues: IssueLine[];
}

interface DistrictName {
  id: string;
  name: string;
  kana?: string | undefined;
}

/** Town-wide issues first, then each district with issues in reading order; issues newest first. */
export function issuesByDistrict(
  newsletters: readonly KindEntry<Newsletter>[],
  districts: readonly DistrictName[],
): IssueGroup[] {
  const byDistrict = new Map<string | undefined, IssueLine[]>();
  for (const { id, data } of newsletters) {
    const list = byDistrict.get(data.district) ?? [];
    list.push({ id, title: data.title, month: data.month, number: data.number });
    byDistrict.set(data.district, list);
  }
  const newestFirst = (a: IssueLine, b: IssueLine) => b.month.localeCompare(a.month) || b.number - a.number;
  const groups: IssueGroup[] = [];
  const town = byDistrict.get(undefined);
  if (town) groups.push({ issues: town.sort(newestFirst) });
  const named = [...districts].sort((a, b) => compareJa(a.kana ?? a.name, b.kana ?? b.name));
  for (const d of named) {
    const issues = byDistrict.get(d.id);
    if (issues) groups.push({ district: { id: d.id, name: d.name }, issues: issues.sort(newestFirst) });
  }
  return groups;
}

/** A draft to publish: the month after `today`'s, for a district (undefined = the town). */
export interface DraftRequest {
  month: string;
  district?: string;
  /** The desks the publisher's latest issue added by hand: who to call changes seldom. */
  picks?: { desks: string[] };
}

/**
 * Next month's issue of every publisher (a district, or the town) that has published one before
 * and has no entry for next month yet.
 * @param today 'YYYY-MM-DD' in Japan at build time.
 */
export function nextMonthDrafts(newsletters: readonly KindEntry<Newsletter>[], today: string): DraftRequest[] {
  const next = addMonths(monthOf(today), 1);
  const publishers = new Set(newsletters.map((n) => n.data.district));
  const done = new Set(newsletters.filter((n) => n.data.month === next).map((n) => n.data.district));
  // Array sort leaves undefined (the town) at the end whatever the comparator: the town first, by hand.
  const missing = [...publishers].filter((d) => !done.has(d));
  const named = missing.filter((d): d is string => d !== undefined).sort();
  const desksOf = (district: string | undefined): { picks?: { desks: string[] } } => {
    const latest = newsletters
      .filter((n) => n.data.district === district)
      .sort((a, b) => b.data.month.localeCompare(a.data.month))[0];
    const desks = latest?.data.picks?.desks ?? [];
    return desks.length ? { picks: { desks: [...desks] } } : {};
  };
  return [
    ...(missing.includes(undefined) ? [{ month: next, ...desksOf(undefined) }] : []),
    ...named.map((district) => ({ month: next, district, ...desksOf(district) })),
  ];
}

/** The draft page's address: /newsletters/draft/<district>/, or /newsletters/draft/town/. */
export const draftSlug = (district: string | undefined): string => district ?? 'town';
