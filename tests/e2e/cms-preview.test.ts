/**
 * The CMS as a volunteer meets it under `npm start`, in real Chromium against decap-server on a
 * copy of this repository: the login screen passes axe; an entry's preview reads like its page on
 * the site (Japanese labels from the dictionary, never the stored codes; the facts table; the
 * 中止 notice; the flyer box); Decap's buttons are Japanese; lists show the date first, newest
 * first, with 【中止】 and the district by name; a new entry saved without an id gets one.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { copyProject, git, removeProject, startCmsDev } from './helpers/project.ts';
import { login } from './helpers/decap.ts';
import { t } from '../../src/i18n/index.ts';
import { ID_RE } from '../../src/schemas/fields.ts';
import { todayInJapan } from '../../src/lib/recurrence.ts';
import type { UIKey } from '../../src/i18n/ja.ts';
import { decapEditorComponentsJa } from '../../src/i18n/decap-ja.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let dir: string;
let cms: { sitePort: number; stop: () => Promise<void> };
let browser: Browser;
let admin: string;

beforeAll(async () => {
  dir = copyProject();
  [cms, browser] = await Promise.all([startCmsDev(dir), launchChromium()]);
  admin = `http://127.0.0.1:${cms.sitePort}/admin/`;
});

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
  if (dir) removeProject(dir);
});

const readFrontMatter = (text: string) =>
  YAML.parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '') as Record<string, any>;
const frontMatter = (file: string) => readFrontMatter(readFileSync(file, 'utf8'));
const events = () =>
  readdirSync(join(dir, 'content/events'))
    .filter((f) => f.endsWith('.ja.md'))
    .map((f) => frontMatter(join(dir, 'content/events', f)));
/** A sample event that is cancelled: its preview has the notice, its list line 【中止】. */
const cancelled = () => {
  const event = events().find((e) => e['status'] === 'cancelled');
  if (!event) throw new Error('the sample content has no cancelled event');
  return event;
};

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await login(page, admin);
  return page;
}

describe('the login screen', () => {
  it('has no WCAG 2.2 AA violation (axe-core)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(admin, { timeout: 120_000 });
    await page.getByRole('button', { name: 'ログイン' }).waitFor({ timeout: 120_000 });
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(async () => {
      const r = await (window as any).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return {
        passes: r.passes.length as number,
        violations: r.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.html).join(' | ')}`),
      };
    });
    expect(result.passes).toBeGreaterThan(5);
    expect(result.violations).toEqual([]);
    await page.close();
  });
});

describe('the preview beside the form', () => {
  it('shows the event as its page does: Japanese labels, the facts table, the notice and the flyer box', async () => {
    const data = cancelled();
    const page = await newPage();
    await page.goto(`${admin}#/collections/events/entries/${data['id']}`);
    const preview = page.frameLocator('#preview-pane');
    await preview.getByRole('heading', { level: 1, name: data['title'] }).waitFor({ timeout: 60_000 });

    const facts = preview.locator('dl.facts > div');
    const rows = new Map<string, string>();
    for (const row of await facts.all())
      rows.set(await row.locator('dt').innerText(), await row.locator('dd').innerText());
    expect([...rows.keys()]).toEqual(expect.arrayContaining([t('fact.when'), t('fact.where'), t('fact.audience')]));
    // Each audience by its dictionary label, as the page lists it.
    expect(rows.get(t('fact.audience'))).toBe(
      (data['audience'] as string[]).map((a) => t(`audience.${a}` as UIKey)).join('、'),
    );
    await preview.getByRole('note').getByText(t('status.cancelled')).waitFor();
    await preview.getByRole('heading', { name: t('flyer.heading') }).waitFor();
    // npm start makes the flyer of the saved entry on request (src/integrations/flyers-dev.ts): the
    // box shows it, and says that changes reach it once published.
    await preview.getByText(t('admin.preview.flyerPublished')).waitFor();
    const flyer = preview.getByRole('img', { name: t('flyer.previewAlt', { title: String(data['title']) }) });
    await expect
      .poll(() => flyer.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 60_000 })
      .toBeGreaterThan(0);
    // A valid entry: no 「まだ入っていない項目…」.
    expect(await preview.getByText(t('admin.preview.incomplete')).count()).toBe(0);
    // The page's own script (admin/cms-client.ts) did not bring Vite's client, which reloads the
    // page whenever content/ changes (src/integrations/admin-dev.ts).
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(scripts.some((name) => name.includes('/admin/cms-client.ts'))).toBe(true);
    expect(scripts.filter((name) => name.includes('/@vite/client'))).toEqual([]);

    const text = await preview.locator('body').innerText();
    for (const code of [...(data['audience'] as string[]), 'cancelled', ...(data['categories'] as string[])])
      expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
    // The site's styles, not the browser's serif default.
    const font = await preview.locator('h1').evaluate((h1) => getComputedStyle(h1).fontFamily);
    expect(font).toContain('BIZ UDPGothic');
    await page.close();
  });

  it('shows a new, unfinished event in words too, and says that something is still missing', async () => {
    const page = await newPage();
    await page.goto(`${admin}#/collections/events/new`);
    const title = page.getByLabel('イベント名', { exact: true });
    await title.waitFor({ timeout: 60_000 });
    await title.fill('ふれあい体操教室');
    const preview = page.frameLocator('#preview-pane');
    await preview.getByRole('heading', { level: 1, name: 'ふれあい体操教室' }).waitFor({ timeout: 60_000 });
    await preview.getByText(t('admin.preview.incomplete')).waitFor();
    // The schema's defaults, as the form shows them: for everyone, free.
    const audience = preview.locator('dl.facts > div', { hasText: t('fact.audience') }).locator('dd');
    expect(await audience.innerText()).toBe(t('audience.everyone'));
    expect(await preview.locator('body').innerText()).not.toMatch(/\beveryone\b|\bscheduled\b/);
    await page.close();
  });

  it('shows HTML pasted into a body as harmless markup: no handler, script or javascript: link survives', async () => {
    // The CMS page allows inline scripts (Decap needs them), so a handler in the preview would
    // run with the editor's Git login: Decap must sanitise the body (sanitize_preview).
    const id = 'pasted-html';
    writeFileSync(
      join(dir, `content/reports/${id}.ja.md`),
      [
        '---',
        `id: ${id}`,
        'title: 貼り付けたHTMLの報告',
        'date: 2026-11-21',
        'districts:',
        '  - nishimachi',
        'categories:',
        '  - food',
        '---',
        '<img src="/favicon.svg" alt="絵" onload="window.parent.__pasted = 1">',
        '',
        '<script>window.parent.__pasted = 2</script>',
        '',
        '<a href="javascript:window.parent.__pasted = 3" id="pasted-link">リンク</a>',
        '',
      ].join('\n'),
    );
    // Committed, as an entry on main is: the CMS (Git mode) refuses to save while a file is
    // uncommitted, which the test below of a new entry's id would otherwise meet.
    git(dir, 'add', `content/reports/${id}.ja.md`);
    git(dir, 'commit', '--quiet', '-m', '貼り付けたHTMLの報告');
    const page = await newPage();
    await page.goto(`${admin}#/collections/reports/entries/${id}`);
    const preview = page.frameLocator('#preview-pane');
    await preview.getByRole('heading', { level: 1, name: '貼り付けたHTMLの報告' }).waitFor({ timeout: 60_000 });
    // The picture itself is kept and loads (so its onload would have fired by now).
    await preview
      .locator('img[alt="絵"]')
      .evaluate(
        (img: HTMLImageElement) =>
          img.complete || new Promise((done) => img.addEventListener('load', done, { once: true })),
      );
    await preview.getByText('リンク').waitFor();
    const found = await preview.locator('body').evaluate((body) => ({
      handlers: [...body.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))
        .length,
      scripts: body.querySelectorAll('script').length,
      javascriptLinks: [...body.querySelectorAll('a')].filter((a) =>
        /^\s*javascript:/i.test(a.getAttribute('href') ?? ''),
      ).length,
    }));
    expect(found).toEqual({ handlers: 0, scripts: 0, javascriptLinks: 0 });
    expect(await page.evaluate(() => (window as any).__pasted)).toBeUndefined();
    await page.close();
  });

  it('the editor speaks Japanese: no English on its buttons', async () => {
    const page = await newPage();
    await page.goto(`${admin}#/collections/events/entries/${cancelled()['id']}`);
    await page.getByRole('button', { name: 'ほかの言語から写す' }).waitFor({ timeout: 60_000 });
    const names = await page.evaluate(() =>
      [...document.querySelectorAll('button, [role="button"]')].map(
        (b) => `${(b as HTMLElement).innerText} ${b.getAttribute('aria-label') ?? ''} ${b.getAttribute('title') ?? ''}`,
      ),
    );
    expect(names.length).toBeGreaterThan(5);
    // Locale codes (JA, EN) and URL are not English words.
    const english = (texts: string[]) => texts.filter((n) => /[A-Za-z]{3,}/.test(n.replaceAll('URL', '')));
    expect(english(names)).toEqual([]);
    // The Markdown editor's ＋ menu, whose blocks Decap names in code, not in its phrases.
    await page.getByRole('button', { name: 'コンポーネント追加' }).first().click();
    const blocks = await page.getByRole('menuitem').allInnerTexts();
    expect(blocks).toEqual(expect.arrayContaining([decapEditorComponentsJa.image.label]));
    expect(english(blocks)).toEqual([]);
    await page.close();
  });
});

describe('the lists', () => {
  it('show events newest first, with the date, 【中止】 and the district by name', async () => {
    const page = await newPage();
    await page.goto(`${admin}#/collections/events`);
    const event = cancelled();
    const line = page.getByRole('link', { name: new RegExp(event['title']) });
    await line.waitFor({ timeout: 60_000 });
    const text = await line.innerText();
    const [year, month, day] = (event['start'] as string).slice(0, 10).split('-').map(Number);
    expect(text).toContain(`${year}年${month}月${day}日`);
    expect(text).toContain(`【${t('eventStatus.cancelled')}】`);
    const district = frontMatter(join(dir, `content/districts/${event['districts'][0]}.ja.md`));
    expect(text).toContain(district['name']);
    expect(text).not.toContain('⟦');

    // Newest first: the events' start dates as the list shows them.
    const starts = events().sort((a, b) => String(b['start']).localeCompare(String(a['start'])));
    const first = page.getByRole('link', { name: new RegExp(starts[0]?.['title']) });
    const firstBox = await first.boundingBox();
    const lastBox = await page.getByRole('link', { name: new RegExp(starts.at(-1)?.['title']) }).boundingBox();
    expect(firstBox && lastBox && firstBox.y < lastBox.y).toBe(true);
    await page.close();
  });
});

describe('a new entry saved without an id', () => {
  it('gets one from the day and a short suffix, and is saved under it', async () => {
    const page = await newPage();
    await page.goto(`${admin}#/collections/pages/new`);
    const title = page.getByLabel('タイトル', { exact: true });
    await title.waitFor({ timeout: 60_000 });
    await title.fill('みどり野のごみ出しカレンダー');
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.insertText('燃やすごみは月曜と木曜です。');
    // Whichever way this CMS saves (公開 directly, or 保存 as a draft for approval), the entry
    // goes to decap-server under its file name: read it from that call.
    const persisted = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && response.request().postDataJSON()?.action === 'persistEntry',
      { timeout: 120_000 },
    );
    const save = page.getByRole('button', { name: '保存', exact: true });
    const publishNow = page.getByRole('button', { name: '公開', exact: true });
    await save.or(publishNow).first().waitFor();
    if (await save.isVisible()) await save.click();
    else {
      await publishNow.click();
      await page.getByRole('menuitem', { name: '公開する' }).click();
    }
    const response = await persisted;
    expect(response.ok()).toBe(true);
    const { params } = response.request().postDataJSON() as { params: { dataFiles: { path: string; raw: string }[] } };
    expect(params.dataFiles).toHaveLength(1);
    const file = params.dataFiles[0]!;
    const id = /^content\/pages\/(.+)\.ja\.md$/.exec(file.path)?.[1];
    expect(id).toMatch(new RegExp(`^${todayInJapan().replaceAll('-', '')}-[a-z0-9]{4}$`));
    expect(id).toMatch(ID_RE);
    expect(readFrontMatter(file.raw)).toMatchObject({ id, title: 'みどり野のごみ出しカレンダー' });
    await page.close();
  });
});
