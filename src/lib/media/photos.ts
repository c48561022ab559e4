/**
 * The pictures entry pages show, and how: each kind says which of its entry's pictures its page
 * shows (its `photos` part, src/kinds/), and only those go through Astro's image pipeline into
 * dist/ — resized to PHOTO_WIDTHS in AVIF, WebP and JPEG, from a copy already stripped of its
 * metadata (sanitize.ts). A picture no page shows is never handed to Astro, so it never reaches dist/.
 */
import { kinds, photosFor } from '../../kinds/index.ts';
import { mediaNameOf } from './paths.ts';

/** One picture of an entry's page. */
export interface PagePhoto {
  /** /uploads/<file>, as the entry says. */
  src: string;
  /** What it shows, read out to residents who cannot see it. */
  alt: string;
  /** A line shown under it. */
  caption?: string;
}

/**
 * Widths, in pixels, each page picture is made in. The content column is 42rem (756 px at the
 * site's 18 px, 924 px with 大きな文字): 400 and 800 serve phones (375–414 px at 2×), 1200 a
 * phone at 3× and the column at 1.5×, 1600 the column on a 2× desktop screen. More widths would
 * add files and build time for a few percent of bytes.
 */
export const PHOTO_WIDTHS = [400, 800, 1200, 1600] as const;
/** The width the <img> says it is (its src, and its aspect ratio with height: no layout shift). */
export const PHOTO_WIDTH = 800;
/**
 * The widths to make of a picture `width` pixels wide, and the width its <img> says: never wider
 * than the picture itself (a small photo is shown as it is, not blown up).
 */
export function photoWidths(width: number): { widths: number[]; width: number } {
  const widths = PHOTO_WIDTHS.filter((w) => w <= width);
  return { widths: widths.length ? widths : [width], width: Math.min(PHOTO_WIDTH, width) };
}
/** How wide a picture is shown, so the browser picks from PHOTO_WIDTHS: the column, or the screen. */
export const PHOTO_SIZES = '(min-width: 60rem) 924px, (min-width: 50rem) 756px, 100vw';

/** Media file names of the pictures the given entries' pages show (collection → schema outputs). */
export function shownPictures(entries: ReadonlyMap<string, readonly { parsed: unknown }[]>): Set<string> {
  const names = new Set<string>();
  for (const [collection, list] of entries) {
    if (!Object.hasOwn(kinds, collection)) continue; // the site settings: no page
    for (const entry of list)
      for (const photo of photosFor(collection, entry.parsed)) {
        const name = mediaNameOf(photo.src);
        if (name) names.add(name);
      }
  }
  return names;
}
