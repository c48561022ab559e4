/**
 * Renders one flyer model into its three files: the A4 PDF (Satori SVG → PDFKit, vector: the
 * text is already paths), the PNG preview and the 1200×630 share image (resvg). Runs in plain
 * Node only — resvg is a native module that Vite cannot bundle.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import satori, { type SatoriOptions } from 'satori';
import SVGtoPDF from 'svg-to-pdfkit';
import type { FlyerFonts } from './fonts.ts';
import type { FlyerModel } from './model.ts';
import { FLYER_SIZES } from './paths.ts';
import { qrSvg } from './qr.ts';
import { SLOT, a4Layout, ogLayout, type El, type Layout } from './templates.ts';

export interface RenderedFlyer {
  pdf: Buffer;
  png: Buffer;
  og: Buffer;
  /** Layout problems worth a build warning (text shortened, page too full, photo skipped). */
  warnings: string[];
}

/** A flyer that cannot be printed as written; the message says which text and how to fix it. */
export class FlyerTextError extends Error {}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const PHOTO_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };

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
  return fields.find(([, text]) => text.includes(segment))?.[0] ?? '?';
}

async function toSvg(layout: Layout, fonts: FlyerFonts, model: FlyerModel, slots: Map<string, Box>): Promise<string> {
  const missing = new Map<string, string>();
  const options: SatoriOptions = {
    width: layout.width,
    height: layout.height,
    fonts: fonts.fonts,
    // Satori asks for more fonts only for characters none of ours can draw: emoji or very rare
    // kanji. Printing them as empty boxes would be silent damage, so they stop the flyer.
    loadAdditionalAsset: async (code, segment) => {
      missing.set(segment, code);
      return [];
    },
    onNodeDetected: (node) => {
      const slot = node.props?.[SLOT];
      if (typeof slot === 'string') slots.set(slot, node);
    },
  };
  const element = {
    ...layout.element,
    props: { ...layout.element.props, style: { ...layout.element.props.style, fontFamily: fonts.family } },
  };
  const svg = await satori(element as unknown as Parameters<typeof satori>[0], options);
  if (missing.size) {
    const list = [...missing].map(
      ([segment, code]) => `「${segment}」${code === 'emoji' ? '（絵文字）' : ''}: ${whereIs(model, segment)}`,
    );
    throw new FlyerTextError(
      `チラシのフォントにない文字があります。消すか、ふつうの文字に置き換えてください: ${list.join('、')} / characters the flyer fonts cannot draw (emoji or rare characters); remove or replace them: ${[...missing.keys()].join(' ')}`,
    );
  }
  return svg;
}

/**
 * Satori's SVG defines a mask for every box whether used or not and repeats the end point of
 * each curve as a line ("Q… 77 33L77 33"); dropping both shrinks the SVG by a quarter and
 * makes svg-to-pdfkit, the slowest step, about twice as fast.
 */
export function compactSvg(svg: string): string {
  return svg
    .replace(/<mask id="([^"]+)">[\s\S]*?<\/mask>/g, (mask, id: string) => (svg.includes(`url(#${id})`) ? mask : ''))
    .replace(/(?<=[ A-Za-z])(-?[\d.]+) (-?[\d.]+)L\1 \2(?![\d.])/g, '$1 $2');
}

/** Adds the QR path into the Satori SVG at the slot Satori laid out for it. */
function withQr(svg: string, url: string, box: Box | undefined): string {
  if (!box) return svg;
  return svg.replace(/<\/svg>\s*$/, `${qrSvg(url, box.left, box.top, Math.min(box.width, box.height))}</svg>`);
}

function loadPhoto(root: string, src: string, warnings: string[]): { data: Buffer; type: string } | undefined {
  // Decap stores uploads as /uploads/<file>, served from public/.
  const file = join(root, 'public', src.replace(/^\/+/, ''));
  const type = PHOTO_TYPES[extname(file).toLowerCase()];
  if (!type) {
    warnings.push(
      `写真は JPEG か PNG にしてください（${src}）。チラシには載せていません / flyer photos must be JPEG or PNG (${src}); left out`,
    );
    return undefined;
  }
  if (!existsSync(file)) {
    warnings.push(`写真ファイルが見つかりません（${src}） / photo not found (${src}); left out`);
    return undefined;
  }
  return { data: readFileSync(file), type };
}

/** Puts the photo into the layout's photo slot as an <img> (for the PNG; the PDF draws it itself). */
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

function toPdf(
  svg: string,
  model: FlyerModel,
  photo: { data: Buffer } | undefined,
  photoBox: Box | undefined,
): Promise<Buffer> {
  const { width, height } = FLYER_SIZES.pdf;
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    lang: 'ja-JP',
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
  const sx = width / 595;
  const sy = height / 842;
  SVGtoPDF(doc, svg, 0, 0, { width, height, preserveAspectRatio: 'none' });
  if (photo && photoBox) {
    const box = [photoBox.left * sx, photoBox.top * sy, photoBox.width * sx, photoBox.height * sy] as const;
    doc.save();
    doc.rect(...box).clip();
    doc.image(photo.data, box[0], box[1], { cover: [box[2], box[3]], align: 'center', valign: 'center' });
    doc.restore();
  }
  doc.end();
  return done;
}

export interface RenderOptions {
  /** Project root: photos are read from public/. */
  root: string;
  fonts: FlyerFonts;
}

export async function renderFlyer(model: FlyerModel, { root, fonts }: RenderOptions): Promise<RenderedFlyer> {
  const a4 = a4Layout(model, fonts.measure);
  const og = ogLayout(model, fonts.measure);
  const warnings = [...a4.warnings, ...og.warnings];
  const photo = model.photo && model.template !== 'bw' ? loadPhoto(root, model.photo.src, warnings) : undefined;
  if (photo && model.photo) a4.element = withPhoto(a4.element, photo, model.photo.alt);

  const slots = new Map<string, Box>();
  const a4Svg = withQr(compactSvg(await toSvg(a4, fonts, model, slots)), model.url, slots.get('qr'));
  const pdf = await toPdf(a4Svg.replace(/<image[^>]*\/>/g, ''), model, photo, slots.get('photo'));
  const png = new Resvg(a4Svg, { fitTo: { mode: 'width', value: 1190 } }).render().asPng();
  const ogSvg = compactSvg(await toSvg(og, fonts, model, new Map()));
  const ogPng = new Resvg(ogSvg, { fitTo: { mode: 'width', value: FLYER_SIZES.og.width } }).render().asPng();

  return { pdf, png: Buffer.from(png), og: Buffer.from(ogPng), warnings };
}
