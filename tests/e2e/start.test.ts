/**
 * `npm start` brings up the site and the CMS's local backend together, for this computer only,
 * and stopping it stops both. Search works there too, and finds what a volunteer has just saved;
 * the CMS page is not reloaded under the volunteer when content changes. Run in a Git clone, as a
 * volunteer's folder is, the CMS has the approval workflow and never commits a hand edit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { isCall, login, publish, saveButton, setText, waitForSaved } from './helpers/decap.ts';
import { childEnv, copyProject, freePort, git, makeGitRepo, removeProject } from './helpers/project.ts';

let dir: string;
let child: ChildProcess;
let output = '';
let sitePort: number;
let decapPort: number;
let browser: Browser;

const isUp = async (url: string, init?: RequestInit) => {
  try {
    return (await fetch(url, init)).ok;
  } catch {
    return false;
  }
};
const site = () => `http://127.0.0.1:${sitePort}/`;
const decapInfo = () =>
  [
    `http://127.0.0.1:${decapPort}/api/v1`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' },
  ] as const;

beforeAll(async () => {
  dir = copyProject();
  makeGitRepo(dir);
  [sitePort, decapPort] = [await freePort(), await freePort()];
  const started = Date.now();
  child = spawn(process.execPath, ['scripts/start.mjs', '--port', String(sitePort)], {
    cwd: dir,
    env: childEnv({ DECAP_PORT: String(decapPort) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  while (!((await isUp(site())) && (await isUp(...decapInfo())))) {
    if (Date.now() - started > 120_000) throw new Error(`npm start was not up within two minutes:\n${output}`);
    if (child.exitCode !== null) throw new Error(`npm start stopped (${child.exitCode}):\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
  }
  if (dir) removeProject(dir);
});

/** An HTTP request over loopback with any Host (fetch does not let a test choose it). */
function ask(
  port: number,
  host: string,
  {
    method = 'GET',
    path = '/',
    body,
    origin,
  }: { method?: string; path?: string; body?: unknown; origin?: string } = {},
) {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          host,
          ...(origin && { origin }),
          ...(data && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** The processes of `npm start`: the child and everything it started. */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      // Fields after the command name (which may hold spaces): state, then the parent's pid.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i] as number) ?? []));
  return tree;
}

/** `/proc/net/tcp*` writes addresses as 32-bit words in the machine's (little-endian) order. */
function procAddress(hex: string): string {
  const bytes = (hex.match(/.{8}/g) ?? []).flatMap((word) => (word.match(/../g) ?? []).reverse());
  if (bytes.length === 4) return bytes.map((b) => parseInt(b, 16)).join('.');
  const groups = (bytes.join('').match(/.{4}/g) ?? []).join(':');
  return new URL(`http://[${groups}]/`).hostname; // e.g. [::1], [::]
}

/** The addresses the processes of `npm start` listen on, by port, read from /proc/net/tcp and tcp6. */
function listening(pid: number): Map<number, string[]> {
  const ours = new Set<string>();
  for (const p of processTree(pid)) {
    try {
      for (const fd of readdirSync(`/proc/${p}/fd`)) {
        const link = readlinkSync(`/proc/${p}/fd/${fd}`, { encoding: 'utf8' });
        const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
        if (inode) ours.add(inode);
      }
    } catch {
      // The process ended meanwhile.
    }
  }
  const byPort = new Map<number, string[]>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      const [local, state, inode] = [f[1], f[3], f[9]];
      if (!local || state !== '0A' || !inode || !ours.has(inode)) continue; // 0A: LISTEN
      const [address = '', port = ''] = local.split(':');
      const n = parseInt(port, 16);
      byPort.set(n, [...(byPort.get(n) ?? []), procAddress(address)]);
    }
  }
  return byPort;
}

/** Addresses other machines on the network could reach this one at (link-local left out). */
const outwardAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && !a.internal && !a.address.startsWith('fe80:'))
  .map((a) => a?.address as string);

const connectTo = (address: string, port: number) =>
  new Promise<string>((resolve) => {
    const socket = connect({ host: address, port, timeout: 5_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
  });

describe('npm start answers this computer only', () => {
  it('listens on loopback addresses only', () => {
    const byPort = listening(child.pid as number);
    for (const port of [sitePort, decapPort]) {
      expect(byPort.get(port), `port ${port}: ${JSON.stringify([...byPort])}`).toBeDefined();
      for (const address of byPort.get(port) ?? []) expect(['127.0.0.1', '[::1]']).toContain(address);
    }
  });

  it.skipIf(outwardAddresses.length === 0)('refuses connections to this machine’s network addresses', async () => {
    for (const address of outwardAddresses) {
      for (const port of [sitePort, decapPort])
        expect(`${address} ${port}: ${await connectTo(address, port)}`).toBe(`${address} ${port}: ECONNREFUSED`);
    }
  });

  const readPackage = { action: 'getEntry', params: { branch: 'main', path: 'package.json' } };
  const writeFile = (path: string) => ({
    action: 'persistEntry',
    params: {
      entry: { slug: 'x', path, raw: 'written from outside' },
      assets: [],
      options: { collectionName: 'pages', commitMessage: 'x', useWorkflow: false, status: 'draft' },
    },
  });

  it('refuses a Host that does not name this computer, on both ports, and answers one that does', async () => {
    const foreign = (port: number) => ['evil.example', `evil.example:${port}`, `192.168.1.5:${port}`, `localhost:1`];
    for (const host of foreign(sitePort)) {
      for (const path of ['/', '/admin/', '/salons/hidamari-salon/']) {
        const { status, text } = await ask(sitePort, host, { path });
        expect({ host, path, status }).toEqual({ host, path, status: 403 });
        expect(text).toContain('このパソコン');
        expect(text).not.toMatch(/<html|CMS\.init|ひだまり/);
      }
    }
    for (const host of foreign(decapPort)) {
      const read = await ask(decapPort, host, { method: 'POST', path: '/api/v1', body: readPackage });
      expect({ host, status: read.status }).toEqual({ host, status: 403 });
      expect(read.text).not.toContain('tsunagari');
      const write = await ask(decapPort, host, {
        method: 'POST',
        path: '/api/v1',
        body: writeFile('astro.config.mjs'),
      });
      expect(write.status).toBe(403);
    }
    expect(readFileSync(join(dir, 'astro.config.mjs'), 'utf8')).not.toContain('written from outside');

    for (const host of [`localhost:${sitePort}`, `127.0.0.1:${sitePort}`, `[::1]:${sitePort}`]) {
      const { status, text } = await ask(sitePort, host);
      expect({ host, status }).toEqual({ host, status: 200 });
      expect(text).toContain('<html lang="ja"');
    }
    const read = await ask(decapPort, `localhost:${decapPort}`, { method: 'POST', path: '/api/v1', body: readPackage });
    expect(read.status).toBe(200);
    expect(read.text).toContain('tsunagari');
  });

  it('refuses writes to the CMS backend from another site’s page', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:1', 'null']) {
      const write = await ask(decapPort, `localhost:${decapPort}`, {
        method: 'POST',
        path: '/api/v1',
        body: writeFile('content/pages/evil.ja.md'),
        origin,
      });
      expect({ origin, status: write.status }).toEqual({ origin, status: 403 });
      expect(write.text).toContain('ほかのサイト');
    }
    expect(existsSync(join(dir, 'content/pages/evil.ja.md'))).toBe(false);
  });
});

it('keeps the CMS page as it is when content changes, and saves from it opened as localhost', async () => {
  // The admin page asks decap-server at http://localhost:<port>/api/v1: open it as localhost
  // here (tests/e2e/cms.test.ts opens it as 127.0.0.1).
  const admin = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await login(admin, `http://localhost:${sitePort}/admin/`);
  // A site page beside it, which the dev server does reload to show the change.
  const salon = await browser.newPage();
  await salon.goto(`http://localhost:${sitePort}/salons/hidamari-salon/`);
  const mark = () => ((window as unknown as { stayed?: boolean }).stayed = true);
  const stayed = () => (window as unknown as { stayed?: boolean }).stayed === true;
  // A fresh dev server may reload a site page once on its own while Vite optimizes its
  // dependencies: mark the page it settles on (the CMS page has no Vite client to do that).
  const markSettled = async (page: Page) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await page.waitForLoadState('load');
        return await page.evaluate(mark);
      } catch (error) {
        if (attempt === 5 || !/context was destroyed|navigat/i.test(String(error))) throw error;
      }
    }
  };
  await markSettled(admin);
  await markSettled(salon);

  const file = join(dir, 'content/salons/hidamari-salon.ja.md');
  appendFileSync(file, '\n春にはナノハナを見に行きます。\n');
  // The signal that the dev server has told every page to reload: the site page did, and shows the change.
  await expect
    .poll(
      () =>
        salon
          .evaluate(() => !(window as any).stayed && document.body.textContent.includes('ナノハナ'))
          .catch(() => false),
      { timeout: 60_000, interval: 250 },
    )
    .toBe(true);
  expect(await admin.evaluate(stayed)).toBe(true);

  // And the CMS, opened as localhost, still saves through decap-server — once the hand edit is
  // committed: the Git mode commits every save and would sweep it in, so it says so and waits.
  await admin.goto(`http://localhost:${sitePort}/admin/#/collections/salons/entries/hidamari-salon`);
  const title = admin.getByLabel('名前', { exact: true });
  await title.waitFor();
  const before = await title.inputValue();
  await setText(title, `${before}（春）`);
  const refused = admin.waitForResponse(isCall('persistEntry'));
  await saveButton(admin).click();
  expect((await refused).status()).toBe(409);
  await admin
    .getByText(/^エントリの保存に失敗しました。.*保存しませんでした: .*content\/salons\/hidamari-salon\.ja\.md/)
    .waitFor();
  expect(git(dir, 'status', '--porcelain')).toBe(' M content/salons/hidamari-salon.ja.md\n');
  git(dir, 'commit', '--quiet', '-am', 'ナノハナの行を足した');
  await publish(admin);
  await waitForSaved(admin);
  expect(readFileSync(file, 'utf8')).toContain(`title: ${before}（春）`);
  expect(readFileSync(file, 'utf8')).toContain('ナノハナ');
  expect(output).toContain('公開前の承認: 保存した下書きは');
  await Promise.all([admin.close(), salon.close()]);
});

it('serves the site with search, the admin page and decap-server', async () => {
  const home = await (await fetch(site())).text();
  expect(home).toContain('<html lang="ja"');
  const adminHtml = await (await fetch(`${site()}admin/`)).text();
  // The CMS config for the page's script (admin/cms-client.ts, which starts Decap with it).
  expect(adminHtml).toContain('<script type="application/json" id="cms-config">');
  expect(adminHtml).toContain(`localhost:${decapPort}`);
  // No Vite client on the CMS page: it would reload the page when content changes.
  expect(adminHtml).not.toContain('@vite/client');
  expect(home).toContain('@vite/client');
  expect((await fetch(`${site()}admin/decap-cms.js`)).status).toBe(200);
  expect(output).toContain('http://localhost:4321/admin/');

  // Search, in Chromium through Pagefind's UI, on the index the dev server made.
  const page = await browser.newPage();
  const results = (query: string) => async () => {
    await page.goto(`${site()}search/?q=${encodeURIComponent(query)}`);
    const links = page.locator('#search .pagefind-ui__result-link');
    await links
      .first()
      .waitFor({ timeout: 5_000 })
      .catch(() => undefined);
    return await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  };
  // The index may still be being remade after the saves above: ask until it answers.
  await expect.poll(results('ひだまり'), { timeout: 60_000, interval: 1_000 }).toContain('/salons/hidamari-salon/');
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
  await page.close();
});

it('shows a saved translation and a saved original again, each on its own page', async () => {
  // One watcher takes both (src/lib/content/loader.ts), by the file's locale.
  const text = (path: string) => async () => {
    try {
      return await (await fetch(`${site()}${path}`)).text();
    } catch {
      return '';
    }
  };
  const english = 'Bring a notebook and a pen.';
  appendFileSync(join(dir, 'content/salons/nihongo-salon.en.md'), `\n${english}\n`);
  await expect.poll(text('en/salons/nihongo-salon/'), { timeout: 60_000, interval: 500 }).toContain(english);
  expect(output).toContain('reloaded content/salons/nihongo-salon.en.md');
  // In kana only, so ふりがな cannot come between its words on the page.
  const japanese = 'ノートとペンをどうぞ';
  appendFileSync(join(dir, 'content/salons/nihongo-salon.ja.md'), `\n${japanese}。\n`);
  await expect.poll(text('salons/nihongo-salon/'), { timeout: 60_000, interval: 500 }).toContain(japanese);
  // The English page has a body of its own: the original's new line is not in it.
  expect(await text('en/salons/nihongo-salon/')()).not.toContain(japanese);
});

it('stops the site and decap-server on Ctrl+C', async () => {
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
  // The port is closed once nothing answers there any more: ask until then, a minute at most.
  await expect.poll(() => isUp(site()), { timeout: 60_000 }).toBe(false);
  await expect.poll(() => isUp(...decapInfo()), { timeout: 60_000 }).toBe(false);
});
