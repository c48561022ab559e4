/**
 * The preview's glyph outlines from the PDF's SVG. Satori lays the sheet out once, with
 * `embedFont: false`, and writes each word as a `<text>` at its baseline; the PDF draws those
 * as real text (pdf-text.ts), and resvg, which cannot be given the fonts cheaply (it loads them
 * on every render: over a second), gets each word as a path of the same face's outlines at the
 * same place. One Satori run instead of two (one with outlines, one with text) per flyer.
 *
 * A word's outline is made once per process, in font units; each occurrence only places it
 * with a matrix (the em scaled to the font size, y turned down).
 */
import { Memo } from '../lib/memo.ts';
import { faceFor, type PdfFace } from './fonts.ts';

/**
 * A word's outline in font units, and the face's units per em. A memo held to a size (a kanji's
 * outline is 1–3 kB of path): 4 million characters of path a generation, one byte each, so two
 * generations hold about 8 MB.
 */
const outlines = new Memo<string, { d: string; upm: number }>(4_000_000, ({ d }, key) => d.length + key.length);

function outlineOf(face: PdfFace, text: string): { d: string; upm: number } {
  const key = `${face.key}\u0000${text}`;
  let outline = outlines.get(key);
  if (outline) return outline;
  const run = face.font.layout(text);
  let x = 0;
  let d = '';
  run.glyphs.forEach((glyph, i) => {
    const p = run.positions[i];
    if (!p) return;
    d += glyph.path.translate(x + p.xOffset, p.yOffset).toSVG();
    x += p.xAdvance;
  });
  outline = { d, upm: face.font.unitsPerEm };
  outlines.set(key, outline);
  return outline;
}

const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const ATTR = /([\w:-]+)="([^"]*)"/g;
/** Paint attributes a `<text>` passes on to its outline path. */
const PAINT = new Set(['fill', 'fill-opacity', 'opacity']);
/** Attributes in the text's own user space: on a group around the placed outline. */
const AROUND = ['transform', 'clip-path', 'mask', 'filter'];
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (value: string): string =>
  value.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (all, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? all),
  );

const r = (v: number) => Math.round(v * 1e4) / 1e4;

/** The SVG with every `<text>` replaced by its outline path (for resvg). */
export function outlineText(svg: string, faces: readonly PdfFace[]): string {
  return svg.replace(TEXT, (_all, attrText: string, content: string) => {
    const text = decode(content);
    if (!text.trim()) return '';
    const attrs: Record<string, string> = {};
    for (const [, name, value] of attrText.matchAll(ATTR)) attrs[name as string] = value as string;
    const face = faceFor(faces, text, attrs['font-weight']);
    if (!face) return '';
    const { d, upm } = outlineOf(face, text);
    if (!d) return '';
    const s = parseFloat(attrs['font-size'] ?? '16') / upm;
    const place = `matrix(${r(s)} 0 0 ${r(-s)} ${r(parseFloat(attrs['x'] ?? '0'))} ${r(parseFloat(attrs['y'] ?? '0'))})`;
    let paint = '';
    for (const [name, value] of Object.entries(attrs)) if (PAINT.has(name)) paint += ` ${name}="${value}"`;
    const path = `<path${paint} transform="${place}" d="${d}"/>`;
    // A turned word (the 中止 stamp) or a clipped one keeps those in its own user space, around
    // the placement (a clip on the path itself would be scaled by it).
    const around = AROUND.filter((name) => attrs[name] !== undefined)
      .map((name) => ` ${name}="${attrs[name]}"`)
      .join('');
    return around ? `<g${around}>${path}</g>` : path;
  });
}
