import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * What axe finds against WCAG 2.2 AA on the page as it is now, one line per rule with the
 * elements (an empty list: nothing). The page's context must bypass its CSP to take axe's script.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    if (result.passes.length < 10) return [`axe ran only ${result.passes.length} checks`];
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(' | ')}`);
  });
}

/**
 * Two runs at a time: each run has a browser context of its own, and axe works in each page's
 * renderer process, so two keep both of CI's cores busy where one left one idle; more only make
 * each slower (four at once on a loaded machine ran past the test timeout). Shared by every test
 * file's axe runs (one file runs at a time).
 */
const slots = { free: 2, waiting: [] as (() => void)[] };
export async function inSlot<T>(run: () => Promise<T>): Promise<T> {
  if (slots.free > 0) slots.free--;
  else await new Promise<void>((resolve) => slots.waiting.push(resolve));
  try {
    return await run();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}
