/**
 * The flyer benchmark: CPU and wall milliseconds per flyer for each step and output, measured
 * in this thread over the sample content in every template, after the fonts are loaded and a
 * few flyers have warmed the JIT. The text caches are cleared before each flyer so that every
 * flyer costs what a new entry would. `npm run bench` can take its flyer figures from here;
 * `node scripts/bench-flyers.ts` prints them.
 */
import { t } from '../../src/i18n/index.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { clearMeasureCache, loadFonts } from '../../src/flyers/fonts.ts';
import { buildFlyerModel, type FlyerModel } from '../../src/flyers/model.ts';
import { FLYER_COLLECTIONS } from '../../src/flyers/paths.ts';
import { RENDER_STEPS, renderFlyer, type FlyerTimings, type RenderStep } from '../../src/flyers/render.ts';
import { clearPhraseCache } from '../../src/flyers/text.ts';

export interface FlyerBenchOptions {
  /** Project whose content/ is rendered. */
  root: string;
  /** Passes over all flyers; the report gives the median pass. */
  passes?: number;
  today?: string;
}

export interface StepFigure {
  cpu: number;
  wall: number;
}

export interface FlyerBenchResult {
  /** Flyers per pass (entries × templates). */
  flyers: number;
  passes: number;
  /** Per flyer, median pass: each step, and the three outputs with the steps each needs. */
  steps: Record<RenderStep, StepFigure>;
  outputs: { pdf: StepFigure; png: StepFigure; og: StepFigure };
  total: StepFigure;
  /** Every pass's total per flyer, to show the spread; the first pass sees every text for the first time. */
  passTotals: StepFigure[];
  pdfBytes: { median: number; max: number };
  /** Seconds to read and parse the fonts (once per process). */
  fontLoadSeconds: number;
  loadAverage: number[];
}

/** The model with every string reversed: same characters, different texts. */
function reversed<T>(value: T): T {
  if (typeof value === 'string') return [...value].reverse().join('') as T;
  if (Array.isArray(value)) return value.map(reversed) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'template' || k === 'theme' || k === 'photo' ? v : reversed(v)]),
    ) as T;
  return value;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export async function benchFlyers({
  root,
  passes = 3,
  today = '2026-11-23',
}: FlyerBenchOptions): Promise<FlyerBenchResult> {
  const { loadavg } = await import('node:os');
  const { entries } = validateContent(root);
  const lookup = new Map<string, Record<string, unknown>>();
  for (const [collection, list] of entries) for (const e of list) lookup.set(`${collection}/${e.id}`, e.parsed);
  const site = entries.get('settings')?.[0]?.parsed as { url: string; siteName: string; publisher: string };
  const base = FLYER_COLLECTIONS.flatMap((collection) =>
    (entries.get(collection) ?? []).map((e) =>
      buildFlyerModel({ collection, id: e.id, data: e.parsed, body: e.body }, { lookup, site, today, t }),
    ),
  );
  const models: FlyerModel[] = base.flatMap((m) =>
    (['poster', 'bw', 'large'] as const).map((template) => ({ ...m, template })),
  );

  const fontStart = performance.now();
  const fonts = loadFonts();
  await renderFlyer(models[0] as FlyerModel, { root, fonts });
  const fontLoadSeconds = (performance.now() - fontStart) / 1000;
  // Satori parses the fonts on first use, and the JIT needs a few dozen flyers to settle; both
  // are once per process. The warm-up flyers have every text reversed: the same characters
  // (glyph outlines are cached per process, as in a real build) but none of the same texts,
  // so the first pass below pays for its texts as new entries would.
  for (const model of base) await renderFlyer(reversed(model), { root, fonts });

  const perPass: FlyerTimings[] = [];
  const sizes: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const timings: FlyerTimings = {};
    for (const model of models) {
      clearPhraseCache();
      clearMeasureCache();
      const result = await renderFlyer(model, { root, fonts, timings });
      if (pass === 0) sizes.push(result.pdf.length);
    }
    perPass.push(timings);
  }
  const per = (timings: FlyerTimings, step: RenderStep): StepFigure => ({
    cpu: (timings[step]?.cpu ?? 0) / models.length,
    wall: (timings[step]?.wall ?? 0) / models.length,
  });
  const sum = (figures: StepFigure[]): StepFigure => ({
    cpu: figures.reduce((a, f) => a + f.cpu, 0),
    wall: figures.reduce((a, f) => a + f.wall, 0),
  });
  const passTotals = perPass.map((timings) => sum(RENDER_STEPS.map((step) => per(timings, step))));
  // The median pass by CPU: one pass, so its steps add up to its total.
  const chosen = perPass[passTotals.indexOf([...passTotals].sort((a, b) => a.cpu - b.cpu)[passes >> 1] as StepFigure)];
  const steps = Object.fromEntries(RENDER_STEPS.map((step) => [step, per(chosen as FlyerTimings, step)])) as Record<
    RenderStep,
    StepFigure
  >;
  return {
    flyers: models.length,
    passes,
    steps,
    // Layout and the A4 Satori run serve both the PDF and the preview; each output is charged
    // the steps it needs, so pdf + png + og is more than the total.
    outputs: {
      pdf: sum([steps.layout, steps.a4Svg, steps.pdf]),
      png: sum([steps.layout, steps.a4Svg, steps.png]),
      og: sum([steps.layout, steps.ogSvg, steps.og]),
    },
    total: sum(Object.values(steps)),
    passTotals,
    pdfBytes: { median: median(sizes), max: Math.max(...sizes) },
    fontLoadSeconds,
    loadAverage: loadavg(),
  };
}

/** The figures as a Markdown section for docs/BENCHMARKS.md. */
export function flyerBenchMarkdown(r: FlyerBenchResult): string {
  const f = (n: number) => n.toFixed(1);
  const row = (name: string, s: StepFigure) => `| ${name} | ${f(s.cpu)} | ${f(s.wall)} |`;
  return [
    '## Flyers',
    '',
    `Per flyer, in one thread, after the fonts are loaded (${r.fontLoadSeconds.toFixed(1)} s once per process, with the first flyer) and a warm-up over the sample entries with their texts reversed: ${r.flyers} flyers (the sample events, salons and recruitments in each of the 3 templates), median of ${r.passes} passes, our text caches cleared before each flyer (Satori's own caches are not: later passes see known texts). CPU is \`process.cpuUsage()\` (all threads of the process: GC and resvg included). Load average at the end: ${r.loadAverage.map((l) => l.toFixed(2)).join(' ')}. Target (issue 4): ≤ 100 ms for all three outputs.`,
    '',
    '| Step | CPU ms | Wall ms |',
    '| --- | --- | --- |',
    row('Layout (line breaking, shrink to fit)', r.steps.layout),
    row('A4 layout → SVG, words as text (Satori)', r.steps.a4Svg),
    row('A4 PDF (SVG → PDFKit, vector, real text)', r.steps.pdf),
    row('A4 preview PNG (words to outlines, resvg)', r.steps.png),
    row('Share image layout → SVG (Satori)', r.steps.ogSvg),
    row('Share image PNG (resvg)', r.steps.og),
    row('**All three outputs**', r.total),
    '',
    `Per output, with the shared steps it needs: PDF ${f(r.outputs.pdf.cpu)} ms CPU, preview ${f(r.outputs.png.cpu)} ms, share image ${f(r.outputs.og.cpu)} ms. Passes, all three outputs (CPU / wall; the first with every text new): ${r.passTotals.map((p) => `${f(p.cpu)} / ${f(p.wall)}`).join(', ')}. PDF size: median ${Math.round(r.pdfBytes.median / 1024)} kB, largest ${Math.round(r.pdfBytes.max / 1024)} kB.`,
  ].join('\n');
}
