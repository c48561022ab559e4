/**
 * What a hostile upload and a careless one can do, end to end (issue 11): a GPS-tagged JPEG
 * that an event uses, an SVG with a script and a photo no entry uses, put in the media folder
 * of a project copy. The SVG stops `astro build` and `npm run check` with its name; without it,
 * the JPEG is published with no metadata (read back with exifr, not with sharp, which wrote
 * it), the event's flyer PDF and PNG carry no GPS either, and the unused photo is not in dist/.
 * Under the dev server /uploads/ goes through the same gate.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataOf } from '../helpers/metadata.ts';
import {
  ROOT,
  buildProject,
  childEnv,
  copyFixtureProject,
  freePort,
  removeProject,
  startAstroDev,
  type Running,
} from './helpers/project.ts';

const EVENT = 'content/events/bousai.ja.md';
const GPS = {
  IFD0: { Make: 'TestCam', Model: 'Phone 1', Artist: '山田花子' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 40/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '139/1 45/1 0/1' },
};
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(localStorage.getItem("decap-cms-user"))</script></svg>';
/** A photo with a GPS position, author, camera and an orientation tag, as a phone takes it. */
const gpsPhoto = (background: string) =>
  sharp({ create: { width: 320, height: 240, channels: 3, background } })
    .withMetadata({ orientation: 6 })
    .withExif(GPS)
    .jpeg()
    .toBuffer();

/** The JPEG images (DCTDecode streams) a PDF embeds, as PDFKit writes them: the file's own bytes. */
function pdfJpegs(pdf: Buffer): Buffer[] {
  const images: Buffer[] = [];
  // Stream dictionaries of images are flat: << … /Filter /DCTDecode … /Length n … >> stream
  for (const match of pdf.toString('latin1').matchAll(/<<((?:(?!<<|>>)[\s\S])*)>>\s*stream\r?\n/g)) {
    const length = /\/Length (\d+)/.exec(match[1] ?? '')?.[1];
    if (!match[1]?.includes('/DCTDecode') || !length) continue;
    const start = match.index + match[0].length;
    images.push(pdf.subarray(start, start + Number(length)));
  }
  return images;
}

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );

let dir: string;
beforeAll(async () => {
  dir = copyFixtureProject();
  // Sample photos of the project itself are not part of this test.
  rmSync(join(dir, 'media'), { recursive: true, force: true });
  mkdirSync(join(dir, 'media'));
  writeFileSync(join(dir, 'media/kunren.jpg'), await gpsPhoto('#2a6'));
  writeFileSync(join(dir, 'media/private.jpg'), await gpsPhoto('#a62'));
  writeFileSync(join(dir, 'media/evil.svg'), SVG);
  const event = readFileSync(join(dir, EVENT), 'utf8').replace(
    'organizer: shakyo',
    'organizer: shakyo\nimage:\n  src: /uploads/kunren.jpg\n  alt: 避難所の受付をする参加者',
  );
  writeFileSync(join(dir, EVENT), event);
});
afterAll(() => removeProject(dir));

const run = (script: string[]) =>
  spawnSync(process.execPath, script, { cwd: dir, encoding: 'utf8', env: childEnv(), timeout: 300_000 });

const SVG_LINE =
  'media/evil.svg: このファイルはSVG画像です。サイトに載せられるのは JPEG・PNG・WebP・AVIF の写真だけです（SVGやHTMLはサイトの中でプログラムを動かせるため使えません）。';

describe('uploads in the media folder', () => {
  it('an SVG with a script stops the build and npm run check with its name', () => {
    const build = run([join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build']);
    expect(build.status, build.stdout + build.stderr).not.toBe(0);
    expect(build.stdout + build.stderr).toContain(SVG_LINE);
    expect(existsSync(join(dir, 'dist/uploads/evil.svg'))).toBe(false);
    const check = run([join(dir, 'scripts/check.ts')]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(SVG_LINE);
  });

  it('without it, the used photo is published without metadata, upright, and the unused one is not', async () => {
    rmSync(join(dir, 'media/evil.svg'));
    const output = await buildProject(dir);
    expect(output).toMatch(/uploads: 1 pictures re-encoded without metadata/);
    const original = readFileSync(join(dir, 'media/kunren.jpg'));
    expect(await exifr.gps(original)).toMatchObject({ latitude: 35 + 40 / 60, longitude: 139.75 });

    const published = readFileSync(join(dir, 'dist/uploads/kunren.jpg'));
    expect(await metadataOf(published)).toBeUndefined();
    expect(await exifr.gps(published)).toBeUndefined();
    expect(published.includes('TestCam')).toBe(false);
    expect(published.includes('山田花子')).toBe(false);
    // The orientation tag (6: turn right) is applied to the pixels: 320×240 becomes 240×320.
    expect(await sharp(published).metadata()).toMatchObject({ format: 'jpeg', width: 240, height: 320 });

    expect(readdirSync(join(dir, 'dist/uploads'))).toEqual(['kunren.jpg']);
    const everything = files(join(dir, 'dist')).map((f) => relative(join(dir, 'dist'), f));
    expect(everything.filter((f) => /private|evil/.test(f))).toEqual([]);
  });

  it("the event's flyer PDF and PNG embed the photo without GPS", () => {
    const printed = run([join(dir, 'scripts/flyers.ts')]);
    expect(printed.status, printed.stdout + printed.stderr).toBe(0);
    return (async () => {
      const pdf = readFileSync(join(dir, 'dist/flyers/events/bousai.pdf'));
      const jpegs = pdfJpegs(pdf);
      expect(jpegs.length).toBe(1);
      for (const jpeg of jpegs) {
        expect(await metadataOf(jpeg)).toBeUndefined();
        expect(await exifr.gps(jpeg)).toBeUndefined();
      }
      expect(pdf.includes('TestCam')).toBe(false);
      for (const png of ['bousai.png', 'bousai-og.png']) {
        const image = readFileSync(join(dir, 'dist/flyers/events', png));
        expect(await exifr.gps(image), png).toBeUndefined();
        expect(image.includes('TestCam'), png).toBe(false);
      }
    })();
  });

  describe('under the dev server', () => {
    let dev: Running | undefined;
    let base = '';
    beforeAll(async () => {
      writeFileSync(join(dir, 'media/evil.svg'), SVG);
      const port = await freePort();
      dev = await startAstroDev(dir, port, await freePort());
      base = `http://127.0.0.1:${port}`;
    });
    afterAll(async () => {
      await dev?.stop();
    });

    it('serves a photo re-encoded without metadata, and refuses the SVG', async () => {
      const photo = await fetch(`${base}/uploads/kunren.jpg`);
      expect(photo.status).toBe(200);
      expect(photo.headers.get('content-type')).toBe('image/jpeg');
      const bytes = Buffer.from(await photo.arrayBuffer());
      expect(await exifr.gps(bytes)).toBeUndefined();
      expect(await metadataOf(bytes)).toBeUndefined();

      const svg = await fetch(`${base}/uploads/evil.svg`);
      expect(svg.status).toBe(403);
      expect(svg.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await svg.text()).not.toContain('<script>');
      expect((await fetch(`${base}/uploads/none.jpg`)).status).toBe(404);
      expect((await fetch(`${base}/uploads/..%2f..%2fpackage.json`)).status).toBe(403);
    });
  });
});
