/**
 * The process that renders newsletter PDFs for build.ts: plain Node, as for the flyers
 * (src/flyers/worker.ts), because resvg and the fonts' native parts cannot be bundled into
 * Astro's config. Loads the fonts once and renders each issue it is sent, one at a time, into
 * the files it is told (the build's cache): the editions of one issue in one job, one after the
 * other, so the compiled issue crosses the pipe once.
 */
import { serveJobs } from '../../lib/process-pool.ts';
import { replaceFile } from '../../lib/replace-file.ts';
import { loadFonts } from '../fonts.ts';
import type { Edition } from './layout.ts';
import { renderNewsletter, type NewsletterPrintInput } from './render.ts';

export interface NewsletterJob {
  input: NewsletterPrintInput;
  /** Each edition to render, with where the worker writes it (replaceFile): no PDF in the reply. */
  editions: { edition: Edition; file: string }[];
}

export type EditionReply =
  { ok: true; bytes: number; pages: number; warnings: string[]; cpuMs: number } | { ok: false; message: string };

/** One per edition asked for, in the job's order. */
export type NewsletterReply = EditionReply[];

const fonts = loadFonts();

/** `root` is the project's: photos are read from its media/. */
await serveJobs<{ root: string }, NewsletterJob, NewsletterReply>(async ({ input, editions }, { root }) => {
  const replies: NewsletterReply = [];
  for (const { edition, file } of editions) {
    const cpu = process.threadCpuUsage();
    try {
      const { pdf, pages, warnings } = await renderNewsletter(input, edition, fonts, { root });
      replaceFile(file, pdf);
      const used = process.threadCpuUsage(cpu);
      replies.push({ ok: true, bytes: pdf.length, pages, warnings, cpuMs: (used.user + used.system) / 1000 });
    } catch (error) {
      replies.push({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return replies;
});
