/**
 * The lines of a sheet written into Satori's SVG after it has laid the sheet out, instead of as
 * text for Satori to lay out. Every line of a flyer is already broken and measured before Satori
 * runs (text.ts breaks it with the fonts' own advances, elements.ts gives it a box of known
 * height); all Satori added was its own work on each text: segmenting it, measuring every word
 * again, and its text layout's bookkeeping — more than half of its time on an A4 sheet (11.6
 * against 5.0 ms for the same sheets with the texts left out, the sample's 102 sheets).
 *
 * So each line's text becomes an empty box of the text's width and the line's height, which
 * Satori places as it would have placed the text, painted in a colour of its own so that the
 * box's `<rect>` marks where in the SVG's order the text belongs (a later box, the 中止 stamp,
 * still covers it). The `<rect>` is then replaced by the `<text>` elements Satori writes: one per
 * piece of the text as Satori cuts it (satoriPieces), at the box's left and each the next at the
 * piece's advance, on the baseline Satori gives that size and line height — taken from Satori
 * itself, once per style and process, from a one-character probe (the ふりがな's readings are
 * written the same way: ruby-svg.ts).
 *
 * A line is left to Satori where its widths could differ from Satori's: a character the set's
 * first face lacks (measure counts that face; Satori takes the character from a fallback face,
 * or refuses it and render.ts names it), spaces that Satori would collapse or trim, tabs, line
 * breaks and no-break spaces, a style this module does not reproduce, and a translation's lines.
 */
import satori, { type SatoriOptions } from 'satori';
import LineBreaker from 'linebreak';
import { JAPANESE_FONTS, fontsHash, type FlyerFonts, type PdfFace } from './fonts.ts';
import type { Child, El, Style } from './layout/elements.ts';
import { squareBorders } from './layout/borders.ts';

/** The prop of a line's box whose text child this module writes (elements.ts lines, rubyLines). */
export const TEXT_LINE = 'data-text-line';

/** What Satori writes for one character of a style: the baseline's offset and the attributes. */
interface Probe {
  baseline: number;
  /** The `height` Satori writes (its line height, computed: 30.999999999999996 for 31px at 21.5 px). */
  height: string;
  attributes: string;
}

/** A text's style as the probe needs it: the box's line height and what it inherits. */
export interface TextStyle {
  size: number;
  /** The line box's height and line height, in px. */
  lineHeight: number;
  weight?: string | number;
  color?: string;
  /**
   * A character of the face the text is drawn in, and that face's key: Satori sets a word on its
   * own face's baseline (Noto Sans's is not BIZ UDPGothic's). By default あ, in the set's first
   * face that has it.
   */
  sample?: { char: string; face: string };
}

const probes = new Map<string, Promise<Probe>>();

/** Satori's own baseline and `<text>` attributes for a style, once per style and process. */
export function probeText(fonts: FlyerFonts, style: TextStyle): Promise<Probe> {
  const key = `${fonts.family}|${style.sample?.face}|${style.size}|${style.lineHeight}|${style.weight}|${style.color}`;
  let known = probes.get(key);
  if (!known) {
    const options: SatoriOptions = { width: 100, height: style.lineHeight, fonts: fonts.fonts, embedFont: false };
    const element = {
      type: 'div',
      props: {
        style: {
          display: 'flex',
          width: 100,
          height: style.lineHeight,
          fontFamily: fonts.family,
          fontSize: style.size,
          lineHeight: `${style.lineHeight}px`,
          whiteSpace: 'pre',
          ...(style.color === undefined ? {} : { color: style.color }),
          ...(style.weight === undefined ? {} : { fontWeight: style.weight }),
        },
        children: style.sample?.char ?? 'あ',
      },
    };
    known = satori(element as unknown as Parameters<typeof satori>[0], options).then((svg) => {
      const text = /<text x="[^"]*" y="([^"]*)" width="[^"]*" height="([^"]*)"([^>]*)>/.exec(svg);
      if (!text) throw new Error(`文字の位置を決められませんでした / no text in Satori's probe: ${svg.slice(0, 200)}`);
      return { baseline: Number(text[1]), height: text[2] as string, attributes: text[3] as string };
    });
    probes.set(key, known);
  }
  return known;
}

const ESCAPED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text as Satori does for `<text>` content (escape-html). */
export const escapeText = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPED[c] as string);

/** A line taken from Satori: its pieces with their advances, and its style. */
interface PlacedLine {
  pieces: { text: string; width: number }[];
  style: TextStyle;
}

/** Styles that change how Satori sets text, which this module does not reproduce. */
const UNSUPPORTED = [
  'letterSpacing',
  'wordSpacing',
  'textAlign',
  'textTransform',
  'textDecoration',
  'textDecorationLine',
  'textShadow',
  'textIndent',
  'fontStyle',
  'fontVariant',
  'fontFeatureSettings',
  'direction',
  'writingMode',
  'WebkitTextStroke',
  'textOverflow',
  'lineClamp',
];
/** What a child inherits of its parent's style for its text. */
const INHERITED = ['color', 'fontWeight', 'fontSize', 'lineHeight', 'whiteSpace', 'fontFamily', ...UNSUPPORTED];

const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * The `<text>` elements Satori writes for a line, in order: its text cut where a line may break
 * (UAX #14, Satori's own `linebreak`), each part cut again into words (Intl.Segmenter, as
 * Satori's renderer does). So 回覧板 is three, パーティ two (パー, ティ: no line starts with a
 * small kana or ー), "Hello, world" four (Hello , space world).
 */
export function satoriPieces(text: string): string[] {
  const pieces: string[] = [];
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    for (const { segment } of words.segment(text.slice(last, next.position))) pieces.push(segment);
    last = next.position;
  }
  return pieces;
}

const pieceWeight = (weight: string | number | undefined): '400' | '700' =>
  weight === 'bold' || (Number(weight) || 400) >= 600 ? '700' : '400';

/** The face `measure` counts a text's width in: the set's first of the weight (fonts.ts). */
const firstOfWeight = (faces: readonly PdfFace[], weight: '400' | '700'): PdfFace | undefined =>
  faces.find((f) => f.weight === Number(weight)) ?? faces[0];

/** The line's pieces and style, or undefined where Satori should set it (see the module's comment). */
function placeable(text: string, style: Style, fonts: FlyerFonts): PlacedLine | undefined {
  if (UNSUPPORTED.some((key) => style[key] !== undefined) || style['fontFamily'] !== fonts.family) return undefined;
  const size = style['fontSize'];
  const lineHeight = style['lineHeight'];
  const height = style['height'];
  if (typeof size !== 'number' || typeof height !== 'number' || lineHeight !== `${height}px`) return undefined;
  const white = style['whiteSpace'];
  // Satori joins a no-break space to the words on either side of it: not reproduced.
  if (!text || /[\t\n\r\f\v\u00a0]/.test(text)) return undefined;
  if (white === 'nowrap') {
    if (/^\s|\s$|\s\s/u.test(text)) return undefined;
  } else if (white !== 'pre') return undefined;
  const weight = style['fontWeight'] as string | number | undefined;
  const pieceFace = pieceWeight(weight);
  const first = firstOfWeight(fonts.faces, pieceFace);
  const bold = pieceFace === '700';
  if (!first) return undefined;
  const pieces: PlacedLine['pieces'] = [];
  let sample: string | undefined;
  for (const piece of satoriPieces(text)) {
    if (!/^\s+$/u.test(piece)) {
      // Every character in the face measured: one it lacks is Satori's to find in a fallback
      // face, or to refuse (render.ts names a character no flyer font has).
      for (const char of piece) if (!first.has(char.codePointAt(0) as number)) return undefined;
      sample ??= String.fromCodePoint(piece.codePointAt(0) as number);
    }
    pieces.push({ text: piece, width: fonts.measure(piece, size, bold) });
  }
  // A line of spaces alone: Satori draws nothing visible, and its baseline is no one's.
  if (!sample) return undefined;
  const color = style['color'];
  return {
    pieces,
    style: {
      size,
      lineHeight: height,
      ...(weight === undefined ? {} : { weight }),
      ...(color === undefined ? {} : { color: String(color) }),
      sample: { char: sample, face: first.key },
    },
  };
}

/** The colour that marks line `index`'s box: a form no layout writes (they write #hex colours). */
const markerOf = (index: number) => `rgb(251,${(index >> 8) & 255},${index & 255})`;
const MARKER = /<rect x="([^"]*)" y="([^"]*)" width="[^"]*" height="[^"]*" fill="rgb\(251,(\d+),(\d+)\)"([^>]*)\/>/g;
/** At most this many lines are taken from Satori in one sheet: the markers' colours. */
const MAX_LINES = 65_536;

/** A sheet's element with its lines' texts taken out, and how to write them back (`writeLines`). */
export interface PlacedLines {
  element: El;
  lines: PlacedLine[];
}

/**
 * `element` with the text of every line box (TEXT_LINE) that can be written after Satori
 * replaced by an empty box of its width, marked; the lines in marker order.
 */
export function placeLines(element: El, fonts: FlyerFonts): PlacedLines {
  const lines: PlacedLine[] = [];
  // Japanese flyers only: a translation's words were measured 3–8 px from where Satori puts them
  // after a full stop or a dash (the sample's en, fil, zh-Hans flyers), so Satori sets those.
  if (fonts.hash !== fontsHash(JAPANESE_FONTS)) return { element, lines };
  const visit = (node: El, inherited: Style): El => {
    const own = node.props.style ?? {};
    const style: Style = { ...inherited };
    for (const key of INHERITED) if (own[key] !== undefined) style[key] = own[key] as string | number;
    const children = node.props.children;
    if (node.props[TEXT_LINE] && typeof children === 'string' && lines.length < MAX_LINES) {
      const line = placeable(children, { ...style, height: own['height'] as number }, fonts);
      if (line) {
        // Satori gives a text the width of its words rounded up to the pixel (roundUpToLayout).
        const width = Math.ceil(line.pieces.reduce((sum, p) => sum + p.width, 0));
        const box: El = {
          type: 'div',
          props: {
            style: {
              display: 'flex',
              width,
              height: line.style.lineHeight,
              flexShrink: 0,
              backgroundColor: markerOf(lines.length),
            },
          },
        };
        lines.push(line);
        return { ...node, props: { ...node.props, children: box } };
      }
    }
    if (children === undefined || typeof children === 'string') return node;
    const list = Array.isArray(children) ? children : [children];
    const next = list.map((c) => (typeof c === 'string' ? c : visit(c, style)));
    return { ...node, props: { ...node.props, children: Array.isArray(children) ? next : (next[0] as Child) } };
  };
  return { element: visit(element, {}), lines };
}

/**
 * `svg` with each marked box replaced by its line's `<text>` elements, as Satori would have
 * written them. A box Satori did not draw lies wholly outside the sheet (Satori's culling): its
 * line is not drawn at all, where Satori wrote the text off the page (nothing printed, yet read
 * aloud from the PDF by a screen reader).
 */
export async function writeLines(svg: string, placed: PlacedLines, fonts: FlyerFonts): Promise<string> {
  if (!placed.lines.length) return svg;
  const probed = await Promise.all(placed.lines.map((line) => probeText(fonts, line.style)));
  const out = svg.replace(MARKER, (_all, x: string, y: string, hi: string, lo: string, rest: string) => {
    const index = Number(hi) * 256 + Number(lo);
    const line = placed.lines[index];
    const probe = probed[index];
    if (!line || !probe) return _all;
    // Whatever Satori put on the box (a clip, a mask, a transform) applies to its text as well.
    const attributes = `${probe.attributes}${rest}`;
    const top = Number(y);
    let left = Number(x);
    let text = '';
    for (const piece of line.pieces) {
      text += `<text x="${left}" y="${top + probe.baseline}" width="${piece.width}" height="${probe.height}"${attributes}>${escapeText(piece.text)}</text>`;
      left += piece.width;
    }
    return text;
  });
  return out;
}

/**
 * Satori's SVG of `element` — its square borders drawn as strips (layout/borders.ts) and the
 * fonts' family on its root — with its marked lines' texts written after Satori has placed their
 * boxes: what the flyers', newsletters' and 防災メモ's renderers call instead of `satori`.
 */
export async function satoriWithLines(element: El, options: SatoriOptions, fonts: FlyerFonts): Promise<string> {
  const drawn = squareBorders(element);
  const styled = { ...drawn, props: { ...drawn.props, style: { ...drawn.props.style, fontFamily: fonts.family } } };
  const placed = placeLines(styled, fonts);
  const svg = await satori(placed.element as unknown as Parameters<typeof satori>[0], options);
  return writeLines(svg, placed, fonts);
}
