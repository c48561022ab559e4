/**
 * Every kind of page in every language (issue 16: "axe reports 0 violations on every page kind in
 * every locale; every page's lang and hreflang are right"), on the built sample site. The kinds
 * are read off dist/ (tests/e2e/helpers/page-kinds.ts), so a new route is covered without being
 * listed here: axe at phone width on one page of each kind of each language, the Japanese ones
 * with ふりがな on (ruby markup everywhere; tests/e2e/a11y.test.ts checks them without, at two
 * widths and contrasts); the `lang` and `hreflang` of every page from its file; and what a screen
 * reader gets of a word with a reading.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, inSlot, launchChromium } from './helpers/browser.ts';
import { pageKinds, pagesOf } from './helpers/page-kinds.ts';
import { sampleSite } from './helpers/sample-site.ts';
import { serveDirectory } from './helpers/serve.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { LOCALIZED_PATHS, splitLocale, withLocale } from '../../src/lib/i18n/paths.ts';

let dir: string;
let dist: string;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;
/** Per language: each kind of page → the page that stands for it. */
const kinds = new Map<string, Map<string, string>>();

beforeAll(async () => {
  dir = await sampleSite();
  dist = join(dir, 'dist');
  [server, browser] = await Promise.all([serveDirectory(dist), launchChromium()]);
  for (const { code } of LOCALES) kinds.set(code, pageKinds(dist, code));
  // The first file of a run builds the sample site: over 5 minutes on a 2-core machine under load.
}, 1_200_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The collections with an entry translated into `code` (`<id>.<code>.md`; Japanese: any entry). */
function translatedCollections(code: string): string[] {
  const content = join(dir, 'content');
  return readdirSync(content)
    .filter((c) => c !== 'settings')
    .filter((c) => readdirSync(join(content, c)).some((name) => name.endsWith(`.${code}.md`)));
}

describe('every kind of page in every language', () => {
  it('is found in dist/: home, search, every list, an entry of each translated collection', () => {
    let pairs = 0;
    for (const { code } of LOCALES) {
      const found = [...(kinds.get(code)?.keys() ?? [])];
      const expected = [
        ...LOCALIZED_PATHS,
        // Newsletters have their own pages in Japanese only (OWN_ROUTES), and no translation yet.
        ...translatedCollections(code).map((c) => `/${c}/*/`),
      ];
      expect(found, code).toEqual(expect.arrayContaining(expected));
      pairs += found.length;
    }
    // 9 languages × (home, search, 13 lists) at least, and the Japanese site's own pages on top.
    expect(pairs).toBeGreaterThanOrEqual(LOCALES.length * LOCALIZED_PATHS.size + 30);
  });
});

describe('lang and hreflang of every page (from the files)', () => {
  it('says its language, and lists exactly the languages it exists in, each an existing page', () => {
    const problems: string[] = [];
    let pages = 0;
    for (const { code, tag } of LOCALES) {
      for (const path of pagesOf(dist, code)) {
        pages++;
        const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
        const lang = /<html\b[^>]*?\slang="([^"]*)"/.exec(html)?.[1];
        if (lang !== tag) problems.push(`${path}: <html lang="${lang}">, not "${tag}"`);
        // The languages this page exists in, by the files next to it.
        const japanese = splitLocale(path).path;
        const versions = LOCALES.filter((l) => existsSync(join(dist, withLocale(japanese, l.code), 'index.html')));
        const expected =
          versions.length > 1
            ? [...versions.map((l) => `${l.hreflang} ${withLocale(japanese, l.code)}`), `x-default ${japanese}`]
            : [];
        const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map(
          ([, hreflang, href]) => `${hreflang} ${new URL(href ?? '').pathname}`,
        );
        if (alternates.join('\n') !== expected.join('\n'))
          problems.push(
            `${path}: hreflang ${alternates.join(', ') || 'none'}; expected ${expected.join(', ') || 'none'}`,
          );
        for (const alternate of alternates) {
          const target = alternate.split(' ')[1] ?? '';
          if (!existsSync(join(dist, target, 'index.html'))) problems.push(`${path}: ${alternate} is no page`);
        }
      }
    }
    expect(pages).toBeGreaterThan(400);
    expect(problems).toEqual([]);
  });
});

/**
 * One run per language at 375 px, normal contrast, in a context of its own; Japanese with
 * ふりがな on, in two halves so that the two slots finish together.
 */
const RUNS = [
  ...[0, 1].map((half) => ({ code: 'ja', furigana: true, half })),
  ...LOCALES.filter((l) => l.code !== 'ja').map((l) => ({ code: l.code, furigana: false, half: undefined })),
];

describe.concurrent('axe-core finds no WCAG 2.2 AA violation on any kind of page', () => {
  for (const { code, furigana, half } of RUNS) {
    const name = `${code}${furigana ? ' with ふりがな' : ''}${half === undefined ? '' : ` (${half + 1}/2)`}`;
    // The time waiting for a slot counts too.
    it(name, { timeout: 900_000 }, async ({ expect }) => {
      const all = [...(kinds.get(code)?.values() ?? [])];
      if (code === 'ja') all.push('/404.html');
      const paths = half === undefined ? all : all.filter((_, i) => i % 2 === half);
      expect(paths.length).toBeGreaterThanOrEqual(code === 'ja' ? 20 : 15);
      const found = await inSlot(async () => {
        // axe is injected as an inline script, which the site's CSP rightly forbids.
        const context = await browser.newContext({ viewport: { width: 375, height: 900 }, bypassCSP: true });
        await context.addInitScript(
          (on) => localStorage.setItem('tsunagari-prefs', JSON.stringify({ furigana: on ? 'on' : 'off' })),
          furigana,
        );
        const page = await context.newPage();
        const found: string[] = [];
        for (const path of paths) {
          await page.goto(`${server.url}${path}`);
          if (/\/search\/$/.test(path)) await page.getByRole('textbox').first().waitFor();
          const state = await page.evaluate(() => document.documentElement.dataset['furigana']);
          // Pages with the reader's switches only (not /embed/, /emergency/, 404).
          if (state !== undefined && state !== (furigana ? 'on' : 'off')) found.push(`${path}: ふりがな ${state}`);
          found.push(...(await axeViolations(page)).map((v) => `${path} ${v}`));
        }
        await context.close();
        return found;
      });
      expect(found).toEqual([]);
    });
  }
});

describe('a word with a reading, to a screen reader (Chromium’s accessibility tree)', () => {
  it('names each heading and link by its text alone, ふりがな shown or not, and exposes no reading', async () => {
    for (const furigana of [true, false]) {
      const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
      await context.addInitScript(
        (on) => localStorage.setItem('tsunagari-prefs', JSON.stringify({ furigana: on ? 'on' : 'off' })),
        furigana,
      );
      const page = await context.newPage();
      await page.goto(`${server.url}/salons/hidamari-salon/`);
      // The readings are on screen when ふりがな is on.
      const shown = await page.evaluate(() => {
        const rt = document.querySelector('main rt');
        return rt
          ? getComputedStyle(rt).visibility === 'visible' && parseFloat(getComputedStyle(rt).fontSize) > 0
          : null;
      });
      expect(shown).toBe(furigana);
      // What each heading and link with a reading reads as, without its readings.
      const texts = await page.evaluate(() =>
        [...document.querySelectorAll('h1, h2, h3, a')]
          .filter((e) => e.querySelector('ruby'))
          .map((e) => {
            const copy = e.cloneNode(true) as Element;
            copy.querySelectorAll('rt, rp').forEach((r) => r.remove());
            return (copy.textContent ?? '').replace(/\s+/g, '');
          }),
      );
      expect(texts.length).toBeGreaterThan(5);
      const cdp = await context.newCDPSession(page);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
        nodes: {
          ignored: boolean;
          role?: { value: string };
          name?: { value: string };
          description?: { value: string };
        }[];
      };
      const names = nodes
        .filter((n) => !n.ignored && ['heading', 'link'].includes(n.role?.value ?? ''))
        .map((n) => (n.name?.value ?? '').replace(/\s+/g, ''));
      // Each is named by its text exactly: not 地域ちいき.
      for (const text of texts) expect(names, text).toContain(text);
      // No node carries a reading, as a description either (Chromium's own mapping of <rt>).
      const described = nodes.filter((n) => !n.ignored && n.role?.value === 'Ruby' && n.description?.value);
      expect(described.map((n) => n.description?.value)).toEqual([]);
      await context.close();
    }
  });
});
