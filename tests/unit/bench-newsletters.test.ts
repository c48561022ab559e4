/**
 * The bench reads the newsletter step's summary line from the build's log: what the step prints
 * (newsletterSummary) is what the bench parses (newsletterCounts, innerSteps), and the step's
 * time is taken out of the pages' time, not counted as rendering pages.
 */
import { describe, expect, it } from 'vitest';
import { newsletterSummary } from '../../src/flyers/newsletter/build.ts';
import { phases } from '../../scripts/bench/results.ts';
import { innerSteps, newsletterCounts } from '../../scripts/bench/stages.ts';

const log = (line: string) => `21:04:05 [tsunagari] ${line}\n`;

describe('newsletter figures in the bench', () => {
  it('parses the step’s own summary: count, rendered, CPU each and wall time', () => {
    const output =
      log('flyers: 30 rendered, 0 skipped in 12.5 s') +
      log(newsletterSummary({ total: 24, rendered: 20, failures: [], ms: 15_432.4, cpuMs: [800, 1000] }));
    expect(newsletterCounts(output)).toEqual({ count: 24, rendered: 20, cpuMsEach: 900, ms: 15_432 });
    expect(innerSteps(output)).toMatchObject({ flyers: 12_500, newsletters: 15_432 });
  });

  it('reads a step that rendered nothing (all cached) and a log without the step', () => {
    const cached = log(newsletterSummary({ total: 6, rendered: 0, failures: [], ms: 40, cpuMs: [] }));
    expect(newsletterCounts(cached)).toEqual({ count: 6, rendered: 0, ms: 40 });
    expect(newsletterCounts(log('flyers: 0 rendered, 30 skipped in 0.2 s'))).toBeUndefined();
  });

  it('takes the newsletters’ time out of the pages, after the longer of search and flyers', () => {
    const inner = { pagefind: 10_000, flyers: 30_000, newsletters: 20_000 };
    const build = {
      stages: [{ name: 'astro', command: 'astro build', ms: 100_000, peakRssBytes: 0, inner }],
      totalMs: 100_000,
      totalCpuMs: Number.NaN,
      peakRssBytes: 0,
    };
    expect(phases(build)).toEqual({ pages: 50_000, search: 10_000, flyers: 30_000, newsletters: 20_000 });
  });
});
