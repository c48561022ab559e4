/**
 * 読み上げ (issue 16, item 5) in real Chromium on the sample site: beside 文字を大きく, from the
 * keyboard. Debian's Chromium has no voice, so the message for that is seen for real; with
 * speechSynthesis stubbed in the page, the text handed to speak() is the page's main content in
 * the page's language, and 一時停止 pauses and resumes through the API. axe finds nothing on the
 * page while the switch and its status line show.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { launchChromium } from './helpers/browser.ts';
import { sampleSite } from './helpers/sample-site.ts';
import { serveDirectory } from './helpers/serve.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGE = '/salons/nihongo-salon/';

let server: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;

// Building the sample town takes minutes, more on a machine other builds share.
beforeAll(async () => {
  const dir = await sampleSite();
  [server, browser] = await Promise.all([serveDirectory(join(dir, 'dist')), launchChromium()]);
}, 1_500_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the stub records: each utterance spoken and each call of pause, resume and cancel. */
interface Spoken {
  texts: string[];
  langs: string[];
  voices: string[];
  calls: string[];
}

/** speechSynthesis with one Japanese voice, recording what the page asks of it (an init script). */
function stubSpeech() {
  const w = window as unknown as { spoken: Spoken; finishSpeaking: () => void };
  const spoken: Spoken = { texts: [], langs: [], voices: [], calls: [] };
  w.spoken = spoken;
  const queue: { onend: (() => void) | null }[] = [];
  class Utterance {
    text: string;
    lang = '';
    voice: { name: string } | null = null;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  const synth = {
    getVoices: () => [{ name: 'テストの声', lang: 'ja-JP' }],
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    speak(u: Utterance) {
      spoken.texts.push(u.text);
      spoken.langs.push(u.lang);
      spoken.voices.push(u.voice?.name ?? '');
      queue.push(u);
    },
    pause: () => spoken.calls.push('pause'),
    resume: () => spoken.calls.push('resume'),
    cancel: () => {
      spoken.calls.push('cancel');
      queue.length = 0;
    },
  };
  // Each utterance ends in turn, as a voice would end reading them.
  w.finishSpeaking = () => {
    for (const u of queue.splice(0)) u.onend?.();
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
}

/** The switch's status line: the page's role=status element saying one of its messages. */
const MESSAGES = (['reading', 'paused', 'stopped', 'done', 'unsupported', 'noVoice', 'error'] as const).map((key) =>
  t(`readAloud.${key}`),
);
const statusOf = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: new RegExp(MESSAGES.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) });
const spokenOf = (page: Page) => page.evaluate(() => (window as unknown as { spoken: Spoken }).spoken);

describe('読み上げ', () => {
  it('says so, for real, where the browser has no voice for the page’s language', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${PAGE}`);
    const voices = await page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.lang.startsWith('ja')).length);
    // Debian's Chromium comes without voices; a machine with a Japanese voice would read instead.
    expect(voices).toBe(0);
    const button = page.getByRole('button', { name: t('readAloud.button') });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 30_000 })
      .toBe(t('readAloud.noVoice'));
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByRole('button', { name: t('readAloud.pause') }).count()).toBe(0);
    await page.close();
  });

  it('says so where the browser has no speechSynthesis at all', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    });
    const page = await context.newPage();
    await page.goto(`${server.url}${PAGE}`);
    await page.getByRole('button', { name: t('readAloud.button') }).click();
    await expect.poll(() => statusOf(page).textContent()).toBe(t('readAloud.unsupported'));
    await context.close();
  });

  it('reads the main content in the page’s language, pauses and resumes, stops, and says when it is done', async () => {
    const context = await browser.newContext();
    await context.addInitScript(stubSpeech);
    const page = await context.newPage();
    await page.goto(`${server.url}${PAGE}`);
    const button = page.getByRole('button', { name: t('readAloud.button') });
    const pause = page.getByRole('button', { name: t('readAloud.pause') });
    // Beside the other reader switches, in their group.
    const group = page.getByRole('group', { name: t('prefs.label') });
    // innerText: the words as shown (textContent would hold the hidden ふりがな readings too).
    expect(await group.getByRole('button').allInnerTexts()).toEqual([
      t('prefs.largeText'),
      t('prefs.highContrast'),
      t('prefs.furigana'),
      t('readAloud.button'),
    ]);

    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(await statusOf(page).textContent()).toBe(t('readAloud.reading'));
    const spoken = await spokenOf(page);
    const text = spoken.texts.join('');
    const main = await page.evaluate(() =>
      document
        .querySelector('main')
        ?.innerText.replace(/[ \t]+/g, ' ')
        .trim(),
    );
    expect(text).toBe(main);
    expect(text).toContain('にほんごサロン');
    expect(text).not.toContain(t('site.footer.note'));
    expect(new Set(spoken.langs)).toEqual(new Set(['ja']));
    expect(new Set(spoken.voices)).toEqual(new Set(['テストの声']));
    expect(Math.max(...spoken.texts.map((s) => s.length))).toBeLessThanOrEqual(400);

    await pause.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => pause.getAttribute('aria-pressed')).toBe('true');
    expect(await statusOf(page).textContent()).toBe(t('readAloud.paused'));
    await page.keyboard.press('Space');
    await expect.poll(() => pause.getAttribute('aria-pressed')).toBe('false');
    expect(await statusOf(page).textContent()).toBe(t('readAloud.reading'));
    expect((await spokenOf(page)).calls.filter((c) => c !== 'cancel')).toEqual(['pause', 'resume']);

    await button.press('Enter');
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
    expect(await statusOf(page).textContent()).toBe(t('readAloud.stopped'));
    expect(await pause.isHidden()).toBe(true);
    expect((await spokenOf(page)).calls.at(-1)).toBe('cancel');

    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await page.evaluate(() => (window as unknown as { finishSpeaking: () => void }).finishSpeaking());
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
    expect(await statusOf(page).textContent()).toBe(t('readAloud.done'));
    await context.close();
  });

  it('leaves axe nothing to find while reading, with the status line shown', async () => {
    // axe is injected as an inline script, which the site's CSP rightly forbids.
    const context = await browser.newContext({ bypassCSP: true });
    await context.addInitScript(stubSpeech);
    const page = await context.newPage();
    await page.goto(`${server.url}${PAGE}`);
    await page.getByRole('button', { name: t('readAloud.button') }).click();
    await page.getByRole('button', { name: t('readAloud.pause') }).click();
    await expect.poll(() => statusOf(page).textContent()).toBe(t('readAloud.paused'));
    await page.addScriptTag({ content: AXE });
    const found = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<AxeResult> } }).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      if (result.passes.length < 10) return [`axe ran only ${result.passes.length} checks`];
      return result.violations.map((v) => `${v.id}: ${v.help}`);
    });
    expect(found).toEqual([]);
    await context.close();
  });
});

interface AxeResult {
  passes: unknown[];
  violations: { id: string; help: string }[];
}
