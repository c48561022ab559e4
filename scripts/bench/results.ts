/**
 * What a run at one N measured, and the figures derived from it (time per phase, CPU time of
 * the site), shared by the run and the report.
 */
import { readFileSync } from 'node:fs';
import type { PageStats } from './pages.ts';
import type { SearchResult } from './search.ts';
import type { StageResult } from './stages.ts';

/** A stage as the results file keeps it: everything but its output. */
export type StageSummary = Omit<StageResult, 'output'>;

export interface BuildSummary {
  stages: StageSummary[];
  totalMs: number;
  /** NaN when GNU time was not there to measure it. */
  totalCpuMs: number;
  peakRssBytes: number;
}

export interface RunResult {
  n: number;
  date: string;
  loadAverage: string;
  counts: Record<string, number>;
  generateMs: number;
  validateMs: number;
  build: BuildSummary;
  pagesPerSecond: number;
  flyers?: { count: number; perSecond: number; rendered?: number; skipped?: number };
  /** The flyers step exists but was left out at this N (--skip-flyers-above). */
  flyersNotRun?: boolean;
  /**
   * The newsletters' PDFs (colour, 白黒, large print; issues and drafts) of the first build:
   * how many, how many rendered, the step's wall time and the CPU time of one PDF in its worker.
   */
  newsletters?: { count: number; rendered: number; ms: number; cpuMsEach?: number };
  distBytes: number;
  pagefindBytes: number;
  pageStats: PageStats;
  search?: SearchResult;
  baseline: BuildSummary & { pages: number; distBytes: number };
  /** Site (pages + search) wall times of each build, ms; the site ratio is of their medians. */
  siteRuns?: { ours: number[]; baseline: number[] };
  /** Peak RSS of the repeated site builds: pages and search, the printing steps' caches kept. */
  sitePeakRssBytes?: number;
  /**
   * Wall times of the whole `npm run build` as a user runs it the next time — nothing removed:
   * Astro's caches kept, every flyer in .cache/flyers/ — and of the baseline's Astro + Pagefind
   * run the same way, ms; `samePages`, the baseline topped up to as many pages as ours
   * (projects.ts, makeBaseline), with `pages` its page count.
   */
  wholeRuns?: { ours: number[]; baseline: number[]; samePages?: { pages: number; runs: number[] } };
  /**
   * Ours ÷ baseline: pages alone, pages + search, the CPU time of pages + search, and the whole
   * warm build (medians of wholeRuns), against the baseline of N pages and (`wholeSamePages`,
   * issue 12's measure) against the one of as many pages as ours.
   */
  ratio: { pages: number; site: number; siteCpu: number; whole?: number; wholeSamePages?: number };
  incremental: BuildSummary & { changed: string; flyersRendered?: number; unchangedFlyersRendered?: number };
}

export const summarise = (results: StageResult[]): BuildSummary => ({
  // The logs stay in the copy (bench-*.log), out of the JSON.
  stages: results.map((r) => ({
    name: r.name,
    command: r.command,
    ms: r.ms,
    ...(r.cpuMs === undefined ? {} : { cpuMs: r.cpuMs }),
    peakRssBytes: r.peakRssBytes,
    inner: r.inner,
  })),
  totalMs: results.reduce((a, r) => a + r.ms, 0),
  totalCpuMs: results.reduce((a, r) => a + (r.cpuMs ?? Number.NaN), 0),
  peakRssBytes: Math.max(0, ...results.map((r) => r.peakRssBytes)),
});

export const sumInner = (build: BuildSummary, name: string) =>
  build.stages.reduce((a, st) => a + (st.inner[name] ?? 0), 0);

/**
 * Time spent on pages, search, flyers and newsletters, wherever each ran: a separate stage, or
 * inside `astro build` through an integration that logged its own time (then taken out of
 * "pages"). Inside `astro build`, search's wait and the flyers both start when the pages are
 * written and run at the same time: what they add to the build is the longer of the two, not
 * their sum; the newsletters' PDFs start once both are done (src/integrations/flyers.ts).
 */
export function phases(build: BuildSummary): { pages: number; search: number; flyers: number; newsletters: number } {
  const sum = (f: (s: StageSummary) => number) => build.stages.reduce((a, st) => a + f(st), 0);
  const inner = (name: string) => sum((st) => st.inner[name] ?? 0);
  const stage = (name: string) => sum((st) => (st.name === name ? st.ms : 0));
  const afterPages = sum(
    (st) => Math.max(st.inner['pagefind'] ?? 0, st.inner['flyers'] ?? 0) + (st.inner['newsletters'] ?? 0),
  );
  return {
    pages: stage('astro') - afterPages,
    search: stage('pagefind') + inner('pagefind'),
    flyers: stage('flyers') + inner('flyers'),
    newsletters: inner('newsletters'),
  };
}

/**
 * CPU time of every stage but flyers (the baseline has none), for the CPU ratio. NaN when a
 * step ran inside `astro build`: Pagefind's Node API starts a service process that GNU time
 * does not count (measured: 0.04 s CPU for a 2.4 s index), so the sum would flatter us.
 */
export const siteCpu = (build: BuildSummary) =>
  build.stages.some((st) => Object.keys(st.inner).length)
    ? Number.NaN
    : build.stages.filter((st) => st.name !== 'flyers').reduce((a, st) => a + (st.cpuMs ?? Number.NaN), 0);

/** " (median of 5.4, 5.7, 6.5 s)" when the site was built more than once. */
export const siteRunsText = (runs: number[] | undefined) =>
  runs && runs.length > 1 ? ` (median of ${runs.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s)` : '';

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
