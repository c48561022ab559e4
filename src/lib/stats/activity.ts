/**
 * 活動のまとめ (issue 18, item 2): the counts of the activity reports added up by month and by
 * fiscal year (年度, April to March, as councils and 社協 report them). Pure and in Japan dates:
 * a report's month is the month of its date as written ('2026-04-01' is April whatever the
 * machine's time zone). A count left empty in a report adds nothing; 開催回数 left empty counts
 * the report as one time held.
 */
import type { Audience } from '../../schemas/vocabulary.ts';

/** What the statistics read of a report. */
export interface CountedReport {
  /** 'YYYY-MM-DD', Japan. */
  date: string;
  districts: readonly string[];
  participants?: number | undefined;
  volunteers?: number | undefined;
  timesHeld?: number | undefined;
  audienceCounts?: readonly { audience: Audience; count: number }[];
}

/** Sums over a set of reports. */
export interface Totals {
  /** How many reports. */
  reports: number;
  /** 開催回数: each report's timesHeld, or 1. */
  timesHeld: number;
  /** のべ参加者数. */
  participants: number;
  /** のべボランティア数. */
  volunteers: number;
}

const empty = (): Totals => ({ reports: 0, timesHeld: 0, participants: 0, volunteers: 0 });

function add(totals: Totals, r: CountedReport): Totals {
  totals.reports += 1;
  totals.timesHeld += r.timesHeld ?? 1;
  totals.participants += r.participants ?? 0;
  totals.volunteers += r.volunteers ?? 0;
  return totals;
}

/** Adds up the counts of `reports`. */
export const totalsOf = (reports: readonly CountedReport[]): Totals => reports.reduce(add, empty());

/** 'YYYY-MM' of a 'YYYY-MM-DD'. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The fiscal year (年度) a date falls in: 2027-03-31 is in 2026年度, 2027-04-01 in 2027年度. */
export function fiscalYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

/** The reports in any of `districts` (a district with its descendants): each once. */
export const inDistricts = <R extends CountedReport>(reports: readonly R[], districts: ReadonlySet<string>): R[] =>
  reports.filter((r) => r.districts.some((d) => districts.has(d)));

/** The month after 'YYYY-MM'. */
function nextMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The `count` months up to and including the month of `today` ('YYYY-MM-DD'): from and to as 'YYYY-MM'. */
export function lastMonths(today: string, count = 12): { from: string; to: string } {
  let from = monthOf(today);
  const [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const back = y * 12 + (m - 1) - (count - 1);
  from = `${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, '0')}`;
  return { from, to: monthOf(today) };
}

export interface MonthRow extends Totals {
  /** 'YYYY-MM'. */
  month: string;
}

/**
 * One row per month from `from` to `to` ('YYYY-MM', inclusive), months without reports as
 * zeros, so a chart's gaps are real gaps and not missing bars.
 */
export function monthlyTotals(reports: readonly CountedReport[], from: string, to: string): MonthRow[] {
  const rows: MonthRow[] = [];
  for (let month = from; month <= to; month = nextMonth(month))
    rows.push({ month, ...totalsOf(reports.filter((r) => monthOf(r.date) === month)) });
  return rows;
}

export interface YearRow extends Totals {
  /** 年度: 2026 for April 2026 to March 2027. */
  fiscalYear: number;
}

/** One row per fiscal year that has reports, oldest first. */
export function yearlyTotals(reports: readonly CountedReport[]): YearRow[] {
  const years = [...new Set(reports.map((r) => fiscalYearOf(r.date)))].sort((a, b) => a - b);
  return years.map((fiscalYear) => ({
    fiscalYear,
    ...totalsOf(reports.filter((r) => fiscalYearOf(r.date) === fiscalYear)),
  }));
}

/** Participants by audience, over the reports that say, in the order of `audiences`; zeros left out. */
export function audienceTotals(
  reports: readonly CountedReport[],
  audiences: readonly Audience[],
): { audience: Audience; count: number }[] {
  return audiences
    .map((audience) => ({
      audience,
      count: reports.reduce(
        (sum, r) => sum + (r.audienceCounts ?? []).reduce((s, c) => s + (c.audience === audience ? c.count : 0), 0),
        0,
      ),
    }))
    .filter((row) => row.count > 0);
}
