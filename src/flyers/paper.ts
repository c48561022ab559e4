/**
 * The paper a flyer is printed on, in PDF points (1/72 inch), stated once: the PDF page, the
 * layout canvas and the preview's size all follow from the row used. A B4 or A3 notice-board
 * sheet would be one more row (JIS B4 728.50 × 1031.81 pt, A3 841.89 × 1190.55 pt).
 *
 * Dependency-free: Astro pages reach it through paths.ts for <img width height>.
 */
export interface Size {
  width: number;
  height: number;
}

export const PAPER = {
  a4: { width: 595.28, height: 841.89 },
} as const satisfies Record<string, Size>;
export type PaperName = keyof typeof PAPER;

/** The paper every flyer is printed on. */
export const FLYER_PAPER: PaperName = 'a4';

/**
 * Satori lays out in whole pixels, one per point: the sheet rounded to whole points (A4:
 * 595 × 842), which svg-pdf.ts stretches back onto the exact paper with the viewBox (less than
 * 0.05 % either way). The template sizes in layout/templates.ts are in these pixels.
 */
export const canvasOf = (paper: Size): Size => ({ width: Math.round(paper.width), height: Math.round(paper.height) });

/**
 * A PNG picture of the paper, `width` pixels wide (by default 96 dpi, a CSS pixel: A4 794 ×
 * 1124), its height as resvg scales the canvas to that width. Pictures of pages for review
 * (docs/newsletters/) take the default; a flyer's preview on its entry page is smaller
 * (paths.ts, FLYER_SIZES). The PDF is for printing.
 */
export function previewOf(paper: Size, width = Math.round((paper.width * 96) / 72)): Size {
  const canvas = canvasOf(paper);
  return { width, height: Math.round((canvas.height * width) / canvas.width) };
}
