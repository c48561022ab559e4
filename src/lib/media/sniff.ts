/**
 * What a file in the media folder really is, from its bytes rather than its name: an SVG
 * renamed photo.png is still an SVG. The four raster formats the site can re-encode are also
 * walked through their structure (JPEG segments, PNG chunks and checksums, RIFF and ISO-BMFF
 * box sizes), so a truncated or damaged upload is refused by `npm run check` before sharp
 * meets it in the build. Pure and synchronous: the validator runs it on every check.
 */
import type { Bilingual } from '../../schemas/fields.ts';
import type { RasterFormat } from './paths.ts';

export type Sniffed =
  | { kind: 'raster'; format: RasterFormat }
  /** Starts like one of the four formats but its structure is cut short or broken. */
  | { kind: 'damaged'; format: RasterFormat }
  /** Anything else, with what it looks like, for the message. */
  | { kind: 'other'; what: Bilingual };

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));
const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const u32le = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

function jpegIsWhole(b: Uint8Array): boolean {
  let i = 2;
  let frame = false;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return false;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = (b[i + 2]! << 8) | b[i + 3]!;
    if (length < 2 || i + 2 + length > b.length) return false;
    // Start of frame (not DHT, JPG or DAC): the picture has a size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = (b[i + 5]! << 8) | b[i + 6]!;
      const width = (b[i + 7]! << 8) | b[i + 8]!;
      if (!width || !height) return false;
      frame = true;
    }
    if (marker === 0xda) {
      // The scan runs to the end-of-image marker; a cut-off upload has none.
      for (let j = b.length - 2; j > i + 2 + length; j--) if (b[j] === 0xff && b[j + 1] === 0xd9) return frame;
      return false;
    }
    i += 2 + length;
  }
  return false;
}

let crcTable: Uint32Array | undefined;
function crc32(b: Uint8Array, start: number, end: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = crcTable[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngIsWhole(b: Uint8Array): boolean {
  let i = 8;
  let first = true;
  while (i + 12 <= b.length) {
    const length = u32(b, i);
    const type = ascii(b, i + 4, 4);
    if (i + 12 + length > b.length) return false;
    if (first && (type !== 'IHDR' || !u32(b, i + 8) || !u32(b, i + 12))) return false;
    first = false;
    if (crc32(b, i + 4, i + 8 + length) !== u32(b, i + 8 + length)) return false;
    if (type === 'IEND') return true;
    i += 12 + length;
  }
  return false;
}

function webpIsWhole(b: Uint8Array): boolean {
  const size = u32le(b, 4);
  return size + 8 <= b.length && size >= 12 && ['VP8 ', 'VP8L', 'VP8X'].includes(ascii(b, 12, 4));
}

/** The brands of an ISO-BMFF file's ftyp box (AVIF, HEIC), or undefined if it has none. */
function ftypBrands(b: Uint8Array): string[] | undefined {
  if (b.length < 16 || ascii(b, 4, 4) !== 'ftyp') return undefined;
  const size = u32(b, 0);
  if (size < 16 || size > b.length) return undefined;
  const brands = [ascii(b, 8, 4)];
  for (let i = 16; i + 4 <= size; i += 4) brands.push(ascii(b, i, 4));
  return brands;
}

function boxesAreWhole(b: Uint8Array): boolean {
  let i = 0;
  let meta = false;
  while (i < b.length) {
    if (i + 8 > b.length) return false;
    let size = u32(b, i);
    if (ascii(b, i + 4, 4) === 'meta') meta = true;
    if (size === 1) {
      if (i + 16 > b.length) return false;
      size = u32(b, i + 8) * 2 ** 32 + u32(b, i + 12);
    } else if (size === 0) size = b.length - i;
    if (size < 8 || i + size > b.length) return false;
    i += size;
  }
  return meta;
}

const OTHER = {
  svg: { ja: 'SVG画像', en: 'an SVG image' },
  html: { ja: 'HTMLのページ', en: 'an HTML page' },
  xml: { ja: 'XMLの文書', en: 'an XML document' },
  pdf: { ja: 'PDF', en: 'a PDF' },
  gif: { ja: 'GIF画像', en: 'a GIF image' },
  bmp: { ja: 'BMP画像', en: 'a BMP image' },
  tiff: { ja: 'TIFF画像', en: 'a TIFF image' },
  ico: { ja: 'アイコン（ICO）', en: 'an ICO icon' },
  heic: { ja: 'HEIC写真（iPhoneの高効率形式）', en: 'a HEIC photo (the iPhone high-efficiency format)' },
  text: { ja: '文字だけのファイル', en: 'a text file' },
  empty: { ja: '空のファイル', en: 'an empty file' },
  unknown: { ja: '画像として読めないファイル', en: 'a file that is not a readable image' },
} satisfies Record<string, Bilingual>;

/** Markup sniffed the way a browser would: what it is, not what it is named. */
function markup(b: Uint8Array): Bilingual | undefined {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(b.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .toLowerCase();
  if (!/^\s*</.test(head)) return undefined;
  if (/<svg[\s>]/.test(head)) return OTHER.svg;
  if (/<(?:!doctype\s+html|html|head|body|script|iframe|img|a|div|p|meta|title|style)[\s>/]/.test(head))
    return OTHER.html;
  if (head.trimStart().startsWith('<?xml')) return OTHER.xml;
  return OTHER.html;
}

export function sniffImage(bytes: Uint8Array): Sniffed {
  const b = bytes;
  if (b.length === 0) return { kind: 'other', what: OTHER.empty };
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff)
    return { kind: jpegIsWhole(b) ? 'raster' : 'damaged', format: 'jpeg' };
  if (b.length >= 8 && ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n')
    return { kind: pngIsWhole(b) ? 'raster' : 'damaged', format: 'png' };
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP')
    return { kind: b.length >= 16 && webpIsWhole(b) ? 'raster' : 'damaged', format: 'webp' };
  const brands = ftypBrands(b);
  if (brands?.some((brand) => brand === 'avif' || brand === 'avis'))
    return { kind: boxesAreWhole(b) ? 'raster' : 'damaged', format: 'avif' };
  if (brands?.some((brand) => ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)))
    return { kind: 'other', what: OTHER.heic };
  const magic = ascii(b, 0, 4);
  if (magic === '%PDF') return { kind: 'other', what: OTHER.pdf };
  if (magic.startsWith('GIF8')) return { kind: 'other', what: OTHER.gif };
  if (magic.startsWith('BM')) return { kind: 'other', what: OTHER.bmp };
  if (magic === 'II*\0' || magic === 'MM\0*') return { kind: 'other', what: OTHER.tiff };
  if (magic === '\0\0\x01\0') return { kind: 'other', what: OTHER.ico };
  const text = markup(b);
  if (text) return { kind: 'other', what: text };
  // Mostly printable UTF-8 in the first bytes: a text file given an image's name.
  const head = b.subarray(0, 512);
  if (head.every((c) => c === 9 || c === 10 || c === 13 || c >= 32)) return { kind: 'other', what: OTHER.text };
  return { kind: 'other', what: OTHER.unknown };
}
