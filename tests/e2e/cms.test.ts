/**
 * The volunteer's path through the real Decap CMS (Japanese UI) in Chromium, against
 * decap-server on a copy of this repository: create a salon typing Japanese, save it, find
 * the file and the built page; refuse what the build refuses.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { buildProject, copyProject, freePort, removeProject, startAstroDev, startDecapServer, type Running } from './helpers/project.ts';
import { choose, login, publish, setText, typeWithIme, waitForSaved } from './helpers/decap.ts';

let dir: string;
let decap: Running;
let astro: Running;
let browser: Browser;
let admin: string;

beforeAll(async () => {
  dir = copyProject();
  const decapPort = await freePort();
  const astroPort = await freePort();
  [decap, astro, browser] = await Promise.all([startDecapServer(dir, decapPort), startAstroDev(dir, astroPort, decapPort), launchChromium()]);
  admin = `http://127.0.0.1:${astroPort}/admin/`;
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([astro?.stop(), decap?.stop()]);
  if (dir) removeProject(dir);
});

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
    await text('ID（ファイル名・URL）').waitFor();
    await setText(text('ID（ファイル名・URL）'), 'sakura-cafe');
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
      schedule: { frequency: 'monthly-weekday', weekdays: ['wed'], weeks: ['2'], startTime: '13:30', endTime: '15:00', validFrom: '2026-12-01' },
      place: 'higashi-kominkan',
      districts: ['honcho-itchome'],
      categories: ['salon'],
      organizer: 'midorino-shakyo',
    });
    expect(body).toContain('毎月第2水曜日の午後に、東公民館の和室で開いています。');
    // Only the Japanese original: no empty translation files beside it.
    expect(readdirSync(join(dir, 'content/salons')).filter((f) => f.startsWith('sakura-cafe'))).toEqual(['sakura-cafe.ja.md']);
    await page.close();

    await buildProject(dir);
    const html = readFileSync(join(dir, 'dist/salons/sakura-cafe/index.html'), 'utf8');
    expect(html).toContain('さくらカフェ');
    expect(html).toContain('毎月第2水曜日 13:30〜15:00');
  });
});
