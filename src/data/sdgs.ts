/** Every entry tagged with SDGs goals, whatever its type (practices, reports, plans …). */
import { getCollection } from 'astro:content';
import { FOLDER_COLLECTIONS, entryHref, titleOf } from './entries.ts';
import { SDG_GOALS, entriesByGoal, type SdgEntry, type SdgGoal } from '../lib/sdgs.ts';

const isGoal = (value: unknown): value is SdgGoal => SDG_GOALS.some((goal) => goal === value);

// Any type whose schema has the shared sdgsField (src/schemas/fields.ts) is listed: a type that
// adds the field appears here without a change.
export async function sdgsByGoal() {
  const entries: SdgEntry[] = [];
  for (const collection of FOLDER_COLLECTIONS)
    for (const { id, data } of await getCollection(collection)) {
      const goals: unknown = 'sdgs' in data ? data.sdgs : undefined;
      if (Array.isArray(goals) && goals.length)
        entries.push({
          collection,
          href: entryHref(collection, id),
          title: titleOf(collection, data),
          goals: goals.filter(isGoal),
        });
    }
  return entriesByGoal(entries, FOLDER_COLLECTIONS);
}
