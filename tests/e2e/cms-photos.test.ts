/**
 * A volunteer adds a phone photo to a report in the real Decap UI (Japanese) against the
 * project's local backend, as `npm start` runs it: the JPEG carries the GPS position where it was
 * taken, and is saved into media/ as it is. The site built from that content shows the photo on
 * the report page — <picture> with AVIF and WebP, an <img> with srcset, width, height and the
 * alt text typed — and shares it (og:image, 1200×630); no file of the built site, flyers
 * included, carries any GPS position or EXIF block, nor the uploaded file itself. A photo over
 * the size limit is refused in Japanese before anything is uploaded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import exifr from 'exifr';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { buildProject, childEnv, copyFixtureProject, removeProject, startCmsDev } from './helpers/project.ts';
import { login, publish, setText, waitForSaved } from './helpers/decap.ts';
import { MAX_UPLOAD_BYTES } from '../../src/lib/media/upload.ts';
import { withoutReadings } from './helpers/readings.ts';

const REPORT = 'hidamari-2026-11';
const ALT = '折り紙のひつじを持って笑う参加者';
/** Where the photo was taken, as a phone writes it: what must never be published. */
const GPS = {
  IFD0: { Make: 'TestPhone', Model: 'TP-1' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '35/1 41/1 2200/100',
    GPSLongitudeRef: 'E',
    GPSLongitude: '139/1 41/1 3000/100',
  },
};

let dir: string;
let cms: { sitePort: number; stop: () => Promise<void> } | undefined;
let browser: Browser;
let site: string;
let photo: Buffer;

beforeAll(async () => {
  dir = copyFixtureProject();
  photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#c96' } })
    .withExif(GPS)
    .jpeg()
    .toBuffer();
  [cms, browser] = await Promise.all([startCmsDev(dir), launchChromium()]);
  site = `http://127.0.0.1:${cms.sitePort}`;
});

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
  if (dir) removeProject(dir);
});

/** Every file under `root`, by its path inside it. */
const files = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));

describe('a photo added to a report in the CMS', () => {
  it('refuses a photo over the size limit with the Japanese message, uploading nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await login(page, `${site}/admin/`);
    const alerts: string[] = [];
    page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.accept();
    });
    await page.goto(`${site}/admin/#/collections/reports/entries/${REPORT}`);
    await page.getByRole('button', { name: /^写真 ?を追加/ }).click();
    await page.getByRole('button', { name: '画像を選択' }).first().click();
    const big = Buffer.concat([photo, Buffer.alloc(MAX_UPLOAD_BYTES)]);
    await page.getByLabel('アップロードする').setInputFiles({ name: 'ookii.jpg', mimeType: 'image/jpeg', buffer: big });
    await expect.poll(() => alerts.length).toBe(1);
    expect(alerts[0]).toMatch(
      /^「ookii\.jpg」は 10\.0 MB あり、大きすぎてアップロードできません。写真は 10 MB までです。/,
    );
    expect(existsSync(join(dir, 'media/ookii.jpg'))).toBe(false);
    await page.close();
  });

  it('is saved as uploaded; the built site shows it resized with srcset, width and height, and has no GPS anywhere', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await login(page, `${site}/admin/`);
    await page.goto(`${site}/admin/#/collections/reports/entries/${REPORT}`);
    await page.getByRole('button', { name: /^写真 ?を追加/ }).click();
    await page.getByRole('button', { name: '画像を選択' }).first().click();
    await page
      .getByLabel('アップロードする')
      .setInputFiles({ name: 'origami.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByText('origami.jpg', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: '選択する' }).click();
    await setText(page.getByLabel(/^写真の説明（代替テキスト）/).first(), ALT);
    await page
      .getByText(/^写っている方の掲載同意を得た/)
      .first()
      .click();
    await publish(page);
    await waitForSaved(page);
    await page.close();

    // Saved as the volunteer's phone made it: the position is still in media/, never published.
    expect(readFileSync(join(dir, 'media/origami.jpg')).equals(photo)).toBe(true);
    expect(await exifr.gps(photo)).toMatchObject({ latitude: expect.closeTo(35.689, 3) });
    const text = readFileSync(join(dir, `content/reports/${REPORT}.ja.md`), 'utf8');
    const data = YAML.parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '') as Record<string, unknown>;
    expect(data['photos']).toEqual([{ src: '/uploads/origami.jpg', alt: ALT, consent: true }]);

    await buildProject(dir);
    const flyers = spawnSync(process.execPath, ['scripts/flyers.ts'], { cwd: dir, encoding: 'utf8', env: childEnv() });
    expect(flyers.status, flyers.stdout + flyers.stderr).toBe(0);

    const { document } = parseHTML(
      withoutReadings(readFileSync(join(dir, `dist/reports/${REPORT}/index.html`), 'utf8')),
    );
    const img = document.querySelector(`picture img[alt="${ALT}"]`);
    expect(img).not.toBeNull();
    expect(img!.getAttribute('width')).toBe('800');
    expect(img!.getAttribute('height')).toBe('600');
    const srcset = (img!.getAttribute('srcset') ?? '').split(', ');
    expect(srcset.map((s) => s.split(' ')[1])).toEqual(['400w', '800w', '1200w']);
    const types = [...img!.parentElement!.querySelectorAll('source')].map((s) => s.getAttribute('type'));
    expect(types).toEqual(['image/avif', 'image/webp']);
    expect(img!.getAttribute('src')).toMatch(/^\/_astro\/origami\.[\w-]+_[\w-]+\.jpg$/);

    const dist = join(dir, 'dist');
    const all = files(dist);
    const pictures = all.filter((f) => /\.(jpe?g|png|avif|tiff?)$/i.test(f));
    // Only resized files (name.hash_transform.ext): 3 widths × 3 formats on the page, the share
    // image, the list's small picture; Astro's full-size copy was removed.
    const made = all.filter((f) => f.startsWith('_astro/origami.'));
    expect(made.length).toBeGreaterThanOrEqual(10);
    expect(made.filter((f) => !/^_astro\/origami\.[\w-]+_[\w-]+\.(avif|webp|jpg)$/.test(f))).toEqual([]);
    const og = document.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
    expect(og).toMatch(/\/_astro\/origami\.[\w-]+_[\w-]+\.jpg$/);
    expect(await sharp(join(dist, new URL(og).pathname)).metadata()).toMatchObject({ width: 1200, height: 630 });
    for (const file of all) {
      const bytes = readFileSync(join(dist, file));
      // No EXIF block at all, and no XMP GPS field, in any file: pages, scripts, pictures, PDFs.
      expect(bytes.includes('Exif\0\0'), file).toBe(false);
      expect(bytes.includes('GPSLatitude'), file).toBe(false);
      expect(bytes.includes('TestPhone'), file).toBe(false);
      expect(bytes.equals(photo), file).toBe(false);
    }
    for (const file of pictures) expect(await exifr.gps(join(dist, file)), file).toBeUndefined();
    // Every picture of the sample town in media/ that no fixture page shows stays out of dist/.
    expect(all.filter((f) => /hidamari-ocha|mogumogu|uploads\//.test(f))).toEqual([]);
  });
});
