/**
 * The flyer fonts: BIZ UDPGothic (universal-design, made for legibility at a distance and for
 * readers with low vision) with Noto Sans JP as the fallback for characters BIZ UD lacks, or
 * for everything if the BIZ UD package is missing, and Noto Emoji for emoji. A translated
 * flyer adds its language's family (Noto Sans for Latin and Vietnamese, Noto Sans SC, KR or
 * Devanagari) in the order src/lib/flyer-fonts.ts chooses. Each TTF is 0.2–10.6 MB and Satori
 * parses it on first use (~300 ms for the Japanese ones), so a file is read once per process,
 * only when a flyer's families name it, and each set of families is loaded once.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { JAPANESE_FONTS, fontPieces, fontSetKey, type FontFamilyId } from '../lib/flyer-fonts.ts';
import { Memo } from '../lib/memo.ts';
import { useFastSubsets } from './subset.ts';
import type { Measure } from './text.ts';

export { JAPANESE_FONTS, type FontFamilyId };

export interface FlyerFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

/** A font file parsed for the PDF's real text (pdf-text.ts). */
export interface PdfFace {
  /** Name the face is registered under in each PDF document. */
  key: string;
  weight: 400 | 700;
  font: fontkit.Font;
  /** Whether the face has a glyph for a character (asked once per character and face). */
  has: (codePoint: number) => boolean;
}

/**
 * The face a word is drawn with, as Satori chooses it (glyphs.ts): the first face of the word's
 * weight, in the order of FAMILIES, that has the word's first character. Satori's bold is 700;
 * from 600 up the bold face is taken, as CSS font matching does.
 */
export function faceFor(faces: readonly PdfFace[], text: string, weight: string | undefined): PdfFace | undefined {
  const bold = (Number(weight) || 400) >= 600;
  const ofWeight = faces.filter((f) => f.weight === (bold ? 700 : 400));
  const list = ofWeight.length ? ofWeight : faces;
  const cp = text.codePointAt(0) ?? 32;
  return list.find((f) => f.has(cp)) ?? list[0];
}

export interface FlyerFonts {
  /** Primary first: Satori falls back along this list for missing glyphs. */
  fonts: FlyerFont[];
  /** CSS font-family for Satori. */
  family: string;
  /** Changes whenever a font file changes: part of every flyer's cache key. */
  hash: string;
  /** Text width with the primary font, the same advance widths Satori lays out with. */
  measure: Measure;
  /**
   * Every font file parsed once per process, in Satori's fallback order, for the PDF's text:
   * PDFKit takes a parsed face, so every flyer's PDF shares its glyph and layout caches.
   */
  faces: PdfFace[];
}

const require = createRequire(import.meta.url);

const FAMILIES: Record<FontFamilyId, { name: string; pkg: string; files: Record<400 | 700, string> }> = {
  'biz-udpgothic': {
    name: 'BIZ UDPGothic',
    pkg: '@expo-google-fonts/biz-udpgothic',
    files: { 400: '400Regular/BIZUDPGothic_400Regular.ttf', 700: '700Bold/BIZUDPGothic_700Bold.ttf' },
  },
  'noto-sans-jp': {
    name: 'Noto Sans JP',
    pkg: '@expo-google-fonts/noto-sans-jp',
    files: { 400: '400Regular/NotoSansJP_400Regular.ttf', 700: '700Bold/NotoSansJP_700Bold.ttf' },
  },
  'noto-sans': {
    name: 'Noto Sans',
    pkg: '@expo-google-fonts/noto-sans',
    files: { 400: '400Regular/NotoSans_400Regular.ttf', 700: '700Bold/NotoSans_700Bold.ttf' },
  },
  'noto-sans-sc': {
    name: 'Noto Sans SC',
    pkg: '@expo-google-fonts/noto-sans-sc',
    files: { 400: '400Regular/NotoSansSC_400Regular.ttf', 700: '700Bold/NotoSansSC_700Bold.ttf' },
  },
  'noto-sans-kr': {
    name: 'Noto Sans KR',
    pkg: '@expo-google-fonts/noto-sans-kr',
    files: { 400: '400Regular/NotoSansKR_400Regular.ttf', 700: '700Bold/NotoSansKR_700Bold.ttf' },
  },
  'noto-sans-devanagari': {
    name: 'Noto Sans Devanagari',
    pkg: '@expo-google-fonts/noto-sans-devanagari',
    files: { 400: '400Regular/NotoSansDevanagari_400Regular.ttf', 700: '700Bold/NotoSansDevanagari_700Bold.ttf' },
  },
  // Emoji (🎄 ☕ 🌸) as monochrome outlines, last: they print as clearly in black and white
  // as in colour, and the Japanese fonts keep the characters they share (※ ☆ ①).
  'noto-emoji': {
    name: 'Noto Emoji',
    pkg: '@expo-google-fonts/noto-emoji',
    files: { 400: '400Regular/NotoEmoji_400Regular.ttf', 700: '700Bold/NotoEmoji_700Bold.ttf' },
  },
};

function packageDir(pkg: string): string | undefined {
  try {
    return dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return undefined;
  }
}

/** Each font file of the families that is installed, primary family first. */
function installedFonts(families: readonly FontFamilyId[]): { name: string; weight: 400 | 700; path: string }[] {
  return families.flatMap((id) => {
    const family = FAMILIES[id];
    const dir = packageDir(family.pkg);
    if (!dir) return [];
    return ([400, 700] as const)
      .map((weight) => ({ name: family.name, weight, path: join(dir, family.files[weight]) }))
      .filter((f) => existsSync(f.path));
  });
}

/** The font files the flyers may use (`npm run screenshots` gives them to Chromium too). */
export const fontFilePaths = (families: readonly FontFamilyId[] = JAPANESE_FONTS): string[] =>
  installedFonts(families).map((f) => f.path);

/** Each family's files, read once per process and only when a flyer's families name it. */
const familyFiles = new Map<FontFamilyId, FlyerFont[]>();
/** Each family's files parsed for the PDF's text, shared by every set that lists the family. */
const familyFaces = new Map<FontFamilyId, PdfFace[]>();
const hashes = new Map<string, string>();
const sets = new Map<string, FlyerFonts>();
/**
 * Widths at 1 px by set, weight and text: layouts measure the same candidate lines again and
 * again. A memo (../lib/memo.ts): a large town's flyers measure hundreds of thousands of lines.
 */
const widths = new Map<string, Memo<string, number>>();
const WIDTHS_KEPT = 20_000;

/** Forgets measured widths, so a benchmark can time each flyer as if its texts were new. */
export function clearMeasureCache(): void {
  for (const set of widths.values()) set.clear();
}

function filesOf(id: FontFamilyId): FlyerFont[] {
  let fonts = familyFiles.get(id);
  if (!fonts) {
    fonts = installedFonts([id]).map(({ name, weight, path }) => ({
      name,
      data: readFileSync(path),
      weight,
      style: 'normal' as const,
    }));
    familyFiles.set(id, fonts);
  }
  return fonts;
}

function facesOf(id: FontFamilyId): PdfFace[] {
  let faces = familyFaces.get(id);
  if (!faces) {
    faces = filesOf(id).map((f): PdfFace => {
      const font = fontkit.create(f.data) as fontkit.Font;
      // Every PDF embeds a subset of each face it draws with: made without redoing per PDF
      // what is the same in all of them (subset.ts; fontkit's own bytes).
      useFastSubsets(font);
      const seen = new Map<number, boolean>();
      const has = (cp: number) => {
        let found = seen.get(cp);
        if (found === undefined) seen.set(cp, (found = font.hasGlyphForCodePoint(cp)));
        return found;
      };
      return { key: `${f.name} ${f.weight}`, weight: f.weight, font, has };
    });
    familyFaces.set(id, faces);
  }
  return faces;
}

/** The files of `families` that are installed, primary family first (glyphs.ts asks them which characters they have). */
export const fontFiles = (families: readonly FontFamilyId[] = JAPANESE_FONTS): readonly FlyerFont[] =>
  families.flatMap(filesOf);

/**
 * The fonts' part of the cache key, without parsing them: the flyers script needs it for
 * every entry, but parses the fonts only where it renders (in its worker processes). The
 * Japanese set's hash is what it was before translations had fonts of their own.
 */
export function fontsHash(families: readonly FontFamilyId[] = JAPANESE_FONTS): string {
  const key = fontSetKey(families);
  let hash = hashes.get(key);
  if (!hash) {
    const sha = createHash('sha256');
    for (const { name, weight, data } of fontFiles(families)) sha.update(name).update(String(weight)).update(data);
    hashes.set(key, (hash = sha.digest('hex').slice(0, 16)));
  }
  return hash;
}

/** The fonts of a flyer in Satori's fallback order (src/lib/flyer-fonts.ts chooses them; Japanese by default). */
export function loadFonts(families: readonly FontFamilyId[] = JAPANESE_FONTS): FlyerFonts {
  const setKey = fontSetKey(families);
  const existing = sets.get(setKey);
  if (existing) return existing;
  const fonts = [...fontFiles(families)];
  const primary = fonts.filter((f) => f.name === fonts[0]?.name);
  const regular = primary.find((f) => f.weight === 400);
  if (!regular)
    throw new Error(
      `チラシ用のフォントが見つかりません。npm install を実行してください / flyer fonts missing: install ${families.map((id) => FAMILIES[id].pkg).join(', ')}`,
    );
  const bold = primary.find((f) => f.weight === 700) ?? regular;
  const faces = families.flatMap(facesOf);
  const cache = new Memo<string, number>(WIDTHS_KEPT);
  widths.set(setKey, cache);
  // pdfkit's font engine gives the same advance widths Satori uses (checked to within 1 px).
  // Without PDFKit's own memo of laid-out runs: this document lives as long as the process,
  // and that memo kept every line ever measured (with its glyphs and positions), where `cache`
  // keeps a bounded number of widths.
  const doc = new PDFDocument({ autoFirstPage: false, fontLayoutCache: false });
  doc.registerFont('regular', regular.data);
  doc.registerFont('bold', bold.data);
  const japanese = setKey === fontSetKey(JAPANESE_FONTS);
  if (!japanese) for (const face of faces) doc.registerFont(face.key, face.font as unknown as string);
  const width1000 = (font: string, text: string) => doc.font(font).fontSize(1000).widthOfString(text) / 1000;
  const measure: Measure = (text, fontSize, isBold) => {
    const key = `${isBold ? 'b' : 'r'}${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      // A Japanese flyer is measured in its primary font, as always. A translation holds words
      // in other scripts (a Japanese place name on an English flyer): each word is measured
      // in the face Satori gives it (faceFor), or Noto Sans's missing-glyph box would be counted.
      width = japanese
        ? width1000(isBold ? 'bold' : 'regular', text)
        : fontPieces(text)
            .map((segment) => {
              const face = /^\s+$/u.test(segment) ? undefined : faceFor(faces, segment, isBold ? '700' : '400');
              return width1000(face?.key ?? (isBold ? 'bold' : 'regular'), segment);
            })
            .reduce((a, b) => a + b, 0);
      cache.set(key, width);
    }
    return width * fontSize;
  };
  const loaded: FlyerFonts = {
    fonts,
    faces,
    family: [...new Set(fonts.map((f) => f.name))].map((n) => `'${n}'`).join(', '),
    hash: fontsHash(families),
    measure,
  };
  sets.set(setKey, loaded);
  return loaded;
}
