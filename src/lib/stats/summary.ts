/**
 * The charts and tables of a 活動のまとめ page, and the same numbers as CSV: one model per chart
 * (its SVG, its legend, its table), so the picture, the table under it and the download cannot
 * disagree. Pure: the page passes in the reports and the build's day.
 */
import type { T } from '../facts.ts';
import { AUDIENCES } from '../../schemas/vocabulary.ts';
import {
  audienceTotals,
  lastMonths,
  monthlyTotals,
  yearlyTotals,
  type CountedReport,
  type MonthRow,
  type YearRow,
} from './activity.ts';
import { barChartSvg, type Bar, type ChartStore } from './chart.ts';

/** Participants and volunteers: the accent green and a brown, each 4.5:1 or more on the page's background. */
const SERIES = { participants: '#1d5e3a', volunteers: '#8a4b08' } as const;

/** A table of numbers: what a chart shows, or a table on its own. */
export interface StatTable {
  /** The anchor and the CSV's name: monthly, yearly, audience. */
  id: 'monthly' | 'yearly' | 'audience';
  title: string;
  header: string[];
  rows: string[][];
}

/** A chart with its table. */
export interface StatChart {
  table: StatTable;
  /** The SVG Plot drew, undefined when there is nothing to draw. */
  svg?: string;
  legend: { name: string; colour: string }[];
}

export const monthLabel = (month: string, t: T): string =>
  t('stats.monthLabel', { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) });

const countsHeader = (first: string, t: T) => [
  first,
  t('stats.participants'),
  t('stats.volunteers'),
  t('stats.timesHeld'),
  t('stats.reports'),
];
const counts = (row: MonthRow | YearRow) => [row.participants, row.volunteers, row.timesHeld, row.reports].map(String);

function chartOf(
  table: StatTable,
  labels: string[],
  rows: (MonthRow | YearRow)[],
  t: T,
  store?: ChartStore,
): StatChart {
  const legend = [
    { name: t('stats.participants'), colour: SERIES.participants },
    { name: t('stats.volunteers'), colour: SERIES.volunteers },
  ];
  const bars: Bar[] = rows.flatMap((row, i) => [
    { x: labels[i] as string, series: legend[0]!.name, value: row.participants },
    { x: labels[i] as string, series: legend[1]!.name, value: row.volunteers },
  ]);
  const drawn = rows.some((row) => row.participants + row.volunteers > 0);
  return {
    table,
    legend,
    ...(drawn ? { svg: barChartSvg(bars, { domain: labels, series: legend, unit: t('stats.unit') }, store) } : {}),
  };
}

/**
 * Participants and volunteers per month over the `months` months up to `today`'s: the chart of
 * a 活動のまとめ page and of a district's newsletter.
 */
export function monthlyChart(
  reports: readonly CountedReport[],
  today: string,
  t: T,
  months = 12,
  store?: ChartStore,
): StatChart {
  const { from, to } = lastMonths(today, months);
  const rows = monthlyTotals(reports, from, to);
  const labels = rows.map((r) => monthLabel(r.month, t));
  const table: StatTable = {
    id: 'monthly',
    title: t('stats.monthly', { from: labels[0] ?? '', to: labels[labels.length - 1] ?? '' }),
    header: countsHeader(t('stats.month'), t),
    rows: rows.map((row, i) => [labels[i] as string, ...counts(row)]),
  };
  return chartOf(table, labels, rows, t, store);
}

/** The totals of each fiscal year (年度) that has reports. */
export function yearlyChart(reports: readonly CountedReport[], t: T, store?: ChartStore): StatChart {
  const rows = yearlyTotals(reports);
  const labels = rows.map((r) => t('stats.fiscalYearLabel', { year: r.fiscalYear }));
  const table: StatTable = {
    id: 'yearly',
    title: t('stats.yearly'),
    header: countsHeader(t('stats.fiscalYear'), t),
    rows: rows.map((row, i) => [labels[i] as string, ...counts(row)]),
  };
  return chartOf(table, labels, rows, t, store);
}

/** Participants by audience, where reports say (a table without a chart). */
export function audienceTable(reports: readonly CountedReport[], t: T): StatTable {
  return {
    id: 'audience',
    title: t('stats.byAudience'),
    header: [t('stats.audience'), t('stats.people')],
    rows: audienceTotals(reports, AUDIENCES).map(({ audience, count }) => [t(`audience.${audience}`), String(count)]),
  };
}

/** Everything a 活動のまとめ page shows, in order; the CSV routes take their table from here. */
export function activitySummary(
  reports: readonly CountedReport[],
  today: string,
  t: T,
  store?: ChartStore,
): { charts: StatChart[]; audience: StatTable } {
  return {
    charts: [monthlyChart(reports, today, t, 12, store), yearlyChart(reports, t, store)],
    audience: audienceTable(reports, t),
  };
}

/** The table named `id` of a summary. */
export function summaryTable(summary: ReturnType<typeof activitySummary>, id: StatTable['id']): StatTable {
  return id === 'audience' ? summary.audience : (summary.charts.find((c) => c.table.id === id) as StatChart).table;
}
