/**
 * Two sample towns: a second, small site (やまびこ町, the minimal fixture with a practice of its
 * own) is built and served from 127.0.0.1, and the first (みどり町) imports its practices feed at
 * build time and searches its Pagefind index, served on another port. Two more towns of the
 * first's settings are broken — one sends malformed JSON, one never answers — and only warn.
 * The practice's title holds markup, which must arrive as text.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordViolations } from './helpers/browser.ts';
import { buildProject, copyFixtureProject, removeProject } from './helpers/project.ts';
import { serveDirectory } from './helpers/serve.ts';
import { withoutReadings } from './helpers/readings.ts';

const SETTINGS = 'content/settings/site.yml';
/** A word only the other town's practice has, for the search across towns. */
const WORD = '雪かき';
const TITLE = `<b>${WORD}</b>ボランティアと見守りを組み合わせた冬の支え合い`;

const practice = (id: string, title: string) =>
  [
    '---',
    `id: ${id}`,
    `title: '${title}'`,
    'town: 架空県やまびこ町',
    'organization: やまびこ町社会福祉協議会',
    'themes:',
    '  - watch',
    '  - volunteer',
    'background: 雪の多い冬に、ひとり暮らしの高齢の方が家から出られなくなりました。',
    `approach: 中学生と地域の${WORD}ボランティアが、朝に玄関先の雪をかき、声をかけます。`,
    'results: 3年で40世帯を支え、冬の孤立がなくなりました。',
    'tips: 学校と社協が一緒に計画すると、長く続きます。',
    'date: 2026-11-01',
    '---',
    '',
  ].join('\n');

let other: string;
let first: string;
let otherSite: Awaited<ReturnType<typeof serveDirectory>>;
let firstSite: Awaited<ReturnType<typeof serveDirectory>>;
let broken: Server;
let brokenUrl: string;
const hanging: ServerResponse[] = [];
let browser: Browser | undefined;
let output: string;

/** The rules of a built site's _headers, as Netlify applies them: every match in order, later wins. */
function hostHeaders(dist: string): (path: string) => Record<string, string> {
  const rules: { pattern: RegExp; headers: Record<string, string> }[] = [];
  for (const line of readFileSync(join(dist, '_headers'), 'utf8').split('\n')) {
    if (line.startsWith('/'))
      rules.push({
        pattern: new RegExp(
          `^${line
            .trim()
            .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')}$`,
        ),
        headers: {},
      });
    else if (/^\s+[\w-]+:/.test(line)) {
      const [name = '', ...value] = line.trim().split(':');
      rules.at(-1)!.headers[name] = value.join(':').trim();
    }
  }
  return (path) => Object.assign({}, ...rules.filter((r) => r.pattern.test(path)).map((r) => r.headers));
}

beforeAll(async () => {
  // The other town: served before it is built, so its settings can name its own address.
  other = copyFixtureProject();
  otherSite = await serveDirectory(join(other, 'dist'), (path) => hostHeaders(join(other, 'dist'))(path));
  const otherSettings = readFileSync(join(other, SETTINGS), 'utf8')
    .replace(/^siteName: .*$/m, 'siteName: やまびこつながり')
    .replace(/^url: .*$/m, `url: ${otherSite.url}/`);
  writeFileSync(join(other, SETTINGS), otherSettings);
  mkdirSync(join(other, 'content/practices'), { recursive: true });
  writeFileSync(join(other, 'content/practices/yukikaki-mimamori.ja.md'), practice('yukikaki-mimamori', TITLE));

  // Two towns whose sites fail: malformed JSON, and no answer at all.
  broken = createServer((req, res) => {
    if (req.url === '/malformed/practices/feed.json')
      res.end('{"version": "https://jsonfeed.org/version/1.1", "items": [');
    else hanging.push(res);
  });
  await new Promise<void>((done) => broken.listen(0, '127.0.0.1', done));
  const address = broken.address();
  brokenUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  first = copyFixtureProject();
  firstSite = await serveDirectory(join(first, 'dist'), (path) => hostHeaders(join(first, 'dist'))(path));
  writeFileSync(
    join(first, SETTINGS),
    `${readFileSync(join(first, SETTINGS), 'utf8')}otherTowns:
  - name: やまびこ町
    practicesFeed: ${otherSite.url}/practices/feed.json
    searchIndex: ${otherSite.url}/pagefind/
  - name: こわれた町
    practicesFeed: ${brokenUrl}/malformed/practices/feed.json
  - name: しずかな町
    practicesFeed: ${brokenUrl}/silent/practices/feed.json
`,
  );

  // Both towns' indexes in parts of two pages (src/lib/search/shards.ts), as a large town's are.
  await buildProject(other, { SEARCH_SHARD_DOCUMENTS: '2' });
  output = await buildProject(first, { SEARCH_SHARD_DOCUMENTS: '2' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const res of hanging.splice(0)) res.destroy();
  broken?.closeAllConnections();
  await new Promise((done) => (broken ? broken.close(done) : done(undefined)));
  await otherSite?.close();
  await firstSite?.close();
  for (const dir of [other, first]) if (dir) removeProject(dir);
});

/** The further parts of a built town's current bundle, as folders of dist/, first its own. */
const partsOf = (dir: string): string[] => {
  const entry = JSON.parse(readFileSync(join(dir, 'dist/pagefind/pagefind-entry.json'), 'utf8')) as {
    tsunagari?: { shards: { bundle: string }[] };
  };
  return ['pagefind', ...(entry.tsunagari?.shards ?? []).map((s) => s.bundle.replace(/^\.\.\/|\/$/g, ''))];
};

/**
 * Every page one part of a site's index holds, searched alone with the part's own Pagefind (its
 * files are served under the bundle's rules: shards.ts, csp.ts). A string, not a function: Vite
 * would rewrite the function's import() for Node.
 */
async function pagesOfPart(site: string, folder: string): Promise<string[]> {
  const tab = await browser!.newPage();
  await tab.goto(`${site}/search/`);
  const urls = await tab.evaluate(`(async () => {
    const pf = await import('/${folder}/pagefind.js');
    const kinds = Object.keys((await pf.filters())['種類'] ?? {});
    const found = await pf.search(null, { filters: { 種類: { any: kinds } } });
    return Promise.all(found.results.map(async (r) => (await r.data()).url));
  })()`);
  await tab.close();
  return urls as string[];
}

const page = (dir: string, path: string) =>
  parseHTML(withoutReadings(readFileSync(join(dir, 'dist', path), 'utf8'))).document;

describe('the other town publishes its practices', () => {
  it('as JSON Feed with each practice whole, for other towns to import', () => {
    const feed = JSON.parse(readFileSync(join(other, 'dist/practices/feed.json'), 'utf8')) as {
      items: { url: string; _tsunagari: { collection: string; data: Record<string, unknown> } }[];
    };
    const item = feed.items.find((i) => i._tsunagari.data['id'] === 'yukikaki-mimamori');
    expect(item?.url).toBe(`${otherSite.url}/practices/yukikaki-mimamori/`);
    expect(item?._tsunagari).toMatchObject({
      collection: 'practices',
      data: { title: TITLE, town: '架空県やまびこ町' },
    });
    // Named in the head of its index page, as the other news feeds are.
    expect(
      page(other, 'practices/index.html').querySelector('link[type="application/feed+json"]')?.getAttribute('href'),
    ).toBe('/practices/feed.json');
  });
});

describe('the first town imports them', () => {
  it('builds although two towns failed, warning in Japanese first about each', () => {
    expect(output).toMatch(
      /「こわれた町」の先進事例のフィード（http:\/\/127\.0\.0\.1:\d+\/malformed\/practices\/feed\.json）を取り込めませんでした: JSON として読めません。まだ一度も取り込めていないため/,
    );
    expect(output).toMatch(
      /「しずかな町」の先進事例のフィード（.*）を取り込めませんでした: 10秒待っても届きませんでした。/,
    );
    expect(output).not.toMatch(/「やまびこ町」.*取り込めませんでした/);
  });

  it('shows them on 他の地域の取り組み, credited to the town and linked to the original, its markup as text', () => {
    const doc = page(first, 'shared/index.html');
    expect(doc.querySelector('h1')?.textContent).toBe('他の地域の取り組み');
    const sections = [...doc.querySelectorAll('main section')];
    expect(sections.map((s) => s.querySelector('h2')?.textContent)).toEqual(['やまびこ町', 'こわれた町', 'しずかな町']);
    const [yamabiko, malformed, silent] = sections;
    expect(yamabiko?.textContent).toMatch(/出典: やまびこ町のサイト（\d{4}年\d{1,2}月\d{1,2}日\(.\)に取り込み）/);
    const link = yamabiko?.querySelector('h3 a');
    expect(link?.textContent?.trim()).toBe(TITLE);
    expect(link?.getAttribute('href')).toBe(`${otherSite.url}/practices/yukikaki-mimamori/`);
    expect(yamabiko?.querySelector('b')).toBeNull();
    expect(withoutReadings(readFileSync(join(first, 'dist/shared/index.html'), 'utf8'))).toContain('&lt;b&gt;');
    expect(yamabiko?.textContent).toContain('見守り・ボランティア');
    expect(malformed?.textContent).toContain('こわれた町の取り組みは、まだ取り込めていません。');
    expect(silent?.textContent).toContain('しずかな町の取り組みは、まだ取り込めていません。');
    // Linked from the town's own practices, and listed for search engines.
    expect(page(first, 'practices/index.html').querySelector('main a[href="/shared/"]')?.textContent).toBe(
      '他の地域の取り組みを見る',
    );
    expect(readFileSync(join(first, 'dist/sitemap.xml'), 'utf8')).toContain('<loc>https://example.jp/shared/</loc>');
    // A town that imports nothing has no such page, and no link to one.
    expect(existsSync(join(other, 'dist/shared'))).toBe(false);
    expect(page(other, 'practices/index.html').querySelector('a[href="/shared/"]')).toBeNull();
  });

  it('is accessible: axe-core finds no WCAG 2.2 AA violation on 他の地域の取り組み', async () => {
    // axe is injected as an inline script, which the site's CSP rightly forbids.
    const context = await browser!.newContext({ bypassCSP: true });
    const tab = await context.newPage();
    await tab.goto(`${firstSite.url}/shared/`);
    await tab.addScriptTag({
      content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'),
    });
    const result = await tab.evaluate(async () => {
      const found = await (window as any).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return { passes: found.passes.length as number, violations: found.violations.map((v: any) => v.id as string) };
    });
    await context.close();
    expect(result.passes).toBeGreaterThanOrEqual(10);
    expect(result.violations).toEqual([]);
  });

  it('keeps what it imported in .cache/shared-practices/, and shows it when the other town is down', async () => {
    expect(readdirSync(join(first, '.cache/shared-practices'))).toHaveLength(1);
    await otherSite.close();
    const again = await buildProject(first, { SEARCH_SHARD_DOCUMENTS: '2' });
    expect(again).toMatch(
      /「やまびこ町」の先進事例のフィード（.*）を取り込めませんでした: つながりませんでした（ECONNREFUSED）。前回（.*）に取り込んだ1件を表示します。/,
    );
    const yamabiko = page(first, 'shared/index.html').querySelector('main section');
    expect(yamabiko?.querySelector('h3 a')?.textContent?.trim()).toBe(TITLE);
    expect(yamabiko?.textContent).toContain(
      'やまびこ町のサイトから新しい内容を受け取れなかったため、前回取り込んだ内容を表示しています。',
    );
    // Back up for the search below, on the same port its address in the settings names.
    otherSite = await serveDirectory(join(other, 'dist'), (path) => hostHeaders(join(other, 'dist'))(path), {
      port: Number(new URL(otherSite.url).port),
    });
  });
});

describe('search across towns', () => {
  it('allows fetching from the other town’s host on the search page only', () => {
    const origin = otherSite.url;
    const meta = (path: string) =>
      page(first, path).querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(meta('search/index.html')).toContain(`connect-src 'self' ${origin};`);
    expect(meta('shared/index.html')).toContain("connect-src 'self';");
    const headers = hostHeaders(join(first, 'dist'));
    expect(headers('/search/')['Content-Security-Policy']).toContain(`connect-src 'self' ${origin};`);
    expect(headers('/pagefind/pagefind-worker.js')['Content-Security-Policy']).toContain(
      `connect-src 'self' ${origin};`,
    );
    expect(headers('/practices/')['Content-Security-Policy']).toContain("connect-src 'self';");
    expect(existsSync(join(first, 'dist/pagefind/pagefind-entry.json'))).toBe(true);
  });

  it('has each town’s index in parts, listed in its entry file', () => {
    for (const dir of [first, other]) {
      const parts = partsOf(dir);
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) expect(existsSync(join(dir, 'dist', part, 'pagefind-entry.json'))).toBe(true);
    }
    // Nothing but the bundle and its listed parts is published.
    expect(readdirSync(join(first, 'dist')).filter((n) => /^pagefind(-\d+)?$/.test(n))).toEqual(
      partsOf(first).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    );
  });

  it('merges the parts on the search page: an entry of the last part is found', async () => {
    const last = partsOf(first).at(-1)!;
    const inLast = await pagesOfPart(firstSite.url, last);
    const inFirst = await pagesOfPart(firstSite.url, 'pagefind');
    const url = inLast.find((u) => !inFirst.includes(u))!;
    expect(url).toBeDefined();
    const title =
      page(first, `${url.slice(1)}index.html`)
        .querySelector('h1')
        ?.textContent?.trim() ?? '';
    expect(title).not.toBe('');
    const search = await browser!.newPage();
    await recordViolations(search);
    await search.goto(`${firstSite.url}/search/?q=${encodeURIComponent(title)}`);
    await search.locator(`#search .pagefind-ui__result a[href="${url}"]`).first().waitFor({ timeout: 60_000 });
    expect(await search.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    await search.close();
  });

  it('finds the other town’s practice in Chromium, labelled with the town’s name', async () => {
    // It is not in the other town's first part: found below, its parts were merged too.
    expect(await pagesOfPart(otherSite.url, 'pagefind')).not.toContain('/practices/yukikaki-mimamori/');
    const tab = await browser!.newPage();
    await recordViolations(tab);
    await tab.goto(`${firstSite.url}/search/`);
    // innerText: shown text only (getByText would also read the hidden ふりがな readings).
    await expect
      .poll(() => tab.locator('body').innerText())
      .toContain('ほかの地域（やまびこ町）のサイトも、いっしょに探します。');
    const box = tab.getByRole('textbox').or(tab.getByRole('searchbox')).first();
    await box.waitFor();
    await box.fill(WORD);
    const result = tab.locator('#search .pagefind-ui__result', {
      has: tab.locator(`a[href="${otherSite.url}/practices/yukikaki-mimamori/"]`),
    });
    await result.waitFor({ timeout: 60_000 });
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('地域: やまびこ町');
    // The title's markup is text there too.
    expect(await result.locator('b').count()).toBe(0);
    expect(await tab.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    await tab.close();
  });
});
