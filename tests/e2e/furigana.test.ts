/**
 * ふりがな on the built sample site: readings are in every page that has the switch, as <ruby>
 * with <rp> and the okurigana outside, hidden (for screen readers too) until the reader turns the
 * switch on; the switch is remembered like the others; axe finds nothing with readings shown;
 * pages without the switch and the search index carry no readings.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { sampleSite } from './helpers/sample-site.ts';
import { serveDirectory } from './helpers/serve.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SALON = '/salons/hidamari-salon/';

let dist: string;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;

// Building the sample town takes minutes, more on a machine other builds share.
beforeAll(async () => {
  dist = join(await sampleSite(), 'dist');
  [server, browser] = await Promise.all([serveDirectory(dist), launchChromium()]);
}, 1_500_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const page = (path: string) => parseHTML(readFileSync(join(dist, path, 'index.html'), 'utf8')).document;

describe('the built pages', () => {
  it('read kanji in <ruby> with <rp> parentheses, okurigana outside', () => {
    const html = readFileSync(join(dist, SALON, 'index.html'), 'utf8');
    expect(html).toContain('<ruby>毎月<rp>(</rp><rt aria-hidden="true">まいつき</rt><rp>)</rp></ruby>');
    // The site's own reading of the town's name (site settings furigana): only 野 is read.
    expect(html).toContain('みどり<ruby>野<rp>(</rp><rt aria-hidden="true">の</rt><rp>)</rp></ruby>');
    const { document } = parseHTML(html);
    const rubies = [...document.querySelectorAll('ruby')];
    expect(rubies.length).toBeGreaterThan(20);
    for (const ruby of rubies) {
      const base = [...ruby.childNodes]
        .filter((n) => n.nodeType === 3)
        .map((n) => n.textContent)
        .join('');
      // Only kanji carry a reading: no kana, digit or Latin letter under the ruby.
      expect(base, ruby.outerHTML).toMatch(/^[\p{Script=Han}々〆ヵヶ]+$/u);
      expect(ruby.querySelector('rt')?.textContent, ruby.outerHTML).toMatch(/^[\u3041-\u3096ー]+$/u);
      expect(ruby.querySelectorAll('rp').length).toBe(2);
    }
  });

  it('leave the head, scripts (JSON-LD) and attributes as written', () => {
    const document = page(SALON);
    expect(document.head.innerHTML).not.toContain('<ruby');
    for (const script of document.querySelectorAll('script')) expect(script.innerHTML).not.toContain('<ruby');
    expect(document.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('見やすさの切り替え');
    expect(document.querySelector('[role="group"] button')?.innerHTML).toContain('<ruby>文字<rp>');
  });

  it('give no readings to pages without the switch (embed lists, the emergency page)', () => {
    for (const path of ['embed', 'emergency']) {
      const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
      expect(html, path).not.toContain('<ruby');
    }
  });

  it('keep readings out of the search index', () => {
    const fragments = join(dist, 'pagefind', 'fragment');
    const files = readdirSync(fragments);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      // Pagefind's fragments are gzipped: 'pagefind_dcd' and the page's JSON (its indexed text).
      const text = gunzipSync(readFileSync(join(fragments, file))).toString('utf8');
      expect(text, file).not.toMatch(/<rt[ >]|まいつき|しゃかいふくし/);
    }
  });
});

/** The text of the page's main content as the reader sees it (and a screen reader reads it). */
const mainText = (p: Page) => p.locator('main').innerText();

describe('the ふりがな switch in Chromium', () => {
  it('shows and hides the readings, and is remembered from page to page', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
    const p = await context.newPage();
    await p.goto(`${server.url}${SALON}`);
    const button = p.getByRole('button', { name: 'ふりがな' });
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    // Off: the readings take no space and are not read (display: none), so the text reads once.
    expect(await mainText(p)).toContain('毎月第2水曜日');
    expect(await p.locator('rt').first().isVisible()).toBe(false);

    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(await p.locator('rt').first().isVisible()).toBe(true);
    expect(await mainText(p)).toContain('まいつき');
    // The parentheses are for browsers without ruby: Chromium lays the reading above and hides them.
    expect(await p.locator('rp').first().isVisible()).toBe(false);
    const rt = await p.locator('main rt').first().boundingBox();
    const base = await p.locator('main ruby').first().boundingBox();
    expect(rt && base && rt.y < base.y + base.height / 2).toBe(true);

    await p.goto(`${server.url}/events/`);
    expect(await p.getByRole('button', { name: 'ふりがな' }).getAttribute('aria-pressed')).toBe('true');
    expect(await p.locator('main rt').first().isVisible()).toBe(true);
    await p.getByRole('button', { name: 'ふりがな' }).press('Enter');
    await expect.poll(() => p.locator('main rt').first().isVisible()).toBe(false);
    await p.reload();
    expect(await p.getByRole('button', { name: 'ふりがな' }).getAttribute('aria-pressed')).toBe('false');
    await context.close();
  });

  it('reads the page aloud once with the readings shown, not each word and its reading', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      localStorage.setItem('tsunagari-prefs', JSON.stringify({ furigana: 'on' }));
      // One Japanese voice that records what it is given (Debian's Chromium has none).
      const w = window as unknown as { spoken: string[] };
      w.spoken = [];
      class Utterance {
        lang = '';
        voice: unknown = null;
        onend: (() => void) | null = null;
        onerror: (() => void) | null = null;
        text: string;
        constructor(text: string) {
          this.text = text;
        }
      }
      const synth = {
        getVoices: () => [{ name: 'テストの声', lang: 'ja-JP' }],
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        speak: (u: Utterance) => w.spoken.push(u.text),
        pause: () => undefined,
        resume: () => undefined,
        cancel: () => undefined,
      };
      Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    });
    const p = await context.newPage();
    await p.goto(`${server.url}${SALON}`);
    expect(await p.locator('main rt').first().isVisible()).toBe(true);
    // By its attribute: with the readings shown, its name holds them too (読よみ上あげ).
    await p.locator('button[data-read-aloud]').click();
    await expect
      .poll(() => p.evaluate(() => (window as unknown as { spoken: string[] }).spoken.length))
      .toBeGreaterThan(0);
    const spoken = (await p.evaluate(() => (window as unknown as { spoken: string[] }).spoken)).join('');
    expect(spoken).toContain('毎月第2水曜日');
    expect(spoken).not.toContain('まいつき');
    // The readings are still shown once the text has been taken.
    expect(await p.locator('main rt').first().isVisible()).toBe(true);
    await context.close();
  });

  it('passes axe (WCAG 2.2 AA) with the readings shown, at phone width and in large text', async () => {
    // axe is injected as an inline script, which the site's CSP rightly forbids.
    const context = await browser.newContext({ viewport: { width: 375, height: 900 }, bypassCSP: true });
    await context.addInitScript(() =>
      localStorage.setItem('tsunagari-prefs', JSON.stringify({ furigana: 'on', textSize: 'large' })),
    );
    const p = await context.newPage();
    const found: string[] = [];
    for (const path of ['/', SALON, '/events/', '/bosai/', '/calendar/']) {
      await p.goto(`${server.url}${path}`);
      expect(await p.locator('main rt').first().isVisible(), path).toBe(true);
      await p.addScriptTag({ content: AXE });
      const violations: string[] = await p.evaluate(async () => {
        const result = await (window as any).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        });
        if (result.passes.length < 10) return [`axe ran only ${result.passes.length} checks`];
        return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(' | ')}`);
      });
      found.push(...violations.map((v) => `${path} ${v}`));
      expect(await p.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
    await context.close();
    expect(found).toEqual([]);
  });
});
