/**
 * Re-encodes an uploaded picture so that nothing but its pixels is published: EXIF (GPS
 * position, camera, maker notes), XMP, IPTC and comments are dropped, the camera's orientation
 * is applied to the pixels instead of being left in a tag, and colours are converted to sRGB
 * (sharp's default without withMetadata). A photo larger than MAX_SIDE is scaled down to it:
 * enough for any screen and for the flyer's photo box at print resolution, and a 12-megapixel
 * phone photo (3–8 MB) becomes ~0.3 MB for residents on a phone. Results are kept in
 * .cache/uploads/ by content hash, as the daily build meets the same photos. Measured on this
 * machine for a 12-megapixel photo: JPEG 0.3 s, WebP 1.5 s, AVIF 5 s (20 s at sharp's default
 * AVIF effort, hence effort 2; 0.8 s, 4.5 s and minutes without the scaling).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Bilingual } from '../../schemas/fields.ts';
import type { RasterFormat } from './paths.ts';

/** Bump when the encoding settings change, so cached pictures are made again. */
const SANITIZE_VERSION = '2';

/** Longest side, in pixels, of a published picture. */
export const MAX_SIDE = 2400;

/** A picture sharp could not read although it passed the gate; the message names the file. */
export class MediaError extends Error {
  readonly file: string;
  readonly bilingual: Bilingual;
  /** The file does not exist (rather than being unusable). */
  readonly missing: boolean;
  constructor(file: string, message: Bilingual, missing = false) {
    super(`${file}: ${message.ja}。 / ${message.en}.`);
    this.file = file;
    this.bilingual = message;
    this.missing = missing;
  }
}

/** The pixels of `input` as a fresh `format` file with no metadata, upright. */
export async function sanitizeImage(input: Uint8Array, format: RasterFormat): Promise<Buffer> {
  // failOn 'error': phone JPEGs often carry harmless decoder warnings; cut-off files are
  // already refused by the gate (sniff.ts).
  const image = sharp(input, { failOn: 'error' })
    .rotate()
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 85 }).toBuffer();
    case 'png':
      return image.png({ compressionLevel: 9 }).toBuffer();
    case 'webp':
      return image.webp({ quality: 85 }).toBuffer();
    case 'avif':
      return image.avif({ quality: 60, effort: 2 }).toBuffer();
  }
}

/** sanitizeImage, kept in `<root>/.cache/uploads/` under the hash of the input and the settings. */
export async function sanitizeCached(
  root: string,
  file: string,
  input: Uint8Array,
  format: RasterFormat,
): Promise<{ data: Buffer; cached: boolean; key: string }> {
  const key = createHash('sha256').update(input).update(`\0${format}\0${SANITIZE_VERSION}`).digest('hex');
  const dir = join(root, '.cache', 'uploads');
  const path = join(dir, `${key}.${format}`);
  if (existsSync(path)) return { data: readFileSync(path), cached: true, key };
  let data: Buffer;
  try {
    data = await sanitizeImage(input, format);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new MediaError(file, {
      ja: `写真を読み取れませんでした（${detail}）。元の写真からアップロードし直してください`,
      en: `the photo cannot be read (${detail}); upload the original photo again`,
    });
  }
  mkdirSync(dir, { recursive: true });
  // Written aside and renamed: parallel flyer workers may make the same picture at once.
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(temp, data);
  renameSync(temp, path);
  return { data, cached: false, key };
}
