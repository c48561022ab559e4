/**
 * A disposable copy of this project (sources and content, node_modules linked) where a test may
 * run decap-server, the dev server and builds, and let the CMS write files, without touching
 * the working tree.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { childEnv, freePort } from '../../../scripts/lib/processes.ts';
import { FIXTURE } from '../../helpers/fixture.ts';

// Shared with the scripts, which may not import from tests/.
export { childEnv, freePort } from '../../../scripts/lib/processes.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'coverage', '.cache']);

/** A copy of this project whose content is the minimal fixture (tests/fixtures/minimal) instead of the sample town. */
export function copyFixtureProject(): string {
  const dir = copyProject();
  rmSync(join(dir, 'content'), { recursive: true });
  cpSync(join(FIXTURE, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

/** A copy of this project in a new temporary folder, or in `into` (an empty folder). */
export function copyProject(into?: string): string {
  const dir = into ?? mkdtempSync(join(tmpdir(), 'tsunagari-e2e-'));
  for (const name of readdirSync(ROOT)) {
    if (!SKIP.has(name)) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  // Link each package, not node_modules itself: Astro and Vite keep caches in
  // node_modules/.astro and node_modules/.vite, which must belong to this copy alone.
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

export interface Running {
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts a command and resolves once its output matches `ready`. */
export function startProcess(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number },
): Promise<Running> {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: childEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return new Promise((resolveStart, reject) => {
    // Stopped when given up on: otherwise it outlives the test run (a loaded machine once left
    // a decap-server from a start that timed out running, and its copy of the project behind).
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`timed out waiting for ${options.ready}:\n${output}`));
    }, options.timeoutMs ?? 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.ready.test(output)) {
        clearTimeout(timer);
        resolveStart({ process: child, output: () => output, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

const bin = (pkg: string, path: string) => join(ROOT, 'node_modules', pkg, path);

/**
 * `git` in the copy; its output. While the CMS runs there, decap-server's own git commands may
 * hold the index for a moment: a command refused for that is run again once the lock is gone.
 */
export function git(cwd: string, ...args: string[]): string {
  const lock = join(cwd, '.git', 'index.lock');
  const started = Date.now();
  for (;;) {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      if (!/index\.lock/.test(String((error as { stderr?: unknown }).stderr)) || Date.now() - started > 30_000)
        throw error;
      // Wait for the lock to go (polled: git offers no signal), at most 30 s in all.
      while (existsSync(lock) && Date.now() - started < 30_000)
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

/**
 * Makes the copy what a volunteer's clone is: a Git repository on `main` with everything
 * committed (the copy leaves this repository's .git behind). The committer is set in the copy
 * alone, so the test needs no Git identity on the machine. Nothing happens when it already is one.
 */
export function makeGitRepo(cwd: string) {
  if (existsSync(join(cwd, '.git'))) return;
  git(cwd, 'init', '--quiet', '--initial-branch=main');
  git(cwd, 'config', 'user.name', 'つながり テスト');
  git(cwd, 'config', 'user.email', 'test@tsunagari.invalid');
  git(cwd, 'config', 'commit.gpgsign', 'false');
  git(cwd, 'add', '--all');
  git(cwd, 'commit', '--quiet', '--no-verify', '-m', 'はじめ');
}

/**
 * The CMS backend as `npm start` runs it (loopback only; calls from `sitePort`'s pages), in its
 * Git mode: the copy becomes a repository first unless `repo: false` (a folder from a ZIP).
 */
export function startDecapServer(cwd: string, port: number, sitePort: number, { repo = true } = {}) {
  if (repo) makeGitRepo(cwd);
  return startProcess([join(cwd, 'scripts', 'cms-server.ts')], {
    cwd,
    env: { GIT_REPO_DIRECTORY: cwd, DECAP_PORT: String(port), SITE_PORT: String(sitePort) },
    ready: /Decap CMS Proxy Server listening on/,
  });
}

export function startAstroDev(cwd: string, port: number, decapPort: number) {
  return startProcess([bin('astro', 'bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd,
    env: { DECAP_PORT: String(decapPort) },
    ready: /ready in|Local\s+http/i,
  });
}

/** The CMS as `npm start` runs it, in the copy: the local backend and the dev site, on free ports. */
export async function startCmsDev(cwd: string): Promise<{ sitePort: number; stop: () => Promise<void> }> {
  const decapPort = await freePort();
  const sitePort = await freePort();
  const started = await Promise.allSettled([
    startDecapServer(cwd, decapPort, sitePort),
    startAstroDev(cwd, sitePort, decapPort),
  ]);
  const [decap, astro] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
  if (!decap || !astro) {
    // The one that did start is stopped too, before the failure is reported.
    await Promise.all([decap?.stop(), astro?.stop()]);
    throw started.find((s) => s.status === 'rejected')?.reason;
  }
  // Let the dev server compile the admin page once before the first test times it.
  await fetch(`http://127.0.0.1:${sitePort}/admin/`);
  return { sitePort, stop: async () => void (await Promise.all([astro.stop(), decap.stop()])) };
}

/** `astro build` in the copy (`env` added to the environment); resolves with its output, rejects with it on failure. */
export async function buildProject(cwd: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const child = spawn(process.execPath, [bin('astro', 'bin/astro.mjs'), 'build'], {
    cwd,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`astro build failed (${code}):\n${output}`);
  // Plain text whatever the colour setting: CI forces colour (FORCE_COLOR), which wraps the
  // log's paths in escape codes that tests reading the log would not match.
  return stripVTControlCharacters(output);
}

export function removeProject(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}
