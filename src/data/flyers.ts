/**
 * The flyers worth printing today, for /flyers/ and each district's /area/<id>/flyers/: on the
 * flyers' own day (flyerDay), on which the flyer step made their printing choices.
 */
import { getCollection } from 'astro:content';
import { flyerDay, listFlyers, type FlyerEntry } from '../flyers/list.ts';
import { FLYER_COLLECTIONS } from '../flyers/paths.ts';

export async function loadCurrentFlyers() {
  const entries: FlyerEntry[] = [];
  for (const collection of FLYER_COLLECTIONS)
    for (const entry of await getCollection(collection)) entries.push({ collection, id: entry.id, data: entry.data });
  return listFlyers(entries, flyerDay());
}
