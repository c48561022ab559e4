/**
 * Every public page, for search engines: the home page, the lists, every entry and the
 * pages other routes add (calendar, search).
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { FOLDER_COLLECTIONS, entryHref, getSettings } from '../data/entries.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const GET: APIRoute = async () => {
  const settings = await getSettings();
  const paths = ['/', '/search/', '/flyers/'];
  for (const collection of FOLDER_COLLECTIONS) {
    paths.push(`/${collection}/`);
    for (const entry of await getCollection(collection)) paths.push(entryHref(collection, entry.id));
  }
  const urls = paths.map((path) => `  <url><loc>${escape(new URL(path, settings.url).href)}</loc></url>`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
