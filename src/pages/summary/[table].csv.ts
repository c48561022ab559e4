/** The tables of the town's 活動のまとめ as CSV (UTF-8 with BOM, as Excel opens it). */
import type { APIRoute } from 'astro';
import { summaryOf } from '../../data/stats.ts';
import { toCsv } from '../../lib/opendata/csv.ts';
import { summaryTable, type StatTable } from '../../lib/stats/summary.ts';
import { pageKeys } from '../../data/page-keys.ts';

const TABLES: StatTable['id'][] = ['monthly', 'yearly', 'audience'];
export const getStaticPaths = async () => {
  const keys = await pageKeys();
  return TABLES.map((table) => ({ params: { table }, ...keys.front }));
};

export const GET: APIRoute = async ({ params }) => {
  const table = summaryTable(await summaryOf(), params.table as StatTable['id']);
  return new Response(toCsv(table.header, table.rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
