/**
 * `npm run flyers` (and the second half of `npm run build`): the printable flyer of every
 * event, salon and recruitment into dist/flyers/<collection>/<id>.pdf, .png and -og.png.
 *
 * A plain Node step, not part of the Astro/Vite build, because resvg is a native module Vite
 * cannot bundle. Astro empties dist/ on every build, so finished flyers are kept in
 * .cache/flyers/ under a hash of their inputs and copied back when nothing changed.
 *
 * Many flyers render on worker threads, one per core (src/flyers/pool.ts); a few (an edit)
 * render in this thread, as starting workers and loading their fonts would cost more.
 *
 * Options: --out <dir> (default dist), FLYERS_TODAY=YYYY-MM-DD to fix the date the next salon
 * dates count from (tests, reproducible builds), FLYERS_WORKERS=<n> to choose the number of
 * worker threads (0 = render in this thread).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { t } from '../src/i18n/index.ts';
import { todayInJapan } from '../src/lib/recurrence.ts';
import { MEDIA_FOLDER, mediaNameOf } from '../src/lib/media/paths.ts';
import { cacheKey } from '../src/flyers/cache.ts';
import { loadFlyerContent } from '../src/flyers/content.ts';
import { fontsHash, loadFonts } from '../src/flyers/fonts.ts';
import { buildFlyerModel } from '../src/flyers/model.ts';
import { FLYER_COLLECTIONS, flyerPaths } from '../src/flyers/paths.ts';
import { createFlyerPool, type FlyerPool } from '../src/flyers/pool.ts';
import { FlyerTextError, renderFlyer, type RenderedFlyer } from '../src/flyers/render.ts';

const root = process.cwd();
const outArg = process.argv.indexOf('--out');
const outDir = join(root, outArg > 0 ? (process.argv[outArg + 1] ?? 'dist') : 'dist');
const cacheDir = join(root, '.cache', 'flyers');

const { entries, lookup, site: settings } = loadFlyerContent(root);
const today = process.env['FLYERS_TODAY'] ?? todayInJapan();

const jobs = FLYER_COLLECTIONS.flatMap((collection) =>
  (entries.get(collection) ?? []).map((entry) => ({ collection, entry })),
);
const files = (dir: string, collection: string, id: string) => {
  const paths = flyerPaths(collection, id);
  return [paths.pdf, paths.png, paths.og].map((p) => join(dir, p.replace(/^\/flyers\//, '')));
};

let rendered = 0;
let skipped = 0;
let renderMs = 0;
let renderCpuMs = 0;
const failures: string[] = [];
/** Every failure names the entry's file; an unexpected one keeps its stack for whoever fixes it. */
const failureOf = (file: string, error: unknown) =>
  `${file}: ${
    error instanceof FlyerTextError
      ? error.message
      : `チラシを作れませんでした / the flyer could not be made: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
  }`;
const started = performance.now();

interface Todo {
  index: number;
  file: string;
  collection: string;
  id: string;
  model: ReturnType<typeof buildFlyerModel>;
  key: string;
  cached: string[];
  keyFile: string;
  outputs: string[];
}
const todo: Todo[] = [];
for (const [index, { collection, entry }] of jobs.entries()) {
  let model: ReturnType<typeof buildFlyerModel>;
  try {
    model = buildFlyerModel(
      { collection, id: entry.id, data: entry.parsed, body: entry.body },
      { lookup, site: settings, today, t },
    );
  } catch (error) {
    failures.push(failureOf(entry.file, error));
    continue;
  }
  const photoName = model.photo ? mediaNameOf(model.photo.src) : undefined;
  const photoFile = photoName ? join(root, MEDIA_FOLDER, photoName) : undefined;
  const photoHash =
    photoFile && existsSync(photoFile) ? createHash('sha256').update(readFileSync(photoFile)).digest('hex') : undefined;
  const key = cacheKey({ model, fontsHash: fontsHash(), ...(photoHash ? { photoHash } : {}) });
  const cached = files(cacheDir, collection, entry.id);
  const keyFile = join(cacheDir, collection, `${entry.id}.key`);
  const outputs = files(join(outDir, 'flyers'), collection, entry.id);
  mkdirSync(join(outDir, 'flyers', collection), { recursive: true });

  const fresh = existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key && cached.every((f) => existsSync(f));
  if (fresh) {
    cached.forEach((file, i) => copyFileSync(file, outputs[i] as string));
    skipped++;
    continue;
  }
  todo.push({ index, file: entry.file, collection, id: entry.id, model, key, cached, keyFile, outputs });
}

/**
 * Each worker pays ~1 s of CPU to start and parse its fonts before its first flyer (~0.1 s
 * each), so the pool only pays off for a full build of many flyers on an otherwise idle machine.
 */
const MIN_FOR_WORKERS = 40;
const workerCount = Math.max(
  0,
  Math.floor(
    Number(process.env['FLYERS_WORKERS'] ?? (todo.length >= MIN_FOR_WORKERS ? Math.min(availableParallelism(), 4) : 0)),
  ),
);
const pool: FlyerPool | undefined = workerCount > 0 ? createFlyerPool(root, workerCount) : undefined;

const save = (job: Todo, result: RenderedFlyer, ms: number) => {
  mkdirSync(join(cacheDir, job.collection), { recursive: true });
  [result.pdf, result.png, result.og].forEach((data, i) => {
    writeFileSync(job.cached[i] as string, data);
    writeFileSync(job.outputs[i] as string, data);
  });
  writeFileSync(job.keyFile, job.key);
  rendered++;
  console.log(
    `[${job.index + 1}/${jobs.length}] ${job.file} → flyers/${job.collection}/${job.id} (${Math.round(ms)} ms, PDF ${Math.round(result.pdf.length / 1024)} kB)`,
  );
  for (const warning of result.warnings) console.warn(`  警告 / warning: ${job.file}: ${warning}`);
};
const failed = (job: Todo, error: unknown) => failures.push(failureOf(job.file, error));

try {
  if (pool) {
    await Promise.all(
      todo.map((job) =>
        pool.render(job.model).then(
          (result) => {
            renderMs += result.ms;
            renderCpuMs += result.cpuMs;
            save(job, result, result.ms);
          },
          (error: unknown) => failed(job, error),
        ),
      ),
    );
  } else {
    const fonts = loadFonts();
    for (const job of todo) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      try {
        const result = await renderFlyer(job.model, { root, fonts });
        const ms = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        renderMs += ms;
        renderCpuMs += (cpu.user + cpu.system) / 1000;
        save(job, result, ms);
      } catch (error) {
        failed(job, error);
      }
    }
  }
} finally {
  await pool?.close();
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const threads = pool ? `, ${workerCount} worker threads` : '';
const average = rendered
  ? ` (${Math.round(renderMs / rendered)} ms per flyer, CPU ${Math.round(renderCpuMs / rendered)} ms${threads})`
  : '';
console.log(
  `チラシ: ${rendered}件作成、${skipped}件は変更なし / flyers: ${rendered} rendered, ${skipped} skipped in ${seconds} s${average}`,
);
if (failures.length) {
  console.error(`チラシを作れなかった項目があります / flyers that could not be made:\n${failures.join('\n')}`);
  process.exit(1);
}
