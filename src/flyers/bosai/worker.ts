/**
 * The process that renders the 防災メモ sheets for build.ts: plain Node, as for the flyers and
 * newsletters, because resvg and the fonts' native parts cannot be bundled into Astro's config.
 * Loads the fonts once and renders each sheet it is sent, one at a time, into the file it is
 * told (the build's cache).
 */
import type { BosaiMemo } from '../../lib/bosai-memo.ts';
import { serveJobs } from '../../lib/process-pool.ts';
import { replaceFile } from '../../lib/replace-file.ts';
import { loadFonts } from '../fonts.ts';
import { renderBosaiMemo } from './render.ts';

export interface MemoJob {
  memo: BosaiMemo;
  siteName: string;
  /** Where the worker writes the PDF (replaceFile), which then stays out of the reply. */
  file: string;
}

export type MemoReply =
  { ok: true; bytes: number; warnings: string[]; cpuMs: number; shortened: boolean } | { ok: false; message: string };

const fonts = loadFonts();

await serveJobs<undefined, MemoJob, MemoReply>(async ({ memo, siteName, file }) => {
  const cpu = process.threadCpuUsage();
  try {
    const { pdf, warnings, shortened } = await renderBosaiMemo(memo, fonts, { siteName });
    replaceFile(file, pdf);
    const used = process.threadCpuUsage(cpu);
    return {
      ok: true,
      bytes: pdf.length,
      warnings,
      cpuMs: (used.user + used.system) / 1000,
      shortened: Boolean(shortened),
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
});
