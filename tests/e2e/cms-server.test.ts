/**
 * The local CMS backend of `npm start`, talked to as Decap does (the real scripts/cms-server.ts):
 * it refuses, at upload, a file the build would refuse — Decap's own メディア page saves an upload
 * at once, without the image field's checks, so the backend is what keeps an SVG out of media/ —
 * in its Git mode (the approval workflow, on a Git working tree) as well; it never commits the
 * volunteer's own uncommitted changes; and a folder without Git still gets a working editor.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, freePort, git, removeProject, startDecapServer, type Running } from './helpers/project.ts';

let dir: string;
let server: Running;
let api: string;
const SITE_PORT = 4321;

beforeAll(async () => {
  dir = copyProject();
  const port = await freePort();
  server = await startDecapServer(dir, port, SITE_PORT);
  api = `http://127.0.0.1:${port}/api/v1`;
});
afterAll(async () => {
  await server?.stop();
  removeProject(dir);
});

const call = (body: unknown, to = api) =>
  fetch(to, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: `http://localhost:${SITE_PORT}` },
    body: JSON.stringify(body),
  });
const upload = (path: string, bytes: Buffer) =>
  call({
    action: 'persistMedia',
    params: {
      branch: 'main',
      asset: { path, content: bytes.toString('base64'), encoding: 'base64' },
      options: { commitMessage: 'upload' },
    },
  });
/** A report saved as a draft of the approval workflow, as Decap sends it. */
const saveDraft = (slug: string, assets: { path: string; content: string; encoding: string }[] = []) =>
  call({
    action: 'persistEntry',
    params: {
      branch: 'main',
      entry: { slug, path: `content/reports/${slug}.ja.md`, raw: '---\ntitle: 夏祭りの報告\n---\n本文\n' },
      assets,
      options: {
        collectionName: 'reports',
        commitMessage: '活動報告「夏祭りの報告」を作成',
        useWorkflow: true,
        status: 'draft',
      },
    },
  });
const branches = () => git(dir, 'branch', '--list', '--format=%(refname:short)').split('\n').filter(Boolean);

it('refuses an SVG with a script from the メディア page, with the message the build gives', async () => {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const response = await upload('media/poster.svg', svg);
  expect(response.status).toBe(422);
  // Readable by the CMS page (its origin), so Decap shows the message, not "Failed to fetch".
  expect(response.headers.get('access-control-allow-origin')).toBe(`http://localhost:${SITE_PORT}`);
  expect(((await response.json()) as { error: string }).error).toMatch(/^media\/poster\.svg: .*SVG/);
  expect(existsSync(join(dir, 'media/poster.svg'))).toBe(false);
});

it('refuses an upload aimed outside media/', async () => {
  const jpeg = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
    .jpeg()
    .toBuffer();
  const response = await upload('public/evil.jpg', jpeg);
  expect(response.status).toBe(422);
  expect(existsSync(join(dir, 'public/evil.jpg'))).toBe(false);
});

it('saves a JPEG into media/ as before, committed on main by the Git mode', async () => {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } })
    .jpeg()
    .toBuffer();
  const response = await upload('media/salon-photo.jpg', jpeg);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(readFileSync(join(dir, 'media/salon-photo.jpg')).equals(jpeg)).toBe(true);
  expect(git(dir, 'log', '-1', '--format=%s', 'main', '--', 'media/salon-photo.jpg').trim()).toBe('upload');
  expect(git(dir, 'status', '--porcelain')).toBe('');
});

describe('the Git mode (approval workflow on, the default)', () => {
  it('is decap-server’s local_git, offering the editorial workflow', async () => {
    const info = (await (await call({ action: 'info' })).json()) as { type: string; publish_modes: string[] };
    expect(info).toMatchObject({ type: 'local_git', publish_modes: ['simple', 'editorial_workflow'] });
    expect(server.output()).toContain('公開前の承認: 保存した下書きは cms/<種類>/<ID> ブランチに入り');
  });

  it('refuses an SVG saved with a draft, and creates no draft branch', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const response = await saveDraft('natsu-svg', [
      { path: 'media/natsu.svg', content: svg.toString('base64'), encoding: 'base64' },
    ]);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: string }).error).toMatch(/^media\/natsu\.svg: .*SVG/);
    expect(branches()).toEqual(['main']);
  });

  it('does not save while the working tree has uncommitted changes, and leaves them as they were', async () => {
    const head = git(dir, 'rev-parse', 'main');
    writeFileSync(join(dir, 'memo.txt'), '自分のメモ');
    const salon = join(dir, 'content/salons/hidamari-salon.ja.md');
    const original = readFileSync(salon, 'utf8');
    writeFileSync(salon, `${original}\n手で書き足した行\n`);
    try {
      const response = await saveDraft('natsu-dirty');
      expect(response.status).toBe(409);
      expect(response.headers.get('access-control-allow-origin')).toBe(`http://localhost:${SITE_PORT}`);
      const { error } = (await response.json()) as { error: string };
      expect(error).toMatch(
        /^保存しませんでした: .*（content\/salons\/hidamari-salon\.ja\.md、memo\.txt）.* \/ Not saved: /,
      );
      expect(branches()).toEqual(['main']);
      expect(git(dir, 'rev-parse', 'main')).toBe(head);
      expect(git(dir, 'status', '--porcelain').split('\n').filter(Boolean).sort()).toEqual([
        ' M content/salons/hidamari-salon.ja.md',
        '?? memo.txt',
      ]);
    } finally {
      rmSync(join(dir, 'memo.txt'));
      writeFileSync(salon, original);
    }
    // Once they are committed or undone, the same save goes through, onto its own branch.
    const response = await saveDraft('natsu-dirty');
    expect(response.status, await response.clone().text()).toBe(200);
    expect(branches()).toContain('cms/reports/natsu-dirty');
    expect(git(dir, 'rev-parse', 'main')).toBe(head);
  });

  const publishDraft = (slug: string) =>
    call({ action: 'publishUnpublishedEntry', params: { branch: 'main', collection: 'reports', slug } });

  it('publishes a draft saved before the branch moved on, with a Japanese merge message', async () => {
    for (const slug of ['natsu-a', 'natsu-b']) expect((await saveDraft(slug)).status).toBe(200);
    // The first goes onto main as it is (its own commit, with the CMS's message) …
    expect((await publishDraft('natsu-a')).status).toBe(200);
    expect(git(dir, 'log', '-1', '--format=%s', 'main').trim()).toBe('活動報告「夏祭りの報告」を作成');
    // … the second, saved before that, needs a merge commit, in Japanese (not git's English),
    // naming the entry by the title in the draft as the CMS's own commits do.
    const response = await publishDraft('natsu-b');
    expect(response.status, await response.clone().text()).toBe(200);
    expect(git(dir, 'log', '-1', '--format=%s%n%P', 'main').trim().split('\n')).toEqual([
      '活動報告「夏祭りの報告」（natsu-b）を公開',
      expect.stringMatching(/^\w+ \w+$/),
    ]);
    for (const slug of ['natsu-a', 'natsu-b']) {
      expect(git(dir, 'show', `main:content/reports/${slug}.ja.md`)).toContain('夏祭りの報告');
      expect(branches()).not.toContain(`cms/reports/${slug}`);
    }
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('refuses to publish a draft whose entry changed on main since, and leaves the tree as it was', async () => {
    expect((await saveDraft('natsu-c')).status).toBe(200);
    writeFileSync(join(dir, 'content/reports/natsu-c.ja.md'), '---\ntitle: 別の人が直接書いた報告\n---\n');
    git(dir, 'add', 'content/reports/natsu-c.ja.md');
    git(dir, 'commit', '--quiet', '-m', '直接書いた');
    const head = git(dir, 'rev-parse', 'main');
    const response = await publishDraft('natsu-c');
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: string }).error).toMatch(
      /^公開できませんでした: 下書き cms\/reports\/natsu-c を main に取り込めません（git: .*）。何も変えていません。.* \/ Not published: /,
    );
    expect(git(dir, 'rev-parse', 'main')).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(readFileSync(join(dir, 'content/reports/natsu-c.ja.md'), 'utf8')).toContain('別の人が直接書いた報告');
    expect(branches()).toContain('cms/reports/natsu-c');
    expect((await publishDraft('no-such-draft')).status).toBe(404);
  });

  it('bases drafts on the branch the working tree is on, whatever branch the CMS names', async () => {
    const response = await call({ action: 'unpublishedEntries', params: { branch: 'branch-of-the-live-site' } });
    expect(response.status, await response.clone().text()).toBe(200);
  });
});

describe('a folder without Git (downloaded as a ZIP)', () => {
  let plain: string;
  let plainServer: Running;
  let plainApi: string;
  beforeAll(async () => {
    plain = copyProject();
    const port = await freePort();
    plainServer = await startDecapServer(plain, port, SITE_PORT, { repo: false });
    plainApi = `http://127.0.0.1:${port}/api/v1`;
  });
  afterAll(async () => {
    await plainServer?.stop();
    if (plain) removeProject(plain);
  });

  it('still edits its files, without the workflow, and says why in Japanese and English', async () => {
    expect(plainServer.output()).toContain(`このフォルダー（${plain}）は Git のリポジトリではありません`);
    expect(plainServer.output()).toContain(`${plain} is not a Git repository`);
    const info = (await (await call({ action: 'info' }, plainApi)).json()) as { type: string; publish_modes: string[] };
    expect(info).toEqual({ repo: expect.any(String), type: 'local_fs', publish_modes: ['simple'] });
    const response = await call(
      {
        action: 'persistEntry',
        params: {
          branch: 'main',
          entry: { slug: 'natsu', path: 'content/reports/natsu.ja.md', raw: '---\ntitle: 夏\n---\n' },
          assets: [],
          options: { collectionName: 'reports', commitMessage: 'x', useWorkflow: false, status: 'draft' },
        },
      },
      plainApi,
    );
    expect(response.status, await response.clone().text()).toBe(200);
    expect(readFileSync(join(plain, 'content/reports/natsu.ja.md'), 'utf8')).toContain('title: 夏');
    expect(existsSync(join(plain, '.git'))).toBe(false);
  });
});

describe('the approval workflow switched off in the site settings', () => {
  let off: string;
  let offServer: Running;
  beforeAll(async () => {
    off = copyProject();
    const settings = join(off, 'content/settings/site.yml');
    const yaml = readFileSync(settings, 'utf8');
    expect(yaml).toContain('editorialWorkflow: true');
    writeFileSync(settings, yaml.replace('editorialWorkflow: true', 'editorialWorkflow: false'));
    offServer = await startDecapServer(off, await freePort(), SITE_PORT);
  });
  afterAll(async () => {
    await offServer?.stop();
    if (off) removeProject(off);
  });

  it('writes saves straight into the files even in a Git clone, and says so', async () => {
    expect(offServer.output()).toContain('サイト設定で「公開前の承認」が切ってあります');
    const port = /listening on 127\.0\.0\.1:(\d+)/.exec(offServer.output())?.[1];
    const info = (await (await call({ action: 'info' }, `http://127.0.0.1:${port}/api/v1`)).json()) as {
      type: string;
    };
    expect(info.type).toBe('local_fs');
  });
});
