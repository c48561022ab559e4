/**
 * The volunteer's path through the real Decap CMS (Japanese UI) in Chromium, against
 * decap-server on a copy of this repository: create a salon typing Japanese, save it, find
 * the file and the built page; refuse what the build refuses.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { buildProject, copyProject, removeProject, startCmsDev } from './helpers/project.ts';
import { withSampleCaches } from './helpers/sample-site.ts';
import {
  choose,
  fieldErrors,
  login,
  publish,
  reopenEntry,
  setText,
  typeWithIme,
  waitForSaved,
} from './helpers/decap.ts';
import { contentTypes } from '../../src/schemas/index.ts';
import { scanCollection } from '../../src/lib/content/files.ts';
import { describeFields } from '../../src/lib/schema/walk.ts';
import { withoutReadings } from './helpers/readings.ts';

// A day on which the sample's events printed below are still to come, whenever the test runs:
// a flyer that is over offers チラシを見る, not チラシを印刷する (src/flyers/list.ts, flyerDay).
// The CMS's dev server and the builds here inherit it.
process.env['FLYERS_TODAY'] = '2026-11-23';

let dir: string;
let cms: { sitePort: number; stop: () => Promise<void> };
let browser: Browser;
let admin: string;

beforeAll(async () => {
  dir = copyProject();
  // The shared build's flyers, PDFs and images, so the build after saving renders only what changed.
  await withSampleCaches(dir);
  [cms, browser] = await Promise.all([startCmsDev(dir), launchChromium()]);
  // 127.0.0.1 here, localhost in tests/e2e/start.test.ts: the CMS calls decap-server as localhost.
  admin = `http://127.0.0.1:${cms.sitePort}/admin/`;
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
  if (dir) removeProject(dir);
});

/** The id field, optional (任意) since the CMS makes an id on saving; these tests still type their own. */
const ID_LABEL = 'ID（ファイル名・URL） (任意)';

const frontMatter = (file: string) => {
  const text = readFileSync(file, 'utf8');
  const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return { data: YAML.parse(yaml) as Record<string, any>, body };
};

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await login(page, admin);
  return page;
}

describe('creating a salon in the CMS', () => {
  it('saves the Japanese a volunteer typed as the front matter the build reads, and the build shows it', async () => {
    const page = await newPage();
    await page.goto(`${admin}#/collections/salons/new`);
    const text = (label: string) => page.getByLabel(label, { exact: true });
    await text(ID_LABEL).waitFor();
    await setText(text(ID_LABEL), 'sakura-cafe');
    await typeWithIme(page, text('名前'), 'さくらカフェ');
    await choose(page, '種類', 'ふれあい喫茶', '喫茶');
    await text('ひとこと紹介').click();
    await page.keyboard.insertText('お茶とおしゃべりの気軽な集いです。どなたでもどうぞ。');
    await choose(page, 'くり返し方', '毎月第○曜日', '毎月第');
    await choose(page, '曜日 (任意)', '水');
    await choose(page, '第何週 (任意)', '第2');
    await setText(text('開始時刻'), '13:30');
    await setText(text('終了時刻'), '15:00');
    await text('この予定の開始日').fill('2026-12-01');
    await choose(page, '会場', 'みどり野東公民館', '東公民館');
    await choose(page, '地区', '本町一丁目町内会', '本町');
    await choose(page, '分類', 'サロン');
    await choose(page, '運営団体', 'みどり野市社会福祉協議会', 'みどり野市社会');
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.insertText('毎月第2水曜日の午後に、東公民館の和室で開いています。');
    await publish(page);
    await waitForSaved(page);

    const file = join(dir, 'content/salons/sakura-cafe.ja.md');
    expect(existsSync(file)).toBe(true);
    const { data, body } = frontMatter(file);
    expect(data).toMatchObject({
      id: 'sakura-cafe',
      title: 'さくらカフェ',
      kind: 'cafe',
      summary: 'お茶とおしゃべりの気軽な集いです。どなたでもどうぞ。',
      schedule: {
        frequency: 'monthly-weekday',
        weekdays: ['wed'],
        weeks: ['2'],
        startTime: '13:30',
        endTime: '15:00',
        validFrom: '2026-12-01',
      },
      place: 'higashi-kominkan',
      districts: ['honcho-itchome'],
      categories: ['salon'],
      organizer: 'midorino-shakyo',
    });
    expect(body).toContain('毎月第2水曜日の午後に、東公民館の和室で開いています。');
    // Only the Japanese original: no empty translation files beside it.
    expect(readdirSync(join(dir, 'content/salons')).filter((f) => f.startsWith('sakura-cafe'))).toEqual([
      'sakura-cafe.ja.md',
    ]);
    await page.close();

    await buildProject(dir);
    // The page's text, as a resident reads it with ふりがな off (the time range is in a span of its own).
    const read = withoutReadings(readFileSync(join(dir, 'dist/salons/sakura-cafe/index.html'), 'utf8')).replace(
      /<[^>]*>/g,
      '',
    );
    expect(read).toContain('さくらカフェ');
    expect(read).toContain('毎月第2水曜日 13:30〜15:00');
  });
});

describe('the CMS refuses what the build refuses', () => {
  it('does not save a salon with a kanji id, a missing name or a summary over 120 characters', async () => {
    const page = await newPage();
    await page.goto(`${admin}#/collections/salons/new`);
    const text = (label: string) => page.getByLabel(label, { exact: true });
    await text(ID_LABEL).waitFor();
    await setText(text(ID_LABEL), 'ひだまり');
    await text('ひとこと紹介').click();
    await page.keyboard.insertText('あ'.repeat(121));
    await publish(page);
    await fieldErrors(page).first().waitFor();
    // textContent: Decap's CSS upper-cases the Latin letters of its error text.
    const errors = await fieldErrors(page).allTextContents();
    expect(errors).toContain('すべての必須項目を入力してください。');
    expect(errors).toContain('名前は必須です。');
    expect(errors).toContain(
      'ID（ファイル名・URL）が入力規則（半角の小文字英字・数字とハイフンで書いてください（例: hidamari-salon））と一致しません。',
    );
    expect(errors).toContain('ひとこと紹介が入力規則（120字以内で書いてください）と一致しません。');
    expect(errors).toContain('運営団体は必須です。');
    expect(readdirSync(join(dir, 'content/salons')).filter((f) => f.includes('ひだまり'))).toEqual([]);
    await page.close();
  });
});

/**
 * Decap offers 公開 only once something changed, so "publishing unchanged" is done as a
 * volunteer would: change the title and publish (only that line may change), then open the
 * entry again (Decap reads the edited file back), put it back and publish (the file must be
 * byte-identical to the original).
 */
describe('publishing an existing entry keeps everything volunteers did not touch', () => {
  // One CMS page for every type, as a volunteer going from one collection to the next: a new
  // page loads Decap's 5 MB bundle and logs in again (~5 s each, 15 types). A test that fails
  // closes it, so the next starts from a fresh page rather than from whatever was left open.
  let page: Page | undefined;
  afterAll(async () => page?.close());
  for (const type of contentTypes) {
    it(type.name, async ({ onTestFailed }) => {
      onTestFailed(async () => {
        await page?.close();
        page = undefined;
      });
      const files = type.file ? [type.file] : scanCollection(dir, type).entries;
      // The richest entry of the collection: the most lines of front matter.
      const file = files
        .map((f) => ({ f, size: readFileSync(join(dir, f), 'utf8').length }))
        .sort((a, b) => b.size - a.size)[0]?.f;
      expect(file).toBeDefined();
      const path = join(dir, file as string);
      const original = readFileSync(path, 'utf8');
      const titleField = describeFields(type.schema).find((f) => f.name === type.titleField);
      const label = titleField?.meta.label as string;
      const id = type.file
        ? 'site'
        : (file as string)
            .split('/')
            .pop()
            ?.replace(/\.ja\.md$/, '');
      const url = `${admin}#/collections/${type.name}/entries/${id}`;
      const parse = (text: string) =>
        type.file ? YAML.parse(text) : { ...frontMatter(path).data, body: text.replace(/^---\n[\s\S]*?\n---\n/, '') };
      const before = parse(original);
      const title = String(before[type.titleField]);

      page ??= await newPage();
      // Through its collection, as the test comes back to it below: the form of the type before
      // is gone and this file's is drawn from what decap-server reads now.
      await reopenEntry(page, url, file as string, label);
      await setText(page.getByLabel(label, { exact: true }), `${title}（更新）`);
      await publish(page);
      await waitForSaved(page);
      const edited = readFileSync(path, 'utf8');
      expect(parse(edited)).toEqual({ ...before, [type.titleField]: `${title}（更新）` });
      const changedLines = edited.split('\n').filter((line, i) => line !== original.split('\n')[i]);
      expect(changedLines).toEqual([`${type.titleField}: ${title}（更新）`]);

      // Back to it through its collection: the form Decap draws now is the file it reads again.
      await reopenEntry(page, url, file as string, label);
      expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe(`${title}（更新）`);
      await setText(page.getByLabel(label, { exact: true }), title);
      await publish(page);
      await waitForSaved(page);
      expect(readFileSync(path, 'utf8')).toBe(original);
    });
  }
});

describe('printing right after writing (npm start)', () => {
  it('downloads the flyer of an event just saved in the CMS, its new title in the PDF’s text', async () => {
    const id = 'shimenawa-2026';
    const title = 'しめ縄づくり教室（午後の部もあります）';
    const page = await newPage();
    await page.goto(`${admin}#/collections/events/entries/${id}`);
    const field = page.getByLabel('イベント名', { exact: true });
    await field.waitFor({ timeout: 60_000 });
    await setText(field, title);
    await publish(page);
    await waitForSaved(page);
    // The entry page under npm start, and its 「チラシを印刷する」 link as a volunteer follows it.
    await page.goto(`http://127.0.0.1:${cms.sitePort}/events/${id}/`);
    const link = page.getByRole('link', { name: /^チラシを印刷する/ });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/flyers/events/${id}.pdf`);
    const response = await page.request.get(`http://127.0.0.1:${cms.sitePort}${href}`, { timeout: 120_000 });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const pdf = join(dir, 'flyer-after-save.pdf');
    writeFileSync(pdf, await response.body());
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(title.replace(/\s+/g, ''));
    // Its preview on the page is the same flyer's picture, not a 404.
    const preview = await page.request.get(`http://127.0.0.1:${cms.sitePort}/flyers/events/${id}.png`);
    expect(preview.headers()['content-type']).toBe('image/png');
    await page.close();
  });
});
