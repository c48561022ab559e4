/**
 * `npm run screenshots`: photographs the built site (dist/) the way residents see it — home,
 * an event, a salon, the calendar and search, on a phone (375 px) and a desktop (1280 px) —
 * into docs/screenshots/. Needs Debian's chromium and, for Japanese glyphs, a CJK font
 * (fonts-noto-cjk). Run `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tests/e2e/helpers/browser.ts';
import { serveDirectory } from '../tests/e2e/helpers/serve.ts';

const root = process.cwd();
const out = join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const pages: [string, string][] = [
  ['home', '/'],
  ['event', '/events/bosai-kunren-wakaba-2027/'],
  ['event-cancelled', '/events/mochitsuki-asahidai-2026/'],
  ['salon', '/salons/hidamari-salon/'],
  ['calendar', '/calendar/'],
  ['search', '/search/'],
];
const server = await serveDirectory(join(root, 'dist'));
const browser = await launchChromium();
for (const width of [375, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const [name, path] of pages) {
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
    await page.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: true });
    console.log(`docs/screenshots/${name}-${width}.png`);
  }
  await page.close();
}
await browser.close();
await server.close();
