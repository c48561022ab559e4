/**
 * Accessibility in real Chromium: axe-core (WCAG 2.2 AA rules) finds nothing on any page
 * template at phone and desktop widths, in normal and high contrast; the text-size and
 * contrast switches work with the keyboard and are remembered.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { inSlot, launchChromium } from './helpers/browser.ts';
import { sampleSite } from './helpers/sample-site.ts';
import { serveDirectory } from './helpers/serve.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [375, 1280];

let dir: string;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;
const templates: string[] = [];

beforeAll(async () => {
  dir = await sampleSite();
  [server, browser] = await Promise.all([serveDirectory(join(dir, 'dist')), launchChromium()]);
  const dist = join(dir, 'dist');
  templates.push('/', '/events/', '/search/', '/flyers/', '/opendata/', '/404.html');
  // 防災 (the town's and a district's), 居場所, and the emergency page with its own small layout.
  templates.push('/bosai/', '/bosai/wakaba/', '/ibasho/', '/emergency/');
  // 活動のまとめ (charts, tables), the SDGs pages (badges) and the recruitments' condition and activity pages.
  templates.push('/summary/', '/area/midorino-higashi/summary/', '/sdgs/', '/sdgs/3/', '/recruitments/');
  templates.push('/join/weekends/', '/join/');
  // One entry page of every collection: each shows a different set of facts.
  for (const name of readdirSync(dist)) {
    const collection = join(dist, name);
    if (!existsSync(join(content(), name))) continue;
    const first = readdirSync(collection).find((f) => existsSync(join(collection, f, 'index.html')));
    if (first) templates.push(`/${name}/${first}/`);
  }
  // Pages other routes add, when they exist.
  for (const extra of ['calendar', 'categories', 'area']) {
    const root = join(dist, extra);
    if (!existsSync(root)) continue;
    templates.push(`/${extra}/`);
    const child = readdirSync(root).find((f) => existsSync(join(root, f, 'index.html')));
    if (child) templates.push(`/${extra}/${child}/`);
    // A district's own calendar (/area/<id>/calendar/) is a template of its own.
    if (child && existsSync(join(root, child, 'calendar', 'index.html')))
      templates.push(`/${extra}/${child}/calendar/`);
    // …and so is its flyers page (/area/<id>/flyers/).
    if (child && existsSync(join(root, child, 'flyers', 'index.html'))) templates.push(`/${extra}/${child}/flyers/`);
  }
  // A district's plan page (/area/<id>/plan/): only districts with a plan have one.
  const planned = readdirSync(join(dist, 'area')).find((d) => existsSync(join(dist, 'area', d, 'plan', 'index.html')));
  if (planned) templates.push(`/area/${planned}/plan/`);
  // The pages other sites frame (/embed/, /embed/districts/<id>/; tests/e2e/embed.test.ts frames them).
  const embedded = readdirSync(join(dist, 'embed', 'districts')).find((d) =>
    existsSync(join(dist, 'embed', 'districts', d, 'index.html')),
  );
  templates.push('/embed/', `/embed/districts/${embedded}/`);
  for (const required of ['/flyers/', '/calendar/', '/categories/', '/area/']) expect(templates).toContain(required);
  expect(templates.some((t) => /^\/area\/[^/]+\/calendar\/$/.test(t))).toBe(true);
});
const content = () => join(dir, 'content');
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function violations(page: Page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    // A page where axe checked almost nothing would pass vacuously.
    if (result.passes.length < 10) return [`axe ran only ${result.passes.length} checks`];
    return result.violations.map(
      (v: any) => `${v.id}: ${v.help} — ${v.nodes.map((n: any) => n.target.join(' ')).join(' | ')}`,
    );
  });
}

describe.concurrent('axe-core finds no WCAG 2.2 AA violation', () => {
  it('covers every page template', ({ expect }) => {
    expect(templates.length).toBeGreaterThanOrEqual(14);
  });

  for (const width of WIDTHS) {
    for (const contrast of ['normal', 'high']) {
      // The time waiting for a slot counts too: twice the suite's test timeout.
      it(`at ${width}px, ${contrast} contrast`, { timeout: 600_000 }, async ({ expect }) => {
        const found = await inSlot(async () => {
          // axe is injected as an inline script, which the site's CSP rightly forbids.
          const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
          await context.addInitScript(
            (c) => localStorage.setItem('tsunagari-prefs', JSON.stringify({ contrast: c })),
            contrast,
          );
          const page = await context.newPage();
          const found: string[] = [];
          for (const path of templates) {
            await page.goto(`${server.url}${path}`);
            if (path === '/search/') await page.getByRole('textbox').first().waitFor();
            found.push(...(await violations(page)).map((v: string) => `${path} ${v}`));
          }
          await context.close();
          return found;
        });
        expect(found).toEqual([]);
      });
    }
  }
});

describe('the reading switches', () => {
  it('make text larger and contrast higher from the keyboard, and remember it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const before = await size();
    const large = page.getByRole('button', { name: '文字を大きく' });
    await large.focus();
    await page.keyboard.press('Enter');
    await expect.poll(size).toBeGreaterThan(before * 1.15);
    expect(await large.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: '白黒はっきり' }).click();
    await page.goto(`${server.url}/events/`);
    expect(await size()).toBeGreaterThan(before * 1.15);
    expect(await page.evaluate(() => document.documentElement.dataset['contrast'])).toBe('high');
    expect(await page.getByRole('button', { name: '白黒はっきり' }).getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('in large print on a phone, keep each time range and dated weekday on one line, and nothing wider than the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('tsunagari-prefs', JSON.stringify({ textSize: 'large' })));
    const page = await context.newPage();
    const entries = templates.filter((t) => /^\/(events|salons)\/[^/]+\/$/.test(t));
    expect(entries.length).toBe(2);
    for (const path of entries) {
      await page.goto(`${server.url}${path}`);
      const together = page.locator('dd .together');
      expect(await together.count(), path).toBeGreaterThan(0);
      // One line each: not 10:00〜 / 12:00, not 12月5日 / (土). Counted as the distinct lines its
      // boxes stand on, not as client rects: Chromium gives an inline one rect per piece between
      // its child elements, so 12月5日(土) with its ふりがな (<ruby> over 月, 日, 土) has 7 rects on
      // one line. With the readings shown too: their line is taller, not split.
      for (const furigana of [false, true]) {
        // As prefs.js sets it when the reader presses ふりがな.
        await page.evaluate((on) => (document.documentElement.dataset['furigana'] = on ? 'on' : 'off'), furigana);
        const lines = await together.evaluateAll((spans) =>
          spans.map((s) => [s.textContent, new Set([...s.getClientRects()].map((r) => Math.round(r.bottom))).size]),
        );
        for (const [text, count] of lines) expect(count, `${path} ${text} furigana: ${furigana}`).toBe(1);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
      }
    }
    await context.close();
  });
});

describe('printing', () => {
  it('prints an entry on A4 with its facts and without the site menu, switches or footer', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/salons/hidamari-salon/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'サイト内の案内' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '文字を大きく' }).isVisible()).toBe(false);
    expect(await page.locator('footer').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    // innerText: the text as printed (the hidden ふりがな readings are in textContent and getByText).
    expect(await page.locator('main').innerText()).toContain('毎月第2水曜日');
    // preferCSSPageSize: the page size comes from the site's own @page rule, as when a resident prints.
    const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pdf.getPageCount()).toBeGreaterThan(0);
    expect(pdf.getPageCount()).toBeLessThanOrEqual(3);
    for (const p of pdf.getPages()) {
      const { width, height } = p.getSize();
      // A4 is 595.28 × 841.89 pt; Chromium rounds to whole CSS pixels, so allow a point or so.
      expect(Math.abs(width - 595.28)).toBeLessThan(1.5);
      expect(Math.abs(height - 841.89)).toBeLessThan(1.5);
    }
    await page.close();
  });
});
