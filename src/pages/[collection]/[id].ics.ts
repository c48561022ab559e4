/** カレンダーに追加: one event, or one salon's recurring rule, as a calendar file. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { entryCalendarResponse, loadFeedData } from '../../data/feeds.ts';
import { pageKeys } from '../../data/page-keys.ts';

export const getStaticPaths = (async () => {
  const { sources } = await loadFeedData();
  const keys = await pageKeys();
  return sources.map(({ collection, id }) => ({ params: { collection, id }, ...keys.all }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => entryCalendarResponse(String(params.collection), String(params.id));
