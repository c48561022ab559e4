/**
 * The site's languages (issue 16, item 1), on the built sample site: a home page per language
 * with its `lang`, `hreflang` alternates where a page has other languages, the interface in the
 * reader's language with the entries' Japanese marked as Japanese, and a language switch that
 * keeps the reader on the page — to the page in that language, or, where the page is Japanese
 * only, to the notice in that language (Chromium). axe finds nothing on any of them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from './helpers/browser.ts';
import { sampleSite } from './helpers/sample-site.ts';
import { ROOT } from './helpers/project.ts';
import { serveDirectory } from './helpers/serve.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { useTranslations } from '../../src/i18n/index.ts';

/** A salon only in Japanese (no translation beside it), as the sample content is now. */
const SALON = (() => {
  const names = readdirSync(join(ROOT, 'content/salons'));
  const id = names
    .filter((n) => n.endsWith('.ja.md'))
    .map((n) => n.slice(0, -'.ja.md'.length))
    .find((i) => names.filter((n) => n.startsWith(`${i}.`)).length === 1);
  if (!id) throw new Error('every sample salon has a translation: the tests need one only in Japanese');
  return `/salons/${id}/`;
})();
// Translated into every language (content/salons/nihongo-salon.<locale>.md).
const TRANSLATED = '/salons/nihongo-salon/';
const CODES = LOCALES.map((l) => l.code);

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The languages an entry has, from the built copy's content files (the original is 'ja'). */
function languagesOf(collection: string, id: string): string[] {
  const suffixes = readdirSync(join(dir, 'content', collection))
    .filter((name) => name.startsWith(`${id}.`) && name.endsWith('.md'))
    .map((name) => name.slice(id.length + 1, -3));
  return CODES.filter((code) => suffixes.includes(code));
}

/** An entry with a やさしい日本語 translation that some language lacks, and that language. */
function easyButNotIn(): { path: string; missing: string } {
  for (const collection of readdirSync(join(dir, 'content')).filter((c) => c !== 'settings')) {
    for (const name of readdirSync(join(dir, 'content', collection)).filter((n) => n.endsWith('.ja-easy.md'))) {
      const id = name.replace('.ja-easy.md', '');
      const missing = CODES.find((code) => !languagesOf(collection, id).includes(code));
      if (missing) return { path: `/${collection}/${id}/`, missing };
    }
  }
  throw new Error('no entry in やさしい日本語 that lacks another language');
}

let dir: string;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;
const html = (path: string) => readFileSync(join(dir, 'dist', path, 'index.html'), 'utf8');

beforeAll(async () => {
  dir = await sampleSite();
  [server, browser] = await Promise.all([serveDirectory(join(dir, 'dist')), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  return page;
}

describe('a home page per language', () => {
  it('exists for every language, in its language, with every language as an alternate', () => {
    for (const { code, tag, hreflang } of LOCALES) {
      const page = html(code === 'ja' ? '' : code);
      expect(page, code).toContain(`<html lang="${tag}"`);
      const t = useTranslations(code);
      const heading = page.match(/<h2 id="h-events"[^>]*>(.*?)<\/h2>/)?.[1]?.replace(/<[^>]+>/g, '');
      expect(heading, code).toBe(t('home.upcomingEvents'));
      const alternates = [...page.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)];
      expect(alternates.map((m) => m[1]).sort(), code).toEqual([...LOCALES.map((l) => l.hreflang), 'x-default'].sort());
      expect(alternates.find((m) => m[1] === hreflang)?.[2], code).toMatch(
        new RegExp(`/${code === 'ja' ? '' : `${code}/`}$`),
      );
    }
  });

  it('has every list of entries in every language, linked from that language’s menu', () => {
    for (const { code, tag } of LOCALES.filter((l) => l.code !== 'ja'))
      for (const collection of ['events', 'salons', 'recruitments', 'reports', 'desks', 'places']) {
        const page = html(`${code}/${collection}`);
        expect(page, `${code}/${collection}`).toContain(`<html lang="${tag}"`);
        expect(page, `${code}/${collection}`).toContain(`href="/${code}/${collection}/"`);
      }
    expect(html('en/events')).toMatch(/<h1>Events<\/h1>/);
  });

  it('writes dates in the reader’s language, on Japan’s calendar, and marks the entries’ Japanese', () => {
    const page = html('en');
    // The events' dates, e.g. "Sat, December 19, 2026 11:00 – 13:30".
    expect(page).toMatch(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]+ \d{1,2}, 20\d\d \d\d:\d\d – \d\d:\d\d/);
    expect(page).not.toMatch(/20\d\d年\d+月\d+日/);
    // An entry's title in a list is Japanese, and said so.
    expect(page).toMatch(/<a href="\/events\/[^"]+#lang-en"[^>]*lang="ja"/);
  });

  it('has no alternates on a page that is only in Japanese, and a notice for each other language', () => {
    const page = html(SALON.slice(1, -1));
    expect(page).not.toContain('hreflang="en"');
    for (const { code } of LOCALES.filter((l) => l.code !== 'ja')) expect(page).toContain(`id="lang-${code}"`);
  });
});

describe('a translated entry (issue 16, item 2)', () => {
  const alternatesIn = (page: string) =>
    [...page.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]);

  it('has a page in each language it is translated into, and no other', () => {
    for (const { code, tag } of LOCALES) {
      const path = code === 'ja' ? TRANSLATED : `/${code}${TRANSLATED}`;
      expect(html(path), path).toContain(`<html lang="${tag}"`);
    }
    // An untranslated entry has its Japanese page only.
    const { path, missing } = easyButNotIn();
    expect(existsSync(join(dir, 'dist', missing, path, 'index.html')), `${missing}${path}`).toBe(false);
    expect(existsSync(join(dir, 'dist', 'ja-easy', path, 'index.html')), `ja-easy${path}`).toBe(true);
  });

  it('lists exactly the languages that exist as alternates, on every version', () => {
    const { path, missing } = easyButNotIn();
    const [collection = '', id = ''] = path.split('/').filter(Boolean);
    const languages = languagesOf(collection, id);
    const expected = LOCALES.filter((l) => languages.includes(l.code)).map((l) => [
      l.hreflang,
      `https://tsunagari.example.jp${l.code === 'ja' ? '' : `/${l.code}`}${path}`,
    ]);
    for (const code of languages) {
      const alternates = alternatesIn(html(code === 'ja' ? path : `/${code}${path}`));
      expect(
        alternates.filter(([hreflang]) => hreflang !== 'x-default'),
        code,
      ).toEqual(expected);
    }
    expect(expected.map(([hreflang]) => hreflang)).not.toContain(LOCALES.find((l) => l.code === missing)?.hreflang);
  });

  it('shows the translated text with the interface in that language, the shared facts from the original', () => {
    const file = (path: string) => readFileSync(join(dir, path), 'utf8');
    const text = (page: string) => page.replace(/<wbr>/g, '').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const titleOf = (path: string) => /^title: (.*)$/m.exec(file(path))?.[1] ?? '';
    const page = text(html(`/en${TRANSLATED}`));
    expect(page).toMatch(new RegExp(`<h1[^>]*>${escapeRe(titleOf('content/salons/nihongo-salon.en.md'))}</h1>`));
    // Its own body's first line.
    const body = file('content/salons/nihongo-salon.en.md').split(/^---$/m)[2]?.trim().split('\n')[0] ?? '';
    expect(page).toContain(body.replace(/'/g, '’'));
    expect(page).toContain(`aria-label="${useTranslations('en')('locale.switchLabel')}"`);
    // The header's site name from the settings' translation (content/settings/site.en.yml), not marked Japanese.
    const siteName = /^siteName: (.*)$/m.exec(file('content/settings/site.en.yml'))?.[1] ?? '';
    expect(page).toMatch(new RegExp(`<a class="site-name" href="/en/"[^>]*>${escapeRe(siteName)}</a>`));
    // The note that dates, places and phones are the original's, linking to it.
    expect(page).toContain(useTranslations('en')('locale.translatedFrom'));
    expect(page).toContain(`<a href="${TRANSLATED}" hreflang="ja"`);
    // The schedule is the original's: every Saturday from 10:00.
    expect(page).toMatch(/10:00/);
    expect(text(html(`/vi${TRANSLATED}`))).toMatch(
      new RegExp(`<h1[^>]*>${escapeRe(titleOf('content/salons/nihongo-salon.vi.md'))}</h1>`),
    );
  });

  it('is listed by its translated title in that language, and by its Japanese one, marked, elsewhere', () => {
    expect(html('/en/salons/')).toMatch(/<a href="\/en\/salons\/nihongo-salon\/"[^>]*>\s*Nihongo Salon/);
    expect(html('/en/salons/')).not.toMatch(/<a href="\/en\/salons\/nihongo-salon\/"[^>]*lang="ja"/);
    const { path, missing } = easyButNotIn();
    const list = html(`/${missing}/${path.split('/')[1]}/`);
    expect(list).toMatch(new RegExp(`<a href="${path}#lang-${missing}"[^>]*lang="ja"`));
  });
});

describe('the language switch (Chromium)', () => {
  it('takes the reader to the same page in another language and back', async () => {
    const page = await open('/');
    await page
      .getByRole('navigation', { name: useTranslations('ja')('locale.switchLabel') })
      .getByRole('link', { name: 'English' })
      .click();
    await page.waitForURL(/\/en\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: '日本語' }).first().click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await page.context().close();
  });

  it('keeps the reader on a Japanese-only page and says so in their language', async () => {
    const page = await open(SALON);
    const vi = useTranslations('vi');
    const notice = page.locator('#lang-vi');
    expect(await notice.isVisible()).toBe(false);
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await page.waitForURL((url) => url.pathname === SALON && url.hash === '#lang-vi');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.getAttribute('lang')).toBe('vi');
    expect(await notice.textContent()).toContain(vi('locale.notTranslated'));
    // Only the reader's language's notice shows.
    expect(await page.locator('#lang-en').isVisible()).toBe(false);
    // It leads to the home page in their language.
    await notice.getByRole('link', { name: vi('locale.home') }).click();
    await page.waitForURL(/\/vi\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.context().close();
  });

  it('reaches a Japanese-only page from another language’s home with the notice showing', async () => {
    const page = await open('/en/');
    const link = page.locator('a[href$="#lang-en"][href^="/salons/"]').first();
    await link.click();
    await page.waitForURL((url) => url.hash === '#lang-en');
    await page.locator('#lang-en').waitFor({ state: 'visible' });
    await page.context().close();
  });

  it('keeps a translated page: to its other translations, to the Japanese page’s notice for the rest', async () => {
    const page = await open(`/en${TRANSLATED}`);
    const nav = page.getByRole('navigation', { name: useTranslations('en')('locale.switchLabel') });
    await nav.getByRole('link', { name: 'Tiếng Việt' }).click();
    await page.waitForURL((url) => url.pathname === `/vi${TRANSLATED}`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.context().close();

    // An entry in やさしい日本語 but not in the reader's language: from its やさしい日本語 page, the
    // switch leads to the Japanese page, whose notice speaks that language and links back.
    const { path, missing } = easyButNotIn();
    const locale = LOCALES.find((l) => l.code === missing);
    const t = useTranslations(missing);
    const easy = await open(`/ja-easy${path}`);
    await easy
      .getByRole('link', { name: locale?.name ?? missing })
      .first()
      .click();
    await easy.waitForURL((url) => url.pathname === path && url.hash === `#lang-${missing}`);
    const notice = easy.locator(`#lang-${missing}`);
    await notice.waitFor({ state: 'visible' });
    expect(await notice.getAttribute('lang')).toBe(locale?.tag);
    expect(await notice.textContent()).toContain(t('locale.notTranslated'));
    await notice.getByRole('link', { name: t('locale.easyVersion') }).click();
    await easy.waitForURL((url) => url.pathname === `/ja-easy${path}`);
    expect(await easy.getAttribute('html', 'lang')).toBe('ja');
    await easy.context().close();
  });

  it('a Japanese-only page without やさしい日本語 offers no link to it', () => {
    expect(html(SALON)).not.toContain(`href="/ja-easy${SALON}"`);
  });

  for (const { code } of LOCALES)
    it(`axe finds nothing on the translated entry page in ${code}`, async () => {
      const page = await open(code === 'ja' ? TRANSLATED : `/${code}${TRANSLATED}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });

  for (const path of ['/', '/en/', '/ja-easy/', '/vi/', '/ne/', '/en/events/', '/zh-hans/salons/', `${SALON}#lang-en`])
    it(`axe finds nothing on ${path}`, async () => {
      const page = await open(path);
      const found = await axeViolations(page);
      expect(found, path).toEqual([]);
      await page.context().close();
    });
});

describe('a translated entry’s flyer', () => {
  // Issue 16 item 6: the translated page offers the flyer in its own language, made by the build
  // from the translation (src/flyers/translations.ts), and shares its image.
  it.each(['vi', 'en'])('%s: the page links its flyer in that language, whose PDF has the translated title', (code) => {
    const id = 'nihongo-salon';
    const page = html(`${code}/salons/${id}`);
    const pdf = `/flyers/salons/${id}.${code}.pdf`;
    expect(page).toContain(`href="${pdf}"`);
    expect(page).toContain(`/flyers/salons/${id}.${code}-og.png"`);
    expect(existsSync(join(dir, 'dist', `flyers/salons/${id}.${code}-og.png`))).toBe(true);
    const title = /^title: (.+)$/m.exec(readFileSync(join(dir, 'content/salons', `${id}.${code}.md`), 'utf8'))?.[1];
    expect(title).toBeTruthy();
    // The whole title, spaces aside: pdftotext breaks lines where the flyer does, inside words too.
    const text = execFileSync('pdftotext', [join(dir, 'dist', pdf), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(title!.replace(/\s+/g, ''));
  });
});
