/** The flyers worth printing today, for /flyers/ and each district's /area/<id>/flyers/. */
import { getCollection } from 'astro:content';
import { listFlyers, type FlyerEntry } from '../flyers/list.ts';
import { FLYER_COLLECTIONS } from '../flyers/paths.ts';
import { todayInJapan } from '../lib/recurrence.ts';

export async function loadCurrentFlyers() {
  const entries: FlyerEntry[] = [];
  for (const collection of FLYER_COLLECTIONS)
    for (const entry of await getCollection(collection)) entries.push({ collection, id: entry.id, data: entry.data });
  return listFlyers(entries, todayInJapan());
}
