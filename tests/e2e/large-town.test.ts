/**
 * A large town, under `npm start`'s dev server.
 * - The town's 防災 page: with more shelters and 自主防災組織 than it lists in full
 *   (TOWN_PAGE_LIST_LIMIT), it says how many there are (the shelters under each hazard) and sends
 *   residents to their district's page, which still lists every one of its own with the map.
 * - Long lists: an index page lists the first LIST_PAGE_SIZE lines of a list and links its
 *   further pages, in Japanese and in every other language.
 * The sample town (under both limits) keeps its full lists: tests/e2e/bosai.test.ts, site.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOWN_PAGE_LIST_LIMIT } from '../../src/lib/bosai.ts';
import { LIST_PAGE_SIZE } from '../../src/lib/listings.ts';
import { copyProject, freePort, removeProject, startAstroDev, type Running } from './helpers/project.ts';
import { withoutReadings } from './helpers/readings.ts';

const ADDED = TOWN_PAGE_LIST_LIMIT + 5;
/** Reports added to the sample's own: two pages and a bit of a third. */
const REPORTS = 2 * LIST_PAGE_SIZE + 7;
let dir: string;
let astro: Running | undefined;
let base: string;

/** Shelters and groups added to two districts of the sample town; the sample's own are kept. */
function addLargeTown(project: string): void {
  for (let i = 0; i < ADDED; i++) {
    const district = i % 2 ? 'wakaba' : 'kawabata';
    const hazards = i % 3 ? '    - earthquake\n    - fire\n' : '    - flood\n';
    writeFileSync(
      join(project, `content/places/test-hinanjo-${i}.ja.md`),
      `---\nid: test-hinanjo-${i}\nname: テスト避難所${i}\naddress: 架空県みどり野市本町${i}\ndistrict: ${district}\n` +
        `ibasho: false\nlat: 35.68\nlng: 139.41\nshelter:\n  types:\n    - shelter\n  hazards:\n${hazards}---\n`,
    );
    writeFileSync(
      join(project, `content/organizations/test-bosai-${i}.ja.md`),
      `---\nid: test-bosai-${i}\nname: テスト自主防災会${i}\nkind: bosai\ndistricts:\n  - ${district}\n---\n`,
    );
  }
  // Reports of 2020–2025, one a week or so: older than the sample's (2026), so they come after them.
  for (let i = 0; i < REPORTS; i++) {
    const date = new Date(Date.UTC(2025, 11, 28) - i * 8 * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(
      join(project, `content/reports/test-report-${String(i).padStart(3, '0')}.ja.md`),
      `---\nid: test-report-${String(i).padStart(3, '0')}\ntitle: テスト活動報告${i}\ndate: ${date}\n` +
        `districts:\n  - kawabata\ncategories:\n  - salon\norganizer: midorino-shakyo\n---\n\nテストの報告です。\n`,
    );
  }
}

const page = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  expect(response.status, path).toBe(200);
  return parseHTML(withoutReadings(await response.text())).document;
};

beforeAll(async () => {
  dir = copyProject();
  addLargeTown(dir);
  const port = await freePort();
  astro = await startAstroDev(dir, port, await freePort());
  base = `http://127.0.0.1:${port}`;
}, 240_000);
afterAll(async () => {
  await astro?.stop();
  removeProject(dir);
});

describe('the 防災 page of a large town', () => {
  it('counts the shelters under each hazard and the groups, and links the districts’ pages', async () => {
    const doc = await page('/bosai/');
    const main = doc.querySelector('main')!;
    const text = main.textContent!.replace(/\s+/g, '');
    // No list of every shelter, no map of them, no list of every group.
    expect(main.querySelector('[data-shelters]')).toBeNull();
    expect(main.querySelector('[data-shelter]')).toBeNull();
    expect(main.querySelector('a[href^="/organizations/"]')).toBeNull();
    const shelters = text.match(/避難場所・避難所は(\d+)か所あり/)?.[1];
    expect(Number(shelters)).toBeGreaterThan(ADDED);
    expect(Number(text.match(/自主防災組織は(\d+)団体あり/)?.[1])).toBeGreaterThan(ADDED);
    const counts = [...main.querySelectorAll('[data-shelter-counts] li')].map((li) => li.textContent!.trim());
    expect(counts).toEqual(expect.arrayContaining([expect.stringMatching(/^地震のとき：\d+か所$/)]));
    // Each added shelter serves earthquakes or floods: at least these many under each.
    const under = (hazard: string) => Number(counts.find((c) => c.startsWith(hazard))?.match(/(\d+)か所/)?.[1]);
    expect(under('地震')).toBeGreaterThanOrEqual(ADDED - Math.ceil(ADDED / 3));
    expect(under('洪水')).toBeGreaterThanOrEqual(Math.ceil(ADDED / 3));
    expect(main.querySelectorAll('a[href="#bosai-districts"]').length).toBe(2);
    expect(main.querySelector('#bosai-districts')).not.toBeNull();
    expect(main.querySelector('a[href="/bosai/wakaba/"]')).not.toBeNull();
  }, 240_000);

  it('leaves each district’s page listing all its own shelters and groups', async () => {
    const doc = await page('/bosai/kawabata/');
    const ids = [...doc.querySelectorAll('[data-shelters] [data-shelter]')].map((li) =>
      li.getAttribute('data-shelter'),
    );
    const added = Array.from({ length: ADDED }, (_, i) => i).filter((i) => i % 2 === 0);
    expect(ids).toEqual(expect.arrayContaining(added.map((i) => `test-hinanjo-${i}`)));
    const groups = [...doc.querySelectorAll('main a[href^="/organizations/test-bosai-"]')];
    expect(groups.length).toBe(added.length);
  }, 240_000);
});

describe('a long list', () => {
  const reportLinks = (doc: Document) =>
    [...doc.querySelectorAll('#entry-list a[href^="/reports/"], #entry-list a[href^="/en/reports/"]')].map((a) =>
      a.getAttribute('href'),
    );
  const pagerLinks = (doc: Document) =>
    [...doc.querySelectorAll('nav[data-pager="list"] a')].map((a) => [a.textContent!.trim(), a.getAttribute('href')]);

  it('shows its first lines on the index page and the rest on pages of as many, newest first', async () => {
    const first = await page('/reports/');
    // The Japanese originals (translations sit beside them as <id>.<locale>.md).
    const own = (await readdir(join(dir, 'content/reports'))).filter((f) => f.endsWith('.ja.md')).length;
    expect(reportLinks(first)).toHaveLength(LIST_PAGE_SIZE);
    // Newest first: the sample's own reports (2026) before the added ones (2025 and older).
    expect(reportLinks(first)[0]).not.toMatch(/test-report/);
    expect(reportLinks(first)).toContain('/reports/test-report-000/');
    const pager = first.querySelector('nav[data-pager="list"]')!;
    expect(pager.textContent!.replace(/\s+/g, '')).toContain(`1ページ目／全3ページ（${own}件）`);
    expect(pagerLinks(first)).toEqual([
      ['2', '/reports/list/2/'],
      ['3', '/reports/list/3/'],
      ['次のページ', '/reports/list/2/'],
    ]);

    const second = await page('/reports/list/2/');
    expect(second.querySelector('h1')!.textContent).toContain('（2ページ目）');
    expect(second.querySelector('a[aria-current="page"], [aria-current="page"]')).not.toBeNull();
    const third = await page('/reports/list/3/');
    const all = [...reportLinks(first), ...reportLinks(second), ...reportLinks(third)];
    // Every report once, in the index's order, none lost between pages.
    expect(all).toHaveLength(own);
    expect(new Set(all).size).toBe(own);
    const added = all.filter((href) => href!.includes('test-report'));
    expect(added).toEqual(
      Array.from({ length: REPORTS }, (_, i) => `/reports/test-report-${String(i).padStart(3, '0')}/`),
    );
    expect(pagerLinks(third)[0]).toEqual(['前のページ', '/reports/list/2/']);
    const missing = await fetch(`${base}/reports/list/4/`);
    expect(missing.status).toBe(404);
  }, 240_000);

  it('has its further pages in every language, linked from the language switch', async () => {
    const english = await page('/en/reports/list/2/');
    expect(english.documentElement.getAttribute('lang')).toBe('en');
    expect(english.querySelector('h1')!.textContent).toContain('(page 2)');
    expect(english.querySelector('nav[data-pager="list"]')!.textContent).toContain('Page 2 of 3');
    expect(pagerLinks(english)).toContainEqual(['Next page', '/en/reports/list/3/']);
    expect(reportLinks(english)).toHaveLength(LIST_PAGE_SIZE);
    // The Japanese page's language switch leads to the same page in English, not to its notice.
    const japanese = await page('/reports/list/2/');
    expect(japanese.querySelector('nav.languages a[hreflang="en"]')!.getAttribute('href')).toBe('/en/reports/list/2/');
    // And search engines are told of each page in each language.
    const sitemap = await (await fetch(`${base}/sitemap.xml`)).text();
    for (const path of ['/reports/list/2/', '/reports/list/3/', '/en/reports/list/3/', '/vi/reports/list/2/'])
      expect(sitemap).toContain(`${path}</loc>`);
  }, 240_000);
});
