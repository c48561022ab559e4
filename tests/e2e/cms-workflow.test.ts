/**
 * Approval before publishing, in the real Decap UI (Japanese) against decap-server's Git mode as
 * `npm start` runs it, on a copy of the project that is a Git repository on `main`: a volunteer
 * writes a report and saves it — a draft on its own branch, `main` untouched, so no build of
 * `main` shows it — staff move it to レビュー中 and 準備完了, publish it, and only then is the file
 * on `main`, committed with a Japanese message, and the built site has the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { buildProject, copyFixtureProject, git, makeGitRepo, removeProject, startCmsDev } from './helpers/project.ts';
import {
  choose,
  expectCall,
  login,
  publishDraft,
  recordCmsTraffic,
  saveButton,
  setStatus,
  setText,
  typeWithIme,
  waitForDraftPage,
  WORKFLOW,
} from './helpers/decap.ts';
import { COMMIT_MESSAGES } from '../../src/lib/cms/backend.ts';
import { withoutReadings } from './helpers/readings.ts';

const ID = 'natsu-matsuri-2026';
const TITLE = '夏まつりで流しそうめんをしました';
const FILE = `content/reports/${ID}.ja.md`;
const BRANCH = `cms/reports/${ID}`;

let dir: string;
let cms: { sitePort: number; stop: () => Promise<void> };
let browser: Browser;
let page: Page;
let admin: string;
let mainBefore: string;
let traffic: () => string;

beforeAll(async () => {
  dir = copyFixtureProject();
  makeGitRepo(dir);
  mainBefore = git(dir, 'rev-parse', 'main').trim();
  [cms, browser] = await Promise.all([startCmsDev(dir), launchChromium()]);
  admin = `http://127.0.0.1:${cms.sitePort}/admin/`;
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  traffic = recordCmsTraffic(page);
  await login(page, admin);
});

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
  if (dir) removeProject(dir);
});

const branches = () => git(dir, 'branch', '--list', '--format=%(refname:short)').split('\n').filter(Boolean);
const status = () => git(dir, 'config', `branch.${BRANCH}.description`).trim();
const onMain = (path: string) => git(dir, 'ls-tree', '--name-only', 'main', '--', path).trim();

// One volunteer's report going through every step: the tests run in order on the same page.
describe('a report through the approval workflow', () => {
  beforeEach(() => {
    onTestFailed(async () => {
      console.error(`CMS calls and page errors so far:\n${traffic()}`);
      // Outside the project's working tree, which the next tests check is left as it was.
      const shot = join(tmpdir(), `cms-workflow-failed-${process.pid}.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
      console.error(`Screenshot: ${shot}; git: ${git(dir, 'status', '--short', '--branch')}`);
    });
  });

  it('is saved as a draft on its own branch; main and the working tree stay as they were', async () => {
    await page.goto(`${admin}#/collections/reports/new`);
    const text = (label: string) => page.getByLabel(label, { exact: true });
    await text('タイトル').waitFor();
    // The approval workflow is on by default: Decap offers 保存, not 公開.
    await expect.poll(() => saveButton(page).isVisible()).toBe(true);
    // Optional since ids are made on saving (marked 任意); this test still names its own.
    await setText(page.getByLabel(/^ID（ファイル名・URL）/), ID);
    await typeWithIme(page, text('タイトル'), TITLE);
    await text('活動日').fill('2026-08-02');
    await choose(page, '地区', '東小学校区', '東小');
    await choose(page, '分類', 'サロン');
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.insertText('子どもからお年寄りまで40人が集まりました。');
    await expectCall(page, 'persistEntry', () => saveButton(page).click());

    expect(branches().sort()).toEqual([BRANCH, 'main']);
    const draft = git(dir, 'show', `${BRANCH}:${FILE}`);
    expect(draft).toContain(`title: ${TITLE}`);
    expect(draft).toContain('子どもからお年寄りまで40人が集まりました。');
    expect(git(dir, 'rev-parse', 'main').trim()).toBe(mainBefore);
    expect(onMain(FILE)).toBe('');
    // decap-server checks the draft branch out while it answers Decap's calls (the save, then
    // Decap reading the draft back) and goes back to main after each. HEAD on main between two
    // calls is not the end: a fresh clone's run once found main checked out and the draft file
    // present (the read-back had begun). So: Decap's draft page first, then main with no draft.
    await waitForDraftPage(page, 'reports', ID);
    await page.getByRole('button', { name: `ステータス: ${WORKFLOW.draft}` }).waitFor();
    await expect
      .poll(() => git(dir, 'symbolic-ref', '--short', 'HEAD').trim() === 'main' && !existsSync(join(dir, FILE)), {
        timeout: 60_000,
      })
      .toBe(true);
    expect(status()).toBe('decap-cms/draft');
  });

  it('is moved to レビュー中 and then 準備完了, recorded on its branch', async () => {
    await setStatus(page, WORKFLOW.review);
    expect(status()).toBe('decap-cms/pending_review');
    await setStatus(page, WORKFLOW.ready);
    expect(status()).toBe('decap-cms/pending_publish');
    expect(git(dir, 'rev-parse', 'main').trim()).toBe(mainBefore);
  });

  it('is on main once published, committed with a Japanese message naming the collection and the entry', async () => {
    await publishDraft(page);
    expect(onMain(FILE)).toBe(FILE);
    expect(git(dir, 'show', `main:${FILE}`)).toContain(`title: ${TITLE}`);
    expect(branches()).toEqual(['main']);
    expect(readFileSync(join(dir, FILE), 'utf8')).toContain(`title: ${TITLE}`);
    const message = git(dir, 'log', '-1', '--format=%s', 'main', '--', FILE).trim();
    // Decap's template names the entry by its ID; the admin page adds its title (src/lib/cms/commit-title.ts).
    const template = COMMIT_MESSAGES.create.replace('{{collection}}', '活動報告');
    expect(message).toBe(template.replace('{{slug}}', ID).replace(`「${ID}」`, `「${TITLE}」（${ID}）`));
    expect(message).toContain(TITLE);
    expect(message).toContain('活動報告');
    expect(message).toContain(ID);
    // Nothing else of the working tree was committed or left behind.
    expect(git(dir, 'diff', '--name-only', mainBefore, 'main').trim()).toBe(FILE);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('shows on the site built from main', async () => {
    await buildProject(dir);
    // As a resident reads it with ふりがな off (the page carries readings as <ruby>).
    const html = withoutReadings(readFileSync(join(dir, `dist/reports/${ID}/index.html`), 'utf8'));
    expect(html).toContain(TITLE);
    expect(html).toContain('子どもからお年寄りまで40人が集まりました。');
  });
});
