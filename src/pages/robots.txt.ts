import type { APIRoute } from 'astro';
import { getSettings } from '../data/entries.ts';

export const GET: APIRoute = async () => {
  const settings = await getSettings();
  const body = [
    'User-agent: *',
    'Disallow: /admin/',
    `Sitemap: ${new URL('/sitemap.xml', settings.url).href}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
