/**
 * Chromium for the scripts that drive a browser (screenshots, the search benchmark) and for the
 * end-to-end tests, which re-export it from tests/e2e/helpers/browser.ts.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { fontFilePaths } from '../../src/flyers/fonts.ts';
import { FONT_FAMILY_IDS } from '../../src/lib/flyer-fonts.ts';

/** Debian's chromium, never a downloaded one (downloads fail here and in CI). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the font configuration is written (fontconfig keeps its scan of the fonts in its own cache). */
const FONT_FOLDER = fileURLToPath(new URL('../../node_modules/.cache/tsunagari-chromium-fonts/', import.meta.url));

/**
 * A fontconfig file: the machine's own configuration, plus the folders of the fonts the flyers
 * print with (BIZ UDPGothic and Noto Sans JP first, as in the site's font list, then the Chinese,
 * Korean, Devanagari… ones), from npm. Every resident's phone has a Japanese font; CI's Chromium
 * and this machine's have none, and without one the browser tests measured rows of empty boxes —
 * an entry page 387 px wide on a 375 px phone in large text with ふりがな went unseen for weeks.
 * Written once per process: every test file launches Chromium, some several times.
 */
let configured: string | undefined;
function fontConfig(): string {
  if (configured) return configured;
  const dirs = [...new Set(fontFilePaths(FONT_FAMILY_IDS).map((f) => dirname(f)))];
  if (!dirs.length)
    throw new Error('フォントが見つかりません。npm install を実行してください / fonts missing: run npm install');
  const file = join(FONT_FOLDER, 'fonts.conf');
  const text = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...dirs.map((d) => `  <dir>${d}</dir>`),
    '</fontconfig>',
    '',
  ].join('\n');
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
    // Written aside and renamed: two test processes launching at once never read half a file.
    mkdirSync(FONT_FOLDER, { recursive: true });
    const aside = `${file}.${process.pid}`;
    writeFileSync(aside, text);
    renameSync(aside, file);
  }
  return (configured = file);
}

/** `env`: added to Chromium's environment. */
export function launchChromium({ env }: { env?: Record<string, string> } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    env: { ...process.env, FONTCONFIG_FILE: fontConfig(), ...env } as Record<string, string>,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
