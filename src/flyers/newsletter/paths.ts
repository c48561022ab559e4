/**
 * Where a newsletter issue's printed PDFs live, for its page's links and for the build step that
 * writes them. Pure, so that Astro pages can import it without the renderer.
 */
export interface NewsletterPdfPaths {
  /** A4, colour: `/newsletters/<id>.pdf`. */
  color: string;
  /** A4, black and white for the 回覧板: `/newsletters/<id>-bw.pdf`. */
  bw: string;
}

export const newsletterPdfPaths = (id: string): NewsletterPdfPaths => ({
  color: `/newsletters/${id}.pdf`,
  bw: `/newsletters/${id}-bw.pdf`,
});

/** A draft's PDFs, beside its page /newsletters/draft/<slug>/ (archive.ts: draftSlug). */
export const draftPdfPaths = (slug: string): NewsletterPdfPaths => ({
  color: `/newsletters/draft/${slug}.pdf`,
  bw: `/newsletters/draft/${slug}-bw.pdf`,
});
