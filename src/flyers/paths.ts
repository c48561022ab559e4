/**
 * Where a flyer's files live, for the pages that link them and for the script that writes
 * them. Pure (so are paper.ts and the kinds, its imports) so that Astro pages can import it
 * without pulling the renderer (Satori, resvg) into Vite.
 */
import { FLYER_PAPER, PAPER, previewOf } from './paper.ts';

// Which collections get flyers is said once, by the kinds that have a flyer part.
export { FLYER_COLLECTIONS, isFlyerCollection, type FlyerCollection } from '../kinds/index.ts';

export interface FlyerPaths {
  /** A4 PDF to print: `/flyers/<collection>/<id>.pdf`. */
  pdf: string;
  /** PNG preview of the page (FLYER_SIZES.png: 96 dpi, for the web page; the PDF is for printing). */
  png: string;
  /** 1200×630 share image for og:image. */
  og: string;
}

/** Site-root-relative URLs; under dist/ they are also the file paths (`dist` + url). */
export function flyerPaths(collection: string, id: string): FlyerPaths {
  const base = `/flyers/${collection}/${id}`;
  return { pdf: `${base}.pdf`, png: `${base}.png`, og: `${base}-og.png` };
}

/** Width and height of the outputs, for <img width height> and og:image:width/height. */
export const FLYER_SIZES = {
  /** The paper in PDF points (A4 portrait). */
  pdf: PAPER[FLYER_PAPER],
  /** The preview at 96 dpi (794×1124 for A4). */
  png: previewOf(PAPER[FLYER_PAPER]),
  og: { width: 1200, height: 630 },
} as const;
