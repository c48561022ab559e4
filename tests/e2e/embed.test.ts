/**
 * The embeddable list (issue 15, item 7) in real Chromium: a real build of the minimal fixture,
 * served as Netlify and as Cloudflare Pages serve dist/ with the _headers the build wrote
 * (src/lib/seo/headers.ts), framed by a page on another loopback origin holding the snippet as
 * the district page gives it. The embed page shows the district's coming dates, opens its links
 * in a new tab, runs no script and passes axe; an ordinary page refuses to be framed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { buildProject, copyFixtureProject, removeProject } from './helpers/project.ts';
import { serveDirectory } from './helpers/serve.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/seo/csp.ts';
import { cloudflareHeaders, netlifyHeaders, parseHeaderRules } from '../../src/lib/seo/headers.ts';
import { addMonths, monthOf } from '../../src/lib/calendar.ts';
import { todayInJapan } from '../../src/lib/recurrence.ts';
import { withoutReadings } from './helpers/readings.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The fixture's settings url: where the snippet points before we point it at the test server. */
const PUBLISHED = 'https://example.jp';
const DISTRICT = 'higashi';

let dir: string;
let browser: Browser;
const hosts: Record<string, Awaited<ReturnType<typeof serveDirectory>>> = {};
let snippet: string;
let townSnippet: string;

const read = (path: string) => withoutReadings(readFileSync(join(dir, 'dist', path), 'utf8'));

beforeAll(async () => {
  dir = copyFixtureProject();
  await buildProject(dir);
  const rules = parseHeaderRules(read('_headers'));
  // Cloudflare Pages joins the values of matching rules with a comma; a browser then enforces each.
  const cloudflare = (path: string) =>
    Object.fromEntries(
      Object.entries(cloudflareHeaders(rules, path)).map(([name, values]) => [name, values.join(', ')]),
    );
  [hosts['Netlify'], hosts['Cloudflare Pages'], browser] = await Promise.all([
    serveDirectory(join(dir, 'dist'), (path) => netlifyHeaders(rules, path)),
    serveDirectory(join(dir, 'dist'), cloudflare),
    launchChromium(),
  ]);
  // The snippet exactly as a town hall's staff would copy it from the district page.
  const page = await browser.newPage();
  await page.goto(`${hosts['Netlify']!.url}/area/${DISTRICT}/`);
  snippet = await page.getByRole('textbox', { name: '貼り付けるコード' }).inputValue();
  await page.goto(`${hosts['Netlify']!.url}/calendar/`);
  townSnippet = await page.getByRole('textbox', { name: '貼り付けるコード' }).inputValue();
  await page.close();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const host of Object.values(hosts)) await host.close();
  if (dir) removeProject(dir);
});

/** Another site: a page on another loopback origin (localhost, not 127.0.0.1) with `body` in it. */
async function otherSite(body: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="ja"><title>東小学校のホームページ</title><h1>学校だより</h1>${body}</html>`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://localhost:${port}/`, close: () => new Promise((done) => server.close(() => done())) };
}

/** The dates and names the district's calendar page lists in its agenda (this month and next) from `from` on. */
function calendarAgenda(from: string): string[] {
  const { document } = parseHTML(read(`area/${DISTRICT}/calendar/index.html`));
  return [...document.querySelectorAll('section[aria-labelledby="agenda"] ol > li')]
    .filter((li) => (li.querySelector('time')?.getAttribute('datetime') ?? '') >= from)
    .flatMap((li) =>
      [...li.querySelectorAll('a.title')].map(
        (a) => `${li.querySelector('time')?.getAttribute('datetime')} ${a.textContent}`,
      ),
    );
}

describe('the district page', () => {
  it('shows ほかのサイトにのせる with an iframe snippet to copy: titled, lazy, pointing at the embed page', () => {
    const { document } = parseHTML(`<!doctype html><html><body>${snippet}</body></html>`);
    const frame = document.querySelector('iframe');
    expect(frame?.getAttribute('src')).toBe(`${PUBLISHED}/embed/districts/${DISTRICT}/`);
    expect(frame?.getAttribute('title')).toBe('東小学校区のこれからの予定（テストつながり）');
    expect(frame?.getAttribute('loading')).toBe('lazy');
    const area = parseHTML(read(`area/${DISTRICT}/index.html`)).document;
    const section = area.querySelector('section.embed');
    expect(section?.querySelector('h2')?.textContent).toBe('ほかのサイトにのせる');
    expect(section?.querySelector('label')?.getAttribute('for')).toBe(section?.querySelector('textarea')?.id);
    expect(section?.querySelector('a')?.getAttribute('href')).toBe(`/embed/districts/${DISTRICT}/`);
    // The whole town's list, on the town calendar.
    expect(townSnippet).toContain(`src="${PUBLISHED}/embed/"`);
    expect(townSnippet).toContain('title="テストつながりのこれからの予定"');
  });
});

describe('the embed page as built', () => {
  it('is a small Japanese page without script, not for search engines, with the site’s policy', () => {
    for (const path of [`embed/districts/${DISTRICT}/index.html`, 'embed/index.html']) {
      const html = read(path);
      const { document } = parseHTML(html);
      expect(document.documentElement.getAttribute('lang'), path).toBe('ja');
      expect(document.querySelectorAll('h1'), path).toHaveLength(1);
      expect(document.querySelectorAll('script'), path).toHaveLength(0);
      expect(document.querySelector('meta[name="robots"]')?.getAttribute('content'), path).toBe('noindex');
      expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
        CONTENT_SECURITY_POLICY,
      );
      expect(html.length, path).toBeLessThan(30_000);
      const links = [...document.querySelectorAll('a')];
      expect(links.length, path).toBeGreaterThan(0);
      for (const a of links) {
        expect(a.getAttribute('target'), a.textContent ?? '').toBe('_blank');
        expect(a.getAttribute('rel'), a.textContent ?? '').toBe('noopener');
      }
    }
  });
});

for (const host of ['Netlify', 'Cloudflare Pages']) {
  describe(`framed by another site, on ${host}`, () => {
    it('shows the district’s coming dates, and opens an entry in a new tab', async () => {
      const server = hosts[host]!;
      const site = await otherSite(snippet.replace(PUBLISHED, server.url));
      const page = await browser.newPage();
      try {
        await page.goto(site.url);
        const frame = page.frameLocator('iframe[title="東小学校区のこれからの予定（テストつながり）"]');
        await frame.getByRole('heading', { level: 1, name: '東小学校区のこれからの予定' }).waitFor({ timeout: 30_000 });
        // The same dates and names, in the same order, as the district's calendar page: from the
        // first date shown (the embed starts at the build day) to the end of next month (of the
        // build's month, in Japan), where that page stops.
        const shown = await frame
          .locator('main ol > li')
          .evaluateAll((days) =>
            days.flatMap((day) =>
              [...day.querySelectorAll('a.title')].map(
                (a) => `${day.querySelector('time')?.getAttribute('datetime')} ${a.textContent}`,
              ),
            ),
          );
        expect(shown.some((s) => s.endsWith(' ひだまりサロン'))).toBe(true);
        const first = shown[0]?.slice(0, 10) ?? '';
        const end = `${addMonths(monthOf(todayInJapan()), 2)}-01`;
        const inCalendar = shown.filter((s) => s.slice(0, 10) < end);
        expect(inCalendar.length).toBeGreaterThan(0);
        expect(calendarAgenda(first).slice(0, inCalendar.length)).toEqual(inCalendar);
        // A link opens the full page in a new tab, outside the sandbox, not inside the frame.
        const [popup] = await Promise.all([
          page.context().waitForEvent('page', { timeout: 30_000 }),
          frame.getByRole('link', { name: 'ひだまりサロン' }).first().click(),
        ]);
        await popup.waitForURL(`${server.url}/salons/hidamari/`, { timeout: 30_000 });
        await popup.getByRole('heading', { level: 1 }).waitFor();
        expect(await popup.getByRole('heading', { level: 1 }).textContent()).toContain('ひだまりサロン');
        await popup.close();
      } finally {
        await page.close();
        await site.close();
      }
    }, 120_000);

    it('lets the whole town’s list be framed too', async () => {
      const server = hosts[host]!;
      const site = await otherSite(`<iframe src="${server.url}/embed/" title="町の予定"></iframe>`);
      const page = await browser.newPage();
      try {
        await page.goto(site.url);
        await page
          .frameLocator('iframe')
          .getByRole('heading', { level: 1, name: 'テストつながりのこれからの予定' })
          .waitFor({ timeout: 30_000 });
      } finally {
        await page.close();
        await site.close();
      }
    }, 60_000);

    it('refuses to let another site frame an ordinary page (frame-ancestors)', async () => {
      const server = hosts[host]!;
      const site = await otherSite(`<iframe src="${server.url}/area/${DISTRICT}/" title="地区のページ"></iframe>`);
      const page = await browser.newPage();
      try {
        // Chromium reports the refusal on the framing page's console.
        const refused = page.waitForEvent('console', {
          predicate: (message) => message.text().includes("frame-ancestors 'none'"),
          timeout: 30_000,
        });
        await page.goto(site.url);
        // Chromium names the origin refused: 'Framing 'http://127.0.0.1:…/' violates … "frame-ancestors 'none'"'.
        expect((await refused).text()).toContain(`Framing '${server.url}/'`);
        // No frame holds the district page.
        const loaded = await Promise.all(
          page.frames().map((f) => f.evaluate(() => document.querySelector('h1')?.textContent ?? '').catch(() => '')),
        );
        expect(loaded.filter((h1) => h1.includes('東小学校区'))).toEqual([]);
      } finally {
        await page.close();
        await site.close();
      }
    }, 60_000);
  });
}

describe('axe-core on the embed page', () => {
  async function violations(page: Page) {
    await page.addScriptTag({ content: AXE });
    return page.evaluate(async () => {
      const result = await (window as any).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      if (result.passes.length < 10) return [`axe ran only ${result.passes.length} checks`];
      return result.violations.map(
        (v: any) => `${v.id}: ${v.help} — ${v.nodes.map((n: any) => n.target.join(' ')).join(' | ')}`,
      );
    });
  }

  it('finds no WCAG 2.2 AA violation at phone and desktop widths', async () => {
    const found: string[] = [];
    for (const width of [320, 640]) {
      // axe is injected as an inline script, which the page's CSP rightly forbids.
      const context = await browser.newContext({ viewport: { width, height: 480 }, bypassCSP: true });
      const page = await context.newPage();
      for (const path of [`/embed/districts/${DISTRICT}/`, '/embed/']) {
        await page.goto(`${hosts['Netlify']!.url}${path}`);
        found.push(...(await violations(page)).map((v: string) => `${width}px ${path} ${v}`));
      }
      await context.close();
    }
    expect(found).toEqual([]);
  }, 120_000);
});
