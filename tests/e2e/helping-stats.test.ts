/**
 * Issue 18, items 2, 3 and 5 on the built sample site: every 活動のまとめ chart has its table and
 * a CSV with the same numbers; the SDGs pages list exactly the tagged entries; and, in real
 * Chromium, a phone user narrows the recruitments by a condition, finds them by what they can do,
 * applies with a large button, and search offers the same conditions as filters.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { sampleSite } from './helpers/sample-site.ts';
import { serveDirectory } from './helpers/serve.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { lifecycleOf } from '../../src/kinds/index.ts';
import { todayInJapan } from '../../src/lib/recurrence.ts';
import { SDG_GOALS } from '../../src/schemas/sdgs.ts';
import type { Recruitment } from '../../src/schemas/recruitment.ts';
import { rubyName, withoutReadings } from './helpers/readings.ts';

let dir: string;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;
let content: ReturnType<typeof validateContent>;

beforeAll(async () => {
  dir = await sampleSite();
  content = validateContent(dir);
  server = await serveDirectory(join(dir, 'dist'));
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const html = (path: string) =>
  parseHTML(withoutReadings(readFileSync(join(dir, 'dist', path, 'index.html'), 'utf8'))).document;

describe('活動のまとめ', () => {
  const pages = () => [
    'summary',
    ...readdirSync(join(dir, 'dist/area'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `area/${d.name}/summary`),
  ];

  it('exists for the town and every district, linked from each district page', () => {
    const districts = content.entries.get('districts') ?? [];
    expect(pages()).toHaveLength(districts.length + 1);
    for (const d of districts)
      expect(html(`area/${d.id}`).querySelector(`a[href="/area/${d.id}/summary/"]`), d.id).not.toBeNull();
  });

  it('gives every chart a table and a CSV with the same numbers, and runs no script', () => {
    let charts = 0;
    for (const path of pages()) {
      const document = html(path);
      for (const section of document.querySelectorAll('section.count-chart')) {
        // Drawn at build time: nothing in a chart runs in the reader's browser.
        expect(section.innerHTML, path).not.toMatch(/<script|\son\w+=/i);
        const svg = section.querySelector('figure svg');
        const rows = [...section.querySelectorAll('tbody tr')].map((tr) =>
          [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim()),
        );
        const header = [...section.querySelectorAll('thead th')].map((c) => c.textContent.trim());
        expect(section.querySelector('table caption')?.textContent, path).toBeTruthy();
        if (svg) {
          charts += 1;
          // One row of bars per table row: Plot labels each on its axis.
          const labels = [...svg.querySelectorAll('[data-mark="fy-axis tick label"] text')].map((t) =>
            t.textContent.trim(),
          );
          expect(labels, path).toEqual(rows.map((r) => r[0]));
        }
        const csvHref = section.querySelector('a[download]')?.getAttribute('href') ?? '';
        const csv = parseCsv(readFileSync(join(dir, 'dist', csvHref), 'utf8'), { bom: true }) as string[][];
        expect(csv, csvHref).toEqual([header, ...rows]);
      }
    }
    expect(charts).toBeGreaterThanOrEqual(2 * 4); // monthly and yearly, for the town and the districts with reports
  });
});

describe('SDGs pages', () => {
  it('list exactly the entries tagged with each goal', () => {
    const tagged = new Map<string, Set<string>>(SDG_GOALS.map((g) => [g, new Set()]));
    for (const [collection, entries] of content.entries)
      for (const entry of entries) {
        const goals = (entry.parsed as { sdgs?: unknown }).sdgs;
        if (Array.isArray(goals))
          for (const goal of goals) tagged.get(String(goal))?.add(`/${collection}/${entry.id}/`);
      }
    expect([...tagged.values()].reduce((n, s) => n + s.size, 0)).toBeGreaterThan(10);
    for (const goal of SDG_GOALS) {
      const listed = [...html(`sdgs/${goal}`).querySelectorAll('main section li a')].map((a) => a.getAttribute('href'));
      expect(new Set(listed).size, goal).toBe(listed.length);
      expect(new Set(listed), goal).toEqual(tagged.get(goal));
      const count = html('sdgs').querySelector(`a[href="/sdgs/${goal}/"]`)?.parentElement?.textContent ?? '';
      expect(count, goal).toContain(`${tagged.get(goal)?.size ?? 0}件`);
    }
  });

  it('badge a tagged entry with its goals, linked to their pages', () => {
    const page = html('reports/mogumogu-2026-10');
    const badges = [...page.querySelectorAll('a.sdg')].map((a) => a.getAttribute('href'));
    expect(badges).toEqual(['/sdgs/1/', '/sdgs/2/', '/sdgs/3/']);
    expect(page.querySelector('a.sdg')?.textContent).toContain('貧困をなくそう');
  });
});

describe('becoming a helper, in Chromium at phone width', () => {
  let page: Page;
  const today = todayInJapan();
  const open = () =>
    (content.entries.get('recruitments') ?? [])
      .filter((e) => lifecycleOf('recruitments', e.parsed, today) !== 'past')
      .map((e) => ({ id: e.id, data: e.parsed as unknown as Recruitment }));

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  });

  it('narrows the list to one condition by pressing it, and back again', async () => {
    await page.goto(`${server.url}/recruitments/`);
    const weekends = open().filter((r) => r.data.tags.includes('weekends'));
    expect(weekends.length).toBeGreaterThan(0);
    await page.getByRole('link', { name: rubyName(`土日（${weekends.length}件）`) }).click();
    await page.waitForURL('**/join/weekends/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('「土日」');
    // The list comes first; the condition buttons follow it.
    const listed = await page
      .locator('main ul')
      .first()
      .locator('li > a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(new Set(listed)).toEqual(new Set(weekends.map((r) => `/recruitments/${r.id}/`)));
    // The closed 福祉まつり call was for a weekend too, and is not offered.
    expect(listed).not.toContain('/recruitments/fukushi-matsuri-2026-volunteer/');
    await page.goBack();
    await page.waitForURL('**/recruitments/');
    const big = await page.getByRole('link', { name: rubyName('1回だけOK', { start: true }) }).boundingBox();
    expect(big?.height ?? 0).toBeGreaterThanOrEqual(44);
  });

  it('groups open recruitments by what a helper would do', async () => {
    await page.goto(`${server.url}/recruitments/`);
    await page.getByRole('link', { name: rubyName('できることから探す') }).click();
    await page.waitForURL('**/join/');
    const talk = open().filter((r) => r.data.activities.includes('talk'));
    const section = page.getByRole('region', { name: rubyName('話し相手') });
    const links = await section.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(links)).toEqual(new Set(talk.map((r) => `/recruitments/${r.id}/`)));
  });

  it('offers every way to apply as a large button', async () => {
    await page.goto(`${server.url}/recruitments/mimamori-homonin/`);
    const apply = page.getByRole('region', { name: rubyName('申し込む') });
    await expect
      .poll(() => apply.getByRole('link', { name: rubyName('申し込みフォームを開く') }).getAttribute('href'))
      .toBe('https://forms.example.jp/midorino-mimamori');
    expect(
      await apply.getByRole('link', { name: rubyName('LINEで友だち追加', { start: true }) }).getAttribute('href'),
    ).toBe('https://lin.ee/midorinoVC');
    expect(
      await apply.getByRole('link', { name: rubyName('電話で申し込む', { start: true }) }).getAttribute('href'),
    ).toBe('tel:0000123457');
    // innerText: shown text only (getByText would also read the hidden ふりがな readings).
    expect(await apply.innerText()).toContain('窓口で申し込む');
    for (const box of await apply.getByRole('link').all())
      expect((await box.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(56);
  });

  it('gives search the same conditions and activities as filters', async () => {
    const search = await browser.newPage({ bypassCSP: true });
    await search.goto(`${server.url}/search/`);
    await search.addScriptTag({
      type: 'module',
      content: "window.pagefind = await import('/pagefind/pagefind.js');",
    });
    await search.waitForFunction(() => 'pagefind' in window);
    const filters = (await search.evaluate(() => (window as any).pagefind.filters())) as Record<
      string,
      Record<string, number>
    >;
    const count = (tag: Recruitment['tags'][number]) => open().filter((r) => r.data.tags.includes(tag)).length;
    expect(filters['参加しやすさ']?.['土日']).toBe(count('weekends'));
    expect(filters['参加しやすさ']?.['在宅・オンライン']).toBe(count('remote'));
    expect(filters['お願いしたいこと']?.['子どもの見守り']).toBe(
      open().filter((r) => r.data.activities.includes('childwatch')).length,
    );
    expect(Object.keys(filters['SDGs'] ?? {})).toContain('すべての人に健康と福祉を');
    await search.close();
  });
});
