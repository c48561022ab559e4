/**
 * `npm start`: the site and the CMS on the sample content, no accounts.
 * Runs Astro's dev server (http://localhost:4321/, CMS at /admin/) and Decap's local backend
 * (decap-server's middleware on 8081, scripts/cms-server.ts: in a Git clone with the approval
 * workflow on, drafts are commits on cms/<collection>/<id> branches and 公開 merges them into the
 * current branch; otherwise it writes straight into content/ in this working tree). Both listen
 * on this computer's loopback only and refuse requests that do not name it (src/lib/loopback.ts).
 * When one stops, or you press Ctrl+C, both stop.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { withAllocators } from './lib/allocators.mjs';

const require = createRequire(import.meta.url);
const root = process.cwd();
const astroBin = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
const args = process.argv.slice(2);
// The CMS backend accepts calls from the dev site's pages only, so it needs the site's port
// (astro.config.mjs: 4321, and the server does not move to another one when it is taken).
const portArg = args.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
const sitePort = portArg < 0 ? '4321' : (args[portArg].split('=')[1] ?? args[portArg + 1]);

const children = [
  // With the build's allocator settings (scripts/lib/allocators.mjs): the dev server runs for
  // hours on volunteers' computers, and the sample site's held 560–580 MB after 46 pages with
  // them against 700–1,200 MB without, its pages answered no slower.
  spawn(process.execPath, [astroBin, 'dev', ...args], { stdio: 'inherit', cwd: root, env: withAllocators() }),
  spawn(process.execPath, [join(root, 'scripts', 'cms-server.ts')], {
    stdio: 'inherit',
    cwd: root,
    env: {
      ...process.env,
      GIT_REPO_DIRECTORY: root,
      DECAP_PORT: process.env.DECAP_PORT ?? '8081',
      SITE_PORT: sitePort,
      LOG_LEVEL: 'info',
    },
  }),
];

console.log('\n  つながり: サイト http://localhost:4321/  編集画面 http://localhost:4321/admin/ （Ctrl+C で終了）\n');

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  // The exit code also when the process ends on its own before the timer below: the timer is
  // unref'd, and once both servers are gone nothing else keeps it running (it then ended with
  // 0 though the dev server had failed).
  process.exitCode = code;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
for (const child of children) child.on('exit', (code) => stopAll(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(0));
