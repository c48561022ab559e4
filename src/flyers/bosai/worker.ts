/**
 * The process that renders the 防災メモ sheets for build.ts: plain Node, as for the flyers and
 * newsletters, because resvg and the fonts' native parts cannot be bundled into Astro's config.
 * Loads the fonts once and renders each sheet it is sent.
 */
import { connectToParent } from '../../lib/worker-process.ts';
import type { BosaiMemo } from '../../lib/bosai-memo.ts';
import { loadFonts } from '../fonts.ts';
import { renderBosaiMemo } from './render.ts';

export interface MemoJob {
  id: number;
  memo: BosaiMemo;
  siteName: string;
}

export type MemoReply =
  | { id: number; ok: true; pdf: Uint8Array; warnings: string[]; cpuMs: number; shortened: boolean }
  | { id: number; ok: false; message: string };

const fonts = loadFonts();
const port = await connectToParent<undefined>();

port.on('message', ({ id, memo, siteName }: MemoJob) => {
  const cpu = process.threadCpuUsage();
  renderBosaiMemo(memo, fonts, { siteName }).then(
    ({ pdf, warnings, shortened }) => {
      const used = process.threadCpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      const reply: MemoReply = { id, ok: true, pdf, warnings, cpuMs, shortened: Boolean(shortened) };
      port.postMessage(reply);
    },
    (error: unknown) => {
      const reply: MemoReply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
      port.postMessage(reply);
    },
  );
});
