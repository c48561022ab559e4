/**
 * Every public page, for search engines: the home page, the lists (a long one's every page), every entry and the
 * pages other routes add (calendar months, district overviews and calendars, categories,
 * search, flyers, open data). The site test checks that each listed page exists in dist/.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { FOLDER_COLLECTIONS, entryHref, getSettings } from '../data/entries.ts';
import { sharesPractices } from '../data/shared.ts';
import { MONTHS_AHEAD, MONTHS_BACK, loadDistricts } from '../data/calendar.ts';
import { calendarMonths } from '../lib/calendar.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import { CATEGORIES } from '../schemas/vocabulary.ts';
import { districtPlanHref } from '../kinds/plan.ts';
import { SDG_GOALS } from '../schemas/sdgs.ts';
import { BY_ACTIVITY_HREF, RECRUITMENT_TAGS, tagHref } from '../lib/helping.ts';
import { LOCALES, type LocaleCode } from '../i18n/locales.ts';
import { translatedPages } from '../data/translations.ts';
import { listPages } from '../data/list-pages.ts';
import { listPageHref } from '../lib/listings.ts';
import { LOCALIZED_PATHS, withLocale } from '../lib/i18n/paths.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const GET: APIRoute = async () => {
  const settings = await getSettings();
  const paths = ['/', '/guide/', '/search/', '/flyers/', '/opendata/'];
  if (await sharesPractices()) paths.push('/shared/');
  for (const collection of FOLDER_COLLECTIONS) {
    paths.push(`/${collection}/`);
    for (const entry of await getCollection(collection)) paths.push(entryHref(collection, entry.id));
  }
  // A long list's further pages (src/data/list-pages.ts), here and in every language below.
  const listPaths = (await listPages()).map(({ collection, list, page }) =>
    listPageHref(collection, { id: list }, page),
  );
  paths.push(...listPaths);
  paths.push('/calendar/');
  for (const month of calendarMonths(todayInJapan(), MONTHS_BACK, MONTHS_AHEAD)) paths.push(`/calendar/${month}/`);
  paths.push('/area/');
  for (const district of await loadDistricts())
    paths.push(`/area/${district.id}/`, `/area/${district.id}/calendar/`, `/area/${district.id}/flyers/`);
  // A district with a plan of its own has its plan page (src/pages/area/[id]/plan.astro).
  for (const district of new Set((await getCollection('plans')).map((p) => p.data.district)))
    paths.push(districtPlanHref(district));
  // 活動のまとめ of the town and of each district, the SDGs pages, the recruitments' condition pages.
  paths.push('/summary/', ...(await loadDistricts()).map((d) => `/area/${d.id}/summary/`));
  paths.push('/sdgs/', ...SDG_GOALS.map((goal) => `/sdgs/${goal}/`));
  paths.push(BY_ACTIVITY_HREF, ...RECRUITMENT_TAGS.map(tagHref));
  // 防災 (the town's and each district's), 居場所, and the emergency page (src/pages/bosai/ …).
  paths.push('/bosai/', ...(await loadDistricts()).map((d) => `/bosai/${d.id}/`), '/ibasho/', '/emergency/');
  paths.push('/categories/');
  for (const category of CATEGORIES) paths.push(`/categories/${category}/`);
  // The pages every language has (src/lib/i18n/paths.ts), under each language's prefix.
  for (const { code } of LOCALES.filter((l) => l.code !== 'ja'))
    for (const path of [...LOCALIZED_PATHS, ...listPaths]) paths.push(withLocale(path, code));
  // Each translated entry in its language (src/data/translations.ts).
  for (const t of await translatedPages())
    paths.push(withLocale(entryHref(t.data.collection, t.data.entry), t.data.locale as LocaleCode));
  const urls = paths.map((path) => `  <url><loc>${escape(new URL(path, settings.url).href)}</loc></url>`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
