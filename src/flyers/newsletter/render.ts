/**
 * A newsletter's printable A4 PDF, with the flyer engine: the blocks (layout.ts), whose heights
 * are known from their lines, rules and pictures as the flyers' are, placed on pages (paginate.ts),
 * then each page laid out by Satori with words as <text> (`embedFont: false`) and drawn into one
 * PDFKit document as real text in subset fonts (svg-pdf.ts, pdf-text.ts), tagged under one
 * structure root shared by the pages (pdf-tags.ts).
 * The PNG previews are the same page SVGs with the words turned into outlines (outline.ts).
 * Plain Node only (resvg is native).
 */
import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import type { SatoriOptions } from 'satori';
import sharp from 'sharp';
import { t } from '../../i18n/index.ts';
import type { PagePhoto } from '../../lib/media/photos.ts';
import { MediaError, readMedia } from '../../lib/media/publish.ts';
import type { CompiledNewsletter } from '../../lib/newsletter/compile.ts';
import { Memo } from '../../lib/memo.ts';
import { FlyerTextError } from '../errors.ts';
import type { FlyerFonts } from '../fonts.ts';
import { SLOT, TAG, type El } from '../layout/elements.ts';
import { satoriWithLines } from '../text-svg.ts';
import { outlineText } from '../outline.ts';
import { PAPER, previewOf } from '../paper.ts';
import { encodePng } from '../png.ts';
import { pdfTagger, type TaggedBox } from '../pdf-tags.ts';
import { textDrawer } from '../pdf-text.ts';
import { withQr } from '../qr.ts';
import { compactSvg } from '../render.ts';
import { drawSvg } from '../svg-pdf.ts';
import {
  CAPACITY,
  GAP,
  PAGE,
  ALT,
  newsletterBlocks,
  pageChildren,
  pageElement,
  type Edition,
  type MonthCount,
  type PrintBlock,
} from './layout.ts';
import { paginate } from './paginate.ts';

export interface NewsletterPrintInput {
  issue: CompiledNewsletter;
  /** The issue's title (the entry's, or the draft's). */
  title: string;
  /** The entry's free articles (Markdown), if any. */
  body?: string;
  /** One line for the PDF's subject (the entry's summary). */
  subject?: string;
  /** Participants and volunteers per month (sources.ts: monthlyCounts); no chart without. */
  counts?: readonly MonthCount[];
  siteName: string;
}

export interface RenderedNewsletter {
  pdf: Buffer;
  /** The pages as PNG at 96 dpi, when asked for (docs, previews). */
  pngs: Buffer[];
  pages: number;
  warnings: string[];
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One element laid out by Satori at `width` × `height`, words as <text>; `onBox` sees every box. */
export async function layOut(
  element: El,
  width: number,
  height: number,
  fonts: FlyerFonts,
  onBox?: (slot: unknown, tag: unknown, box: Box, props: Record<string, unknown>) => void,
): Promise<string> {
  const missing = new Set<string>();
  const options: SatoriOptions = {
    width,
    height,
    fonts: fonts.fonts,
    embedFont: false,
    loadAdditionalAsset: async (_code, segment) => {
      missing.add(segment);
      return [];
    },
    onNodeDetected: (node) => {
      if (onBox) onBox(node.props?.[SLOT], node.props?.[TAG], node, node.props ?? {});
    },
  };
  // Square borders as strips, and the lines' texts written after Satori has placed their boxes (text-svg.ts).
  const svg = await satoriWithLines(element, options, fonts);
  if (missing.size)
    throw new FlyerTextError(
      `だよりのフォントにない文字があります。消すか、ふつうの文字に置き換えてください: ${[...missing].join(' ')} / characters the fonts cannot draw`,
    );
  return svg;
}

const PREVIEW = previewOf(PAPER.a4);

/** Longest side of a printed photo, in pixels: ~300 dpi at the cover's 240 pt, and small PDFs. */
const PHOTO_SIDE = 1000;

/**
 * Photos made for print, by the picture's bytes and greyness: an issue's colour and large-print
 * editions print the same JPEG, and a report's photo is in its district's issue and the town's.
 * Keyed by content, so a photo replaced under its name (the dev server's worker lives on) is made
 * again. Bounded by weight (Memo): a worker renders hundreds of issues in a large town's build.
 */
const printed = new Memo<string, string>(16_000_000, (uri) => uri.length);

/**
 * The cover and report photos as data: URIs, read through the media gate (re-encoded without
 * metadata: no GPS position reaches a PDF), scaled down for print and made JPEG, which PDFKit
 * draws. A photo that cannot be read is left out (the validator names it before a build).
 */
export async function loadPhotos(
  issue: CompiledNewsletter,
  root: string,
  edition: Edition,
): Promise<Map<string, string>> {
  const photos = new Map<string, string>();
  const wanted = [issue.cover, ...issue.reports.map((r) => r.photo)].filter((p): p is PagePhoto => !!p);
  for (const photo of wanted) {
    if (photos.has(photo.src)) continue;
    try {
      // `key`: the hash of the file's bytes the media gate keys its cache by.
      const { data, key: picture } = await readMedia(root, photo.src);
      // Grey for the 回覧板 copy: a photocopier's own conversion of colour is muddier.
      const grey = edition === 'bw';
      const key = `${grey ? 'grey' : 'colour'}:${picture}`;
      let uri = printed.get(key);
      if (!uri) {
        const jpeg = await sharp(data)
          .resize({ width: PHOTO_SIDE, height: PHOTO_SIDE, fit: 'inside', withoutEnlargement: true })
          .flatten({ background: '#fff' })
          .grayscale(grey)
          .jpeg({ quality: 80 })
          .toBuffer();
        uri = `data:image/jpeg;base64,${jpeg.toString('base64')}`;
        printed.set(key, uri);
      }
      photos.set(photo.src, uri);
    } catch (error) {
      if (!(error instanceof MediaError)) throw error;
    }
  }
  return photos;
}
/** An issue is at most 4 A4 pages (two sheets printed on both sides). */
export const MAX_PAGES = 4;
/**
 * Large print keeps its type size and takes more paper instead: at about 1.45 times the size
 * the same issue needs about twice the area, so up to 8 pages (four sheets, both sides) —
 * still something a 回覧板 or a letterbox takes. Setting it smaller to fit 4 pages would undo
 * what it is for.
 */
export const LARGE_MAX_PAGES = 8;

interface Fit {
  scale: number;
  reportPhotos: boolean;
  chart: boolean;
}

/**
 * Tried in turn until the issue fits in its pages: smaller type, then without the reports'
 * photos (the cover stays), then smaller still, then without the counts chart. Large print
 * never gets smaller: the photos, then the chart make way.
 */
const STANDARD_FITS: Fit[] = [
  { scale: 1, reportPhotos: true, chart: true },
  { scale: 0.92, reportPhotos: true, chart: true },
  { scale: 0.92, reportPhotos: false, chart: true },
  { scale: 0.85, reportPhotos: false, chart: true },
  // The chart last: the site's 活動のまとめ page has it, the calendar and desks only print here.
  { scale: 0.85, reportPhotos: false, chart: false },
];
export const FITTING: Record<Edition, { maxPages: number; fits: Fit[] }> = {
  color: { maxPages: MAX_PAGES, fits: STANDARD_FITS },
  bw: { maxPages: MAX_PAGES, fits: STANDARD_FITS },
  large: {
    maxPages: LARGE_MAX_PAGES,
    fits: [
      { scale: 1, reportPhotos: true, chart: true },
      { scale: 1, reportPhotos: false, chart: true },
      { scale: 1, reportPhotos: false, chart: false },
    ],
  },
};

/** Renders one edition (colour, black and white for the 回覧板, or large print) of an issue. */
export async function renderNewsletter(
  input: NewsletterPrintInput,
  edition: Edition,
  fonts: FlyerFonts,
  options: { png?: boolean; root?: string } = {},
): Promise<RenderedNewsletter> {
  const root = options.root ?? process.cwd();
  const { issue } = input;
  const warnings: string[] = [];
  const photos = await loadPhotos(issue, root, edition);
  // A full month (a town-wide issue) is set smaller rather than run past 4 sheets.
  let blocks: PrintBlock[] = [];
  let placed: ReturnType<typeof paginate> = { pages: [], tooTall: [] };
  const { maxPages, fits } = FITTING[edition];
  for (const { scale, reportPhotos, chart } of fits) {
    blocks = newsletterBlocks(issue, {
      title: input.title,
      ...(input.body ? { body: input.body } : {}),
      edition,
      measure: fonts.measure,
      scale,
      photos,
      reportPhotos,
      ...(input.counts && chart ? { counts: input.counts } : {}),
    });
    placed = paginate(
      blocks.map((b) => b.block),
      CAPACITY,
      GAP,
    );
    if (placed.pages.length <= maxPages) break;
  }
  const { pages, tooTall } = placed;
  if (pages.length > maxPages)
    warnings.push(
      `${pages.length}ページになりました（${maxPages}ページまでに収まりません）。選んだ記事や「はじめに」を短くしてください / the issue takes ${pages.length} pages, more than ${maxPages}`,
    );
  for (const id of tooTall) warnings.push(`「${id}」が1ページに収まりません / block ${id} is taller than a page`);
  const byId = new Map(blocks.map((b) => [b.block.id, b]));

  const { width, height } = PAPER.a4;
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    lang: 'ja-JP',
    tagged: true,
    compress: true,
    font: '',
    displayTitle: true,
    autoFirstPage: false,
    info: {
      Title: issue.draft ? `${input.title}（${t('newsletter.draft')}）` : input.title,
      Subject: input.subject ?? input.title,
      Creator: input.siteName,
      // Fixed: an unchanged issue gives the same bytes, whenever it was built.
      CreationDate: new Date(0),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const warn = (message: string) => warnings.push(`PDF: ${message}`);
  const structure = doc.struct('Document');
  doc.addStructure(structure);
  let drawer: ReturnType<typeof textDrawer> | undefined;
  const pngs: Buffer[] = [];
  const publisher = issue.district?.name ?? t('newsletter.town');
  const [year, month] = issue.month.split('-').map(Number);

  for (const [index, pieces] of pages.entries()) {
    const footer = t('newsletterPdf.footer', {
      publisher,
      issue: t('newsletter.issue', { year: year ?? '', month: month ?? '' }),
      page: index + 1,
      pages: pages.length,
    });
    const page = pageElement(pageChildren(byId, pieces), footer, edition, fonts.family);
    const tags: TaggedBox[] = [];
    let qr: Box | undefined;
    let content: Box | undefined;
    let svg = await layOut(page, PAGE.width, PAGE.height, fonts, (slot, tag, box, props) => {
      if (slot === 'qr') qr = box;
      if (slot === 'content') content = box;
      if (typeof tag === 'string') {
        // Figures are read by their alternative text: a photo's own, where the QR code leads.
        const alt = typeof props[ALT] === 'string' ? props[ALT] : undefined;
        tags.push({
          tag,
          slot,
          ...(alt ? { alt } : {}),
          left: box.left,
          top: box.top,
          width: box.width,
          height: box.height,
        });
      }
    });
    // Pagination worked from the blocks' own heights, which tests/unit/newsletter-pdf.test.ts
    // checks against Satori's; a page that still runs past its area is a bug to see.
    if (content && content.height > CAPACITY + 0.5)
      warnings.push(
        `${index + 1}ページ目があふれています / page ${index + 1} overflows by ${content.height - CAPACITY} px`,
      );
    svg = withQr(svg, issue.qr.url, qr);
    doc.addPage({ size: [width, height], margin: 0 });
    drawer ??= textDrawer(doc, fonts.faces, warn);
    const tagger = pdfTagger(doc, tags, structure);
    drawSvg(doc, svg, { width, height, warn, text: drawer, mark: tagger.mark });
    tagger.end();
    if (options.png) {
      const image = new Resvg(outlineText(compactSvg(svg), fonts.faces), {
        font: { loadSystemFonts: false },
        fitTo: { mode: 'width', value: PREVIEW.width },
      }).render();
      pngs.push(encodePng(image.width, image.height, image.pixels));
    }
  }
  structure.end();
  doc.end();
  const pdf = await done;
  return { pdf, pngs, pages: pages.length, warnings };
}
