/**
 * Where a newsletter issue's printed PDFs live, for its page's links and for the build step that
 * writes them. Pure, so that Astro pages can import it without the renderer.
 */

/**
 * The printed versions of an issue: colour; black and white (回覧板); and large print (大きな文字),
 * in colour, for readers who find the 10.5 pt of the others too small — as the flyers offer.
 */
export type Edition = 'color' | 'bw' | 'large';
export const EDITIONS: readonly Edition[] = ['color', 'bw', 'large'];

export interface NewsletterPdfPaths extends Record<Edition, string> {
  /** A4, colour: `/newsletters/<id>.pdf`. */
  color: string;
  /** A4, black and white for the 回覧板: `/newsletters/<id>-bw.pdf`. */
  bw: string;
  /** A4, large print (大きな文字), colour: `/newsletters/<id>-large.pdf`. */
  large: string;
}

export const newsletterPdfPaths = (id: string): NewsletterPdfPaths => ({
  color: `/newsletters/${id}.pdf`,
  bw: `/newsletters/${id}-bw.pdf`,
  large: `/newsletters/${id}-large.pdf`,
});

/** A draft's PDFs, beside its page /newsletters/draft/<slug>/ (archive.ts: draftSlug). */
export const draftPdfPaths = (slug: string): NewsletterPdfPaths => ({
  color: `/newsletters/draft/${slug}.pdf`,
  bw: `/newsletters/draft/${slug}-bw.pdf`,
  large: `/newsletters/draft/${slug}-large.pdf`,
});
