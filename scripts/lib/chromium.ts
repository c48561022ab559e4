/**
 * Chromium for the scripts that drive a browser (screenshots, the search benchmark) and for the
 * end-to-end tests, which re-export it from tests/e2e/helpers/browser.ts.
 */
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, never a downloaded one (downloads fail here and in CI). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `env`: added to Chromium's environment (the screenshots give it a font configuration). */
export function launchChromium({ env }: { env?: Record<string, string> } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    ...(env && { env: { ...process.env, ...env } as Record<string, string> }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
