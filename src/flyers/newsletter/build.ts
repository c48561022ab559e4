/**
 * The newsletters' printed PDFs in `astro build`, beside the flyers (src/integrations/flyers.ts):
 * each issue compiled from the entries the build validated (the same model as its web page),
 * then `<outDir>/newsletters/<id>.pdf` (colour), `<id>-bw.pdf` (black and white, for the
 * 回覧板) and `<id>-large.pdf` (大きな文字). As for flyers, a finished PDF is kept in .cache/newsletters/ under a hash of what it
 * is made from — the compiled issue, so a changed salon date changes the key — and hard-linked
 * into dist/ when nothing changed; the others render on worker processes (pool.ts, worker.ts).
 */
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { MEDIA_FOLDER, mediaNameOf } from '../../lib/media/paths.ts';
import { dirname, join } from 'node:path';
import { compileNewsletter } from '../../lib/newsletter/compile.ts';
import { placeFile } from '../../lib/replace-file.ts';
import type { ValidEntry } from '../../lib/validation/validate.ts';
import { fontsHash } from '../fonts.ts';
import type { NewsletterPrintInput } from './render.ts';
import { monthlyCounts, newsletterEntries, newsletterSources } from './sources.ts';
import { createNewsletterPool, newsletterWorkersFor, type NewsletterPool } from './pool.ts';
import { draftPdfPaths, EDITIONS, newsletterPdfPaths, type Edition, type NewsletterPdfPaths } from './paths.ts';
import { draftSlug, nextMonthDrafts } from '../../lib/newsletter/archive.ts';
import { t } from '../../i18n/index.ts';
import { progressLog } from '../../lib/progress.ts';

/** Raise when the layout or renderer changes what a PDF looks like: every cached one renders again. */
export const NEWSLETTER_CODE_VERSION = '5';

export interface NewsletterStepResult {
  total: number;
  rendered: number;
  /** One message per issue that could not be made, naming its file. */
  failures: string[];
  ms: number;
  /** CPU milliseconds per rendered PDF, in the worker. */
  cpuMs: number[];
}

/** An edition to render: into `cached` (the worker writes it), then placed at `out`. */
interface ToRender {
  edition: Edition;
  cached: string;
  out: string;
}

/**
 * Size and time of each photo file the issue prints: a photo replaced under the same name makes
 * a new PDF (the compiled issue names the file only).
 */
function photoStamps(root: string, input: NewsletterPrintInput): string[] {
  const photos = [input.issue.cover, ...input.issue.reports.map((r) => r.photo)];
  return photos.flatMap((photo) => {
    const name = photo && mediaNameOf(photo.src);
    if (!name) return [];
    try {
      const { size, mtimeMs } = statSync(join(root, MEDIA_FOLDER, name));
      return [`${name}:${size}:${mtimeMs}`];
    } catch {
      return [`${name}:missing`];
    }
  });
}

interface NewsletterStepOptions {
  root: string;
  outDir: string;
  /** 'YYYY-MM-DD' in Japan: which month is next (the drafts). */
  today: string;
  log: (line: string) => void;
  warn: (line: string) => void;
  /** One PDF only, by its address (`/newsletters/<id>-large.pdf`): the dev server's request. */
  only?: string;
  /** Threads to render on (default: one per core, up to 4, no more than PDFs to render). */
  workers?: number;
  /** Render on this pool and leave it open (the dev server keeps one). */
  pool?: NewsletterPool;
}

/** An issue's editions to render, with what they are made from: plain data, as a worker gets it. */
interface NewsletterRender {
  file: string;
  input: NewsletterPrintInput;
  editions: ToRender[];
}

/**
 * What is left of the newsletter step once its cached PDFs are in place: plain data, so
 * `npm run build` can render it in a process of its own after Astro's (src/flyers/print-queue.ts).
 */
export interface NewsletterPlan {
  /** PDFs in the step, and the milliseconds its compiling and placing took. */
  total: number;
  planMs: number;
  failures: string[];
  renders: NewsletterRender[];
}

const emptyResult = (): NewsletterStepResult => ({ total: 0, rendered: 0, failures: [], ms: 0, cpuMs: [] });

/** Every issue's and draft's PDFs: cached ones put in place, the others rendered as they are compiled. */
export async function makeNewsletterPdfs(
  entries: ReadonlyMap<string, readonly ValidEntry[]>,
  options: NewsletterStepOptions,
): Promise<NewsletterStepResult> {
  const started = performance.now();
  const result = emptyResult();
  let pool: NewsletterPool | undefined;
  const renders: Promise<void>[] = [];
  try {
    await eachSheet(entries, options, result, (job, left) => {
      // Started with the first issue to render, not after all are compiled: the workers load
      // their fonts, then render, while the build's process compiles the next issues. No more
      // workers than issues left, this one included.
      pool ??= options.pool ?? createNewsletterPool(options.root, options.workers ?? newsletterWorkersFor(left));
      const rendering = renderSheet(pool, job, result, options);
      // Awaited with the others below; handled now, as it may fail while the next issue compiles.
      rendering.catch(() => {});
      renders.push(rendering);
    });
    await Promise.all(renders);
  } finally {
    // Every render settled before the pool closes, even when one failed; a pool the caller lent
    // (the dev server's) stays open for its next request.
    await Promise.allSettled(renders);
    if (pool && !options.pool) await pool.close();
  }
  result.ms = performance.now() - started;
  return result;
}

/** Every issue and draft compiled and its cached PDFs put in place; what is left to render is the plan. */
export async function planNewsletterPdfs(
  entries: ReadonlyMap<string, readonly ValidEntry[]>,
  options: Omit<NewsletterStepOptions, 'pool' | 'workers'>,
): Promise<NewsletterPlan> {
  const started = performance.now();
  const result = emptyResult();
  const renders: NewsletterRender[] = [];
  await eachSheet(entries, options, result, (job) => renders.push(job));
  return { total: result.total, planMs: performance.now() - started, failures: result.failures, renders };
}

/** Renders what a plan left (planNewsletterPdfs), in this process or another. */
export async function renderNewsletterPdfs(
  plan: NewsletterPlan,
  options: Pick<NewsletterStepOptions, 'root' | 'outDir' | 'log' | 'warn' | 'workers'>,
): Promise<NewsletterStepResult> {
  const started = performance.now();
  const result: NewsletterStepResult = { ...emptyResult(), total: plan.total, failures: [...plan.failures] };
  if (plan.renders.length) {
    const pool = createNewsletterPool(options.root, options.workers ?? newsletterWorkersFor(plan.renders.length));
    // A line per PDF made, thinned for a large town (progress.ts).
    const editions = plan.renders.reduce((n, job) => n + job.editions.length, 0);
    const sheetOptions = { ...options, log: progressLog(editions, options.log) };
    try {
      await Promise.allSettled(plan.renders.map((job) => renderSheet(pool, job, result, sheetOptions)));
    } finally {
      await pool.close();
    }
  }
  result.ms = plan.planMs + performance.now() - started;
  return result;
}

/**
 * Renders an issue's editions on one worker (worker.ts says why), each written by the worker
 * into the cache; a new file renamed into place, so a hard link to an older PDF keeps its bytes.
 */
async function renderSheet(
  pool: NewsletterPool,
  { file, input, editions }: NewsletterRender,
  result: NewsletterStepResult,
  { outDir, log, warn }: Pick<NewsletterStepOptions, 'outDir' | 'log' | 'warn'>,
): Promise<void> {
  let replies: Awaited<ReturnType<NewsletterPool['render']>>;
  try {
    replies = await pool.render(
      input,
      editions.map(({ edition, cached }) => ({ edition, file: cached })),
    );
  } catch (error) {
    result.failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
  editions.forEach(({ cached, out }, i) => {
    const reply = replies[i];
    if (!reply?.ok) {
      result.failures.push(
        `${file}: ${reply?.message ?? 'PDFが作られませんでした / the worker did not reply for this edition'}`,
      );
      return;
    }
    for (const w of reply.warnings) warn(`${file}: ${w}`);
    placeFile(cached, out);
    result.rendered++;
    result.cpuMs.push(reply.cpuMs);
    log(
      `${out.slice(outDir.length)}: ${reply.pages} pages, ${Math.round(reply.bytes / 1024)} KiB, ${Math.round(reply.cpuMs)} ms CPU`,
    );
  });
}

/**
 * Each issue and next month's drafts compiled, in order, their cached PDFs put in place and the
 * others handed to `toRender` with how many sheets are left, this one included.
 */
async function eachSheet(
  entries: ReadonlyMap<string, readonly ValidEntry[]>,
  options: Pick<NewsletterStepOptions, 'root' | 'outDir' | 'today' | 'only'>,
  result: NewsletterStepResult,
  toRender: (job: NewsletterRender, left: number) => void,
): Promise<void> {
  const { root, outDir } = options;
  const site = entries.get('settings')?.[0]?.parsed as { url: string; siteName: string } | undefined;
  const issues = newsletterEntries(entries);
  if (!site || !issues.length) return;
  const sources = newsletterSources(entries, site.url);
  const cacheDir = join(root, '.cache', 'newsletters');
  mkdirSync(cacheDir, { recursive: true });
  const fonts = fontsHash();
  /** The editions of an issue to make: all, or the one the dev server was asked for. */
  const wanted = (paths: NewsletterPdfPaths) => EDITIONS.filter((e) => !options.only || paths[e] === options.only);

  // Next month's drafts, as their pages (/newsletters/draft/<slug>/) list them: printed 下書き.
  const drafts = nextMonthDrafts(
    issues.map((i) => ({ id: i.id, data: i.data })),
    options.today,
  );
  const failed = (file: string, error: unknown) =>
    result.failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);

  /** Puts an issue's PDFs in place from the cache, or hands them on to render. */
  const add = (file: string, paths: NewsletterPdfPaths, input: NewsletterPrintInput, left: number) => {
    const made = JSON.stringify([NEWSLETTER_CODE_VERSION, fonts, input, photoStamps(root, input)]);
    const editions: ToRender[] = [];
    for (const edition of wanted(paths)) {
      const key = createHash('sha256').update(edition).update(made).digest('hex').slice(0, 24);
      const cached = join(cacheDir, `${key}.pdf`);
      const out = join(outDir, paths[edition].replace(/^\//, ''));
      mkdirSync(dirname(out), { recursive: true });
      if (existsSync(cached)) placeFile(cached, out);
      else editions.push({ edition, cached, out });
    }
    if (editions.length) toRender({ file, input, editions }, left);
  };

  /** Each issue and draft: where its PDFs go, and how it is compiled for print. */
  const sheets = [
    ...issues.map((entry) => ({
      file: entry.file,
      paths: newsletterPdfPaths(entry.id),
      input: (): NewsletterPrintInput => {
        const issue = compileNewsletter({ entry: { id: entry.id, data: entry.data } }, sources);
        return {
          issue,
          title: entry.data.title,
          body: entry.body,
          subject: entry.data.summary,
          siteName: site.siteName,
          // As the issue's page charts them: the 12 months up to the build's day.
          counts: monthlyCounts(entries, issue, options.today),
        };
      },
    })),
    ...drafts.map((draft) => ({
      file: `content/newsletters/ (${draftSlug(draft.district)}, ${draft.month})`,
      paths: draftPdfPaths(draftSlug(draft.district)),
      input: (): NewsletterPrintInput => {
        const issue = compileNewsletter({ draft }, sources);
        return {
          issue,
          title: t('newsletter.draftTitle', {
            district: issue.district?.name ?? t('newsletter.town'),
            month: Number(draft.month.slice(5)),
          }),
          subject: t('newsletter.draftNote'),
          siteName: site.siteName,
        };
      },
    })),
  ];

  for (const [index, { file, paths, input }] of sheets.entries()) {
    const count = wanted(paths).length;
    if (!count) continue;
    result.total += count;
    try {
      add(file, paths, input(), sheets.length - index);
    } catch (error) {
      failed(file, error);
    }
    // The workers' replies and the next jobs are sent between two issues, not after all.
    await nextTurn();
  }
}

export function newsletterSummary(result: NewsletterStepResult): string {
  const cpu = result.cpuMs.length ? Math.round(result.cpuMs.reduce((a, b) => a + b, 0) / result.cpuMs.length) : 0;
  return `newsletter PDFs: ${result.total} (${result.rendered} rendered${result.rendered ? `, ${cpu} ms CPU each` : ''}, ${result.total - result.rendered - result.failures.length} from .cache/newsletters/) in ${Math.round(result.ms)} ms`;
}
