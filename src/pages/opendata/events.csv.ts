/** イベント一覧 (自治体標準オープンデータセット) as CSV: src/lib/opendata/events.ts. */
import type { APIRoute } from 'astro';
import { csvResponse, eventsCsv } from '../../data/opendata.ts';

export const GET: APIRoute = async () => csvResponse(await eventsCsv());
