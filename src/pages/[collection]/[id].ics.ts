/** カレンダーに追加: one event, or one salon's recurring rule, as a calendar file. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { entryCalendarResponse, loadFeedData } from '../../data/feeds.ts';

export const getStaticPaths = (async () => {
  const { sources } = await loadFeedData();
  return sources.map(({ collection, id }) => ({ params: { collection, id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => entryCalendarResponse(String(params.collection), String(params.id));
