/**
 * The process that renders newsletter PDFs for build.ts: plain Node, as for the flyers
 * (src/flyers/worker.ts), because resvg and the fonts' native parts cannot be bundled into
 * Astro's config. Loads the fonts once and renders each issue it is sent.
 */
import { connectToParent } from '../../lib/worker-process.ts';
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

const fonts = loadFonts();
const port = await connectToParent<{ root: string }>();
/** The project root: photos are read from its media/. */
const { root } = port.data;

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
