/**
 * The process that renders newsletter PDFs for build.ts: plain Node, as for the flyers
 * (src/flyers/worker.ts), because resvg and the fonts' native parts cannot be bundled into
 * Astro's config. Loads the fonts once and renders each issue it is sent, one at a time, into
 * the file it is told (the build's cache).
 */
import { serveJobs } from '../../lib/process-pool.ts';
import { replaceFile } from '../../lib/replace-file.ts';
import { loadFonts } from '../fonts.ts';
import type { Edition } from './layout.ts';
import { renderNewsletter, type NewsletterPrintInput } from './render.ts';

export interface NewsletterJob {
  input: NewsletterPrintInput;
  edition: Edition;
  /** Where the worker writes the PDF (replaceFile), which then stays out of the reply. */
  file: string;
}

export type NewsletterReply =
  { ok: true; bytes: number; pages: number; warnings: string[]; cpuMs: number } | { ok: false; message: string };

const fonts = loadFonts();

/** `root` is the project's: photos are read from its media/. */
await serveJobs<{ root: string }, NewsletterJob, NewsletterReply>(async ({ input, edition, file }, { root }) => {
  const cpu = process.threadCpuUsage();
  try {
    const { pdf, pages, warnings } = await renderNewsletter(input, edition, fonts, { root });
    replaceFile(file, pdf);
    const used = process.threadCpuUsage(cpu);
    return { ok: true, bytes: pdf.length, pages, warnings, cpuMs: (used.user + used.system) / 1000 };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
});
