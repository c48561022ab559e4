/**
 * Issue 13: a volunteer who writes a mobile number into a report in the real Decap UI
 * (Japanese) is asked, before anything is saved, whether the person agreed — the same finding
 * npm run check and the build print. キャンセル saves nothing and says why; once the report
 * states whose consent it has (個人の情報を載せる了解), it saves without asking.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { copyFixtureProject, removeProject, startCmsDev } from './helpers/project.ts';
import { login, setText } from './helpers/decap.ts';

const REPORT = 'hidamari-2026-11';

let dir: string;
let cms: { sitePort: number; stop: () => Promise<void> } | undefined;
let browser: Browser;
let site: string;

beforeAll(async () => {
  dir = copyFixtureProject();
  [cms, browser] = await Promise.all([startCmsDev(dir), launchChromium()]);
  site = `http://127.0.0.1:${cms.sitePort}`;
});

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
  if (dir) removeProject(dir);
});

/** Decap's save request to decap-server (POST /api/v1, action persistEntry). */
const isSave = (request: Request) =>
  request.method() === 'POST' &&
  request.url().endsWith('/api/v1') &&
  /"action":"persistEntry"/.test(request.postData() ?? '');

/** The save: 保存 with the approval workflow, 公開 → 公開する without it. Either runs Decap's preSave. */
async function save(page: Page) {
  const saveButton = page.getByRole('button', { name: '保存', exact: true });
  const publishNow = page.getByRole('button', { name: '公開', exact: true });
  // Only once Decap has drawn its toolbar can it tell which of the two it offers.
  await saveButton.or(publishNow).first().waitFor({ timeout: 60_000 });
  if (await saveButton.isVisible()) await saveButton.click();
  else {
    await publishNow.click();
    await page.getByRole('menuitem', { name: '公開する' }).click();
  }
}

describe('a mobile number typed into a report in the CMS', () => {
  it('is asked about before saving; キャンセル saves nothing, consent saves without asking', async () => {
    const original = readFileSync(join(dir, `content/reports/${REPORT}.ja.md`), 'utf8');
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await login(page, `${site}/admin/`);
    await page.goto(`${site}/admin/#/collections/reports/entries/${REPORT}`);
    const body = page.locator('[data-slate-editor="true"]').first();
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('当日の連絡は090-1234-5678まで。');

    const saves: string[] = [];
    page.on('request', (request) => {
      if (
        request.method() === 'POST' &&
        request.url().endsWith('/api/v1') &&
        request.postData()?.includes('persistEntry')
      )
        saves.push(request.postData() ?? '');
    });
    const asked = page.waitForEvent('dialog', { timeout: 120_000 });
    // The click returns only once the dialog is answered.
    const clicked = save(page);
    const dialog = await asked;
    expect(dialog.type()).toBe('confirm');
    expect(dialog.message()).toContain('本文に、個人の情報のように見えるところが1か所あります。');
    expect(dialog.message()).toContain('・090-****-5678（携帯電話の番号のようです）');
    expect(dialog.message()).not.toContain('1234');
    await dialog.dismiss();
    await clicked;
    // Decap reports the stopped save with our sentence; nothing went to decap-server.
    await page
      .getByText(/保存をやめました。本文の個人の情報を直すか/)
      .first()
      .waitFor({ timeout: 60_000 });
    expect(saves).toEqual([]);
    expect(readFileSync(join(dir, `content/reports/${REPORT}.ja.md`), 'utf8')).toBe(original);

    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.accept();
    });
    await setText(page.getByLabel(/^個人の情報を載せる了解/), '山田さん本人の了解を得た');
    const saved = page.waitForResponse((r) => isSave(r.request()), { timeout: 120_000 });
    await save(page);
    const response = await saved;
    expect(response.ok(), await response.text()).toBe(true);
    expect(dialogs).toEqual([]);
    const sent = saves.join('\n');
    expect(sent).toContain('privacyConsent: 山田さん本人の了解を得た');
    expect(sent).toContain('090-1234-5678');
    await page.close();
  });
});
