/**
 * One N: generate and validate the content, build the baseline and this project (the site
 * three times, alternating), measure pages and search, then rebuild after one edit.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatReport } from '../../src/lib/validation/messages.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { clip, generateContent } from './generate.ts';
import { log, type BenchOptions } from './options.ts';
import { dirBytes, measurePages, median, walk } from './pages.ts';
import { copyProject, makeBaseline, writeContent, writeEntry } from './projects.ts';
import { kb, loadAverage, mb, phases, siteCpu, summarise, type BuildSummary, type RunResult } from './results.ts';
import type { Template } from './samples.ts';
import { measureSearch } from './search.ts';
import { buildStages, flyerCounts, newsletterCounts, runStage, type Stage, type StageResult } from './stages.ts';

export async function runBuild(label: string, phase: string, dir: string, stages: Stage[]) {
  const results: StageResult[] = [];
  for (const stage of stages) {
    if (stage.unlessExists && existsSync(join(dir, stage.unlessExists))) {
      log(`${label}: ${stage.name} already done by the build (${stage.unlessExists})`);
      continue;
    }
    log(`${label}: ${stage.command} …`);
    // Each stage starts with the disk idle: otherwise it pays for writing out the last one's
    // files (ours writes ~15 times the baseline's), and builds got slower through a run.
    execFileSync('sync');
    const result = await runStage(stage.name, stage.command, dir);
    writeFileSync(join(dir, `bench-${phase}-${stage.name.replace(/\W+/g, '_')}.log`), result.output);
    const inner = Object.entries(result.inner).map(([k, ms]) => `, of which ${k} ${(ms / 1000).toFixed(1)} s`);
    log(
      `${label}: ${stage.name} ${(result.ms / 1000).toFixed(1)} s${inner.join('')}, peak RSS ${mb(result.peakRssBytes)}`,
    );
    results.push(result);
  }
  return results;
}

/** How many HTML pages a project's build wrote into its dist/. */
const htmlPages = (project: string) => [...walk(join(project, 'dist'))].filter((f) => f.endsWith('.html')).length;

const BASELINE: Stage[] = [
  { name: 'astro', command: 'astro build' },
  { name: 'pagefind', command: 'pagefind --site dist' },
];
/** The printing steps' caches under .cache/ (src/flyers/build.ts, newsletter/build.ts, bosai/build.ts). */
const PRINT_CACHES = new Set(['flyers', 'newsletters', 'bosai-memo']);
/**
 * What a first build finds missing in a fresh copy: its output, Astro's and Vite's caches and
 * the site's own under .cache/ (content checks, ふりがな readings, charts, pictures, search). The
 * printing steps' caches stay: the site's ratio is of pages and search, and a repeat that
 * rendered every flyer again would only crowd them. Until December 2026 the repeats kept all of
 * .cache/, so two of the three "cold" builds knew every page's readings.
 */
function coldPaths(project: string): string[] {
  const cache = join(project, '.cache');
  const siteCaches = existsSync(cache) ? readdirSync(cache).filter((name) => !PRINT_CACHES.has(name)) : [];
  return [
    ...['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'].map((p) => join(project, p)),
    ...siteCaches.map((name) => join(cache, name)),
  ];
}
/**
 * How many times the site (pages + search) is built for the ratio: its median counts. Three at
 * every N: two runs at N = 10,000 an hour apart gave ×1.39 and ×1.55, the baseline alone
 * moving 17.0–19.4 s.
 */
const SITE_REPEATS = 3;
/** How many times the whole warm build (and the baseline's) is run for the whole-build ratio. */
const WHOLE_REPEATS = 2;

export async function benchN(
  n: number,
  templates: Map<string, Template[]>,
  options: BenchOptions,
): Promise<RunResult | undefined> {
  log(`N=${n}: generating content`);
  const load = loadAverage();
  const dir = copyProject(options.fromGit);
  const t0 = performance.now();
  const entries = generateContent(n, templates);
  writeContent(dir, entries);
  const generateMs = performance.now() - t0;
  const counts: Record<string, number> = {};
  for (const e of entries) counts[e.collection] = (counts[e.collection] ?? 0) + 1;
  log(`N=${n}: ${entries.length} entries in ${dir} (${(generateMs / 1000).toFixed(1)} s)`);

  // The same check the build starts with, timed on its own: it runs before Astro reads a file.
  const v0 = performance.now();
  const { problems } = validateContent(dir);
  const validateMs = performance.now() - v0;
  if (problems.length) throw new Error(`synthetic content does not validate:\n${formatReport(problems.slice(0, 20))}`);
  log(`N=${n}: content valid (validation ${(validateMs / 1000).toFixed(2)} s)`);
  if (options.contentOnly) {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
    return undefined;
  }

  const baselineDir = makeBaseline(dir);
  const baselineResults = await runBuild(`N=${n} baseline`, 'build', baselineDir, BASELINE);
  const baselinePages = htmlPages(baselineDir);
  const baseline = {
    ...summarise(baselineResults),
    pages: baselinePages,
    distBytes: dirBytes(join(baselineDir, 'dist')),
  };

  const allStages = buildStages(dir);
  const flyersNotRun = n > options.skipFlyersAbove && allStages.some((st) => st.name === 'flyers' || st.makesFlyers);
  const stages = flyersNotRun
    ? allStages
        .filter((st) => st.name !== 'flyers')
        // The printing steps both: at 10,000 entries 600 newsletter PDFs take minutes per build too.
        .map((st) => (st.makesFlyers ? { ...st, command: `FLYERS_SKIP=1 NEWSLETTERS_SKIP=1 ${st.command}` } : st))
    : allStages;
  const build = summarise(await runBuild(`N=${n} tsunagari`, 'build', dir, stages));
  // Repeats, so one stray burst of load does not swing the ratio; each is cold like the first
  // (dist/ and the site's caches removed: coldPaths), ours and the baseline alternating.
  const siteMs = (b: BuildSummary) => phases(b).pages + phases(b).search;
  const site = { ours: [siteMs(build)], baseline: [siteMs(baseline)] };
  // The repeats' peak: pages and search with the printing steps cached, the build issue 12 measured.
  let sitePeakRssBytes = 0;
  let unchangedFlyers: number | undefined;
  // Nothing changed since the first build: the flyers a build says it rendered should be none.
  const noteFlyers = (results: StageResult[]) => {
    const said = results.map((r) => flyerCounts(r.output).rendered).find((c) => c !== undefined);
    if (said !== undefined) unchangedFlyers = Math.max(unchangedFlyers ?? 0, said);
  };
  for (let i = 1; i < SITE_REPEATS; i++) {
    for (const d of [baselineDir, dir]) for (const c of coldPaths(d)) rmSync(c, { recursive: true, force: true });
    site.baseline.push(siteMs(summarise(await runBuild(`N=${n} baseline, again`, 'again', baselineDir, BASELINE))));
    const oursAgain = await runBuild(`N=${n} tsunagari, again`, 'again', dir, stages);
    site.ours.push(siteMs(summarise(oursAgain)));
    sitePeakRssBytes = Math.max(sitePeakRssBytes, summarise(oursAgain).peakRssBytes);
    noteFlyers(oursAgain);
  }
  // The whole `npm run build` as a user runs it the next time: nothing removed, so Astro finds
  // its caches (content, optimized pictures) and ours the flyers in .cache/flyers/; the
  // baseline's Astro + Pagefind the same way. Without its flyers it is not the whole build.
  const whole = { ours: [] as number[], baseline: [] as number[] };
  // And a baseline of as many pages as ours (issue 12 sets the whole build against that), built
  // once to warm it as ours has been.
  let samePages: { dir: string; pages: number; runs: number[] } | undefined;
  if (!flyersNotRun) {
    const pages = htmlPages(dir);
    samePages = { dir: makeBaseline(dir, { pages }), pages, runs: [] };
    await runBuild(`N=${n} baseline of ${pages} pages`, 'pages', samePages.dir, BASELINE);
  }
  for (let i = 0; i < WHOLE_REPEATS && samePages; i++) {
    whole.baseline.push(summarise(await runBuild(`N=${n} baseline, warm`, 'warm', baselineDir, BASELINE)).totalMs);
    samePages.runs.push(
      summarise(await runBuild(`N=${n} baseline of ${samePages.pages} pages, warm`, 'warm', samePages.dir, BASELINE))
        .totalMs,
    );
    const warm = await runBuild(`N=${n} tsunagari, warm`, 'warm', dir, stages);
    whole.ours.push(summarise(warm).totalMs);
    noteFlyers(warm);
  }
  const dist = join(dir, 'dist');
  log(`N=${n}: measuring pages`);
  const pageStats = measurePages(dist);
  const ours = phases(build);
  let flyers: RunResult['flyers'];
  if (ours.flyers > 0) {
    const log = build.stages.find((s) => s.name === 'flyers') ? 'bench-build-flyers.log' : 'bench-build-astro.log';
    const said = flyerCounts(readFileSync(join(dir, log), 'utf8'));
    const count = said.rendered ?? pageStats.flyerPdfs;
    flyers = { count, perSecond: count / (ours.flyers / 1000), ...said };
  }
  // The newsletters' PDFs, made inside `astro build` even where the flyers are left out.
  const newsletters = newsletterCounts(readFileSync(join(dir, 'bench-build-astro.log'), 'utf8'));
  log(`N=${n}: search in Chromium`);
  const search = await measureSearch(dist);
  if (search)
    log(
      `N=${n}: 「${search.query}」 ${search.results} results, ${kb(search.bytes)}, ${search.timeToResultsMs.toFixed(0)} ms`,
    );
  const distBytes = dirBytes(dist);
  const pagefindBytes = dirBytes(join(dist, 'pagefind'));

  // Incremental: one salon's summary changes, as a volunteer's edit in the CMS would.
  const salon = entries.find((e) => e.collection === 'salons');
  if (!salon) throw new Error('no salon generated');
  salon.data['summary'] = clip(`【更新】${String(salon.data['summary'])}`, 120);
  writeEntry(dir, salon);
  const incrementalResults = await runBuild(`N=${n} rebuild`, 'rebuild', dir, stages);
  const incremental: RunResult['incremental'] = {
    ...summarise(incrementalResults),
    changed: `content/salons/${salon.id}.ja.md`,
  };
  if (flyers) {
    const flyersRun =
      incrementalResults.find((r) => r.name === 'flyers') ?? incrementalResults.find((r) => r.name === 'astro');
    const c = flyersRun && flyerCounts(flyersRun.output).rendered;
    if (c !== undefined) incremental.flyersRendered = c;
    // The repeated builds had nothing changed: their flyer step should have rendered nothing.
    if (unchangedFlyers !== undefined) incremental.unchangedFlyersRendered = unchangedFlyers;
  }

  const base = phases(baseline);
  const result: RunResult = {
    n,
    date: new Date().toISOString(),
    loadAverage: load,
    counts,
    generateMs,
    validateMs,
    build,
    pagesPerSecond: pageStats.pages / (ours.pages / 1000),
    ...(flyers ? { flyers } : {}),
    ...(flyersNotRun ? { flyersNotRun } : {}),
    ...(newsletters ? { newsletters } : {}),
    distBytes,
    pagefindBytes,
    pageStats,
    ...(search ? { search } : {}),
    baseline,
    siteRuns: site,
    ...(sitePeakRssBytes ? { sitePeakRssBytes } : {}),
    ...(whole.ours.length
      ? {
          wholeRuns: {
            ...whole,
            ...(samePages ? { samePages: { pages: samePages.pages, runs: samePages.runs } } : {}),
          },
        }
      : {}),
    ratio: {
      pages: ours.pages / base.pages,
      site: median(site.ours) / median(site.baseline),
      siteCpu: siteCpu(build) / siteCpu(baseline),
      ...(whole.ours.length ? { whole: median(whole.ours) / median(whole.baseline) } : {}),
      ...(whole.ours.length && samePages?.runs.length
        ? { wholeSamePages: median(whole.ours) / median(samePages.runs) }
        : {}),
    },
    incremental,
  };
  const dirs = [dir, baselineDir, ...(samePages ? [samePages.dir] : [])];
  if (options.keep) log(`N=${n}: kept ${dirs.join(', ')}`);
  else for (const d of dirs) rmSync(d, { recursive: true, force: true });
  log(
    `N=${n}: build ${(build.totalMs / 1000).toFixed(1)} s (pages ×${result.ratio.pages.toFixed(2)}, site ×${result.ratio.site.toFixed(2)}, whole warm build ×${result.ratio.whole?.toFixed(2) ?? '—'} of baseline, ×${result.ratio.wholeSamePages?.toFixed(2) ?? '—'} of one with as many pages), ` +
      `${result.pagesPerSecond.toFixed(0)} pages/s, peak ${mb(build.peakRssBytes)}, median page ${kb(pageStats.htmlCssGzipMedian)}`,
  );
  return result;
}
