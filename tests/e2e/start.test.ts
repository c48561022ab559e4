/**
 * `npm start` brings up the site and the CMS's local backend together, and stopping it stops both.
 * Search works there too, and finds what a volunteer has just saved.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { childEnv, copyProject, freePort, removeProject } from './helpers/project.ts';

let dir: string;
beforeAll(() => {
  dir = copyProject();
});
afterAll(() => removeProject(dir));

const isUp = async (url: string, init?: RequestInit) => {
  try {
    return (await fetch(url, init)).ok;
  } catch {
    return false;
  }
};

it('serves the site with search, the admin page and decap-server, and Ctrl+C stops them all', async () => {
  const [sitePort, decapPort] = [await freePort(), await freePort()];
  const started = Date.now();
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', String(sitePort)], {
    cwd: dir,
    env: childEnv({ DECAP_PORT: String(decapPort) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const site = `http://127.0.0.1:${sitePort}/`;
  const decapInfo = [
    `http://127.0.0.1:${decapPort}/api/v1`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' },
  ] as const;
  while (!((await isUp(site)) && (await isUp(...decapInfo)))) {
    if (Date.now() - started > 60_000) throw new Error(`npm start was not up within a minute:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const home = await (await fetch(site)).text();
  expect(home).toContain('<html lang="ja"');
  const admin = await (await fetch(`${site}admin/`)).text();
  expect(admin).toContain('CMS.init');
  expect(admin).toContain(`localhost:${decapPort}`);
  expect((await fetch(`${site}admin/decap-cms.js`)).status).toBe(200);
  expect(output).toContain('http://localhost:4321/admin/');

  // Search, in Chromium through Pagefind's UI, on the index the dev server made.
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const results = (query: string) => async () => {
      await page.goto(`${site}search/?q=${encodeURIComponent(query)}`);
      const links = page.locator('#search .pagefind-ui__result-link');
      await links
        .first()
        .waitFor({ timeout: 5_000 })
        .catch(() => undefined);
      return await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    };
    expect(await results('ひだまり')()).toContain('/salons/hidamari-salon/');
    // As the CMS does, a saved entry is a changed file under content/: the index follows it.
    const word = 'ホタルイカ';
    expect(await results(word)()).toEqual([]);
    appendFileSync(join(dir, 'content/salons/hidamari-salon.ja.md'), `\n秋には${word}の話をします。\n`);
    await expect.poll(results(word), { timeout: 60_000, interval: 1_000 }).toContain('/salons/hidamari-salon/');
    expect(output).toContain('検索の索引を更新しました');
    // A mistake saved while the site runs is reported there in the volunteer's words, naming the
    // file, the field, the value and the fix (Astro's own loader says it only in English).
    const salon = join(dir, 'content/salons/hidamari-salon.ja.md');
    writeFileSync(salon, readFileSync(salon, 'utf8').replace('status: active', 'status: maybe'));
    await expect
      .poll(() => output, { timeout: 30_000 })
      .toMatch(/hidamari-salon\.ja\.md: status（状況）: 「maybe」 — .*active（開催中）/);
  } finally {
    await browser.close();
  }

  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
  await new Promise((r) => setTimeout(r, 1000));
  expect(await isUp(site)).toBe(false);
  expect(await isUp(...decapInfo)).toBe(false);
});
