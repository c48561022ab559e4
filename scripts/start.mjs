/**
 * `npm start`: the site and the CMS on the sample content, no accounts.
 * Runs Astro's dev server (http://localhost:4321/, CMS at /admin/) and Decap's local backend
 * (decap-server on 8081, writing straight into content/ in this working tree). When one stops,
 * or you press Ctrl+C, both stop.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = process.cwd();
const astroBin = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
const decapServer = join(dirname(require.resolve('decap-server/package.json')), 'dist', 'index.js');

const children = [
  spawn(process.execPath, [astroBin, 'dev', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root }),
  spawn(process.execPath, [decapServer], {
    stdio: 'inherit',
    cwd: root,
    env: {
      ...process.env,
      GIT_REPO_DIRECTORY: root,
      PORT: process.env.DECAP_PORT ?? '8081',
      MODE: 'fs',
      LOG_LEVEL: 'info',
    },
  }),
];

console.log('\n  つながり: サイト http://localhost:4321/  編集画面 http://localhost:4321/admin/ （Ctrl+C で終了）\n');

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
for (const child of children) child.on('exit', (code) => stopAll(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(0));
