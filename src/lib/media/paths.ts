/**
 * Where uploaded pictures live and how content points at them. Decap uploads into `media/`
 * (outside public/, so nothing there is published as it is) and stores `/uploads/<file>` in the
 * entry; the build publishes only referenced pictures, re-encoded, at that same address.
 */
import type { Bilingual } from '../../schemas/fields.ts';

/** The media folder, relative to the project root (Decap's media_folder). */
export const MEDIA_FOLDER = 'media';
/** The address prefix pictures are published under (Decap's public_folder). */
export const MEDIA_URL = '/uploads';

export const RASTER_FORMATS = ['jpeg', 'png', 'webp', 'avif'] as const;
export type RasterFormat = (typeof RASTER_FORMATS)[number];

const EXTENSIONS: Record<string, RasterFormat> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
};

/** The raster format a file name promises by its extension (case-insensitive), if any. */
export function formatOfName(name: string): RasterFormat | undefined {
  const ext = /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext ? EXTENSIONS[ext] : undefined;
}

/**
 * A file name Decap can have written (it lower-cases names and replaces spaces and symbols):
 * one path segment, no leading dot, nothing a URL would read as a query, fragment or escape.
 */
const FILE_NAME = String.raw`[^/\\?#%\s\u0000-\u001f.][^/\\?#%\s\u0000-\u001f]*`;
const RASTER_EXT = String.raw`\.(?:[jJ][pP][eE]?[gG]|[pP][nN][gG]|[wW][eE][bB][pP]|[aA][vV][iI][fF])`;

/** The rule for an image field's value (/uploads/<file>), as a regular expression source. */
export const IMAGE_SRC_PATTERN = `^${MEDIA_URL}/${FILE_NAME}${RASTER_EXT}$`;
/**
 * The same rule for the CMS, without flags: Decap checks a field's `pattern` with
 * `RegExp(pattern)` before saving, and for an image widget on the file's base name
 * (poster.svg), not the stored path — Decap itself puts it under /uploads/.
 */
export const IMAGE_NAME_PATTERN = `^${FILE_NAME}${RASTER_EXT}$`;
const IMAGE_SRC_RE = new RegExp(IMAGE_SRC_PATTERN);
const FILE_NAME_RE = new RegExp(`^${FILE_NAME}$`);

/** What the CMS says when an image field's value breaks IMAGE_SRC_PATTERN. */
export const IMAGE_SRC_HINT =
  '使えるのは JPEG・PNG・WebP・AVIF の写真だけです（SVG・GIF・PDF などは使えません）。写真を選び直してください';

/** The file name under media/ of a value that follows the rule, e.g. /uploads/a.jpg → a.jpg. */
export function mediaNameOf(src: string): string | undefined {
  return IMAGE_SRC_RE.test(src) ? src.slice(MEDIA_URL.length + 1) : undefined;
}

const FIX = {
  ja: '編集画面の「画像を選択」で写真をアップロードして選び直してください（例: /uploads/salon.jpg）',
  en: "upload the photo with the CMS's 画像を選択 button and choose it again (e.g. /uploads/salon.jpg)",
};

/**
 * Why an image value cannot be used, or undefined if it names a picture in the media folder.
 * Refused: web addresses, paths outside /uploads/ (../, other folders, backslashes), names a URL
 * would misread, and files that are not JPEG, PNG, WebP or AVIF by their extension.
 */
export function imageSrcProblem(src: string): Bilingual | undefined {
  if (IMAGE_SRC_RE.test(src)) return undefined;
  if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(src))
    return {
      ja: `インターネット上のアドレスや「${src.split(':')[0]}:」で始まる値は画像に使えません。写真を保存してから、${FIX.ja}`,
      en: `web addresses and other URLs cannot be used as images; save the photo, then ${FIX.en}`,
    };
  const inside = src.startsWith(`${MEDIA_URL}/`) && !/[/\\]/.test(src.slice(MEDIA_URL.length + 1));
  if (!inside)
    return {
      ja: `画像は ${MEDIA_URL}/ のファイル（${MEDIA_FOLDER}/ フォルダに置いたもの）しか使えません。${FIX.ja}`,
      en: `images must be files directly in ${MEDIA_URL}/ (the ${MEDIA_FOLDER}/ folder); ${FIX.en}`,
    };
  const name = src.slice(MEDIA_URL.length + 1);
  if (!FILE_NAME_RE.test(name))
    return {
      ja: `ファイル名「${name}」に、空白・「?」「#」「%」などの記号が入っているか、「.」で始まっています。半角英数字とハイフンの名前にしてアップロードし直してください`,
      en: `the file name ${name} has spaces or symbols (? # %) or starts with a dot; rename it with letters, digits and hyphens and upload it again`,
    };
  const ext = /\.([^.]+)$/.exec(name)?.[1];
  return {
    ja: `${ext ? `「.${ext}」のファイル` : '拡張子のないファイル'}は画像に使えません。JPEG・PNG・WebP・AVIF の写真にしてください`,
    en: `${ext ? `.${ext} files` : 'files without an extension'} cannot be used as images; use a JPEG, PNG, WebP or AVIF photo`,
  };
}
