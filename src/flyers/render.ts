/**
 * Renders one flyer model into its three files: the A4 PDF, the PNG preview and the 1200×630
 * share image. Satori lays the A4 sheet out once into an SVG whose words are <text> at their
 * baselines; our own converter draws it into PDFKit with the words as real text in the
 * embedded fonts (svg-pdf.ts, pdf-text.ts: vector, sharp at any printer resolution), and resvg
 * rasterises it for the preview with each word turned into the same face's outlines
 * (outline.ts). The share image is turned into outlines the same way. Runs in plain Node only —
 * resvg is a native module that Vite cannot bundle.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import type { SatoriOptions } from 'satori';
import { MediaError, readMedia } from '../lib/media/publish.ts';
import { loadFonts, type FlyerFonts } from './fonts.ts';
import { flyerFontFamilies, flyerLang, type FlyerModel } from './model.ts';
import { FLYER_SIZES } from './paths.ts';
import { encodePng } from './png.ts';
import { outlineText } from './outline.ts';
import { withQr } from './qr.ts';
import { pdfTagger, type TaggedBox } from './pdf-tags.ts';
import { textDrawer } from './pdf-text.ts';
import { drawSvg } from './svg-pdf.ts';
import { FlyerTextError } from './errors.ts';
import { READINGS, SLOT, TAG, type El, type Layout } from './layout/elements.ts';
import { withReadings, type ReadingLine, type ReadingMark } from './ruby-svg.ts';
import { satoriWithLines } from './text-svg.ts';
import { ogLayout } from './layout/share.ts';
import { sheetLayout } from './layout/sheet.ts';
import { SPECS } from './layout/templates.ts';

export interface RenderedFlyer {
  pdf: Buffer;
  png: Buffer;
  og: Buffer;
  /** Layout problems worth a build warning (text shortened, page too full, photo skipped). */
  warnings: string[];
}

export { FlyerTextError };

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Which of the model's texts holds a character, to name it in the error. */
function whereIs(model: FlyerModel, segment: string): string {
  const fields: [string, string][] = [
    ['タイトル / title', model.title],
    ['見出し / headline', model.headline],
    ['キャッチコピー / catch copy', model.catchCopy],
    ...model.points.map((p): [string, string] => ['おすすめポイント / points', p]),
    ...model.facts.flatMap((f): [string, string][] => [
      [f.label, f.value],
      [f.label, f.note ?? ''],
    ]),
    ['中止・延期のお知らせ / statusNote', model.statusNote ?? ''],
  ];
  // Satori names the characters it lacks, once each (สวัสดี comes as สวัดี): any field holding them all.
  const holds = (text: string) => text.includes(segment) || [...segment].every((c) => text.includes(c));
  return fields.find(([, text]) => text && holds(text))?.[0] ?? '?';
}

async function toSvg(
  layout: Layout,
  fonts: FlyerFonts,
  model: FlyerModel,
  slots: Map<string, Box>,
  tags?: TaggedBox[],
): Promise<string> {
  const missing = new Map<string, string>();
  const readings: ReadingLine[] = [];
  const options: SatoriOptions = {
    width: layout.width,
    height: layout.height,
    fonts: fonts.fonts,
    // Words as <text> at their baselines: the PDF writes them as text, and the pictures take each
    // word's outline from outline.ts, made once per process, where Satori would write every
    // glyph's outline again for each image: the share image's two steps 21.5 against 27.8 ms of
    // CPU (node scripts/bench-flyers.ts, two alternated pairs), its pixels alike but for a few
    // anti-aliased edges (683 of 2.3 million channel values off by more than a quarter, at worst).
    embedFont: false,
    // Satori asks for more fonts only for characters none of ours can draw (npm run check
    // refuses them first: text-check.ts). Printing empty boxes would be silent damage, so
    // they stop the flyer.
    loadAdditionalAsset: async (code, segment) => {
      missing.set(segment, code);
      return [];
    },
    onNodeDetected: (node) => {
      const slot = node.props?.[SLOT];
      if (typeof slot === 'string') slots.set(slot, node);
      const tag = node.props?.[TAG];
      if (tags && typeof tag === 'string')
        tags.push({ tag, slot, left: node.left, top: node.top, width: node.width, height: node.height });
      const marks = node.props?.[READINGS] as ReadingMark[] | undefined;
      if (marks?.length) readings.push({ left: node.left, top: node.top, readings: marks });
    },
  };
  // Square borders as strips, and the lines' texts written after Satori has placed their boxes (text-svg.ts).
  const svg = await satoriWithLines(layout.element, options, fonts);
  if (missing.size) {
    const list = [...missing].map(
      ([segment, code]) => `「${segment}」${code === 'emoji' ? '（絵文字）' : ''}: ${whereIs(model, segment)}`,
    );
    throw new FlyerTextError(
      `チラシのフォントにない文字があります。消すか、ふつうの文字に置き換えてください: ${list.join('、')} / characters the flyer fonts cannot draw (emoji or rare characters); remove or replace them: ${[...missing.keys()].join(' ')}`,
    );
  }
  return withReadings(svg, readings, fonts, tags);
}

/**
 * Satori's SVG defines a mask for every box whether used or not; resvg parses each one. The
 * PDF converter skips them itself (and the zero-length lines Satori repeats after each curve).
 */
export function compactSvg(svg: string): string {
  const used = new Set(Array.from(svg.matchAll(/mask="url\(#([^")]+)\)"/g), (m) => m[1]));
  return svg.replace(/<mask id="([^"]+)">[\s\S]*?<\/mask>/g, (mask, id: string) => (used.has(id) ? mask : ''));
}

/**
 * The photo as the site publishes it (src/lib/media/): checked by the media gate and
 * re-encoded without metadata, so no GPS position reaches a PDF. PDFKit draws JPEG and PNG
 * only: WebP and AVIF photos become JPEG.
 */
async function loadPhoto(root: string, src: string): Promise<{ data: Buffer; type: string }> {
  try {
    const { data, format } = await readMedia(root, src, (named) => (named === 'png' ? 'png' : 'jpeg'));
    return { data, type: `image/${format}` };
  } catch (error) {
    // The validator refuses these before any flyer is made; this names the file if one slipped by.
    if (error instanceof MediaError) throw new FlyerTextError(error.message);
    throw error;
  }
}

/** Puts the photo into the layout's photo slot as an <img>, for both the PDF and the preview. */
function withPhoto(element: El, photo: { data: Buffer; type: string }, alt: string): El {
  const visit = (node: El): El => {
    if (node.props[SLOT] === 'photo') {
      const style = node.props.style ?? {};
      return {
        ...node,
        props: {
          ...node.props,
          children: [
            {
              type: 'img',
              props: {
                src: `data:${photo.type};base64,${photo.data.toString('base64')}`,
                alt,
                width: style['width'],
                height: style['height'],
                style: { width: style['width'] as number, height: style['height'] as number, objectFit: 'cover' },
              },
            },
          ],
        },
      };
    }
    const children = node.props.children;
    if (!Array.isArray(children)) return node;
    return { ...node, props: { ...node.props, children: children.map((c) => (typeof c === 'string' ? c : visit(c))) } };
  };
  return visit(element);
}

/**
 * The printable PDF from Satori's SVG with `<text>` elements: shapes, the photo and the QR code
 * as vectors (svg-pdf.ts), every word as real text in the embedded font subsets (pdf-text.ts),
 * so that the words can be read aloud, searched and copied. The document says its language
 * (ja-JP, or the translation's: vi, zh-Hans, ne …) and carries the flyer's title and subject.
 */
function toPdf(
  svg: string,
  tags: TaggedBox[],
  model: FlyerModel,
  fonts: FlyerFonts,
  warnings: string[],
): Promise<Buffer> {
  const { width, height } = FLYER_SIZES.pdf;
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    lang: flyerLang(model),
    tagged: true,
    // Streams, the font subsets and their ToUnicode maps deflated by PDFKit. With the words as
    // text the page stream is a few kB, so zlib's default level costs little (it was a fifth
    // of a flyer's time for ~250 kB of glyph outlines).
    compress: true,
    // No default font: Helvetica's metrics would be loaded for nothing (~0.5 ms a page).
    font: '',
    displayTitle: true,
    info: {
      Title: model.title,
      Subject: model.catchCopy || model.title,
      Creator: model.siteName,
      // A fixed date: an unchanged flyer gives the same bytes, whenever it was built.
      CreationDate: new Date(0),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const warn = (message: string) => warnings.push(`PDF: ${message}`);
  const tagger = pdfTagger(doc, tags);
  drawSvg(doc, svg, { width, height, warn, text: textDrawer(doc, fonts.faces, warn), mark: tagger.mark });
  tagger.end();
  doc.end();
  return done;
}

/**
 * resvg looks for system fonts on every render unless told not to (~20 ms each); the SVGs it
 * gets have no text elements, only outlines, so no font is ever needed.
 */
const RESVG: ResvgRenderOptions = { font: { loadSystemFonts: false } };

function toPng(svg: string, width: number): Buffer {
  const image = new Resvg(svg, { ...RESVG, fitTo: { mode: 'width', value: width } }).render();
  return encodePng(image.width, image.height, image.pixels);
}

/** The fonts a model is set in (its language's and what its texts need), loaded once per set and process. */
export const fontsFor = (model: FlyerModel): FlyerFonts => loadFonts(flyerFontFamilies(model));

export interface RenderOptions {
  /** Project root: photos are read from media/. */
  root: string;
  fonts: FlyerFonts;
  /** If given, CPU and wall milliseconds of each step are added to it (for the benchmark). */
  timings?: FlyerTimings;
}

/** Steps of a render: layout (line breaking, fitting), the two Satori runs, the three outputs. */
export const RENDER_STEPS = ['layout', 'a4Svg', 'pdf', 'png', 'ogSvg', 'og'] as const;
export type RenderStep = (typeof RENDER_STEPS)[number];
export type FlyerTimings = Partial<Record<RenderStep, { cpu: number; wall: number }>>;

const cpuMs = () => {
  // The whole process, GC and native helper threads included: the honest cost of a flyer when
  // rendering in this thread.
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The A4 sheet as Satori lays it out with words as <text>, the photo and QR code in place. */
async function a4Sheet(
  model: FlyerModel,
  a4: Layout,
  { root, fonts }: RenderOptions,
): Promise<{ svg: string; tags: TaggedBox[] }> {
  const photo = model.photo && SPECS[model.template].photo ? await loadPhoto(root, model.photo.src) : undefined;
  if (photo && model.photo) a4.element = withPhoto(a4.element, photo, model.photo.alt);
  const slots = new Map<string, Box>();
  const tags: TaggedBox[] = [];
  // One Satori layout of the A4 sheet, words as <text>, serves both the PDF and the preview.
  const svg = withQr(await toSvg(a4, fonts, model, slots, tags), model.url, slots.get('qr'));
  for (const box of tags) {
    // Figures are read by their alternative text: the photo's own, and where the QR code leads.
    if (box.slot === 'photo') box.alt = model.photo?.alt;
    if (box.slot === 'qr') box.alt = `${model.labels.qr} ${model.url}`;
  }
  return { svg, tags };
}

/** A printing choice other than the editor's template (paths.ts, alternativesOf): the PDF alone. */
export interface RenderedPdf {
  pdf: Buffer;
  warnings: string[];
}

/** The A4 PDF only, in `model.template`: the alternatives have no preview or share image. */
export async function renderFlyerPdf(model: FlyerModel, options: RenderOptions): Promise<RenderedPdf> {
  const a4 = sheetLayout(model, options.fonts.measure);
  const warnings = [...a4.warnings];
  const { svg, tags } = await a4Sheet(model, a4, options);
  return { pdf: await toPdf(svg, tags, model, options.fonts, warnings), warnings };
}

export async function renderFlyer(model: FlyerModel, options: RenderOptions): Promise<RenderedFlyer> {
  const { fonts, timings } = options;
  let cpu = timings ? cpuMs() : 0;
  let wall = timings ? performance.now() : 0;
  const lap = (step: RenderStep) => {
    if (!timings) return;
    const [c, w] = [cpuMs(), performance.now()];
    const t = (timings[step] ??= { cpu: 0, wall: 0 });
    t.cpu += c - cpu;
    t.wall += w - wall;
    [cpu, wall] = [c, w];
  };

  const a4 = sheetLayout(model, fonts.measure);
  const og = ogLayout(model, fonts.measure);
  const warnings = [...a4.warnings, ...og.warnings];
  lap('layout');
  const { svg: a4Svg, tags } = await a4Sheet(model, a4, options);
  lap('a4Svg');
  const pdf = await toPdf(a4Svg, tags, model, fonts, warnings);
  lap('pdf');
  const png = toPng(outlineText(compactSvg(a4Svg), fonts.faces), FLYER_SIZES.png.width);
  lap('png');
  const ogSvg = outlineText(compactSvg(await toSvg(og, fonts, model, new Map())), fonts.faces);
  lap('ogSvg');
  const ogPng = toPng(ogSvg, FLYER_SIZES.og.width);
  lap('og');
  // resvg's pixel buffers live outside V8 and are freed by finalizers that Node runs on a turn
  // of the event loop; a build loop that only awaits promises never gives it one, and kept
  // ~13 MB per flyer (8.5 GB for 598 flyers in the benchmark).
  await new Promise((resolve) => setImmediate(resolve));

  return { pdf, png, og: ogPng, warnings };
}
