/**
 * The newsletter pages of the built sample site: every issue shows what was compiled for its
 * month and district — each calendar day with its salon dates and events (お休み, 中止 and
 * holidays in words), the events, recruitments, reports and desks — and nothing of another
 * month or district; the index groups the issues by district; a phone reads the page without
 * scrolling sideways, and print leaves out the site's header. Each issue's page links its
 * colour, 白黒 and 大きな文字 PDFs, and the large-print one (read with poppler) carries the same
 * compiled items in bigger type, on A4, in Japanese.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { newsletterPdfPaths } from '../../src/flyers/newsletter/paths.ts';
import { LARGE_MAX_PAGES, MAX_PAGES } from '../../src/flyers/newsletter/render.ts';
import { compileNewsletter, type NewsletterSources } from '../../src/lib/newsletter/compile.ts';
import type { KindEntry } from '../../src/kinds/index.ts';
import type { Newsletter } from '../../src/schemas/newsletter.ts';
import { sampleSite } from './helpers/sample-site.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveDirectory } from './helpers/serve.ts';
import { withoutReadings } from './helpers/readings.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let dir: string;
let sources: NewsletterSources;
let issues: KindEntry<Newsletter>[];

beforeAll(async () => {
  // The shared build of the sample site, made with TZ=UTC (tests/e2e/helpers/sample-site.ts).
  dir = await sampleSite();
  // The model each page should show, compiled from the same content as the build.
  const { entries } = validateContent(dir);
  const of = (collection: string) =>
    (entries.get(collection) ?? []).map((e) => ({ id: String(e.parsed['id']), data: e.parsed })) as never[];
  const settings = entries.get('settings')?.[0]?.parsed ?? {};
  sources = {
    events: of('events'),
    salons: of('salons'),
    recruitments: of('recruitments'),
    reports: of('reports'),
    desks: of('desks'),
    places: of('places'),
    districts: (entries.get('districts') ?? []).map((d) => d.parsed as never),
    siteUrl: String(settings['url']),
  };
  issues = of('newsletters');
}, 600_000);

const pageOf = (path: string) =>
  parseHTML(withoutReadings(readFileSync(join(dir, 'dist', path, 'index.html'), 'utf8'))).document;
// Without the zero-width spaces that mark phrase breaks (src/components/Phrases.astro).
const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '')
    .replace(/\u200b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
/** The calendar table's rows as date → its text. */
function calendarRows(document: Document): Map<string, string> {
  const rows = new Map<string, string>();
  for (const row of document.querySelectorAll('section[aria-labelledby="calendar"] tbody tr'))
    rows.set(row.querySelector('time')?.getAttribute('datetime') ?? '', text(row));
  return rows;
}
const linksIn = (document: Document, section: string, prefix: string) =>
  [...document.querySelectorAll(`section[aria-labelledby="${section}"] a[href^="${prefix}"]`)]
    .map((a) => a.getAttribute('href'))
    .sort();

describe('newsletter issue pages', () => {
  it('has at least two districts and two months of issues in the sample', () => {
    expect(new Set(issues.map((i) => i.data.district).filter(Boolean)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(issues.map((i) => i.data.month)).size).toBeGreaterThanOrEqual(2);
  });

  it('shows every compiled day, event, recruitment, report and desk of the issue, and no other', () => {
    for (const issue of issues) {
      const where = `/newsletters/${issue.id}/`;
      const model = compileNewsletter({ entry: issue }, sources);
      const document = pageOf(`newsletters/${issue.id}`);
      expect(text(document.querySelector('h1')), where).toBe(issue.data.title);
      expect(text(document.querySelector('.issue-line')), where).toContain(`第${issue.data.number}号`);

      const rows = calendarRows(document);
      expect([...rows.keys()], where).toEqual(model.calendar.map((day) => day.date));
      for (const day of model.calendar) {
        const row = rows.get(day.date) ?? '';
        if (day.holiday) expect(row, `${where} ${day.date}`).toContain(day.holiday);
        for (const item of day.items) expect(row, `${where} ${day.date}`).toContain(item.title);
      }
      const calendarLinks = [...document.querySelectorAll('section[aria-labelledby="calendar"] tbody a')].map((a) =>
        a.getAttribute('href'),
      );
      for (const href of calendarLinks)
        expect(
          model.calendar.some((day) => day.items.some((i) => href === `/${i.collection}/${i.id}/`)),
          `${where}: ${href}`,
        ).toBe(true);

      expect(linksIn(document, 'events', '/events/'), where).toEqual(
        model.events.map((e) => `/events/${e.id}/`).sort(),
      );
      expect(linksIn(document, 'recruitments', '/recruitments/'), where).toEqual(
        model.recruitments.map((r) => `/recruitments/${r.id}/`).sort(),
      );
      expect(linksIn(document, 'reports', '/reports/'), where).toEqual(
        model.reports.map((r) => `/reports/${r.id}/`).sort(),
      );
      expect(linksIn(document, 'desks', '/desks/'), where).toEqual(model.desks.map((d) => `/desks/${d.id}/`).sort());
      for (const desk of model.desks) expect(text(document.body), where).toContain(desk.phone);
      expect(document.querySelector(`aside.qr a[href="${model.qr.url}"]`), where).not.toBeNull();
      expect(document.querySelector('aside.qr svg path')?.getAttribute('d'), where).toBe(model.qr.d);
    }
  });

  it('reads what the salons and events say: skip dates, holidays, a cancellation, a postponed event’s new day', () => {
    const december = calendarRows(pageOf('newsletters/higashi-dayori-2026-12'));
    expect(december.get('2026-12-31')).toMatch(/お休み.*居場所「えんがわ」/);
    expect(december.get('2026-12-30')).toMatch(/お休み.*百歳体操/);
    expect(december.get('2026-12-27')).toMatch(/中止.*もちつき/);
    expect(december.get('2026-12-20')).toContain('しめ縄づくり教室');
    // 東's issue carries nothing of 西: the こども食堂's Christmas party is 西's.
    expect([...december.values()].join()).not.toContain('クリスマス会');

    const january = calendarRows(pageOf('newsletters/higashi-dayori-2027-01'));
    expect(january.get('2027-01-01')).toContain('元日');
    expect(january.get('2027-01-11')).toMatch(/成人の日.*居場所「えんがわ」/);
    expect(january.get('2027-01-04')).toMatch(/お休み.*居場所「えんがわ」/);
    expect(january.get('2027-01-16')).toContain('見守りボランティア養成講座');
    expect([...january.keys()].every((date) => date.startsWith('2027-01-'))).toBe(true);

    const west = calendarRows(pageOf('newsletters/nishi-dayori-2027-01'));
    expect(west.get('2027-01-02')).toMatch(/お休み.*もぐもぐ/);
    expect([...west.values()].join()).not.toContain('えんがわ');
  });

  it('shows the editor’s はじめに, the cover photo with its alt text, the counts of the last 12 months and the free articles', () => {
    const document = pageOf('newsletters/higashi-dayori-2026-12');
    const intro = document.querySelector('section[aria-labelledby="intro"]');
    expect(text(intro)).toContain('今年も一年、ありがとうございました。');
    expect(intro?.querySelector('img')?.getAttribute('alt')).toBe(
      '座卓の急須と湯のみ、みかんを囲んで、参加者がお茶を飲みながら話している絵',
    );
    expect(text(document.querySelector('.articles h2'))).toBe('年末の見守り、ひと声かけあいましょう');
    // The district's participants and volunteers per month, as a table too (src/components/CountChart.astro).
    const counts = document.querySelector('section[aria-labelledby="counts"]');
    expect(counts?.querySelectorAll('tbody tr').length).toBe(12);
    expect(counts?.querySelector('a[href="/area/midorino-higashi/summary/monthly.csv"]')).not.toBeNull();
  });

  it('lists past issues by district, the town’s first, each district linking its page', () => {
    const document = pageOf('newsletters');
    const headings = [...document.querySelectorAll('main h2')].map(text);
    expect(headings.slice(0, 3)).toEqual(['町全体', 'みどり野西小学校区', 'みどり野東小学校区']);
    const east = [...document.querySelectorAll('main section')].find((section) =>
      section.querySelector('h2 a[href="/area/midorino-higashi/"]'),
    );
    expect([...(east?.querySelectorAll('li a') ?? [])].map((a) => a.getAttribute('href'))).toEqual([
      '/newsletters/higashi-dayori-2027-01/',
      '/newsletters/higashi-dayori-2026-12/',
      '/newsletters/higashi-dayori-2026-11/',
    ]);
  });

  it('fits a phone without sideways scrolling, and prints without the site header and navigation', async () => {
    const server = await serveDirectory(join(dir, 'dist'));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      for (const issue of issues) {
        await page.goto(`${server.url}/newsletters/${issue.id}/`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, issue.id).toBeLessThanOrEqual(0);
      }
      // Large print, as many readers of a だより set it: still no sideways scrolling.
      await page.evaluate(() => localStorage.setItem('tsunagari-prefs', JSON.stringify({ textSize: 'large' })));
      await page.goto(`${server.url}/newsletters/higashi-dayori-2026-12/`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('body > header').isVisible()).toBe(false);
      expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
      await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('table', { name: /の予定表$/ }).isVisible()).resolves.toBe(true);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);

  it('passes axe-core (WCAG 2.2 AA) on an issue and on the index', async () => {
    const server = await serveDirectory(join(dir, 'dist'));
    const browser = await launchChromium();
    try {
      // axe is injected as an inline script, which the site's CSP rightly forbids.
      const context = await browser.newContext({ viewport: { width: 375, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      const found: string[] = [];
      for (const path of [
        '/newsletters/',
        '/newsletters/higashi-dayori-2026-12/',
        '/newsletters/nishi-dayori-2026-12/',
      ]) {
        await page.goto(`${server.url}${path}`);
        await page.addScriptTag({ content: AXE });
        const result = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResult> } }).axe;
          return axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          });
        });
        // A page where axe checked almost nothing would pass vacuously.
        expect(result.passes.length, path).toBeGreaterThanOrEqual(10);
        found.push(...result.violations.map((v) => `${path} ${v.id}: ${v.help}`));
      }
      expect(found).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});

/** What poppler reads in a built PDF: its pages' sizes, its text, and how tall its words are. */
function readPdf(path: string) {
  const file = join(dir, 'dist', path);
  const info = execFileSync('pdfinfo', ['-l', '99', file], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  // Each word's box (pdftotext -bbox): the median height is the body's type size.
  const boxes = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const heights = [...boxes.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)]
    .map((m) => Number(m[2]) - Number(m[1]))
    .sort((a, b) => a - b);
  const catalog = readFileSync(file, 'latin1');
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    sizes,
    text,
    wordHeight: heights[Math.floor(heights.length / 2)] ?? 0,
    // PDFKit writes the catalog uncompressed: /Lang (ja-JP).
    lang: /\/Lang\s*\(([^)]*)\)/.exec(catalog)?.[1],
  };
}

describe('newsletter PDFs of the built site', () => {
  it('links colour, 白黒 and 大きな文字 on every issue page', () => {
    for (const issue of issues) {
      const links = [...pageOf(`newsletters/${issue.id}`).querySelectorAll('.print a')].map((a) => [
        a.getAttribute('href'),
        text(a),
      ]);
      const paths = newsletterPdfPaths(issue.id);
      expect(links, issue.id).toEqual([
        [paths.color, '印刷用PDF（カラー）'],
        [paths.bw, '白黒で印刷（回覧板）'],
        [paths.large, '大きな文字で印刷'],
      ]);
    }
  });

  it('prints each issue in large print: A4, Japanese, every compiled item, bigger type on more pages', () => {
    const squash = (value: string) => value.replace(/\s+/g, '');
    for (const issue of issues) {
      const model = compileNewsletter({ entry: issue }, sources);
      const paths = newsletterPdfPaths(issue.id);
      const large = readPdf(paths.large);
      const colour = readPdf(paths.color);
      const where = paths.large;
      expect(large.pages, where).toBeGreaterThanOrEqual(colour.pages);
      expect(large.pages, where).toBeLessThanOrEqual(LARGE_MAX_PAGES);
      expect(colour.pages, paths.color).toBeLessThanOrEqual(MAX_PAGES);
      expect(large.sizes, where).toHaveLength(large.pages);
      for (const [width, height] of large.sizes) {
        expect(width, where).toBeCloseTo(595.28, 1);
        expect(height, where).toBeCloseTo(841.89, 1);
      }
      expect(large.lang, where).toMatch(/^ja/);
      // About 1.45 times the colour edition's type (src/flyers/newsletter/layout.ts: SPECS).
      expect(large.wordHeight, where).toBeGreaterThan(colour.wordHeight * 1.3);
      const items = [
        issue.data.title,
        ...model.calendar.flatMap((day) => day.items.map((item) => item.title)),
        ...model.events.map((e) => e.title),
        ...model.recruitments.map((r) => r.title),
        ...model.reports.map((r) => r.title),
        ...model.desks.flatMap((d) => [d.name, d.phone]),
      ];
      expect(items.length, where).toBeGreaterThan(5);
      for (const item of items) expect(large.text, `${where}: ${item}`).toContain(squash(item));
      for (let page = 1; page <= large.pages; page++)
        expect(large.text, where).toContain(squash(`${page} / ${large.pages}`));
    }
  });
});

interface AxeResult {
  passes: unknown[];
  violations: { id: string; help: string }[];
}
