/**
 * The thread that renders newsletter PDFs for build.ts: plain Node, as for the flyers
 * (src/flyers/worker.ts), because resvg and the fonts' native parts cannot be bundled into
 * Astro's config. Loads the fonts once and renders each issue it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadFonts } from '../fonts.ts';
import type { Edition } from './layout.ts';
import { renderNewsletter, type NewsletterPrintInput } from './render.ts';

export interface NewsletterJob {
  id: number;
  input: NewsletterPrintInput;
  edition: Edition;
}

export type NewsletterReply =
  | { id: number; ok: true; pdf: Uint8Array; pages: number; warnings: string[]; cpuMs: number }
  | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('src/flyers/newsletter/worker.ts runs as a worker thread (see build.ts)');
const fonts = loadFonts();
/** The project root: photos are read from its media/. */
const { root } = workerData as { root: string };

port.on('message', ({ id, input, edition }: NewsletterJob) => {
  const cpu = process.threadCpuUsage();
  renderNewsletter(input, edition, fonts, { root }).then(
    ({ pdf, pages, warnings }) => {
      const used = process.threadCpuUsage(cpu);
      const reply: NewsletterReply = { id, ok: true, pdf, pages, warnings, cpuMs: (used.user + used.system) / 1000 };
      port.postMessage(reply);
    },
    (error: unknown) => {
      const reply: NewsletterReply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
      port.postMessage(reply);
    },
  );
});
