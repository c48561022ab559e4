/**
 * The flyer step: the printable flyer of every event, salon and recruitment into
 * `<outDir>/flyers/<collection>/<id>.pdf`, `.png` and `-og.png`, from entries already validated.
 * `astro build` runs it from the entries it validated (src/integrations/flyers.ts), so a build
 * parses each content file once; `npm run flyers` (scripts/flyers.ts) runs it on its own.
 *
 * Astro empties dist/ on every build, so finished flyers are kept in .cache/flyers/ under a hash
 * of their inputs (cache.ts) and put back when nothing changed. What a build with nothing to
 * render costs is what this file keeps small: one read of the key list (`keys.json`, no stat or
 * read per flyer), one model and one hash per flyer, and three hard links per flyer instead of
 * three copies (1,800 copies took 0.9 s at 1,000 entries, the links 0.1 s). The links are safe
 * because nothing writes a cached file in place: a re-rendered flyer is written to a new file
 * and renamed over the old one, and Astro removes dist/ rather than rewriting it.
 *
 * Changed flyers render on worker threads (pool.ts); `workers: 0` renders in this thread, which
 * only plain Node may do (the script, for a few flyers): resvg is native and Vite cannot bundle it.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { t } from '../i18n/index.ts';
import { MEDIA_FOLDER, mediaNameOf } from '../lib/media/paths.ts';
import { cacheKey } from './cache.ts';
import type { FlyerContent } from './content.ts';
import { FlyerTextError } from './errors.ts';
import { fontsHash } from './fonts.ts';
import { buildFlyerModel, type FlyerModel } from './model.ts';
import { FLYER_COLLECTIONS, flyerPaths } from './paths.ts';
import { createFlyerPool, type FlyerPool } from './pool.ts';
import type { RenderedFlyer } from './render.ts';

export interface FlyerStepOptions {
  root: string;
  /** The site's output folder: flyers go to its flyers/. */
  outDir: string;
  /** 'YYYY-MM-DD' in Japan: the day the next salon dates count from. */
  today: string;
  /** Worker threads to render on; 0 = this thread (plain Node only). Default: see workersFor. */
  workers?: number;
  /**
   * Plain Node only (the script): a few flyers (an edit) render in this thread, as starting a
   * worker and loading its fonts costs more. Inside `astro build` they always go to a worker.
   */
  fewInThisThread?: boolean;
  /**
   * Rendering waits for this (the build's search index: see src/integrations/flyers.ts) and is
   * left out if it fails; cached flyers are put in place at once.
   */
  renderAfter?: Promise<unknown>;
  /**
   * Only this entry's flyer (the dev server, on request: flyers-dev.ts). The other flyers' cache
   * keys are kept, so the next build still finds them.
   */
  only?: { collection: string; id: string };
  /** Worker threads to render on, kept by the caller (the dev server keeps one warm). */
  pool?: FlyerPool;
  /** One line per rendered flyer, and warnings. */
  log: (line: string) => void;
  warn: (line: string) => void;
}

export interface FlyerStepResult {
  total: number;
  rendered: number;
  skipped: number;
  /** One message per flyer that could not be made, naming the entry's file. */
  failures: string[];
  /** Wall time of the whole step, and per rendered flyer (wall and CPU). */
  ms: number;
  renderMs: number;
  renderCpuMs: number;
  workers: number;
}

/**
 * Each worker pays ~1 s of CPU to start and parse its fonts before its first flyer (~0.1 s
 * each), so many threads only pay off for a full build of many flyers.
 */
const MIN_FOR_WORKERS = 40;
export const workersFor = (todo: number, fewInThisThread = false) =>
  todo >= MIN_FOR_WORKERS ? Math.min(availableParallelism(), 4) : fewInThisThread ? 0 : 1;

/** The key of every flyer in the cache, `<collection>/<id>` → key, in one file. */
const KEYS_FILE = 'keys.json';

function readKeys(cacheDir: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(join(cacheDir, KEYS_FILE), 'utf8')) as Record<string, string>;
  } catch {
    // No cache yet (or an unreadable one): everything renders.
    return {};
  }
}

/** Puts a cached file at `to`: a hard link, or a copy where links are not possible. */
function place(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw error;
    if (code === 'EEXIST') {
      unlinkSync(to);
      return place(from, to);
    }
    // Another file system, or one without hard links.
    copyFileSync(from, to);
  }
}

/** Writes a new file and renames it into place, so a hard link to the old one keeps the old bytes. */
function replace(file: string, data: Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

interface Todo {
  index: number;
  file: string;
  name: string;
  model: FlyerModel;
  key: string;
  cached: string[];
  outputs: string[];
}

export async function makeFlyers(content: FlyerContent, options: FlyerStepOptions): Promise<FlyerStepResult> {
  const started = performance.now();
  const { root, outDir, today, log, warn } = options;
  const cacheDir = join(root, '.cache', 'flyers');
  const { entries, lookup, site } = content;
  const { only } = options;
  const jobs = FLYER_COLLECTIONS.flatMap((collection) =>
    (entries.get(collection) ?? []).map((entry) => ({ collection, entry })),
  ).filter(({ collection, entry }) => !only || (only.collection === collection && only.id === entry.id));
  const files = (dir: string, collection: string, id: string) => {
    const paths = flyerPaths(collection, id);
    return [paths.pdf, paths.png, paths.og].map((p) => join(dir, p.replace(/^\/flyers\//, '')));
  };
  const failures: string[] = [];
  /** Every failure names the entry's file; an unexpected one keeps its stack for whoever fixes it. */
  const failed = (file: string, error: unknown) =>
    failures.push(
      `${file}: ${
        error instanceof FlyerTextError
          ? error.message
          : `チラシを作れませんでした / the flyer could not be made: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
      }`,
    );

  const previous = readKeys(cacheDir);
  // A whole run writes the keys of the flyers it has; one flyer's run keeps everyone else's.
  const keys: Record<string, string> = only ? { ...previous } : {};
  const fonts = fontsHash();
  // Entries share photos (a salon's picture on each of its flyers): hash each file once.
  const photoHashes = new Map<string, string | undefined>();
  const photoHash = (name: string) => {
    if (!photoHashes.has(name)) {
      let hash: string | undefined;
      try {
        hash = createHash('sha256')
          .update(readFileSync(join(root, MEDIA_FOLDER, name)))
          .digest('hex');
      } catch {
        // A missing photo is the renderer's to report (validation names it first).
      }
      photoHashes.set(name, hash);
    }
    return photoHashes.get(name);
  };

  for (const collection of only ? [only.collection] : FLYER_COLLECTIONS)
    mkdirSync(join(outDir, 'flyers', collection), { recursive: true });
  const todo: Todo[] = [];
  let skipped = 0;
  for (const [index, { collection, entry }] of jobs.entries()) {
    let model: FlyerModel;
    try {
      model = buildFlyerModel(
        { collection, id: entry.id, data: entry.parsed, body: entry.body },
        { lookup, site, today, t },
      );
    } catch (error) {
      failed(entry.file, error);
      continue;
    }
    const photoName = model.photo ? mediaNameOf(model.photo.src) : undefined;
    const photo = photoName ? photoHash(photoName) : undefined;
    const key = cacheKey({ model, fontsHash: fonts, ...(photo ? { photoHash: photo } : {}) });
    const name = `${collection}/${entry.id}`;
    const cached = files(cacheDir, collection, entry.id);
    const outputs = files(join(outDir, 'flyers'), collection, entry.id);
    if (previous[name] === key) {
      try {
        cached.forEach((file, i) => place(file, outputs[i] as string));
        keys[name] = key;
        skipped++;
        continue;
      } catch {
        // A cached file went missing: render it again.
      }
    }
    todo.push({ index, file: entry.file, name, model, key, cached, outputs });
  }

  let rendered = 0;
  let renderMs = 0;
  let renderCpuMs = 0;
  const save = (job: Todo, result: RenderedFlyer, ms: number, cpuMs: number) => {
    mkdirSync(join(cacheDir, job.model.collection), { recursive: true });
    [result.pdf, result.png, result.og].forEach((data, i) => {
      replace(job.cached[i] as string, data);
      place(job.cached[i] as string, job.outputs[i] as string);
    });
    keys[job.name] = job.key;
    rendered++;
    renderMs += ms;
    renderCpuMs += cpuMs;
    log(
      `[${job.index + 1}/${jobs.length}] ${job.file} → flyers/${job.name} (${Math.round(ms)} ms, PDF ${Math.round(result.pdf.length / 1024)} kB)`,
    );
    for (const warning of result.warnings) warn(`警告 / warning: ${job.file}: ${warning}`);
  };

  if (todo.length && options.renderAfter) {
    try {
      await options.renderAfter;
    } catch {
      // The build fails for that reason; rendering now would only delay the message.
      return {
        total: jobs.length,
        rendered: 0,
        skipped,
        failures,
        ms: performance.now() - started,
        renderMs: 0,
        renderCpuMs: 0,
        workers: 0,
      };
    }
  }
  const workers =
    todo.length === 0
      ? 0
      : Math.max(0, Math.floor(options.workers ?? workersFor(todo.length, options.fewInThisThread)));
  try {
    const renderOn = (pool: FlyerPool) =>
      Promise.all(
        todo.map((job) =>
          pool.render(job.model).then(
            (result) => save(job, result, result.ms, result.cpuMs),
            (error: unknown) => failed(job.file, error),
          ),
        ),
      );
    if (todo.length && options.pool) await renderOn(options.pool);
    else if (workers > 0) {
      const pool = createFlyerPool(root, workers);
      try {
        await renderOn(pool);
      } finally {
        await pool.close();
      }
    } else if (todo.length) {
      // Plain Node only (the script): the renderer is loaded here, never into Astro's bundle.
      const { loadFonts } = await import('./fonts.ts');
      const { renderFlyer } = await import('./render.ts');
      const loaded = loadFonts();
      for (const job of todo) {
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        try {
          const result = await renderFlyer(job.model, { root, fonts: loaded });
          const cpu = process.cpuUsage(cpu0);
          save(job, result, performance.now() - t0, (cpu.user + cpu.system) / 1000);
        } catch (error) {
          failed(job.file, error);
        }
      }
    }
  } finally {
    // What was rendered stays known even when another flyer failed.
    if (rendered || (!only && Object.keys(previous).length !== skipped)) {
      mkdirSync(cacheDir, { recursive: true });
      replace(join(cacheDir, KEYS_FILE), Buffer.from(JSON.stringify(keys)));
    }
  }
  return {
    total: jobs.length,
    rendered,
    skipped,
    failures,
    ms: performance.now() - started,
    renderMs,
    renderCpuMs,
    workers,
  };
}

/** The step's summary line, as the build log and the script print it (the bench reads it). */
export function flyerSummary(result: FlyerStepResult): string {
  const seconds = (result.ms / 1000).toFixed(1);
  const threads = result.workers ? `, ${result.workers} worker threads` : '';
  const average = result.rendered
    ? ` (${Math.round(result.renderMs / result.rendered)} ms per flyer, CPU ${Math.round(result.renderCpuMs / result.rendered)} ms${threads})`
    : '';
  return `チラシ: ${result.rendered}件作成、${result.skipped}件は変更なし / flyers: ${result.rendered} rendered, ${result.skipped} skipped in ${seconds} s${average}`;
}

/** The step's failures as one message, or undefined when every flyer was made. */
export function flyerFailures(result: FlyerStepResult): string | undefined {
  return result.failures.length
    ? `チラシを作れなかった項目があります / flyers that could not be made:\n${result.failures.join('\n')}`
    : undefined;
}
