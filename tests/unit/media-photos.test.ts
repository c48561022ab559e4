/**
 * Which pictures entry pages show (the kinds' photos part): a report's photos with consent, an
 * event's or salon's image (else its flyer's photo), nothing for other types; which media files
 * the build hands to Astro's image pipeline; the widths made of a picture; and the sanitized copy
 * Astro reads, written without metadata and only when it changed.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { PHOTO_WIDTHS, photoWidths, shownPictures } from '../../src/lib/media/photos.ts';
import { entryImage } from '../../src/kinds/kind.ts';
import { photosFor } from '../../src/kinds/index.ts';
import { sanitizedCopy } from '../../src/lib/media/publish.ts';
import { usablePictures } from '../../src/lib/media/gate.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { metadataOf } from '../helpers/metadata.ts';
import { fixtureCopy, removeFixtureCopies } from '../helpers/fixture.ts';

afterEach(removeFixtureCopies);

const photo = (src: string, consent = true) => ({ src, alt: `${src}の説明`, consent });

describe('the pictures a page shows', () => {
  it("a report's photos in order, those with consent only, with their captions", () => {
    const data = {
      photos: [
        { ...photo('/uploads/a.jpg'), caption: '一枚目' },
        photo('/uploads/b.jpg', false),
        photo('/uploads/c.jpg'),
      ],
    };
    expect(photosFor('reports', data)).toEqual([
      { src: '/uploads/a.jpg', alt: '/uploads/a.jpgの説明', caption: '一枚目' },
      { src: '/uploads/c.jpg', alt: '/uploads/c.jpgの説明' },
    ]);
  });

  it("an event's or salon's own image, else its flyer's photo (a recruitment's), else none", () => {
    const image = { src: '/uploads/e.jpg', alt: '受付' };
    const flyer = { photo: { src: '/uploads/f.jpg', alt: 'チラシの写真' } };
    expect(photosFor('events', { image, flyer })).toEqual([image]);
    expect(photosFor('salons', { flyer })).toEqual([flyer.photo]);
    expect(photosFor('events', {})).toEqual([]);
    // A recruitment has no image of its own: its flyer's photo.
    expect(photosFor('recruitments', { flyer })).toEqual([flyer.photo]);
    expect(entryImage({ src: '', alt: '' }, {})).toEqual([]);
  });

  it('nothing for types without pictures', () => {
    expect(photosFor('places', { image: { src: '/uploads/x.jpg', alt: 'x' } })).toEqual([]);
  });

  it('the build hands Astro only the pictures pages show, not every file in media/', () => {
    const jpeg = readFileSync(join(import.meta.dirname, '../../media/hidamari-ocha.jpg'));
    const report = readFileSync(
      join(import.meta.dirname, '../fixtures/minimal/content/reports/hidamari-2026-11.ja.md'),
      'utf8',
    ).replace(/\n---\n/, '\nphotos:\n  - src: /uploads/shown.jpg\n    alt: お茶の時間\n    consent: true\n---\n');
    const dir = fixtureCopy({
      'content/reports/hidamari-2026-11.ja.md': report,
      'media/shown.jpg': jpeg,
      'media/unused.jpg': jpeg,
    });
    const { entries, problems } = validateContent(dir);
    expect(problems).toEqual([]);
    expect([...shownPictures(entries)]).toEqual(['shown.jpg']);
    expect(usablePictures(dir)).toEqual(['shown.jpg', 'unused.jpg']);
  });
});

describe('the widths made of a picture', () => {
  it('all of them for a large photo, shown 800 px wide', () => {
    expect(photoWidths(4000)).toEqual({ widths: [...PHOTO_WIDTHS], width: 800 });
  });
  it('none wider than the picture', () => {
    expect(photoWidths(1000)).toEqual({ widths: [400, 800], width: 800 });
    expect(photoWidths(240)).toEqual({ widths: [240], width: 240 });
  });
});

describe('the copy Astro resizes from', () => {
  it('is upright and carries no metadata, and is not rewritten when unchanged', async () => {
    const phone = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
      .withMetadata({ orientation: 6 })
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 40/1 0/1' } })
      .jpeg()
      .toBuffer();
    const dir = fixtureCopy({ 'media/phone.jpg': phone });
    const path = await sanitizedCopy(dir, 'phone.jpg');
    expect(path).toBe(join(dir, '.cache/photos/phone.jpg'));
    const copy = readFileSync(path);
    expect(await exifr.gps(copy)).toBeUndefined();
    expect(await metadataOf(copy)).toBeUndefined();
    expect(await sharp(copy).metadata()).toMatchObject({ width: 48, height: 64 });

    const written = statSync(path).mtimeMs;
    writeFileSync(join(dir, 'marker'), ''); // time passes
    await sanitizedCopy(dir, 'phone.jpg');
    expect(statSync(path).mtimeMs).toBe(written);
  });
});
