/**
 * What a hostile upload and a careless one can do, end to end (issue 11): a GPS-tagged JPEG
 * that an event uses, an SVG with a script and a photo no entry uses, put in the media folder
 * of a project copy. The SVG stops `astro build` and `npm run check` with its name; without it,
 * the event page shows the JPEG resized by Astro's image pipeline with no metadata (read back
 * with exifr, not with sharp, which wrote it) and the original is nowhere in dist/, the event's
 * flyer PDF and PNG carry no GPS either, and the unused photo is not in dist/. Under the dev
 * server /uploads/ goes through the same gate.
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
import { withoutReadings } from './helpers/readings.ts';

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

/** The chunk names of a RIFF (WebP) file, read here rather than by sharp, which wrote it. */
function riffChunks(file: Buffer): string[] {
  const names: string[] = [];
  for (let i = 12; i + 8 <= file.length;) {
    names.push(file.toString('latin1', i, i + 4));
    const size = file.readUInt32LE(i + 4);
    i += 8 + size + (size % 2);
  }
  return names;
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

  it('without it, the event page shows the photo resized without metadata, upright; the original and the unused one are not in dist/', async () => {
    rmSync(join(dir, 'media/evil.svg'));
    const output = await buildProject(dir);
    expect(output).toMatch(/uploads: 0 pictures of Markdown bodies re-encoded without metadata/);
    const original = readFileSync(join(dir, 'media/kunren.jpg'));
    expect(await exifr.gps(original)).toMatchObject({ latitude: 35 + 40 / 60, longitude: 139.75 });

    const page = withoutReadings(readFileSync(join(dir, 'dist/events/bousai/index.html'), 'utf8'));
    const img = /<img [^>]*alt="避難所の受付をする参加者"[^>]*>/.exec(page)?.[0] ?? '';
    // The orientation tag (6: turn right) is applied to the pixels: 320×240 becomes 240×320.
    expect(img).toMatch(/ width="240"/);
    expect(img).toMatch(/ height="320"/);
    expect(page).toMatch(/<source srcset="\/_astro\/kunren\.[\w-]+_[\w-]+\.avif 240w" type="image\/avif"/);

    const everything = files(join(dir, 'dist')).map((f) => relative(join(dir, 'dist'), f));
    const made = everything.filter((f) => f.startsWith('_astro/kunren.'));
    // Only resized files (name.hash_transform.ext); Astro's full-size copy was removed.
    expect(made.map((f) => f.replace(/\.[\w-]+_[\w-]+\./, '.*.')).sort()).toEqual([
      '_astro/kunren.*.avif',
      '_astro/kunren.*.jpg',
      '_astro/kunren.*.webp',
    ]);
    for (const file of made) {
      const bytes = readFileSync(join(dir, 'dist', file));
      // exifr reads JPEG and AVIF; a WebP keeps metadata in EXIF and XMP chunks of its own.
      if (file.endsWith('.webp'))
        expect(
          riffChunks(bytes).filter((c) => c === 'EXIF' || c === 'XMP '),
          file,
        ).toEqual([]);
      else expect(await metadataOf(bytes), file).toBeUndefined();
      expect(bytes.includes('TestCam'), file).toBe(false);
      expect(bytes.includes('山田花子'), file).toBe(false);
    }
    const jpeg = readFileSync(
      join(
        dir,
        'dist',
        made.find((f) => f.endsWith('.jpg'))!,
      ),
    );
    expect(await exifr.gps(jpeg)).toBeUndefined();
    expect(await sharp(jpeg).metadata()).toMatchObject({ format: 'jpeg', width: 240, height: 320 });

    expect(existsSync(join(dir, 'dist/uploads'))).toBe(false);
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

    it("shows the event's photo through Astro's image endpoint, from the copy without metadata", async () => {
      const page = await (await fetch(`${base}/events/bousai/`)).text();
      const src = /<img [^>]*src="([^"]+)"[^>]*alt="避難所の受付をする参加者"/.exec(page)?.[1];
      expect(src).toMatch(/^\/_image\/?\?href=[^"]*%2F\.cache%2Fphotos%2Fkunren\.jpg/);
      const image = await fetch(`${base}${src!.replaceAll('&#38;', '&').replaceAll('&amp;', '&')}`);
      expect(image.status).toBe(200);
      const bytes = Buffer.from(await image.arrayBuffer());
      expect(await metadataOf(bytes)).toBeUndefined();
      expect(bytes.includes('TestCam')).toBe(false);
    });
  });
});
