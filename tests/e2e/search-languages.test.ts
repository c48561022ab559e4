/**
 * Search in each language (issue 16, item 1): Pagefind keeps an index per `<html lang>`, each
 * translated entry is indexed as its page in its language, and the search page in a language
 * searches that language's index. Through the real search page and Pagefind's UI in Chromium,
 * an English and a Vietnamese search find the translated pages, and the Japanese search is
 * still the Japanese pages.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { sampleSite } from './helpers/sample-site.ts';
import { serveDirectory } from './helpers/serve.ts';
import { useTranslations } from '../../src/i18n/index.ts';

let server: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;

beforeAll(async () => {
  const dir = await sampleSite();
  [server, browser] = await Promise.all([serveDirectory(join(dir, 'dist')), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Types `query` into the search page at `path` and returns the result links' paths, in order. */
async function searchOn(path: string, query: string): Promise<{ page: Page; found: string[] }> {
  const page = await browser.newPage();
  await page.goto(`${server.url}${path}`);
  const box = page.getByRole('textbox').or(page.getByRole('searchbox')).first();
  await box.fill(query);
  const results = page.locator('.pagefind-ui__result-link');
  await results.first().waitFor({ state: 'visible', timeout: 30_000 });
  const found = await results.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return { page, found };
}

describe('the search page in each language', () => {
  it('exists in every language, in that language, and is linked from its menu', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/vi/`);
    const vi = useTranslations('vi');
    await page
      .getByRole('link', { name: vi('search.title') })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname === '/vi/search/');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.close();
  });

  it('in English finds the English page of a translated entry', async () => {
    const { page, found } = await searchOn('/en/search/', 'conversation partners');
    expect(found[0]).toBe('/en/salons/nihongo-salon/');
    expect(found.every((url) => url.startsWith('/en/'))).toBe(true);
    await page.close();
  });

  it('in Vietnamese finds the Vietnamese page', async () => {
    const { page, found } = await searchOn('/vi/search/', 'trò chuyện');
    expect(found).toContain('/vi/salons/nihongo-salon/');
    expect(found.every((url) => url.startsWith('/vi/'))).toBe(true);
    await page.close();
  });

  it('in Japanese still finds the Japanese pages only', async () => {
    const { page, found } = await searchOn('/search/', 'にほんごサロン');
    expect(found).toContain('/salons/nihongo-salon/');
    expect(found.filter((url) => /^\/(en|vi|ja-easy)\//.test(url))).toEqual([]);
    await page.close();
  });
});
