/**
 * The CMS says what the build says about uploads, before anything is saved: in the real Decap
 * UI (Japanese) against the project's local backend, an SVG chosen for upload is refused with a
 * Japanese message and never reaches media/; an SVG already in media/ chosen for an event's photo
 * is refused at saving with the Japanese rule; a JPEG is accepted, saved into media/ and served
 * by the dev server without its metadata.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { copyProject, removeProject, startCmsDev } from './helpers/project.ts';
import { fieldErrors, login, publish, setText, waitForSaved } from './helpers/decap.ts';

let dir: string;
let cms: { sitePort: number; stop: () => Promise<void> };
let browser: Browser;
let site: string;

beforeAll(async () => {
  dir = copyProject();
  [cms, browser] = await Promise.all([startCmsDev(dir), launchChromium()]);
  site = `http://127.0.0.1:${cms.sitePort}`;
});

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
  if (dir) removeProject(dir);
});

const EVENT = 'shimenawa-2026';
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.domain)</script></svg>',
);

/** Opens the event, its photo field's media library, and uploads one file there. */
async function uploadPhoto(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto(`${site}/admin/#/collections/events/entries/${EVENT}`);
  await page.getByRole('button', { name: '画像を選択' }).first().click();
  await page.getByLabel('アップロードする').setInputFiles(file);
}

/** Chooses the file just uploaded (Decap selects it) for the field: 選択する. */
async function chooseUploaded(page: Page, name: string) {
  await page.getByText(name, { exact: true }).first().waitFor();
  await page.getByRole('button', { name: '選択する' }).click();
}

describe('an image field in the CMS', () => {
  it('refuses an SVG when it is chosen for upload, with the Japanese message, and uploads nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await login(page, `${site}/admin/`);
    const alerts: string[] = [];
    page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.accept();
    });
    await uploadPhoto(page, { name: 'poster.svg', mimeType: 'image/svg+xml', buffer: SVG });
    await expect
      .poll(() => alerts)
      .toEqual([
        '「poster.svg」はアップロードできません。サイトに載せられるのは JPEG・PNG・WebP・AVIF の写真だけです（SVG・GIF・PDF・HEIC などは使えません）。 / Only JPEG, PNG, WebP and AVIF photos can be uploaded.',
      ]);
    expect(await page.getByText('poster.svg', { exact: true }).count()).toBe(0);
    expect(existsSync(join(dir, 'media/poster.svg'))).toBe(false);
    await page.close();
  });

  it('refuses to save an SVG chosen from the media folder (put there by hand), with the Japanese rule', async () => {
    writeFileSync(join(dir, 'media/poster.svg'), SVG);
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await login(page, `${site}/admin/`);
    await page.goto(`${site}/admin/#/collections/events/entries/${EVENT}`);
    await page.getByRole('button', { name: '画像を選択' }).first().click();
    await page.getByText('poster.svg', { exact: true }).click();
    await page.getByRole('button', { name: '選択する' }).click();
    await setText(page.getByLabel(/^画像の説明（代替テキスト）/).first(), 'しめ縄');
    const before = readFileSync(join(dir, `content/events/${EVENT}.ja.md`), 'utf8');
    await publish(page);
    await fieldErrors(page).first().waitFor();
    expect(await fieldErrors(page).allTextContents()).toContain(
      '画像ファイルが入力規則（使えるのは JPEG・PNG・WebP・AVIF の写真だけです（SVG・GIF・PDF などは使えません）。写真を選び直してください）と一致しません。',
    );
    expect(readFileSync(join(dir, `content/events/${EVENT}.ja.md`), 'utf8')).toBe(before);
    await page.close();
    rmSync(join(dir, 'media/poster.svg'));
  });

  it('accepts a JPEG, saves it into media/ and the dev server shows it without its metadata', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } })
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 40/1 0/1' } })
      .jpeg()
      .toBuffer();
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await login(page, `${site}/admin/`);
    await uploadPhoto(page, { name: 'shimenawa.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await chooseUploaded(page, 'shimenawa.jpg');
    await setText(page.getByLabel(/^画像の説明（代替テキスト）/).first(), 'しめ縄を編む参加者');
    await publish(page);
    await waitForSaved(page);
    await page.close();

    expect(readFileSync(join(dir, 'media/shimenawa.jpg')).equals(jpeg)).toBe(true);
    const text = readFileSync(join(dir, `content/events/${EVENT}.ja.md`), 'utf8');
    const data = YAML.parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '') as Record<string, unknown>;
    expect(data['image']).toEqual({ src: '/uploads/shimenawa.jpg', alt: 'しめ縄を編む参加者' });

    const served = await fetch(`${site}/uploads/shimenawa.jpg`);
    expect(served.status).toBe(200);
    expect(await exifr.gps(Buffer.from(await served.arrayBuffer()))).toBeUndefined();
    expect(existsSync(join(dir, 'public/uploads'))).toBe(false);
  });
});
