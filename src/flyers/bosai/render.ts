/**
 * 「わが家の防災メモ」 as a one-page A4 PDF with the flyer engine: the sheet (layout.ts) laid out
 * by Satori with words as <text> (`embedFont: false`), drawn into PDFKit as real text in subset
 * fonts (svg-pdf.ts, pdf-text.ts) and tagged (pdf-tags.ts), as the newsletters are. A town
 * with many shelters is set a little smaller until the sheet fits one page, and one with more
 * than the smallest type holds has its lists left to the 防災 page (shortenings). The PNG (docs,
 * previews) is the same SVG with its words turned into outlines. Plain Node only (resvg is native).
 */
import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import type { SatoriOptions } from 'satori';
import { t } from '../../i18n/index.ts';
import { shortenings, type BosaiMemo } from '../../lib/bosai-memo.ts';
import { FlyerTextError } from '../errors.ts';
import type { FlyerFonts } from '../fonts.ts';
import { SLOT, TAG, type El } from '../layout/elements.ts';
import { outlineText } from '../outline.ts';
import { PAPER, previewOf } from '../paper.ts';
import { encodePng } from '../png.ts';
import { pdfTagger, type TaggedBox } from '../pdf-tags.ts';
import { textDrawer } from '../pdf-text.ts';
import { compactSvg } from '../render.ts';
import { drawSvg } from '../svg-pdf.ts';
import { satoriWithLines } from '../text-svg.ts';
import { CAPACITY, memoSheet, SHEET } from './layout.ts';

export interface RenderedMemo {
  pdf: Buffer;
  png?: Buffer;
  scale: number;
  warnings: string[];
  /** The lists the sheet left to the page, if it had to (shortenings). */
  shortened?: BosaiMemo['elsewhere'];
}

/** Type scales tried in turn until the sheet fits one page. */
const SCALES = [1, 0.94, 0.88, 0.82, 0.76];

/** The sheet laid out by Satori, words as <text>; `tags` gets the tagged boxes. */
export async function layOut(
  element: El,
  fonts: FlyerFonts,
  tags: TaggedBox[],
): Promise<{ svg: string; content: number }> {
  const missing = new Set<string>();
  let content = 0;
  const options: SatoriOptions = {
    width: SHEET.width,
    height: SHEET.height,
    fonts: fonts.fonts,
    embedFont: false,
    loadAdditionalAsset: async (_code, segment) => {
      missing.add(segment);
      return [];
    },
    onNodeDetected: (node) => {
      const slot = node.props?.[SLOT];
      const tag = node.props?.[TAG];
      if (slot === 'content') content = node.height;
      if (typeof tag === 'string')
        tags.push({ tag, left: node.left, top: node.top, width: node.width, height: node.height });
    },
  };
  // Square borders as strips, as on the flyers and newsletters (layout/borders.ts), and the
  // lines' texts written after Satori has placed their boxes (text-svg.ts).
  const svg = await satoriWithLines(element, options, fonts);
  if (missing.size)
    throw new FlyerTextError(
      `防災メモのフォントにない文字があります。避難所や組織の名前から消すか、ふつうの文字に置き換えてください: ${[...missing].join(' ')} / characters the fonts cannot draw`,
    );
  return { svg, content };
}

export async function renderBosaiMemo(
  memo: BosaiMemo,
  fonts: FlyerFonts,
  options: { siteName: string; png?: boolean },
): Promise<RenderedMemo> {
  const warnings: string[] = [];
  let svg = '';
  let tags: TaggedBox[] = [];
  let used = SCALES[0] as number;
  let sheet = memo;
  let overflow = 0;
  // Smaller type first, then the lists left to the page (shortenings): never off the paper.
  fit: for (const variant of shortenings(memo))
    for (const scale of SCALES) {
      tags = [];
      const laid = await layOut(memoSheet(variant, fonts.measure, scale, fonts.family), fonts, tags);
      [svg, used, sheet, overflow] = [laid.svg, scale, variant, laid.content - CAPACITY];
      if (overflow <= 0) break fit;
    }
  if (overflow > 0)
    warnings.push(
      `防災メモ（${memo.area}）が1枚に収まりません。電話番号や申し込み先を短くしてください / the sheet for ${memo.area} overflows A4 by ${Math.round(overflow)} px`,
    );

  const { width, height } = PAPER.a4;
  const title = `${t('bosaiMemo.title')}（${memo.area}）`;
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
      Title: title,
      Subject: memo.pageUrl,
      Creator: options.siteName,
      // Fixed: the same facts give the same bytes, whenever the sheet was built.
      CreationDate: new Date(0),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const warn = (message: string) => warnings.push(`PDF: ${message}`);
  doc.addPage({ size: [width, height], margin: 0 });
  const tagger = pdfTagger(doc, tags);
  drawSvg(doc, svg, { width, height, warn, text: textDrawer(doc, fonts.faces, warn), mark: tagger.mark });
  tagger.end();
  doc.end();
  const pdf = await done;
  const rendered: RenderedMemo = {
    pdf,
    scale: used,
    warnings,
    ...(sheet.elsewhere ? { shortened: sheet.elsewhere } : {}),
  };
  if (!options.png) return rendered;
  const preview = previewOf(PAPER.a4);
  const image = new Resvg(outlineText(compactSvg(svg), fonts.faces), {
    font: { loadSystemFonts: false },
    fitTo: { mode: 'width', value: preview.width },
  }).render();
  return { ...rendered, png: encodePng(image.width, image.height, image.pixels) };
}
