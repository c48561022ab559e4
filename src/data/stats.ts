/** The reports' counts as the 活動のまとめ pages and the newsletters add them up (src/lib/stats/). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { t } from '../i18n/index.ts';
import { districtWithDescendants } from '../lib/calendar.ts';
import { inDistricts, type CountedReport } from '../lib/stats/activity.ts';
import type { ChartStore } from '../lib/stats/chart.ts';
import { activitySummary, monthlyChart, type StatChart } from '../lib/stats/summary.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import { loadDistricts } from './calendar.ts';

export const loadCountedReports = async (): Promise<CountedReport[]> =>
  (await getCollection('reports')).map(({ data }) => data);

/** The reports of a district and the districts inside it, or of the whole town when `district` is undefined. */
export async function reportsOf(district?: string): Promise<CountedReport[]> {
  const reports = await loadCountedReports();
  if (district === undefined) return reports;
  return inDistricts(reports, districtWithDescendants(await loadDistricts(), district));
}

/**
 * Charts drawn by earlier builds, one SVG file per chart in .cache/charts/<Plot version>/ (the
 * build runs in the project's folder), so a build whose reports did not change draws none.
 */
function chartStore(): ChartStore | undefined {
  const root = process.cwd();
  let version: string;
  try {
    version = (
      JSON.parse(readFileSync(join(root, 'node_modules/@observablehq/plot/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return undefined; // not run from the project's folder: draw every time
  }
  const dir = join(root, '.cache', 'charts', version);
  mkdirSync(dir, { recursive: true });
  const path = (key: string) => join(dir, `${key}.svg`);
  return {
    read(key) {
      try {
        return readFileSync(path(key), 'utf8');
      } catch {
        return undefined;
      }
    },
    write(key, svg) {
      writeFileSync(path(key), svg);
    },
  };
}

let store: ChartStore | undefined | null = null;
const charts = (): ChartStore | undefined => (store === null ? (store = chartStore()) : store);

const summaries = new Map<string, ReturnType<typeof activitySummary>>();

/**
 * A district's 活動のまとめ (or the town's): computed once per build and day, since its page
 * and its three CSVs each ask for it.
 */
export async function summaryOf(district?: string, today = todayInJapan()) {
  const key = `${district ?? ''}\n${today}`;
  const known = summaries.get(key);
  if (known) return known;
  const summary = activitySummary(await reportsOf(district), today, t, charts());
  summaries.set(key, summary);
  return summary;
}

/**
 * Participants and volunteers per month of a district over the last 12 months: the chart a
 * district's newsletter shows (`<CountChart chart={await districtMonthlyChart(id)} csvHref=… />`).
 */
export const districtMonthlyChart = async (district?: string, today = todayInJapan()): Promise<StatChart> =>
  monthlyChart(await reportsOf(district), today, t, 12, charts());

/** Where a summary's CSV is: /summary/<table>.csv, /area/<district>/summary/<table>.csv. */
export const summaryCsvHref = (table: string, district?: string): string =>
  district === undefined ? `/summary/${table}.csv` : `/area/${district}/summary/${table}.csv`;
