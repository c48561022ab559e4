/**
 * Other towns' practices for 他の地域の取り組み (/shared/): each town of the site settings with a
 * practices feed, fetched once per build (src/lib/feeds/shared-fetch.ts) and cached in
 * .cache/shared-practices/, so a town whose site is down shows what it shared last time. What
 * went wrong is printed as a warning; it never stops the build.
 */
import { join } from 'node:path';
import { fileCache, loadSharedFeed, type SharedFeedResult } from '../lib/feeds/shared-fetch.ts';
import { getSettings } from './entries.ts';

let loaded: Promise<SharedFeedResult[]> | undefined;

async function load(): Promise<SharedFeedResult[]> {
  const { otherTowns } = await getSettings();
  // The build runs in the project's folder (npm run build, the tests' copies): the cache is
  // beside the other caches there.
  const deps = { fetch, cache: fileCache(join(process.cwd(), '.cache', 'shared-practices')), now: () => new Date() };
  const results = await Promise.all(
    otherTowns.flatMap(({ name, practicesFeed }) =>
      practicesFeed ? [loadSharedFeed({ name, practicesFeed }, deps)] : [],
    ),
  );
  for (const warning of results.flatMap((r) => r.warnings)) console.warn(`[他の地域の取り組み] ${warning}`);
  return results;
}

/** Whether the settings name any town's practices feed: /shared/ and the link to it exist only then. */
export const sharesPractices = async (): Promise<boolean> =>
  (await getSettings()).otherTowns.some((town) => town.practicesFeed);

/** Each town's practices, in the order of the settings; loaded once however many pages ask. */
export const sharedPractices = (): Promise<SharedFeedResult[]> => (loaded ??= load());
