/** The reports' counts as the 活動のまとめ pages and the newsletters add them up (src/lib/stats/). */
import { getCollection } from 'astro:content';
import { t } from '../i18n/index.ts';
import { districtWithDescendants } from '../lib/calendar.ts';
import { inDistricts, type CountedReport } from '../lib/stats/activity.ts';
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

export const summaryOf = async (district?: string, today = todayInJapan()) =>
  activitySummary(await reportsOf(district), today, t);

/**
 * Participants and volunteers per month of a district over the last 12 months: the chart a
 * district's newsletter shows (`<CountChart chart={await districtMonthlyChart(id)} csvHref=… />`).
 */
export const districtMonthlyChart = async (district: string, today = todayInJapan()): Promise<StatChart> =>
  monthlyChart(await reportsOf(district), today, t);

/** Where a summary's CSV is: /summary/<table>.csv, /area/<district>/summary/<table>.csv. */
export const summaryCsvHref = (table: string, district?: string): string =>
  district === undefined ? `/summary/${table}.csv` : `/area/${district}/summary/${table}.csv`;
