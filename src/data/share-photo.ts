/**
 * The share image (og:image) of a page without a flyer — a report — from its first photo: cut
 * to 1200×630 from the middle, as the flyers' share images are (Base.astro states that size),
 * by Astro's image pipeline from the copy without metadata (src/integrations/page-photos.ts).
 */
import { getImage } from 'astro:assets';
import { photos as pictures } from 'virtual:tsunagari/photos';
import { mediaNameOf } from '../lib/media/paths.ts';
import type { PagePhoto } from '../lib/media/photos.ts';

const SHARE = { width: 1200, height: 630 } as const;

/** The share image's path on this site, or undefined when there is no photo large enough. */
export async function sharePhoto(photos: readonly PagePhoto[]): Promise<string | undefined> {
  const first = photos[0] && pictures[mediaNameOf(photos[0].src) ?? ''];
  // A smaller photo would be blown up, or shared at a size the page does not say.
  if (!first || first.width < SHARE.width || first.height < SHARE.height) return undefined;
  const image = await getImage({ src: first.image, ...SHARE, fit: 'cover', format: 'jpg' });
  return image.src;
}
