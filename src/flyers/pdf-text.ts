/**
 * Real text in the printed PDFs. Satori, told `embedFont: false`, writes each word it laid out as
 * a `<text>` element at its baseline (x, y) with its size, weight and colour; here each run of
 * such words becomes PDF text in the same TrueType font, placed at exactly Satori's x of every
 * word (a TJ adjustment corrects what the font's own advance would give), so the page looks as
 * the outline version did and `pdftotext`, screen readers and copy-paste get the words. PDFKit
 * embeds each font used as a subset of the glyphs drawn, with a ToUnicode map.
 *
 * The font of a word is chosen as Satori chooses it (glyphs.ts): the first face of the word's
 * weight, in the order of fonts.ts, that has the word's first character.
 */
import { Memo } from '../lib/memo.ts';
import { faceFor, type PdfFace } from './fonts.ts';
import { num, type SvgNode } from './svg-pdf.ts';

/** Draws runs of Satori `<text>` elements that share one line and style. */
export type TextDrawer = (run: SvgNode[]) => void;

/** What PDFKit's embedded font keeps of the glyphs drawn: the subset, widths and ToUnicode. */
interface EmbeddedFont {
  id: string;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

/** A word shaped by fontkit: glyph ids, advances with kerning, plain advances (1/1000 em). */
interface Shaped {
  ids: number[];
  xAdvance: number[];
  advance: number[];
  codePoints: number[][];
  /**
   * The word as ActualText when its glyphs do not read back as it: Devanagari draws ि before
   * the consonant it follows and merges conjuncts (स्व), Vietnamese ị may be drawn as i and a
   * combining dot whose shared i glyph reads as a plain i. Undefined when each glyph is the
   * font's own for one character of the word, in order (Japanese, as a rule).
   */
  actualText?: string;
}

/** `<FEFF…>`: a text string in UTF-16BE, as PDF writes text outside the fonts. */
const utf16Hex = (text: string) =>
  `<FEFF${Array.from(text, (c) => {
    const code = c.codePointAt(0) ?? 0;
    if (code < 0x10000) return code.toString(16).padStart(4, '0');
    const v = code - 0x10000;
    return ((0xd800 | (v >> 10)).toString(16) + (0xdc00 | (v & 0x3ff)).toString(16)).toUpperCase();
  })
    .join('')
    .toUpperCase()}>`;

/**
 * Shaped words by face, for the whole process. PDFKit shapes each text again in every document
 * (its cache lives in the document's font), and Satori gives every Japanese character as a word
 * of its own: shaping them anew was most of the PDF step. A memo (../lib/memo.ts): a build of
 * 10,000 entries sees a few thousand distinct characters, and words and numbers without end.
 */
const shapedByFace = new Map<string, Memo<string, Shaped>>();
const SHAPED_KEPT = 20_000;

function shape(face: PdfFace, text: string): Shaped {
  let cache = shapedByFace.get(face.key);
  if (!cache) shapedByFace.set(face.key, (cache = new Memo(SHAPED_KEPT)));
  let shaped = cache.get(text);
  if (shaped) return shaped;
  const run = face.font.layout(text);
  const scale = 1000 / face.font.unitsPerEm;
  const chars = Array.from(text);
  const plain =
    run.glyphs.length === chars.length &&
    run.glyphs.every(
      (g, i) =>
        g.codePoints.length === 1 &&
        g.codePoints[0] === chars[i]?.codePointAt(0) &&
        face.font.glyphForCodePoint(g.codePoints[0] as number).id === g.id,
    );
  shaped = {
    ids: run.glyphs.map((g) => g.id),
    xAdvance: run.positions.map((p) => p.xAdvance * scale),
    advance: run.glyphs.map((g) => g.advanceWidth * scale),
    codePoints: run.glyphs.map((g) => g.codePoints),
    ...(plain ? {} : { actualText: utf16Hex(text) }),
  };
  cache.set(text, shaped);
  return shaped;
}

/**
 * The word's glyphs in the document's subset, as PDFKit's own encode() records them (subset
 * glyph, width for the W array, code points for ToUnicode), as hex glyph codes.
 */
function encode(font: EmbeddedFont, shaped: Shaped): string[] {
  return shaped.ids.map((id, i) => {
    const gid = font.subset.includeGlyph(id);
    font.widths[gid] ??= shaped.advance[i] as number;
    font.unicode[gid] ??= shaped.codePoints[i] as number[];
    return gid.toString(16).padStart(4, '0');
  });
}

const n = (value: string | undefined, fallback = 0): number => {
  const v = value === undefined ? NaN : parseFloat(value);
  return Number.isFinite(v) ? v : fallback;
};

/**
 * A drawer for `doc`, with the faces registered on it. `warn` is told about text no face can
 * draw (render.ts stops on that before, through Satori's loadAdditionalAsset).
 */
export function textDrawer(doc: PDFKit.PDFDocument, faces: readonly PdfFace[], warn: (m: string) => void): TextDrawer {
  for (const face of faces) doc.registerFont(face.key, face.font as unknown as string);
  const embedded = new Map<string, EmbeddedFont>();
  const use = (face: PdfFace): EmbeddedFont => {
    let font = embedded.get(face.key);
    if (!font) {
      // PDFKit makes the embedded (subset) font on first use; only faces that draw are embedded.
      doc.font(face.key);
      font = (doc as unknown as { _font: EmbeddedFont })._font;
      embedded.set(face.key, font);
    }
    const fonts = doc.page.fonts as Record<string, unknown>;
    fonts[font.id] ??= font.ref();
    return font;
  };

  return (run) => {
    let out = 'BT\n';
    let fontKey = '';
    let size = 0;
    /** Pen position after the last glyph written, in the page's (Satori's) units. */
    let pen = 0;
    let tj: string[] = [];
    let started = false;
    const flush = () => {
      if (tj.length) out += `[${tj.join(' ')}] TJ\n`;
      tj = [];
    };
    for (const node of run) {
      const text = node.text ?? '';
      if (!text) continue;
      const a = node.attrs;
      const fontSize = n(a['font-size'], 16);
      const x = n(a['x']);
      const face = faceFor(faces, text, a['font-weight']);
      if (!face) {
        warn(`text 「${text}」 left out: no font`);
        continue;
      }
      const font = use(face);
      if (face.key !== fontKey || fontSize !== size) {
        flush();
        out += `/${font.id} ${num(fontSize)} Tf\n`;
        fontKey = face.key;
        size = fontSize;
      }
      if (!started) {
        // y grows downwards in the page's user space: the text matrix turns the glyphs upright.
        out += `1 0 0 -1 ${num(x)} ${num(n(a['y']))} Tm\n`;
        pen = x;
        started = true;
      }
      const shaped = shape(face, text);
      const glyphs = encode(font, shaped);
      const scale = fontSize / 1000;
      // Satori's x for this word, not where the previous word's advances ended.
      const gap = x - pen;
      // TJ adjustments are in thousandths of the font size, positive to the left.
      if (Math.abs(gap) > 0.005) tj.push(num(-gap / scale));
      pen = x;
      if (shaped.actualText) {
        // The glyphs in their own marked span, so that copying and reading aloud get the word.
        flush();
        out += `/Span <</ActualText ${shaped.actualText}>> BDC\n`;
      }
      let hex = '';
      for (let i = 0; i < glyphs.length; i++) {
        const xAdvance = shaped.xAdvance[i] as number;
        hex += glyphs[i];
        // Kerning within a word, as PDFKit itself writes it.
        const kern = xAdvance - (shaped.advance[i] as number);
        if (Math.abs(kern) > 0.005) {
          tj.push(`<${hex}>`, num(-kern));
          hex = '';
        }
        pen += xAdvance * scale;
      }
      if (hex) tj.push(`<${hex}>`);
      if (shaped.actualText) {
        flush();
        out += 'EMC\n';
      }
    }
    flush();
    if (!started) return;
    out += 'ET\n';
    doc.page.write(Buffer.from(out, 'latin1'));
  };
}
