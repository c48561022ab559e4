/** The places as a 公共施設一覧-style CSV: src/lib/opendata/places.ts. */
import type { APIRoute } from 'astro';
import { csvResponse, placesCsv } from '../../data/opendata.ts';

export const GET: APIRoute = async () => csvResponse(await placesCsv());
