/**
 * The QR code to an entry's page as one SVG path, not an image: a path stays sharp in the PDF
 * at any printer resolution, and costs the PDF converter one short path.
 */
import QRCode from 'qrcode';
import { Memo } from '../lib/memo.ts';

export interface QrPath {
  /** Modules per side, without the quiet zone. */
  modules: number;
  /** Path in module units: one rectangle per horizontal run of dark modules. */
  d: string;
}

/**
 * A flyer's print choices (白黒, 大きな文字, ふりがな付き) render one after another, each with
 * the same URL: the code, ~0.7 ms to make, is made once for them. A few kept are enough; the
 * next flyer has its own URL.
 */
const made = new Memo<string, QrPath>(64);

export const qrPath = (text: string): QrPath => made.remember(text, makeQrPath);

function makeQrPath(text: string): QrPath {
  // M (15 %) survives a crease or a pin hole on a notice board and keeps the code coarse.
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const dark = (x: number, y: number) => qr.modules.get(y, x) === 1;
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size;) {
      if (!dark(x, y)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < size && dark(x + run, y)) run++;
      parts.push(`M${x} ${y}h${run}v1h-${run}z`);
      x += run;
    }
  }
  return { modules: size, d: parts.join('') };
}

/** The path placed in a box of `box` px at (x, y), with a 2-module quiet zone inside the box. */
export function qrSvg(text: string, x: number, y: number, box: number): string {
  const { modules, d } = qrPath(text);
  const scale = box / (modules + 4);
  const ox = x + 2 * scale;
  const oy = y + 2 * scale;
  return `<path fill="#000" transform="matrix(${scale} 0 0 ${scale} ${ox} ${oy})" d="${d}"/>`;
}

/**
 * A Satori SVG with the QR code to `url` added in the box Satori laid out for it (the flyers'
 * and the newsletters' `qr` slot), or unchanged when there is none. The path carries its centre
 * for the PDF's tags (the QR Figure): a path has no position of its own.
 */
export function withQr(
  svg: string,
  url: string,
  box: { left: number; top: number; width: number; height: number } | undefined,
): string {
  if (!box) return svg;
  const size = Math.min(box.width, box.height);
  const path = qrSvg(url, box.left, box.top, size).replace(
    '<path ',
    `<path data-figure-x="${box.left + size / 2}" data-figure-y="${box.top + size / 2}" `,
  );
  // Before the closing tag, found from the end: a regular expression anchored at the end was
  // scanned from the start of the whole sheet, its photo's data included (~0.4 ms a sheet).
  const end = svg.lastIndexOf('</svg>');
  return `${svg.slice(0, end)}${path}${svg.slice(end)}`;
}
