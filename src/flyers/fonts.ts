/**
 * The flyer fonts: BIZ UDPGothic (universal-design, made for legibility at a distance and for
 * readers with low vision) with Noto Sans JP as the fallback for characters BIZ UD lacks, or
 * for everything if the BIZ UD package is missing, and Noto Emoji for emoji. Each TTF is 4.5–5.5 MB and Satori parses it
 * on first use (~300 ms), so the files are read once per process and shared.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { Measure } from './text.ts';

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

const FAMILIES = [
  {
    name: 'BIZ UDPGothic',
    pkg: '@expo-google-fonts/biz-udpgothic',
    files: { 400: '400Regular/BIZUDPGothic_400Regular.ttf', 700: '700Bold/BIZUDPGothic_700Bold.ttf' },
  },
  {
    name: 'Noto Sans JP',
    pkg: '@expo-google-fonts/noto-sans-jp',
    files: { 400: '400Regular/NotoSansJP_400Regular.ttf', 700: '700Bold/NotoSansJP_700Bold.ttf' },
  },
  {
    // Emoji (🎄 ☕ 🌸) as monochrome outlines, last: they print as clearly in black and white
    // as in colour, and the Japanese fonts keep the characters they share (※ ☆ ①).
    name: 'Noto Emoji',
    pkg: '@expo-google-fonts/noto-emoji',
    files: { 400: '400Regular/NotoEmoji_400Regular.ttf', 700: '700Bold/NotoEmoji_700Bold.ttf' },
  },
] as const;

function packageDir(pkg: string): string | undefined {
  try {
    return dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return undefined;
  }
}

/** Each font file of FAMILIES that is installed, primary family first. */
function installedFonts(): { name: string; weight: 400 | 700; path: string }[] {
  return FAMILIES.flatMap((family) => {
    const dir = packageDir(family.pkg);
    if (!dir) return [];
    return ([400, 700] as const)
      .map((weight) => ({ name: family.name, weight, path: join(dir, family.files[weight]) }))
      .filter((f) => existsSync(f.path));
  });
}

/** The font files the flyers use (`npm run screenshots` gives them to Chromium too). */
export const fontFilePaths = (): string[] => installedFonts().map((f) => f.path);

let files: { fonts: FlyerFont[]; hash: string } | undefined;
/** Widths at 1 px by weight and text: layouts measure the same candidate lines again and again. */
const widths = new Map<string, number>();

/** Forgets measured widths, so a benchmark can time each flyer as if its texts were new. */
export function clearMeasureCache(): void {
  widths.clear();
}
let loaded: FlyerFonts | undefined;

function readFontFiles(): { fonts: FlyerFont[]; hash: string } {
  if (files) return files;
  const fonts: FlyerFont[] = [];
  const hash = createHash('sha256');
  for (const { name, weight, path } of installedFonts()) {
    const data = readFileSync(path);
    hash.update(name).update(String(weight)).update(data);
    fonts.push({ name, data, weight, style: 'normal' });
  }
  files = { fonts, hash: hash.digest('hex').slice(0, 16) };
  return files;
}

/** Every font file read, primary family first (glyphs.ts asks them which characters they have). */
export const fontFiles = (): readonly FlyerFont[] => readFontFiles().fonts;

/**
 * The fonts' part of the cache key, without parsing them: the flyers script needs it for
 * every entry, but parses the fonts only where it renders (in its worker threads).
 */
export function fontsHash(): string {
  return readFontFiles().hash;
}

export function loadFonts(): FlyerFonts {
  if (loaded) return loaded;
  const { fonts, hash } = readFontFiles();
  const primary = fonts.filter((f) => f.name === fonts[0]?.name);
  const regular = primary.find((f) => f.weight === 400);
  if (!regular)
    throw new Error(
      'チラシ用のフォントが見つかりません。npm install を実行してください / flyer fonts missing: install @expo-google-fonts/biz-udpgothic (or @expo-google-fonts/noto-sans-jp)',
    );
  const bold = primary.find((f) => f.weight === 700) ?? regular;
  // pdfkit's font engine gives the same advance widths Satori uses (checked to within 1 px).
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.registerFont('regular', regular.data);
  doc.registerFont('bold', bold.data);
  const measure: Measure = (text, fontSize, isBold) => {
    const key = `${isBold ? 'b' : 'r'}${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      width =
        doc
          .font(isBold ? 'bold' : 'regular')
          .fontSize(1000)
          .widthOfString(text) / 1000;
      widths.set(key, width);
    }
    return width * fontSize;
  };
  const faces = fonts.map((f): PdfFace => {
    const font = fontkit.create(f.data) as fontkit.Font;
    const seen = new Map<number, boolean>();
    const has = (cp: number) => {
      let found = seen.get(cp);
      if (found === undefined) seen.set(cp, (found = font.hasGlyphForCodePoint(cp)));
      return found;
    };
    return { key: `${f.name} ${f.weight}`, weight: f.weight, font, has };
  });
  loaded = {
    fonts,
    faces,
    family: [...new Set(fonts.map((f) => f.name))].map((n) => `'${n}'`).join(', '),
    hash,
    measure,
  };
  return loaded;
}
