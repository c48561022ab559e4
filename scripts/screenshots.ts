/**
 * `npm run screenshots`: photographs the built site (dist/) the way residents see it — home,
 * an event, a salon, a report with its photos, the calendar and search, on a phone (375 px) and a desktop (1280 px) —
 * and the CMS editor with its preview, into docs/screenshots/. Needs Debian's chromium; run `npm run build` first. Chromium is given
 * the fonts the flyers use (scripts/lib/chromium.ts), so Japanese shows as residents see it
 * even on a machine with no Japanese font installed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/chromium.ts';
import { serveDirectory } from './lib/serve.ts';
import { photographCmsEditor } from './lib/cms-screenshot.ts';
import sharp from 'sharp';
import { tileOrigin } from '../src/lib/map/points.ts';
import { GSI_TILES } from '../src/schemas/map.ts';

const root = process.cwd();
const out = join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const pages: [string, string][] = [
  ['home', '/'],
  ['event', '/events/bosai-kunren-wakaba-2027/'],
  ['event-cancelled', '/events/mochitsuki-asahidai-2026/'],
  ['salon', '/salons/hidamari-salon/'],
  ['report', '/reports/hidamari-2026-11/'],
  ['calendar', '/calendar/'],
  ['search', '/search/'],
  ['plan', '/area/midorino-higashi/plan/'],
  ['bosai', '/bosai/wakaba/'],
  ['map', '/places/'],
  ['emergency', '/emergency/'],
  ['summary', '/summary/'],
  ['recruitments', '/recruitments/'],
  ['recruitments-weekends', '/join/weekends/'],
];
/**
 * The same salon page as a reader of each kind sees it on a phone (issue 16): Japanese with
 * ふりがな switched on, やさしい日本語, English and Vietnamese.
 */
const languagePages: { name: string; path: string; furigana?: boolean }[] = [
  { name: 'salon-furigana', path: '/salons/nihongo-salon/', furigana: true },
  { name: 'salon-ja-easy', path: '/ja-easy/salons/nihongo-salon/' },
  { name: 'salon-en', path: '/en/salons/nihongo-salon/' },
  { name: 'salon-vi', path: '/vi/salons/nihongo-salon/' },
];
// `npm run screenshots -- report event` takes only those pages (cms-editor: the CMS).
const only = process.argv.slice(2);
const server = await serveDirectory(join(root, 'dist'));
const browser = await launchChromium();
// Map tiles come from the tile server of the site settings, which this machine may not reach:
// the pictures show the map's own parts (pins, list, attribution) on plain tiles instead.
const BLANK_TILE = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#eeece6' } })
  .png()
  .toBuffer();
for (const width of [375, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.route(`${tileOrigin(GSI_TILES)}/**`, (route) =>
    route.fulfill({ body: BLANK_TILE, contentType: 'image/png' }),
  );
  for (const [name, path] of pages.filter(([shot]) => !only.length || only.includes(shot))) {
    await page.goto(`${server.url}${path}`);
    if (name === 'search') {
      await page.getByRole('textbox').first().fill('サロン');
      await page.getByRole('search').getByRole('link').first().waitFor();
    }
    // A full-page screenshot scrolls nothing into view, so lazy images (the flyer preview) would
    // stay empty boxes: scroll down as a reader would and wait until every image has its pixels.
    await page.evaluate(() => {
      for (const img of document.images) img.loading = 'eager';
      window.scrollTo(0, document.body.scrollHeight);
    });
    await page
      .waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0), undefined, {
        timeout: 10_000,
      })
      .catch(() => console.warn(`${path}: an image did not load`));
    await page.evaluate(() => window.scrollTo(0, 0));
    // A map is drawn by its script after the page loads: wait for it where there is one.
    await page
      .locator('[data-place-map][data-ready="true"], body:not(:has([data-place-map]))')
      .first()
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: true });
    console.log(`docs/screenshots/${name}-${width}.png`);
  }
  await page.close();
}
for (const { name, path, furigana } of languagePages.filter(({ name }) => !only.length || only.includes(name))) {
  const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
  // The reader's switch, as public/scripts/prefs.js remembers it, set before the page reads it.
  if (furigana)
    await context.addInitScript(() => localStorage.setItem('tsunagari-prefs', JSON.stringify({ furigana: 'on' })));
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  if (furigana) await page.locator('html[data-furigana="on"]').waitFor();
  await page.screenshot({ path: join(out, `${name}-375.png`), fullPage: true });
  console.log(`docs/screenshots/${name}-375.png`);
  await context.close();
}
// The CMS editor with its preview (npm start's servers; scripts/lib/cms-screenshot.ts).
if (!only.length || only.includes('cms-editor')) {
  await photographCmsEditor(root, browser, 'events/mochitsuki-asahidai-2026', join(out, 'cms-editor-1280.png'));
  console.log('docs/screenshots/cms-editor-1280.png');
}
await browser.close();
await server.close();
