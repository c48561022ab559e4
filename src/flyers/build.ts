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
 * Changed flyers render on worker processes (pool.ts); `workers: 0` renders in this thread, which
 * only plain Node may do (the script, for a few flyers): resvg is native and Vite cannot bundle it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { useTranslations } from '../i18n/index.ts';
import type { LocaleCode } from '../i18n/locales.ts';
import { MEDIA_FOLDER, mediaNameOf } from '../lib/media/paths.ts';
import { placeFile, replaceFile } from '../lib/replace-file.ts';
import { cacheKey } from './cache.ts';
import { flyerOverrides, flyerSources, siteFor, type FlyerContent } from './content.ts';
import { FlyerTextError } from './errors.ts';
import { fontsHash } from './fonts.ts';
import { buildFlyerModel, flyerFontFamilies, type FlyerModel } from './model.ts';
import type { Override } from '../lib/furigana/segments.ts';
import { readingsKey } from '../lib/furigana/store.ts';
import { progressLog } from '../lib/progress.ts';
import { FLYER_COLLECTIONS, RUBY_CHOICE, choicesOf, flyerPaths, templateOfChoice, variantPdf } from './paths.ts';
import type { FlyerChoiceName } from './paths.ts';
import { createFlyerPool, writeFlyer, type FlyerPool, type WrittenFlyer } from './pool.ts';
import { isCurrentFlyer } from './list.ts';

export interface FlyerStepOptions {
  root: string;
  /** The site's output folder: flyers go to its flyers/. */
  outDir: string;
  /** 'YYYY-MM-DD' in Japan: the day the next salon dates count from. */
  today: string;
  /** Worker processes to render on; 0 = this thread (plain Node only). Default: see workersFor. */
  workers?: number;
  /**
   * Plain Node only (the script): a few flyers (an edit) render in this thread, as starting a
   * worker and loading its fonts costs more. Inside `astro build` they always go to a worker.
   */
  fewInThisThread?: boolean;
  /**
   * Only this entry's flyer (the dev server, on request: flyers-dev.ts): its default files, or
   * with `choice` that template's PDF if it is one of the alternatives. The other flyers' cache
   * keys are kept, so the next build still finds them.
   */
  only?: { collection: string; id: string; choice?: FlyerChoiceName; locale?: LocaleCode };
  /** Worker processes to render on, kept by the caller (the dev server keeps one warm). */
  pool?: FlyerPool;
  /**
   * Called when every ふりがな flyer's readings are made (at once if none are to be): the build
   * lets the dictionary go there, not after the last flyer.
   */
  readingsMade?: () => void;
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
  /**
   * The printing choices beside each flyer's default (paths.ts, alternativesOf): two PDFs per
   * flyer, counted apart so that `rendered` and its per-flyer times stay comparable.
   */
  choices: { total: number; rendered: number; skipped: number; renderMs: number; renderCpuMs: number };
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

/** A flyer file to render: what a plan hands its render (and, through `npm run build`, another process). */
interface Todo {
  index: number;
  file: string;
  /** `<collection>/<id>`, or `<collection>/<id>.<template>` for an alternative: its keys.json name. */
  name: string;
  model: FlyerModel;
  /** An alternative template's PDF alone (its model's template), not the default's three files. */
  alternative: boolean;
  /** The print choice of an alternative (a template, or the large print with ふりがな). */
  choice?: FlyerChoiceName;
  key: string;
  cached: string[];
  outputs: string[];
}

/** Every failure names the entry's file; an unexpected one keeps its stack for whoever fixes it. */
const failedFlyer = (file: string, error: unknown) =>
  `${file}: ${
    error instanceof FlyerTextError
      ? error.message
      : `チラシを作れませんでした / the flyer could not be made: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
  }`;

/**
 * What is left of the flyer step once its cached flyers are in place: plain data (V8's
 * serializer carries it), so `npm run build` can render it in a process of its own after Astro's
 * has ended (src/flyers/print-queue.ts says why).
 */
export interface FlyerPlan {
  /** When the step started (`Date.now()`): its time counts from there, wherever it renders. */
  startedAt: number;
  /** Flyers (entries and translations) in the step, and those taken from the cache. */
  total: number;
  skipped: number;
  choices: FlyerStepResult['choices'];
  /** Flyers whose model could not be made, each naming its file. */
  failures: string[];
  /** The keys of the flyers in place so far; each rendered one adds its own. */
  keys: Record<string, string>;
  /** keys.json differs from `keys` even if nothing renders (a flyer went away). */
  keysStale: boolean;
  /** Defaults first, then the printing choices. */
  todo: Todo[];
  /** The site's own readings, when a ふりがな flyer is to render. */
  rubyOverrides?: Override[];
}

/** The flyer step: cached flyers put in place, the rest rendered (planFlyers, then renderFlyers). */
export async function makeFlyers(content: FlyerContent, options: FlyerStepOptions): Promise<FlyerStepResult> {
  return renderFlyers(planFlyers(content, options), options);
}

/**
 * Every flyer's model and key; those whose key is in the cache put in place at once. What is
 * left to render is the plan.
 */
export function planFlyers(content: FlyerContent, options: FlyerStepOptions): FlyerPlan {
  const startedAt = Date.now();
  const { root, outDir, today } = options;
  const cacheDir = join(root, '.cache', 'flyers');
  const { entries, lookup, site } = content;
  const { only } = options;
  // Each entry in Japanese, then each translation in its language: (entry, locale, data).
  const jobs = flyerSources(entries, content.translations).filter(
    ({ collection, entry, locale }) =>
      !only || (only.collection === collection && only.id === entry.id && (only.locale ?? 'ja') === (locale ?? 'ja')),
  );
  const inDir = (dir: string, url: string) => join(dir, url.replace(/^\/flyers\//, ''));
  const files = (dir: string, collection: string, id: string, locale?: LocaleCode) => {
    const paths = flyerPaths(collection, id, 'poster', locale);
    return [paths.pdf, paths.png, paths.og].map((p) => inDir(dir, p));
  };
  const failures: string[] = [];
  const failed = (file: string, error: unknown) => failures.push(failedFlyer(file, error));

  const previous = readKeys(cacheDir);
  // A whole run writes the keys of the flyers it has; one flyer's run keeps everyone else's.
  const keys: Record<string, string> = only ? { ...previous } : {};
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

  // Both folders before any flyer renders: a worker writes its files into the cache itself.
  for (const collection of only ? [only.collection] : FLYER_COLLECTIONS)
    for (const dir of [join(outDir, 'flyers'), cacheDir]) mkdirSync(join(dir, collection), { recursive: true });
  const todo: Todo[] = [];
  // The alternatives render after every default: the files the pages show first come first.
  const todoChoices: Todo[] = [];
  let skipped = 0;
  const choices = { total: 0, rendered: 0, skipped: 0, renderMs: 0, renderCpuMs: 0 };
  /** Puts a job's cached files in place if its key is unchanged; false = it must render. */
  const reuse = (job: Todo) => {
    if (previous[job.name] !== job.key) return false;
    try {
      job.cached.forEach((file, i) => placeFile(file, job.outputs[i] as string));
      keys[job.name] = job.key;
      return true;
    } catch {
      // A cached file went missing: render it again.
      return false;
    }
  };
  // The site's own readings, and the key of readings made with them, for the ふりがな choice:
  // what is read (settings, districts, the code under src/lib/furigana, the dictionary) is
  // small, and is read whether or not a ふりがな flyer renders, since their keys need it.
  let ruby: { overrides: Override[]; key: string } | undefined;
  const rubyInputs = () => {
    if (!ruby) {
      const overrides = flyerOverrides(entries);
      ruby = { overrides, key: readingsKey(root, overrides) };
    }
    return ruby;
  };
  for (const [index, { collection, entry, locale, data, body, file, site: translated }] of jobs.entries()) {
    let model: FlyerModel;
    try {
      model = buildFlyerModel(
        { collection, id: entry.id, data, body },
        { lookup, site: siteFor(site, translated), today, t: useTranslations(locale ?? 'ja') },
      );
    } catch (error) {
      failed(file, error);
      continue;
    }
    const photoName = model.photo ? mediaNameOf(model.photo.src) : undefined;
    const photo = photoName ? photoHash(photoName) : undefined;
    // The fonts of this flyer's set only: a Japanese flyer's key is what it was before translations.
    const fonts = fontsHash(flyerFontFamilies(model));
    const keyOf = (m: FlyerModel, readings?: string) =>
      cacheKey({
        model: m,
        fontsHash: fonts,
        ...(photo ? { photoHash: photo } : {}),
        ...(readings ? { readings } : {}),
      });
    const name = `${collection}/${entry.id}${locale ? `.${locale}` : ''}`;
    if (!only?.choice) {
      const job: Todo = {
        index,
        file,
        name,
        model,
        alternative: false,
        key: keyOf(model),
        cached: files(cacheDir, collection, entry.id, locale),
        outputs: files(join(outDir, 'flyers'), collection, entry.id, locale),
      };
      if (reuse(job)) skipped++;
      else todo.push(job);
      // The dev server asks for one file at a time: the default's, or one alternative.
      if (only) continue;
    }
    // The printing choices only for a flyer to put up now (list.ts): a past event's or a paused
    // salon's keeps its own PDF, preview and share image as a record, and its page offers no more.
    for (const choice of isCurrentFlyer(collection, data, today) ? choicesOf(model.template, locale) : []) {
      if (only?.choice && only.choice !== choice) continue;
      // The same model in another template: its key differs by the template alone, and the
      // ふりがな choice's (the large print's model) by its readings key too.
      const alternative = { ...model, template: templateOfChoice(choice) };
      const pdf = variantPdf(collection, entry.id, choice, locale);
      const job: Todo = {
        index,
        file,
        name: `${name}.${choice}`,
        model: alternative,
        alternative: true,
        choice,
        key: keyOf(alternative, choice === RUBY_CHOICE ? rubyInputs().key : undefined),
        cached: [inDir(cacheDir, pdf)],
        outputs: [inDir(join(outDir, 'flyers'), pdf)],
      };
      choices.total++;
      if (reuse(job)) choices.skipped++;
      else todoChoices.push(job);
    }
  }
  todo.push(...todoChoices);
  return {
    startedAt,
    total: jobs.length,
    skipped,
    choices,
    failures,
    keys,
    keysStale: !only && Object.keys(previous).length !== skipped + choices.skipped,
    todo,
    ...(todo.some((job) => job.choice === RUBY_CHOICE) ? { rubyOverrides: rubyInputs().overrides } : {}),
  };
}

/** Renders what a plan left (planFlyers), in this process or another, and writes the cache's keys. */
export async function renderFlyers(
  plan: FlyerPlan,
  options: Pick<FlyerStepOptions, 'root' | 'workers' | 'fewInThisThread' | 'pool' | 'readingsMade' | 'log' | 'warn'>,
): Promise<FlyerStepResult> {
  const { root, log, warn } = options;
  const { todo, keys, choices, skipped } = plan;
  const cacheDir = join(root, '.cache', 'flyers');
  const failures = [...plan.failures];
  const failed = (file: string, error: unknown) => failures.push(failedFlyer(file, error));
  const elapsed = () => Date.now() - plan.startedAt;

  // A line per file made, thinned for a large town (a line every few seconds: progress.ts).
  const logMade = progressLog(todo.length, log);
  let rendered = 0;
  let renderMs = 0;
  let renderCpuMs = 0;
  /** Puts a job's files, written into the cache, in place, and counts and logs it. */
  const done = (job: Todo, { warnings, sizes, ms, cpuMs }: WrittenFlyer) => {
    job.cached.forEach((file, i) => placeFile(file, job.outputs[i] as string));
    keys[job.name] = job.key;
    if (job.alternative) {
      choices.rendered++;
      choices.renderMs += ms;
      choices.renderCpuMs += cpuMs;
    } else {
      rendered++;
      renderMs += ms;
      renderCpuMs += cpuMs;
    }
    logMade(
      `[${job.index + 1}/${plan.total}] ${job.file} → flyers/${job.name}${job.alternative ? '.pdf' : ''} (${Math.round(ms)} ms, PDF ${Math.round((sizes[0] ?? 0) / 1024)} kB)`,
    );
    // An alternative's fitting (large print leaving out points) is how that template works, not
    // something the editor, who chose another template, should act on: logged, not warned.
    for (const warning of warnings)
      (job.alternative ? log : warn)(
        `${job.alternative ? '' : '警告 / warning: '}${job.file}${job.alternative ? ` (${job.choice ?? job.model.template})` : ''}: ${warning}`,
      );
  };

  // The ふりがな flyers that render get their readings here, in one place for every worker (the
  // dictionary is loaded only when one of them renders) — while the workers already render the
  // rest: made before the workers started, they kept both cores waiting (3 s at 1,000 entries).
  const rubyJobs = todo.filter((job) => job.choice === RUBY_CHOICE);
  const readingsReady = rubyJobs.length ? addReadings(rubyJobs, plan.rubyOverrides ?? [], failed) : new Map();
  // Said once the last is made (long before the workers are done), so the dictionary can go.
  if (options.readingsMade) void Promise.all(readingsReady.values()).then(options.readingsMade);
  /** Whether the job can render: false if its readings failed (and were reported). */
  const ready = (job: Todo): Promise<boolean> => readingsReady.get(job) ?? Promise.resolve(true);
  const workers =
    todo.length === 0
      ? 0
      : Math.max(0, Math.floor(options.workers ?? workersFor(todo.length, options.fewInThisThread)));
  try {
    const renderOn = (pool: FlyerPool) =>
      Promise.all(
        todo.map(async (job) => {
          if (!(await ready(job))) return;
          // The worker writes the files into the cache: only their sizes cross the pipe.
          await pool.write(job.model, job.cached, job.alternative).then(
            (written) => done(job, written),
            (error: unknown) => failed(job.file, error),
          );
        }),
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
      const { fontsFor, renderFlyer, renderFlyerPdf } = await import('./render.ts');
      for (const job of todo) {
        if (!(await ready(job))) continue;
        try {
          // Loaded before the clock starts, as the Japanese fonts always were: once per set.
          const fonts = fontsFor(job.model);
          const t0 = performance.now();
          const cpu0 = process.cpuUsage();
          const result = await (job.alternative ? renderFlyerPdf : renderFlyer)(job.model, { root, fonts });
          const cpu = process.cpuUsage(cpu0);
          const sizes = writeFlyer(result, job.cached);
          done(job, {
            warnings: result.warnings,
            sizes,
            ms: performance.now() - t0,
            cpuMs: (cpu.user + cpu.system) / 1000,
          });
        } catch (error) {
          failed(job.file, error);
        }
      }
    }
  } finally {
    // What was rendered stays known even when another flyer failed.
    if (rendered || choices.rendered || plan.keysStale) {
      mkdirSync(cacheDir, { recursive: true });
      replaceFile(join(cacheDir, KEYS_FILE), JSON.stringify(keys));
    }
  }
  return {
    total: plan.total,
    rendered,
    skipped,
    failures,
    ms: elapsed(),
    renderMs,
    renderCpuMs,
    workers,
    choices,
  };
}

/**
 * Gives each ふりがな job's model its readings, one job after another, letting the event loop run
 * between two (the workers' replies are handled while readings are made). Resolves per job, in
 * order: false when its readings failed, which `failed` has reported.
 */
function addReadings(
  jobs: Todo[],
  overrides: Override[],
  failed: (file: string, error: unknown) => void,
): Map<Todo, Promise<boolean>> {
  const done = new Map<Todo, Promise<boolean>>();
  const readings = import('./readings.ts');
  let previous: Promise<unknown> = readings;
  for (const job of jobs) {
    const made = previous.then(async () => {
      const { withReadings } = await readings;
      await new Promise((next) => setImmediate(next));
      try {
        job.model = await withReadings(job.model, overrides);
        return true;
      } catch (error) {
        failed(job.file, error);
        return false;
      }
    });
    done.set(job, made);
    previous = made;
  }
  return done;
}

/** The step's summary line, as the build log and the script print it (the bench reads it). */
export function flyerSummary(result: FlyerStepResult): string {
  const seconds = (result.ms / 1000).toFixed(1);
  const threads = result.workers ? `, ${result.workers} worker processes` : '';
  const average = result.rendered
    ? ` (${Math.round(result.renderMs / result.rendered)} ms per flyer, CPU ${Math.round(result.renderCpuMs / result.rendered)} ms${threads})`
    : '';
  const { choices } = result;
  const choiceAverage = choices.rendered
    ? ` (${Math.round(choices.renderMs / choices.rendered)} ms each, CPU ${Math.round(choices.renderCpuMs / choices.rendered)} ms)`
    : '';
  // After the flyers' own figures, which the bench reads (scripts/bench/stages.ts).
  const choiceLine = choices.total
    ? `; 印刷の選択肢のPDF: ${choices.rendered}件作成、${choices.skipped}件は変更なし / print choices: ${choices.rendered} PDFs rendered, ${choices.skipped} unchanged${choiceAverage}`
    : '';
  return `チラシ: ${result.rendered}件作成、${result.skipped}件は変更なし / flyers: ${result.rendered} rendered, ${result.skipped} skipped in ${seconds} s${average}${choiceLine}`;
}

/** The step's failures as one message, or undefined when every flyer was made. */
export function flyerFailures(result: FlyerStepResult): string | undefined {
  return result.failures.length
    ? `チラシを作れなかった項目があります / flyers that could not be made:\n${result.failures.join('\n')}`
    : undefined;
}
