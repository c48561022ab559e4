/**
 * What content says is what residents see, wherever it goes: a real build of the minimal fixture
 * with markup in a district name, `</script>` in a title and notes in HTML comments, served as a
 * static host serves it (with public/_headers, or without it as GitHub Pages does) to real
 * Chromium. Also the policies that go with it: WebAssembly only on the search page, and a CMS
 * that does not start inside another site's frame.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordViolations } from './helpers/browser.ts';
import { buildProject, copyFixtureProject, removeProject } from './helpers/project.ts';
import { serveDirectory } from './helpers/serve.ts';
import { withoutReadings } from './helpers/readings.ts';
import { ja } from '../../src/i18n/ja.ts';
import { todayInJapan } from '../../src/lib/recurrence.ts';
import { en } from '../../src/i18n/locales/en.ts';
import { ne } from '../../src/i18n/locales/ne.ts';

const DISTRICT = '<b>太字</b><img src=x onerror=alert(1)>町内会';
const TITLE = '防災訓練</script><script>alert(2)</script>';
const NOTE = '090-1234-5678 合鍵は植木鉢の下';

let dir: string;
let withHeaders: Awaited<ReturnType<typeof serveDirectory>>;
let withoutHeaders: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;

/** public/_headers as Netlify applies it: every matching rule in order, later values replacing earlier. */
function netlifyHeaders(path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let applies = false;
  for (const line of readFileSync(join(dir, 'dist/_headers'), 'utf8').split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (line.startsWith('/')) {
      const rule = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      applies = new RegExp(`^${rule}$`).test(path);
    } else if (applies && line.includes(':')) {
      const [name = '', ...value] = line.trim().split(':');
      headers[name] = value.join(':').trim();
    }
  }
  return headers;
}

beforeAll(async () => {
  dir = copyFixtureProject();
  const edit = (file: string, from: string, to: string) => {
    const text = withoutReadings(readFileSync(join(dir, file), 'utf8'));
    if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
    writeFileSync(join(dir, file), text.replace(from, to));
  };
  edit('content/districts/higashi.ja.md', 'name: 東小学校区', `name: '${DISTRICT}'`);
  edit('content/events/bousai.ja.md', 'title: 東地区防災訓練', `title: '${TITLE}'`);
  // Still to come whenever this runs: the search page looks in the current bundle, and the
  // fixture's event (5 December 2026) is in the past one from the 6th on, Japan time.
  const year = Number(todayInJapan().slice(0, 4)) + 1;
  edit('content/events/bousai.ja.md', "start: '2026-12-05T10:00'", `start: '${year}-12-05T10:00'`);
  edit('content/events/bousai.ja.md', "end: '2026-12-05T12:00'", `end: '${year}-12-05T12:00'`);
  edit(
    'content/events/bousai.ja.md',
    '当日は動きやすい服装でお越しください。',
    `<!-- ${NOTE} -->\n\n当日は動きやすい服装<!-- 担当: 佐藤 -->でお越しください。\n\n<!--\n連絡網: ${NOTE}\n-->\n\n雨天決行です。`,
  );
  await buildProject(dir);
  [withHeaders, withoutHeaders, browser] = await Promise.all([
    serveDirectory(join(dir, 'dist'), netlifyHeaders),
    serveDirectory(join(dir, 'dist')),
    launchChromium(),
  ]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await withHeaders?.close();
  await withoutHeaders?.close();
  if (dir) removeProject(dir);
});

/** A new page that records every Content-Security-Policy violation (in `window.violations`). */
async function watchedPage(): Promise<Page> {
  const page = await browser.newPage();
  await recordViolations(page);
  return page;
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

describe('the search page', () => {
  it('lists a district name with markup as the text the volunteer wrote, and filters by it', async () => {
    const page = await watchedPage();
    await page.goto(`${withHeaders.url}/search/`);
    const box = page.getByRole('textbox').or(page.getByRole('searchbox')).first();
    await box.waitFor();
    await box.fill('防災訓練');
    const label = page.locator('.pagefind-ui__filter-label', { hasText: '太字' });
    await label.waitFor({ state: 'attached' });
    // Shown as written (an invisible word joiner follows each < and &, src/lib/search/document.ts).
    expect((await label.textContent())?.replaceAll('\u2060', '')).toContain(DISTRICT);
    // No element was made from the name: not in the filters, not anywhere in the search UI.
    expect(await page.locator('#search b, #search img').count()).toBe(0);
    // The escaped value is also what filtering matches.
    await page
      .locator('#search details')
      .evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.getByRole('checkbox', { name: /太字/ }).check();
    const results = page.locator('#search .pagefind-ui__result-link');
    await expect
      .poll(async () => (await results.allTextContents()).map((t) => t.trim()), { timeout: 10_000 })
      .toContain(TITLE);
    // Nor in the results, whose excerpt quotes the district fact when the name is searched.
    await box.fill('町内会');
    const excerpts = page.locator('#search .pagefind-ui__result-excerpt');
    await expect.poll(async () => (await excerpts.allTextContents()).join(), { timeout: 10_000 }).toContain(DISTRICT);
    expect(await page.locator('#search b, #search img').count()).toBe(0);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('shows words and filters from a link (?q=…&f=…) as text too', async () => {
    const page = await watchedPage();
    const markup = '<img src=x onerror=alert(3)><b>太字</b>';
    const query = new URLSearchParams({ q: markup, f: JSON.stringify({ 地区: [markup], [markup]: ['x'] }) });
    await page.goto(`${withHeaders.url}/search/?${query.toString()}`);
    await page.locator('#search .pagefind-ui__message').waitFor();
    // The words are shown once the search has run on them: then any markup in them would be too.
    await expect.poll(() => page.locator('#search').innerText(), { timeout: 15_000 }).toContain('<b>太字</b>');
    expect(await page.locator('#search b, #search img').count()).toBe(0);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});

describe('HTML comments in a body', () => {
  it('are not on the page and not found by search, while the text around them is', async () => {
    const html = withoutReadings(readFileSync(join(dir, 'dist/events/bousai/index.html'), 'utf8'));
    const { document } = parseHTML(html);
    const body = document.querySelector('main')?.textContent ?? '';
    expect(body).toContain('当日は動きやすい服装でお越しください。');
    expect(body).toContain('雨天決行です。');
    for (const hidden of ['090-1234-5678', '植木鉢', '佐藤', '連絡網', '<!--']) expect(html).not.toContain(hidden);

    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${withHeaders.url}/search/`);
    await page.addScriptTag({
      type: 'module',
      content: "window.pagefind = await import('/pagefind/pagefind.js');",
    });
    await page.waitForFunction(() => 'pagefind' in window);
    const found = (query: string) =>
      page.evaluate(async (q) => {
        const search = await (window as any).pagefind.search(q);
        const data = await Promise.all(search.results.map((r: any) => r.data()));
        return data.map((d: any) => `${d.url} ${d.content}`);
      }, query);
    expect((await found('雨天決行')).join()).toContain('/events/bousai/');
    for (const hidden of ['植木鉢', '合鍵', '連絡網', '佐藤']) expect(await found(hidden), hidden).toEqual([]);
    const indexed = (await found('動きやすい')).join();
    expect(indexed).toContain('/events/bousai/');
    expect(indexed).not.toMatch(/090|植木鉢|連絡網|佐藤/);
    await page.close();
  });
});

describe('a title with </script> in it', () => {
  it('stays text on the page and in the JSON-LD, and runs nothing', () => {
    const { document } = parseHTML(withoutReadings(readFileSync(join(dir, 'dist/events/bousai/index.html'), 'utf8')));
    expect(document.querySelector('h1')?.textContent?.replace(/[\u200b\s]/g, '')).toBe(TITLE);
    const scripts = [...document.querySelectorAll('script')];
    expect(scripts.map((s) => s.getAttribute('type') ?? s.getAttribute('src'))).toEqual([
      '/scripts/prefs.js',
      '/scripts/read-aloud.js',
      'application/ld+json',
    ]);
    const jsonLd = JSON.parse(scripts.at(-1)?.textContent ?? '{}') as { name?: string };
    expect(jsonLd.name).toBe(TITLE);
  });
});

describe("WebAssembly ('wasm-unsafe-eval')", () => {
  /** Compiles the smallest WebAssembly module on a page: 'ok' or the error. */
  const compile = async (url: string) => {
    const page = await browser.newPage();
    await page.goto(url);
    const result = await page.evaluate(() =>
      WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
        () => 'ok',
        (e: unknown) => String(e),
      ),
    );
    await page.close();
    return result;
  };

  it('is refused on every page but search, with the headers and with the meta tag alone', async () => {
    for (const server of [withHeaders, withoutHeaders]) {
      for (const path of ['/', '/events/bousai/', '/districts/higashi/'])
        expect(await compile(`${server.url}${path}`), path).toMatch(/CompileError|Content Security Policy|unsafe-eval/);
      expect(await compile(`${server.url}/search/`)).toBe('ok');
    }
  });
});

describe('the CMS (/admin/)', () => {
  /** Another site (another port on loopback) whose page frames /admin/ of `target`. */
  async function framingSite(target: string): Promise<{ url: string; close: () => Promise<void> }> {
    const server: Server = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><title>よそのサイト</title><iframe src="${target}/admin/" width="800" height="600"></iframe>`,
      );
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return { url: `http://localhost:${port}/`, close: () => new Promise((done) => server.close(() => done())) };
  }

  it('does not start inside another site’s frame on a host that ignores _headers', async () => {
    const site = await framingSite(withoutHeaders.url);
    const page = await browser.newPage();
    try {
      await page.goto(site.url);
      const frame = page.frameLocator('iframe');
      await frame.getByText('この編集画面は、ほかのページの中では開けません').waitFor({ timeout: 15_000 });
      const inner = page.frames().find((f) => f.url().endsWith('/admin/'));
      expect(inner).toBeDefined();
      // Decap was not even loaded: no CMS object, no bundle requested, no login. The notice is
      // shown by the same step that returns instead of loading Decap (admin/cms-client.ts start);
      // the frame's load event says every script the page has ran.
      await inner?.waitForLoadState('load');
      expect(await inner?.evaluate(() => 'CMS' in window)).toBe(false);
      expect(await inner?.evaluate(() => document.querySelectorAll('script[src*="decap-cms"]').length)).toBe(0);
      expect(await frame.getByRole('button', { name: 'ログイン' }).count()).toBe(0);
    } finally {
      await page.close();
      await site.close();
    }
  }, 60_000);

  it('is not even loaded in another site’s frame on a host that applies _headers (frame-ancestors)', async () => {
    const site = await framingSite(withHeaders.url);
    const page = await browser.newPage();
    try {
      await page.goto(site.url);
      // goto waited for the page's load event, which waits for its frame, refused or not.
      await expect.poll(() => page.frames().length, { timeout: 15_000 }).toBe(2);
      await page.frames()[1]?.waitForLoadState('load');
      // The browser refuses the frame: no frame holds the CMS page (its notice or Decap).
      const loaded = await Promise.all(
        page.frames().map((f) => f.evaluate(() => document.getElementById('framed') !== null).catch(() => false)),
      );
      expect(loaded).not.toContain(true);
    } finally {
      await page.close();
      await site.close();
    }
  }, 60_000);

  it('carries Japanese only: no other language’s dictionary in its scripts', () => {
    // The site's pages need every language; the CMS is in Japanese (src/i18n/japanese.ts). Its
    // scripts and the chunks they import, as built.
    const read = (file: string) => readFileSync(join(dir, 'dist', file), 'utf8');
    const html = read('admin/index.html');
    const queue = [...html.matchAll(/<script[^>]*\bsrc="\/(_astro\/[^"]+\.js)"/g)].map((m) => m[1] as string);
    expect(queue.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const code = read(file);
      for (const m of code.matchAll(/from\s*"\.\/([^"]+\.js)"/g)) queue.push(`_astro/${m[1]}`);
      // Strings of the English and Nepali dictionaries that no Japanese string holds.
      expect(code, file).not.toContain(en['site.skipLink']);
      expect(code, file).not.toContain(ne['site.footer.note']);
    }
    // The Japanese is there: the CMS's own strings.
    expect([...seen].some((file) => read(file).includes(ja['admin.preview.translationsHeading']))).toBe(true);
  });

  it('opened directly shows Decap’s login under its meta policy alone, with nothing blocked', async () => {
    const page = await watchedPage();
    await page.goto(`${withoutHeaders.url}/admin/`);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self' 'unsafe-inline' 'unsafe-eval'");
    await page.getByRole('button', { name: 'ログイン' }).waitFor({ timeout: 30_000 });
    expect(await page.getByText('この編集画面は、ほかのページの中では開けません').isVisible()).toBe(false);
    expect(await violations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
