/**
 * The bar chart of 活動のまとめ and the newsletter, drawn at build time as SVG by Observable
 * Plot (a maintained charting library: scales, ticks and axes are its) on linkedom's document,
 * so the page carries no script. The SVG is a picture of the table that always follows it
 * (src/components/CountChart.astro): screen readers read the table.
 */
import { createHash } from 'node:crypto';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** One bar: its group on the x axis (a month, a year), its series (参加者) and value. */
export interface Bar {
  x: string;
  series: string;
  value: number;
}

export interface ChartOptions {
  /** The x groups in order (every month of the range, including empty ones). */
  domain: readonly string[];
  /** The series in order, with their colours (from the site's palette, readable on white). */
  series: readonly { name: string; colour: string }[];
  /** The label of the value axis (人). */
  unit: string;
  width?: number;
  height?: number;
}

/**
 * Grouped horizontal bars: one row per x value (a month, a year) from top to bottom, one bar per
 * series within it, the value axis on top and at the bottom. Horizontal, so the chart is as
 * narrow as a phone (360 px) and only grows downwards as months are added: month names stay
 * readable at their real size instead of shrinking with a wide chart. The series' names are in
 * the legend the component puts beside it (Plot's own legend would be HTML with inline styles).
 */
export function barChartSvg(bars: readonly Bar[], options: ChartOptions, store?: ChartStore): string {
  // The same chart is asked for by a 活動のまとめ page, its CSVs' page and the district's
  // newsletters, and is unchanged from one build to the next unless a report's counts change:
  // Plot on linkedom costs ~15 ms a chart, 800 charts at 10,000 entries.
  const key = chartKey(bars, options);
  const known = drawn.get(key) ?? store?.read(key);
  if (known !== undefined) {
    drawn.set(key, known);
    return known;
  }
  const svg = drawChart(bars, options);
  drawn.set(key, svg);
  store?.write(key, svg);
  return svg;
}

/**
 * Raise when the drawing below changes: cached charts (.cache/charts/) made by the old code are
 * then never read again. The store keeps charts of each Plot version apart for the same reason.
 */
const CHART_CODE_VERSION = 1;

/** Where charts drawn by earlier builds are kept (src/data/stats.ts: .cache/charts/). */
export interface ChartStore {
  read(key: string): string | undefined;
  write(key: string, svg: string): void;
}

const drawn = new Map<string, string>();

export const chartKey = (bars: readonly Bar[], options: ChartOptions): string =>
  createHash('sha256')
    .update(JSON.stringify([CHART_CODE_VERSION, bars, options]))
    .digest('hex')
    .slice(0, 32);

function drawChart(bars: readonly Bar[], options: ChartOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const names = options.series.map((s) => s.name);
  const rowHeight = 12 * names.length + 10;
  const svg = Plot.plot({
    document: document as unknown as Document,
    width: options.width ?? 360,
    height: options.height ?? 70 + rowHeight * options.domain.length,
    marginLeft: 96,
    marginRight: 32,
    marginTop: 40,
    style: { fontSize: '13px', fontFamily: 'inherit', background: 'transparent', color: 'currentColor' },
    fy: { domain: [...options.domain], label: null, padding: 0.15, tickSize: 0 },
    y: { domain: names, axis: null, padding: 0.1 },
    x: { grid: true, label: options.unit, labelAnchor: 'right', labelArrow: 'none', nice: true, axis: 'both' },
    color: { domain: names, range: options.series.map((s) => s.colour) },
    marks: [Plot.barX(bars, { fy: 'x', y: 'series', x: 'value', fill: 'series' }), Plot.ruleX([0])],
  });
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // Plot names its groups with aria-label on <g>, which ARIA does not allow on an element without
  // a role (axe: aria-prohibited-attr). The picture is one image whose numbers are in the table
  // after it, so the names stay only as data-mark, for tests and styling.
  for (const element of svg.querySelectorAll('[aria-label]')) {
    element.setAttribute('data-mark', element.getAttribute('aria-label') ?? '');
    element.removeAttribute('aria-label');
  }
  return svg.outerHTML;
}
