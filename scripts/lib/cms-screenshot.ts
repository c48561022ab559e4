/**
 * The CMS editor with its preview, as a volunteer sees it under `npm start`, for
 * docs/screenshots/: starts npm start's two servers (scripts/start.mjs) on free ports, opens one
 * entry and photographs the form beside the preview. Opening an entry writes nothing.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { childEnv, freePort } from './processes.ts';

/** Waits until the dev server answers /admin/ (its first answer compiles the page). */
async function answered(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((done) => setTimeout(done, 500));
  }
}

/**
 * @param entry '<collection>/<id>' to open
 * @param file where the PNG goes
 */
export async function photographCmsEditor(root: string, browser: Browser, entry: string, file: string): Promise<void> {
  const [sitePort, decapPort] = await Promise.all([freePort(), freePort()]);
  const servers = spawn(process.execPath, [join(root, 'scripts/start.mjs'), '--port', String(sitePort)], {
    cwd: root,
    env: childEnv({ DECAP_PORT: String(decapPort) }),
    stdio: 'ignore',
  });
  try {
    const admin = `http://localhost:${sitePort}/admin/`;
    await answered(admin, 180_000);
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(admin, { timeout: 120_000 });
    await page.getByRole('button', { name: 'ログイン' }).click({ timeout: 120_000 });
    await page.getByRole('link', { name: 'コンテンツ' }).waitFor({ timeout: 60_000 });
    const [collection, id] = entry.split('/');
    await page.goto(`${admin}#/collections/${collection}/entries/${id}`);
    await page.frameLocator('#preview-pane').locator('dl.facts').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: file });
    await page.close();
  } finally {
    const stopped = new Promise((done) => servers.once('exit', done));
    servers.kill('SIGTERM');
    await stopped;
  }
}
