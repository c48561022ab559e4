/** A category's calendar feed: the events and salons its page lists. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarResponse } from '../../data/feeds.ts';
import { t } from '../../i18n/index.ts';
import { kindOf } from '../../kinds/index.ts';
import { CATEGORIES, type Category } from '../../schemas/vocabulary.ts';
import { pageKeys } from '../../data/page-keys.ts';

export const getStaticPaths = (async () => {
  const keys = await pageKeys();
  return CATEGORIES.map((category) => ({ params: { category }, ...keys.all }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const category = params.category as Category;
  return calendarResponse(
    (source) => kindOf(source.collection).topics(source.data).categories.includes(category),
    t(`category.${category}`),
  );
};
