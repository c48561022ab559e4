/**
 * The media gate (src/lib/media/): what a file in media/ really is by its bytes, which image
 * paths content may use, and that a published picture carries no metadata — read back with
 * exifr, a parser independent of sharp, which wrote the files.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { cmsFields } from '../../admin/config.ts';
import { IMAGE_NAME_PATTERN, IMAGE_SRC_PATTERN, imageSrcProblem, mediaNameOf } from '../../src/lib/media/paths.ts';
import { sniffImage } from '../../src/lib/media/sniff.ts';
import { mediaProblems } from '../../src/lib/media/gate.ts';
import { publishMedia, readMedia } from '../../src/lib/media/publish.ts';
import { sanitizeImage } from '../../src/lib/media/sanitize.ts';
import { formatProblem } from '../../src/lib/validation/messages.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { contentTypeByName } from '../../src/schemas/index.ts';
import { metadataOf } from '../helpers/metadata.ts';
import { FIXTURE, fixtureCopy, removeFixtureCopies } from '../helpers/fixture.ts';

afterEach(removeFixtureCopies);

const GPS = {
  IFD0: { Make: 'TestCam', Model: 'Phone 1', Artist: '山田花子' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 40/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '139/1 45/1 0/1' },
};
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
const picture = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } });
const gpsJpeg = () => picture().withExif(GPS).jpeg().toBuffer();
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
const HTML = Buffer.from('<!doctype html><html><script>fetch("/admin/")</script></html>');

describe('sniffImage: what a file is by its bytes', () => {
  it('knows the four raster formats the site re-encodes', async () => {
    for (const format of ['jpeg', 'png', 'webp', 'avif'] as const)
      expect(sniffImage(await picture().toFormat(format).toBuffer()), format).toEqual({ kind: 'raster', format });
  });

  it('refuses a cut-off or damaged picture', async () => {
    const jpeg = await gpsJpeg();
    expect(sniffImage(jpeg.subarray(0, jpeg.length - 40))).toEqual({ kind: 'damaged', format: 'jpeg' });
    const png = await picture().png().toBuffer();
    expect(sniffImage(png.subarray(0, png.length - 20))).toEqual({ kind: 'damaged', format: 'png' });
    const flipped = Buffer.from(png);
    flipped[40] = flipped[40]! ^ 0xff; // inside a chunk: its checksum no longer matches
    expect(sniffImage(flipped)).toEqual({ kind: 'damaged', format: 'png' });
    const webp = await picture().webp().toBuffer();
    expect(sniffImage(webp.subarray(0, webp.length - 10)).kind).toBe('damaged');
    const avif = await picture().avif().toBuffer();
    expect(sniffImage(avif.subarray(0, avif.length - 10)).kind).toBe('damaged');
  });

  it('names what anything else is, whatever its name', () => {
    const what = (bytes: Buffer | string) => {
      const sniffed = sniffImage(Buffer.from(bytes));
      return sniffed.kind === 'other' ? sniffed.what.en : sniffed.kind;
    };
    expect(what(SVG)).toBe('an SVG image');
    expect(what('\uFEFF<?xml version="1.0"?>\n<!-- x -->\n<svg viewBox="0 0 1 1"/>')).toBe('an SVG image');
    expect(what(HTML)).toBe('an HTML page');
    expect(what('<script>alert(1)</script>')).toBe('an HTML page');
    expect(what('%PDF-1.7\n')).toBe('a PDF');
    expect(what('GIF89a\x01\x00\x01\x00')).toBe('a GIF image');
    expect(what(Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic')]))).toBe(
      'a HEIC photo (the iPhone high-efficiency format)',
    );
    expect(what('')).toBe('an empty file');
    expect(what('hello')).toBe('a text file');
    expect(what(Buffer.from([0, 1, 2, 3, 4, 5]))).toBe('a file that is not a readable image');
  });
});

describe('image paths in content', () => {
  const srcPattern = new RegExp(IMAGE_SRC_PATTERN);
  // Decap: RegExp(pattern) without flags, tested on the base name of an image widget's value.
  const cmsAccepts = (src: string) => new RegExp(IMAGE_NAME_PATTERN).test(src.split('/').pop() ?? '');

  it('accepts a file directly in /uploads/ with a raster extension, as Decap names it', () => {
    for (const src of [
      '/uploads/salon.jpg',
      '/uploads/写真-1.JPEG',
      '/uploads/a.png',
      '/uploads/b.webp',
      '/uploads/c.avif',
    ]) {
      expect(imageSrcProblem(src), src).toBeUndefined();
      expect(srcPattern.test(src), src).toBe(true);
      expect(cmsAccepts(src), src).toBe(true);
    }
    expect(mediaNameOf('/uploads/写真-1.JPEG')).toBe('写真-1.JPEG');
  });

  it('refuses paths outside the media folder, URLs, other formats and names a URL misreads', () => {
    const refused = {
      '../../secret.png': 'images must be files directly in /uploads/',
      '/uploads/../../secret.png': 'images must be files directly in /uploads/',
      '/uploads/sub/a.jpg': 'images must be files directly in /uploads/',
      '/etc/passwd': 'images must be files directly in /uploads/',
      'public/uploads/a.jpg': 'images must be files directly in /uploads/',
      '/uploads\\..\\secret.png': 'images must be files directly in /uploads/',
      'https://example.com/a.jpg': 'web addresses',
      '//example.com/a.jpg': 'web addresses',
      'data:image/png;base64,AAAA': 'web addresses',
      'file:///etc/passwd': 'web addresses',
      '/uploads/evil.svg': '.svg files cannot be used',
      '/uploads/page.html': '.html files cannot be used',
      '/uploads/noext': 'files without an extension',
      '/uploads/a b.jpg': 'has spaces or symbols',
      '/uploads/a.jpg?x=1': 'has spaces or symbols',
      '/uploads/.hidden.jpg': 'starts with a dot',
    };
    for (const [src, reason] of Object.entries(refused)) {
      expect(imageSrcProblem(src)?.en, src).toContain(reason);
      expect(srcPattern.test(src), src).toBe(false);
    }
    // What the CMS can be given: a file name Decap puts under /uploads/ itself.
    for (const name of ['evil.svg', 'page.html', 'noext', 'a.pdf', 'a.gif', '.hidden.jpg', 'a?.jpg'])
      expect(cmsAccepts(`/uploads/${name}`), name).toBe(false);
  });

  it('is the pattern the CMS checks on every image field before saving', () => {
    const images = (fields: Record<string, unknown>[]): Record<string, unknown>[] =>
      fields.flatMap((f) => [
        ...(f['widget'] === 'image' ? [f] : []),
        ...images((f['fields'] as Record<string, unknown>[] | undefined) ?? []),
      ]);
    const found = ['events', 'salons', 'reports', 'recruitments'].flatMap((name) =>
      images(cmsFields(contentTypeByName.get(name)!) as Record<string, unknown>[]),
    );
    expect(found.length).toBeGreaterThanOrEqual(6); // event + flyer photo, salon + flyer, report, recruitment flyer
    for (const field of found) expect((field['pattern'] as string[])[0]).toBe(IMAGE_NAME_PATTERN);
  });
});

describe('sanitizeImage', () => {
  it('drops EXIF with the GPS position, maker and author', async () => {
    const original = await gpsJpeg();
    expect(await exifr.gps(original)).toMatchObject({ latitude: 35 + 40 / 60, longitude: 139.75 });
    const clean = await sanitizeImage(original, 'jpeg');
    expect(await metadataOf(clean)).toBeUndefined();
    expect(await exifr.gps(clean)).toBeUndefined();
    expect((await sharp(clean).metadata()).format).toBe('jpeg');
  });

  it('applies the camera orientation to the pixels instead of keeping the tag', async () => {
    const rotated = await picture().withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect(await exifr.orientation(rotated)).toBe(6);
    const clean = await sanitizeImage(rotated, 'jpeg');
    expect(await sharp(clean).metadata()).toMatchObject({ width: 48, height: 64 });
    expect(await exifr.orientation(clean)).toBeUndefined();
  });

  it('scales a photo larger than 2400 px down to 2400 px on its longest side', async () => {
    const large = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer();
    expect(await sharp(await sanitizeImage(large, 'jpeg')).metadata()).toMatchObject({ width: 2400, height: 1600 });
  });

  it('drops metadata from PNG, WebP and AVIF as well', async () => {
    for (const format of ['png', 'webp', 'avif'] as const) {
      const original = await picture().withExif(GPS).toFormat(format).toBuffer();
      if (format === 'webp') expect(riffChunks(original)).toContain('EXIF');
      else if (format === 'avif') expect(original.includes('Exif')).toBe(true);
      else expect(await exifr.gps(original), format).toBeDefined();
      const clean = await sanitizeImage(original, format);
      // exifr does not read WebP: its metadata are RIFF chunks of their own (EXIF, XMP, ICCP).
      if (format === 'webp') expect(riffChunks(clean)).toEqual(['VP8 ']);
      // exifr cannot read the Exif item sharp writes into AVIF (exiftool can); its item type is 'Exif'.
      else if (format === 'avif') expect(clean.includes('Exif')).toBe(false);
      else expect(await metadataOf(clean), format).toBeUndefined();
      expect((await sharp(clean).metadata()).format, format).toBe(format === 'avif' ? 'heif' : format);
    }
  });
});

describe('the media folder and the build', () => {
  const EVENT = 'content/events/bousai.ja.md';
  const withImage = (src: string) =>
    `${readFileSync(join(FIXTURE, EVENT), 'utf8').replace(
      'organizer: shakyo',
      `organizer: shakyo\nimage:\n  src: ${src}\n  alt: 避難所の受付`,
    )}\n\n![訓練のようす](/uploads/body.png)\n`;

  it('refuses every file that is not a usable picture, and pictures content uses that are missing', async () => {
    const dir = fixtureCopy({
      [EVENT]: withImage('/uploads/kunren.jpg'),
      'media/evil.svg': SVG,
      'media/photo.png': SVG,
      'media/index.html': HTML,
      'media/cut.jpg': (await gpsJpeg()).subarray(0, 200),
      'media/kunren.jpg': await gpsJpeg(),
      'media/unused.webp': await picture().webp().toBuffer(),
      'media/.DS_Store': 'Bud1',
    });
    expect(validateContent(dir).problems.map(formatProblem)).toEqual([
      'media/cut.jpg: JPEGの写真のようですが、途中で切れているか壊れていて読めません。元の写真からアップロードし直してください。 / looks like a JPEG photo but is truncated or damaged; upload the original photo again.',
      'media/evil.svg: このファイルはSVG画像です。サイトに載せられるのは JPEG・PNG・WebP・AVIF の写真だけです（SVGやHTMLはサイトの中でプログラムを動かせるため使えません）。編集画面の上の「メディア」でこのファイルを選んで「削除する」を押すか、JPEG・PNG・WebP・AVIF の写真に置き換えてください。 / this is an SVG image; only JPEG, PNG, WebP and AVIF photos can be published (SVG and HTML can run script on the site); delete it in the CMS (メディア, select it, 削除する) or replace it with a JPEG, PNG, WebP or AVIF photo.',
      'media/index.html: このファイルはHTMLのページです。サイトに載せられるのは JPEG・PNG・WebP・AVIF の写真だけです（SVGやHTMLはサイトの中でプログラムを動かせるため使えません）。編集画面の上の「メディア」でこのファイルを選んで「削除する」を押すか、JPEG・PNG・WebP・AVIF の写真に置き換えてください。 / this is an HTML page; only JPEG, PNG, WebP and AVIF photos can be published (SVG and HTML can run script on the site); delete it in the CMS (メディア, select it, 削除する) or replace it with a JPEG, PNG, WebP or AVIF photo.',
      'media/photo.png: 名前は画像ですが、中身はSVG画像です。サイトに載せられるのは JPEG・PNG・WebP・AVIF の写真だけです（SVGやHTMLはサイトの中でプログラムを動かせるため使えません）。編集画面の上の「メディア」でこのファイルを選んで「削除する」を押すか、JPEG・PNG・WebP・AVIF の写真に置き換えてください。 / named like a picture, but this is an SVG image; only JPEG, PNG, WebP and AVIF photos can be published (SVG and HTML can run script on the site); delete it in the CMS (メディア, select it, 削除する) or replace it with a JPEG, PNG, WebP or AVIF photo.',
      'content/events/bousai.ja.md: body（詳しい内容）: 「/uploads/body.png」 — 画像ファイル media/body.png がありません。編集画面で写真をアップロードし直すか、ファイル名を確かめてください。 / media/body.png does not exist; upload the photo again in the CMS or check the file name.',
    ]);
  });

  it('says where uploads moved when public/uploads/ still holds files', () => {
    const dir = fixtureCopy({ 'public/uploads/a.jpg': 'x' });
    expect(mediaProblems(dir, new Map()).map(formatProblem)).toEqual([
      'public/uploads: アップロードした画像の置き場所が media/ に変わりました。public/uploads/ の中のファイルを media/ に移し、public/uploads/ を消してください（public/ の中身は確かめずにそのまま公開されるため）。 / uploads now live in media/; move the files of public/uploads/ there and delete public/uploads/ (everything in public/ is published unchecked).',
    ]);
  });

  it('publishes only the pictures Markdown bodies show, re-encoded without metadata (pages resize the others)', async () => {
    const dir = fixtureCopy({
      [EVENT]: withImage('/uploads/kunren.jpg'),
      'media/kunren.jpg': await gpsJpeg(),
      'media/body.png': await picture().withExif(GPS).png().toBuffer(),
      'media/unused.jpg': await gpsJpeg(),
    });
    const { entries, problems } = validateContent(dir);
    expect(problems).toEqual([]);
    const out = join(dir, 'dist');
    mkdirSync(out);
    expect(await publishMedia(dir, out, entries)).toEqual({ written: 1, cached: 0 });
    // The event's image is shown through Astro's image pipeline (photos.ts), not at /uploads/.
    expect(readdirSync(join(out, 'uploads')).sort()).toEqual(['body.png']);
    expect(await metadataOf(join(out, 'uploads/body.png'))).toBeUndefined();
    // The second build takes it from .cache/uploads/.
    expect(await publishMedia(dir, out, entries)).toEqual({ written: 1, cached: 1 });
  });

  it('gives flyers JPEG for WebP and AVIF, and refuses what the gate refuses', async () => {
    const dir = fixtureCopy({ 'media/a.webp': await picture().withExif(GPS).webp().toBuffer(), 'media/x.jpg': SVG });
    const flyer = await readMedia(dir, '/uploads/a.webp', (named) => (named === 'png' ? 'png' : 'jpeg'));
    expect(flyer.format).toBe('jpeg');
    expect((await sharp(flyer.data).metadata()).format).toBe('jpeg');
    await expect(readMedia(dir, '/uploads/x.jpg')).rejects.toThrow(
      /^media\/x\.jpg: 名前は画像ですが、中身はSVG画像です/,
    );
    await expect(readMedia(dir, '/uploads/none.jpg')).rejects.toMatchObject({ missing: true });
    await expect(readMedia(dir, '../../secret.png')).rejects.toThrow(/images must be files directly in \/uploads\//);
    writeFileSync(join(dir, 'media/x.jpg'), await gpsJpeg());
    expect(await exifr.gps((await readMedia(dir, '/uploads/x.jpg')).data)).toBeUndefined();
  });
});
