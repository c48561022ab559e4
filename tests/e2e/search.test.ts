/**
 * Japanese search with Pagefind in real Chromium over the built sample site: realistic
 * queries find the page a resident is after in the top three, filters exist, the search
 * page works with the keyboard, and it is the only page that runs JavaScript.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { sampleSite } from './helpers/sample-site.ts';
import { serveDirectory } from './helpers/serve.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { searchBundleOf } from '../../src/lib/search/document.ts';
import { queryText } from '../../src/lib/search/terms.ts';
import { todayInJapan } from '../../src/lib/recurrence.ts';
import { rubyName } from './helpers/readings.ts';

/** What a resident types, and the page they are looking for. */
const QUERIES: [string, string][] = [
  ['サロン', '/salons/utagoe-wakaba/'],
  ['見守り', '/recruitments/mimamori-homonin/'],
  ['子育て', '/salons/piyopiyo-kosodate/'],
  ['子育て 相談', '/desks/kosodate-shien-sukusuku/'],
  ['見守り訪問', '/recruitments/mimamori-homonin/'],
  // 買い物 now first finds who helps with shopping (a help service does 買い物代行); the mobile
  // shop, a salon of the kind 移動販売, is what 移動販売 finds.
  ['買い物', '/services/machitomo-higashi/'],
  ['電球', '/services/machitomo-higashi/'],
  ['移動販売', '/salons/idohanbai-maruya/'],
  // 避難 first finds the designated evacuation sites (指定避難所, 避難できます: since index and
  // query split words alike, 避難 is a word of their text, no longer the start of 避難所), 避難訓練
  // the flood drill whose whole point is evacuating (川端町), 防災訓練 the town's drill.
  ['避難', '/places/wakaba-sho-taiikukan/'],
  ['避難訓練', '/events/suigai-kunren-kawabata-2027/'],
  ['防災訓練', '/events/bosai-kunren-wakaba-2027/'],
  ['ボランティア', '/desks/volunteer-center/'],
  ['子ども食堂', '/salons/mogumogu-shokudo/'],
  ['日本語', '/events/yasashii-nihongo-koza-2026/'],
  ['にほんご', '/salons/nihongo-salon/'],
  ['外国人', '/desks/gaikokujin-sodan/'],
  ['介護', '/desks/hokatsu-higashi/'],
  ['認知症', '/events/ninchisho-supporter-2027/'],
  ['配食', '/recruitments/haishoku-volunteer/'],
  ['ごみ出し', '/recruitments/gomidashi-supporter/'],
  ['体操', '/salons/hyakusai-taiso-asahidai/'],
  ['喫茶', '/salons/kawabata-kissa/'],
  ['ひだまり', '/salons/hidamari-salon/'],
  ['福祉まつり', '/events/fukushi-matsuri-2026/'],
  ['えんがわ', '/places/ibasho-engawa/'],
  ['あさひ台', '/places/asahidai-shukaijo/'],
  ['若葉小学校区', '/districts/wakaba/'],
  ['本町一丁目', '/districts/honcho-itchome/'],
];

let dir: string;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;
let page: Page;
/** A page whose Pagefind also searches the past bundle, as 終わったものも探す does. */
let pastPage: Page;
/** '/<collection>/<id>/' of every entry, by the search bundle it belongs in as of today. */
const bundles = { current: new Set<string>(), past: new Set<string>() };

beforeAll(async () => {
  dir = await sampleSite();
  [server, browser] = await Promise.all([serveDirectory(join(dir, 'dist')), launchChromium()]);
  // These pages only run queries through Pagefind's API; the keyboard tests below use pages
  // under the site's real Content-Security-Policy.
  page = await pagefindPage();
  pastPage = await pagefindPage("await pf.mergeIndex('/pagefind-past/');");
  const today = todayInJapan();
  for (const [collection, entries] of validateContent(dir).entries)
    for (const entry of collection === 'settings' ? [] : entries)
      bundles[searchBundleOf(collection, entry.parsed, today)].add(`/${collection}/${entry.id}/`);
  // Building the sample town takes minutes, more on a machine other builds share (as read-aloud.test.ts).
}, 1_500_000);
/**
 * A page of the built site with Pagefind's own API as `window.pagefind`, loaded as the search UI
 * loads it, after `setup` (code using it as `pf`, such as merging the past bundle).
 */
async function pagefindPage(setup = ''): Promise<Page> {
  const p = await browser.newPage({ bypassCSP: true });
  await p.goto(`${server.url}/search/`);
  await p.addScriptTag({
    type: 'module',
    content: `const pf = await import('/pagefind/pagefind.js'); ${setup} window.pagefind = pf;`,
  });
  await p.waitForFunction(() => 'pagefind' in window);
  return p;
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs a query through Pagefind in the page and returns the first results' URLs and meta. */
const search = (query: string | null, options: Record<string, unknown> = {}, withPast = false) =>
  (withPast ? pastPage : page).evaluate(
    async ([q, o]) => {
      const found = await (window as any).pagefind.search(q, o);
      const data = await Promise.all(found.results.slice(0, 10).map((r: any) => r.data()));
      return data.map((d: any) => ({ url: d.url as string, meta: d.meta as Record<string, string> }));
    },
    [query, options] as const,
  );

describe('Japanese queries over the sample content', () => {
  // The sample content ages: an event over by the day the tests run is looked for with the past
  // searched too, where the current pages' own matches (the report of it, say) come first.
  it.each(QUERIES)('「%s」 finds %s in the top three (top five once past)', async (query, expected) => {
    const past = bundles.past.has(expected);
    const top = (await search(query, {}, past)).slice(0, past ? 5 : 3).map((r) => r.url);
    expect(top, JSON.stringify(top)).toContain(expected);
  });

  it('searches what is current unless asked for the past, which is then found too', async () => {
    expect(bundles.past.size).toBeGreaterThan(0);
    /** Every page the bundle(s) hold: all results of a search by every kind. */
    const everything = (p: Page) =>
      p.evaluate(async () => {
        const pf = (window as any).pagefind;
        const kinds = Object.keys((await pf.filters())['種類'] ?? {});
        const found = await pf.search(null, { filters: { 種類: { any: kinds } } });
        return (await Promise.all(found.results.map((r: any) => r.data()))).map((d: any) => d.url as string).sort();
      });
    expect(await everything(page)).toEqual([...bundles.current].sort());
    expect(await everything(pastPage)).toEqual([...bundles.current, ...bundles.past].sort());
    // And by its title, a past entry is found once the past is searched too.
    for (const url of bundles.past) {
      const title = await page.evaluate(async (u) => {
        const html = await (await fetch(u)).text();
        const document = new DOMParser().parseFromString(html, 'text/html');
        // The title as typed, without the page's hidden ふりがな (src/middleware.ts).
        for (const reading of document.querySelectorAll('rt, rp')) reading.remove();
        return document.querySelector('h1')?.textContent ?? '';
      }, url);
      const withPast = (await search(title, {}, true)).slice(0, 5).map((r) => r.url);
      expect(withPast, `${title} (${url})`).toContain(url);
    }
  });

  it('sorts by date what is current, then the past, as the search page merges them (search.js)', async () => {
    const sorted = await pagefindPage("await pf.mergeIndex('/pagefind-past/', { indexWeight: 1e-6 });");
    const dates: string[] = await sorted.evaluate(async () => {
      const pf = (window as any).pagefind;
      const found = await pf.search('見守り', { sort: { date: 'desc' } });
      return (await Promise.all(found.results.map((r: any) => r.data()))).map((d: any) => `${d.meta.date} ${d.url}`);
    });
    await sorted.close();
    // The current bundle's oldest dated page scores 0 by rank, under any weight (search.js).
    const oldest: string = await page.evaluate(async () => {
      const pf = (window as any).pagefind;
      const kinds = Object.keys((await pf.filters())['種類'] ?? {});
      const found = await pf.search(null, { filters: { 種類: { any: kinds } }, sort: { date: 'asc' } });
      return (await found.results[0].data()).url;
    });
    const shown = dates.filter((d) => !d.endsWith(` ${oldest}`));
    const current = shown.filter((d) => bundles.current.has(d.split(' ')[1] ?? ''));
    const past = shown.filter((d) => bundles.past.has(d.split(' ')[1] ?? ''));
    expect(past.length).toBeGreaterThan(0);
    expect(shown).toEqual([...current, ...past]);
    const newestFirst = (list: string[]) => [...list].sort().reverse();
    expect(current).toEqual(newestFirst(current));
    expect(past).toEqual(newestFirst(past));
  });

  it('offers filters for type, category, district and audience, and sorts by date', async () => {
    const filters: Record<string, Record<string, number>> = await page.evaluate(() =>
      (window as any).pagefind.filters(),
    );
    const events = (set: Set<string>) => [...set].filter((u) => u.startsWith('/events/')).length;
    expect(filters['種類']?.['イベント']).toBe(events(bundles.current));
    const withPast: Record<string, Record<string, number>> = await pastPage.evaluate(() =>
      (window as any).pagefind.filters(),
    );
    // Entries only: a translation beside one (<id>.ja-easy.md) is not a page of its own.
    expect(withPast['種類']?.['イベント']).toBe(
      readdirSync(join(dir, 'content/events')).filter((f) => f.endsWith('.ja.md')).length,
    );
    expect(Object.keys(filters['分類'] ?? {})).toContain('見守り');
    expect(Object.keys(filters['地区'] ?? {})).toContain('若葉小学校区');
    expect(Object.keys(filters['対象'] ?? {})).toContain('高齢の方');
    const sorted = await search(null, { filters: { 種類: 'イベント' }, sort: { date: 'asc' } });
    const dates = sorted.map((r) => r.meta['date'] ?? '');
    expect(dates.length).toBeGreaterThan(2);
    expect([...dates].sort()).toEqual(dates);
  });
});

describe('excerpts', () => {
  it('show the entry text, not the hidden filter words run together', async () => {
    const excerpts: string[] = await page.evaluate(async () => {
      const found = await (window as any).pagefind.search('イベント');
      const data = await Promise.all(found.results.map((r: any) => r.data()));
      return data.map((d: any) => `${d.content}`);
    });
    for (const text of excerpts) expect(text).not.toMatch(/イベント[^\s。、]*\d{4}-\d{2}-\d{2}$/);
    // The filter block is ignored as text: no page's content ends with its ISO sort date.
    expect(excerpts.some((text) => /\d{4}-\d{2}-\d{2}\s*$/.test(text))).toBe(false);
  });
});

describe('the search page', () => {
  it('sorts by date when the resident chooses 日付順, by keyboard', async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${server.url}/search/`);
    const box = fresh.getByRole('textbox').or(fresh.getByRole('searchbox')).first();
    await box.waitFor();
    await box.fill('サロン');
    /** Waits until the first five results on the page are these, in this order. */
    const shows = (want: string[]) =>
      fresh.waitForFunction(
        (w) =>
          JSON.stringify(
            [...document.querySelectorAll('#search a')]
              .slice(0, 5)
              .map((a) => new URL((a as HTMLAnchorElement).href).pathname),
          ) === w,
        JSON.stringify(want),
      );
    // Pagefind's UI fills results in as their data arrives, so compare with the API's order
    // once the page has settled on it, never with whatever links happen to be there first.
    // The page searches what was typed as the index's keys (public/scripts/search-terms.js).
    const byRelevance = (await search(queryText('サロン'))).slice(0, 5).map((r) => r.url);
    await shows(byRelevance);

    const sort = fresh.getByRole('group', { name: rubyName('並べ方') });
    await sort.getByRole('radio', { name: rubyName('関連度順') }).focus();
    await fresh.keyboard.press('ArrowDown');
    // The page loads afresh in the chosen order, keeping the words (and any ticked filters).
    await fresh.waitForURL(/[?&]sort=date\b/);
    expect(await sort.getByRole('radio', { name: rubyName('日付順（新しい順）') }).isChecked()).toBe(true);
    const expected = (await search(queryText('サロン'), { sort: { date: 'desc' } })).slice(0, 5).map((r) => r.url);
    expect(expected).not.toEqual(byRelevance);
    await shows(expected);
    // Dates read in Japanese (日付: 2027年2月19日), not as Pagefind's "Date: 2027-02-19".
    const shown = await fresh.locator('#search').innerText();
    expect(shown).toMatch(/日付: \d{4}年\d{1,2}月\d{1,2}日/);
    expect(shown).not.toContain('Date:');
    // The words typed are kept.
    expect(await fresh.getByRole('textbox').or(fresh.getByRole('searchbox')).first().inputValue()).toBe('サロン');

    // Focus is back on the chosen order, so the keyboard goes on from there.
    await fresh.keyboard.press('ArrowUp');
    await fresh.waitForURL(/[?&]sort=relevance\b/);
    expect(await sort.getByRole('radio', { name: rubyName('関連度順') }).isChecked()).toBe(true);
    await shows(byRelevance);
    await fresh.close();
  });

  it('searches the past too when the resident ticks 終わったものも探す, by keyboard', async () => {
    const url = [...bundles.past].find((u) => u.startsWith('/events/'));
    expect(url, 'a sample event already over').toBeDefined();
    const fresh = await browser.newPage();
    await fresh.goto(`${server.url}${url}`);
    const title = (await fresh.getByRole('heading', { level: 1 }).innerText()).replace(/\s+/g, ' ');
    await fresh.goto(`${server.url}/search/`);
    const box = fresh.getByRole('textbox').or(fresh.getByRole('searchbox')).first();
    await box.waitFor();
    await box.fill(title);
    const results = fresh.locator('#search .pagefind-ui__result-link');
    await results.first().waitFor();
    const shown = async () =>
      await results.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(await shown()).not.toContain(url);

    const past = fresh.getByRole('checkbox', { name: rubyName('終わったものも探す', { start: true }) });
    await past.focus();
    await fresh.keyboard.press('Space');
    await fresh.waitForURL(/[?&]past=1\b/);
    expect(await past.isChecked()).toBe(true);
    await expect.poll(shown, { timeout: 10_000 }).toContain(url);
    // The words typed are kept, and focus is back on the box ticked.
    expect(await box.inputValue()).toBe(title);
    expect(await past.evaluate((el) => el === document.activeElement)).toBe(true);
    await fresh.close();
  });

  it('shows titles and excerpts as written: no keys, no spaces the index put between Japanese words', async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${server.url}/search/?q=${encodeURIComponent('見守り')}`);
    const results = fresh.locator('.pagefind-ui__result');
    await results.first().locator('.pagefind-ui__result-excerpt mark').first().waitFor();
    const shown = await results.evaluateAll((nodes) =>
      nodes.map((n) => ({
        title: n.querySelector('.pagefind-ui__result-title')?.textContent?.trim() ?? '',
        excerpt: n.querySelector('.pagefind-ui__result-excerpt')?.textContent ?? '',
      })),
    );
    await fresh.close();
    const spaced =
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー、。] +[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー、。]/u;
    expect(shown.length).toBeGreaterThan(0);
    for (const { title, excerpt } of shown) {
      expect(title, title).not.toMatch(spaced);
      expect(excerpt, excerpt).not.toMatch(spaced);
      expect(excerpt, excerpt).not.toMatch(/qq[a-z]/);
    }
    // Titles and excerpts are the entries' own words: 見守り, not 見 守り.
    expect(shown.some((r) => r.title.includes('見守り') && r.excerpt.includes('見守り'))).toBe(true);
  });

  it('works with the keyboard alone', async () => {
    const fresh = await browser.newPage();
    const blocked: string[] = [];
    fresh.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) blocked.push(m.text());
    });
    await fresh.goto(`${server.url}/search/`);
    const box = fresh.getByRole('textbox').or(fresh.getByRole('searchbox')).first();
    await box.waitFor();
    await box.focus();
    await fresh.keyboard.type('子ども食堂');
    const result = fresh.getByRole('search').getByRole('link').first();
    await result.waitFor();
    // Whichever page ranks first (the sample's salon, a report of it, a practice …), Enter opens it.
    const href = new URL((await result.getAttribute('href')) ?? '', server.url).pathname;
    expect(href).toMatch(/^\/[a-z-]+\/[\w-]+\/$/);
    await result.focus();
    await fresh.keyboard.press('Enter');
    await fresh.waitForURL((url) => url.pathname === href);
    await fresh.close();
    expect(blocked).toEqual([]);
  });

  it('is the only page that runs more than the small preference and read-aloud scripts (and, where a map is, the map’s)', () => {
    const pages = readdirSync(join(dir, 'dist'), { recursive: true, encoding: 'utf8' }).filter(
      // The search page, in each language (/en/search/ …), is the one that runs search.
      (f) => f.endsWith('.html') && !f.startsWith('admin/') && !/^([a-z]+(-[a-z]+)?\/)?search\//.test(f),
    );
    const maps: string[] = [];
    for (const file of pages) {
      const html = readFileSync(join(dir, 'dist', file), 'utf8');
      // Structured data (ld+json) is data, not a running script.
      const scripts = [...html.matchAll(/<script[^>]*>/g)]
        .map((m) => m[0])
        .filter((tag) => !tag.includes('application/ld+json'));
      // Pages other sites frame (/embed/) and the emergency page (small on a congested network) run
      // nothing at all; map pages also load the map (PlaceMap.astro).
      const none = file.startsWith('embed/') || file === 'emergency/index.html';
      const expected = none ? [] : ['<script src="/scripts/prefs.js">', '<script src="/scripts/read-aloud.js" defer>'];
      if (html.includes('data-place-map=')) {
        maps.push(file);
        expect(scripts.slice(0, -1), file).toEqual(expected);
        expect(scripts.at(-1), file).toMatch(/^<script type="module" src="\/_astro\/[\w.-]+\.js">$/);
      } else expect(scripts, file).toEqual(expected);
    }
    expect(maps).toContain('places/index.html');
    expect(readFileSync(join(dir, 'dist/scripts/prefs.js')).length).toBeLessThan(5 * 1024);
    expect(readFileSync(join(dir, 'dist/scripts/read-aloud.js')).length).toBeLessThan(5 * 1024);
  });
});
