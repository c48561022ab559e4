import type { Page } from 'playwright-core';
// Shared with the scripts, which may not import from tests/.
export { CHROMIUM, launchChromium } from '../../../scripts/lib/chromium.ts';

/** Records every Content-Security-Policy violation of the page's documents in `window.violations`. */
export async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
}
