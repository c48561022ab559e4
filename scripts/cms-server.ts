/**
 * Decap's local backend for `npm start`, answering this computer only. decap-server's own CLI
 * listens on every interface and answers any Host, which hands the working tree to everyone on
 * the same Wi-Fi (and to web pages, by DNS rebinding). This runs the same middleware behind the
 * checks of src/lib/loopback.ts, on 127.0.0.1 and ::1 only.
 *
 * With the approval workflow on (site settings, the default) it is decap-server's Git mode
 * (`registerLocalGit`): drafts are commits on `cms/<collection>/<slug>` branches, published into
 * the branch the working tree is on. A folder without Git or without a commit (a ZIP download)
 * still gets an editor: the file-system mode (`registerLocalFs`, files written as they are, no
 * commits), with a notice saying why and how to get the workflow. src/lib/cms/local-backend.ts
 * decides; it also keeps Git mode from sweeping the volunteer's own uncommitted changes into the
 * CMS's commits (decap-server commits with `git add .`).
 *
 * Environment: DECAP_PORT (8081), SITE_PORT (4321: the dev site whose pages may call it),
 * GIT_REPO_DIRECTORY (the working tree; the current folder by default), LOG_LEVEL.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join, resolve as resolvePath } from 'node:path';
import YAML from 'yaml';
import {
  changedPaths,
  chooseLocalMode,
  COMMITTING_ACTIONS,
  draftBranch,
  onBranch,
  publishMessage,
  publishRefusal,
  uncommittedRefusal,
  type RepoState,
} from '../src/lib/cms/local-backend.ts';
import { publishMode, type CmsSettings } from '../src/lib/cms/backend.ts';
import { contentTypeByName } from '../src/schemas/index.ts';
import { titledCommitMessage } from '../src/lib/cms/commit-title.ts';
import { DEFAULT_CONTENT_LOCALE } from '../src/i18n/locales.ts';
import { checkLocalRequest, LOOPBACK_ADDRESSES, refusalHeaders } from '../src/lib/loopback.ts';
import { uploadRefusal, type UploadRequest } from '../src/lib/media/upload.ts';

type Next = (error?: unknown) => void;
interface ExpressApp {
  (req: IncomingMessage, res: ServerResponse): void;
  use(handler: (req: IncomingMessage, res: ServerResponse, next: Next) => void): void;
}
interface DecapMiddlewares {
  registerLocalFs(app: ExpressApp, options?: { logLevel?: string }): Promise<void>;
  registerLocalGit(app: ExpressApp, options?: { logLevel?: string }): Promise<void>;
}
type Body = { action?: unknown; branch?: unknown; params?: unknown };

const require = createRequire(import.meta.url);
const decap = require('decap-server/dist/middlewares.js') as DecapMiddlewares;
// The express and cors decap-server itself depends on, whatever the project's own dependencies are.
const decapRequire = createRequire(require.resolve('decap-server'));
const express = decapRequire('express') as (() => ExpressApp) & {
  json(options: { limit: string }): (req: IncomingMessage, res: ServerResponse, next: Next) => void;
};
const cors = decapRequire('cors') as (options: {
  origin: RegExp;
}) => (req: IncomingMessage, res: ServerResponse, next: Next) => void;

const port = Number(process.env.DECAP_PORT ?? 8081);
const sitePort = Number(process.env.SITE_PORT ?? 4321);
// decap-server's middlewares read the folder from GIT_REPO_DIRECTORY too.
const folder = resolvePath(process.env.GIT_REPO_DIRECTORY ?? process.cwd());
process.env.GIT_REPO_DIRECTORY = folder;

/** `git` in the working tree: its output, or the failure (`code` ENOENT when Git is not installed). */
function git(...args: string[]): Promise<{ ok: true; out: string } | { ok: false; code: unknown; err: string }> {
  return new Promise((done) =>
    execFile('git', args, { cwd: folder, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) =>
      done(error ? { ok: false, code: error.code, err: `${err}${out}` } : { ok: true, out }),
    ),
  );
}

async function repoState(): Promise<RepoState> {
  const inside = await git('rev-parse', '--is-inside-work-tree');
  if (!inside.ok) return { kind: inside.code === 'ENOENT' ? 'no-git' : 'not-a-repo' };
  if (!(await git('rev-parse', '--verify', '--quiet', 'HEAD')).ok) return { kind: 'no-commit' };
  const branch = await git('symbolic-ref', '--quiet', '--short', 'HEAD');
  return branch.ok ? { kind: 'branch', branch: branch.out.trim() } : { kind: 'detached' };
}

/**
 * Whether the CMS runs the approval workflow: the same rule (src/lib/cms/backend.ts) that sets
 * the CMS config's publish_mode from content/settings/site.yml (cms.editorialWorkflow, on unless
 * turned off). Read once: a change of the setting takes a restart of npm start.
 */
function workflowSetting(): boolean {
  try {
    const settings = YAML.parse(readFileSync(join(folder, 'content/settings/site.yml'), 'utf8')) as {
      cms?: CmsSettings;
    } | null;
    return publishMode(settings?.cms) === 'editorial_workflow';
  } catch {
    // Missing or broken settings: the build and npm run check say so; the editor still starts.
    return true;
  }
}

const mode = chooseLocalMode(workflowSetting(), await repoState(), folder);
if (mode.mode === 'stop') {
  console.error(`\n  ${mode.message}\n`);
  process.exit(1);
}
console.log(`\n  ${mode.notice}\n`);

/** A JSON answer, as decap-server gives them (Decap shows `error` to the volunteer). */
function answer(res: ServerResponse, status: number, body: Record<string, string>) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

const app = express();
app.use((req, res, next) => {
  const verdict = checkLocalRequest(
    { host: req.headers.host, origin: req.headers.origin, port: req.socket.localPort ?? 0 },
    [sitePort],
  );
  if (verdict.ok) return next();
  res.writeHead(verdict.status, refusalHeaders()).end(verdict.message);
});
// The refusals below must reach the CMS page, which reads them only with decap-server's CORS
// headers (otherwise Decap says "Failed to fetch"): the same middleware and origins, earlier.
// Origins were already checked above; this only lets the CMS page read the answer.
app.use(cors({ origin: /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/ }));
// Decap's own メディア page saves an upload at once, without the image field's checks: the
// backend refuses what the build would refuse, so no SVG or HTML file ever lands in media/.
// (decap-server's JSON parser, with the same limit, then finds the body already read.)
app.use(express.json({ limit: '50mb' }));
app.use((req, res, next) => {
  const refusal = uploadRefusal((req as IncomingMessage & { body?: UploadRequest }).body);
  if (!refusal) return next();
  answer(res, 422, { error: refusal });
});
if (mode.mode === 'git') {
  const branch = mode.branch;
  // One request at a time, as far as decap-server's own lock goes: it checks other branches out
  // for a moment, and the checks below must not see the tree in the middle of that. (Its lock
  // gives up after 3 s, which a busy computer reaches; a queue here does not.)
  let queue = Promise.resolve();
  app.use((_req, res, next) => {
    const previous = queue;
    queue = new Promise<void>((release) => res.once('close', release));
    void previous.then(() => next());
  });
  app.use((req, res, next) => {
    const request = req as IncomingMessage & { body?: Body };
    if (!request.body || typeof request.body !== 'object') return next();
    request.body = onBranch(request.body, branch);
    const { action, params } = request.body;
    if (action === 'publishUnpublishedEntry') return void publish(params, res);
    if (!COMMITTING_ACTIONS.has(String(action))) return next();
    void git('status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.').then((status) => {
      const refusal = status.ok
        ? uncommittedRefusal(action, changedPaths(status.out))
        : `Git の状態を読めませんでした / could not read the Git status (${status.err})`;
      if (!refusal) return next();
      answer(res, 409, { error: refusal });
    });
  });

  /**
   * 公開する: the draft branch merged into the current branch, as decap-server does, but with a
   * Japanese message when a merge commit is needed, and undone rather than left half-merged when
   * git refuses (decap-server answers "Unknown error" and leaves the conflict in the tree).
   */
  async function publish(params: unknown, res: ServerResponse) {
    const draft = draftBranch(params);
    const exists = draft && (await git('rev-parse', '--verify', '--quiet', `refs/heads/${draft}`)).ok;
    if (!draft || !exists) return answer(res, 404, { error: `下書きがありません / no draft ${draft ?? ''}` });
    const { collection, slug } = params as { collection: string; slug: string };
    const type = contentTypeByName.get(collection);
    const label = type?.labelSingular ?? collection;
    // Named by its title as the saves are (admin/cms-client.ts), read from the draft itself.
    const draftFile = await git(
      'show',
      `refs/heads/${draft}:content/${collection}/${slug}.${DEFAULT_CONTENT_LOCALE}.md`,
    );
    const message =
      type && draftFile.ok
        ? titledCommitMessage(publishMessage(label, slug), slug, draftFile.out, type.titleField)
        : publishMessage(label, slug);
    const merged = await git(
      '-c',
      'commit.gpgsign=false',
      'merge',
      '--no-verify',
      '--no-edit',
      '-m',
      message,
      `refs/heads/${draft}`,
    );
    if (!merged.ok) {
      if ((await git('rev-parse', '--verify', '--quiet', 'MERGE_HEAD')).ok) await git('merge', '--abort');
      return answer(res, 409, { error: publishRefusal(draft, branch, merged.err) });
    }
    await git('branch', '-D', draft);
    answer(res, 200, { message: `branch ${draft} merged to ${branch}` });
  }
  await decap.registerLocalGit(app, { logLevel: process.env.LOG_LEVEL ?? 'info' });
} else {
  await decap.registerLocalFs(app, { logLevel: process.env.LOG_LEVEL ?? 'info' });
}

const listening: string[] = [];
for (const host of LOOPBACK_ADDRESSES) {
  const address = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  try {
    await new Promise<void>((resolve, reject) => {
      const server = createServer(app);
      server.once('error', reject);
      server.listen({ port, host, ipv6Only: true }, resolve);
    });
    listening.push(address);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A computer without IPv6 still has 127.0.0.1, which is enough.
    if (host === '::1' && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')) continue;
    console.error(
      code === 'EADDRINUSE'
        ? `編集用サーバーのポート ${port} は使用中です。ほかの npm start を止めてください。 / Port ${port} is in use: stop the other npm start.`
        : `編集用サーバーを ${address} で始められませんでした / Could not listen on ${address}: ${String(error)}`,
    );
    process.exit(1);
  }
}
console.log(`Decap CMS Proxy Server listening on ${listening.join(', ')} (このパソコンだけ / this computer only)`);
