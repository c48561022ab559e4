/** The tables of a district's 活動のまとめ as CSV. */
import type { APIRoute } from 'astro';
import { loadDistricts } from '../../../../data/calendar.ts';
import { summaryOf } from '../../../../data/stats.ts';
import { toCsv } from '../../../../lib/opendata/csv.ts';
import { summaryTable, type StatTable } from '../../../../lib/stats/summary.ts';
import { pageKeys } from '../../../../data/page-keys.ts';

const TABLES: StatTable['id'][] = ['monthly', 'yearly', 'audience'];
export async function getStaticPaths() {
  const keys = await pageKeys();
  return (await loadDistricts()).flatMap((d) =>
    TABLES.map((table) => ({ params: { id: d.id, table }, ...keys.front })),
  );
}

export const GET: APIRoute = async ({ params }) => {
  const table = summaryTable(await summaryOf(params.id), params.table as StatTable['id']);
  return new Response(toCsv(table.header, table.rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
