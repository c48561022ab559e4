/**
 * The 防災メモ sheets in `astro build`, after the flyers (src/integrations/tsunagari.ts): the
 * town's at /bosai/bosai-memo.pdf and each district's in its 防災 page's folder
 * (bosaiMemoPdfPath), made from the entries the build validated. As for flyers and newsletters,
 * a finished PDF is kept in .cache/bosai-memo/ under a hash of its model — the shelters, numbers
 * and day it shows — and hard-linked into dist/ when nothing changed; the others render on one
 * worker process (worker.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { t } from '../../i18n/index.ts';
import { bosaiMemoPdfPath, bosaiMemos } from '../../lib/bosai-memo.ts';
import type { ValidEntry } from '../../lib/validation/validate.ts';
import { createProcessPool } from '../../lib/process-pool.ts';
import { placeFile } from '../../lib/replace-file.ts';
import { projectModule } from '../../lib/worker-process.ts';
import { fontsHash } from '../fonts.ts';
import { RENDER_PROCESS } from '../render-process.ts';
import { progressLog } from '../../lib/progress.ts';
import { memoSources } from './sources.ts';
import type { MemoJob, MemoReply } from './worker.ts';

/** Raise when the layout or renderer changes what a sheet looks like: every cached one renders again. */
export const MEMO_CODE_VERSION = '3';

export interface MemoStepResult {
  total: number;
  rendered: number;
  failures: string[];
  ms: number;
  cpuMs: number[];
}

export async function makeBosaiMemos(
  entries: ReadonlyMap<string, readonly ValidEntry[]>,
  options: { root: string; outDir: string; today: string; log: (line: string) => void; warn: (line: string) => void },
): Promise<MemoStepResult> {
  const started = performance.now();
  const { root, outDir, log, warn } = options;
  const result: MemoStepResult = { total: 0, rendered: 0, failures: [], ms: 0, cpuMs: [] };
  const read = memoSources(entries, options.today);
  if (!read) return result;
  const memos = bosaiMemos(read.sources, t);
  result.total = memos.length;
  const cacheDir = join(root, '.cache', 'bosai-memo');
  mkdirSync(cacheDir, { recursive: true });
  const fonts = fontsHash();
  const todo: { cached: string; out: string; job: MemoJob }[] = [];
  memos.forEach((memo) => {
    const key = createHash('sha256')
      .update(JSON.stringify([MEMO_CODE_VERSION, fonts, read.siteName, memo]))
      .digest('hex')
      .slice(0, 24);
    const cached = join(cacheDir, `${key}.pdf`);
    const out = join(outDir, bosaiMemoPdfPath(memo.districtId).replace(/^\//, ''));
    mkdirSync(dirname(out), { recursive: true });
    if (existsSync(cached)) placeFile(cached, out);
    else todo.push({ cached, out, job: { memo, siteName: read.siteName, file: cached } });
  });

  if (todo.length) {
    // A line per sheet made, thinned for a large town (progress.ts).
    const logMade = progressLog(todo.length, log);
    // Its source, run as plain Node like the flyers' worker (projectModule). One process: a town
    // has one sheet per district, ~0.05 s each.
    const pool = createProcessPool<MemoJob, MemoReply>(projectModule(root, 'src/flyers/bosai/worker.ts'), 1, {
      ...RENDER_PROCESS,
      name: '防災メモ worker',
    });
    try {
      await Promise.all(
        todo.map(async (item) => {
          // Written by the worker into the cache (a new file renamed into place: a hard link to an
          // older PDF keeps its bytes).
          const reply = await pool.run(item.job);
          const where = bosaiMemoPdfPath(item.job.memo.districtId);
          if (!reply.ok) {
            result.failures.push(`${where}（${item.job.memo.area}）: ${reply.message}`);
            return;
          }
          for (const w of reply.warnings) warn(`${where}: ${w}`);
          placeFile(item.cached, item.out);
          result.rendered++;
          result.cpuMs.push(reply.cpuMs);
          const note = reply.shortened ? '; 避難所・組織の一覧は防災のページに / lists left to the page' : '';
          logMade(`${where}: ${Math.round(reply.bytes / 1024)} KiB, ${Math.round(reply.cpuMs)} ms CPU${note}`);
        }),
      );
    } finally {
      await pool.close();
    }
  }
  result.ms = performance.now() - started;
  return result;
}

export function memoSummary(result: MemoStepResult): string {
  const cpu = result.cpuMs.length ? Math.round(result.cpuMs.reduce((a, b) => a + b, 0) / result.cpuMs.length) : 0;
  return `防災メモ PDFs: ${result.total} (${result.rendered} rendered${result.rendered ? `, ${cpu} ms CPU each` : ''}, ${result.total - result.rendered - result.failures.length} from .cache/bosai-memo/) in ${Math.round(result.ms)} ms`;
}
