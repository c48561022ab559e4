/**
 * A flyer sheet's body: its blocks stacked at one scale, and the largest scale at which they
 * fit the room between the header and the footer.
 */
import type { FlyerModel } from '../model.ts';
import type { Measure } from '../text.ts';
import { catchCopyBlock, factsBlock, pointsBlock, stampBlock, whenBlock, type BlockContext } from './blocks.ts';
import { el, type Block, type El } from './elements.ts';
import type { Palette, Spec } from './templates.ts';

/** What the body holds besides the entry's facts: how many points, and the photo or not. */
export interface Content {
  points: number;
  photo: boolean;
  /** Smallest catch copy and date line in px (large print: the poster's). */
  floor?: { catchCopy: number; when: number };
  /** Large print leaves the catch copy out only when nothing else makes room (a long 延期 note). */
  noCatchCopy?: boolean;
}

export interface Body {
  el: El;
  height: number;
  blocks: number;
  /** Rows of the facts table. */
  rows: number;
}

/** The body at one scale: its blocks top to bottom, `extraGap` more between them. */
export function bodyLayout(
  model: FlyerModel,
  spec: Spec,
  palette: Palette,
  inner: number,
  scale: number,
  measure: Measure,
  content: Content,
  extraGap = 0,
  extraPad = 0,
): Body {
  const s = (n: number) => Math.round(n * scale * 2) / 2;
  const gap = s(spec.gap) + extraGap;
  const context: BlockContext = { model, spec, palette, inner, measure, s };
  const sizes = bodySizes(spec, scale, content.floor);
  const facts = factsBlock(context, extraPad);
  const blocks = [
    stampBlock(context),
    content.noCatchCopy ? undefined : catchCopyBlock(context, sizes.catchCopy),
    whenBlock(context, sizes.when),
    pointsBlock(context, content.points, content.photo),
    facts,
  ].filter((block): block is Block => Boolean(block));

  const children: El[] = [];
  blocks.forEach((block, i) => {
    if (i) children.push(el('div', { height: gap, flexShrink: 0 }));
    children.push(block.el);
  });
  return {
    el: el('div', { flexDirection: 'column', flexShrink: 0 }, children),
    height: blocks.reduce((sum, b) => sum + b.height, 0) + gap * Math.max(0, blocks.length - 1),
    blocks: blocks.length,
    rows: facts?.rows ?? 0,
  };
}

/** The sizes that must never be smaller in large print than on the poster. */
export function bodySizes(spec: Spec, scale: number, floor?: Content['floor']) {
  const s = (n: number) => Math.round(n * scale * 2) / 2;
  return {
    catchCopy: Math.max(s(spec.catchCopy), floor?.catchCopy ?? 0),
    when: Math.max(s(spec.when), floor?.when ?? 0),
    value: s(spec.value),
  };
}

/** Body scales tried: 0.02 apart, so a body that just misses one scale is not dropped by much. */
export const SCALE_STEP = 0.02;

export interface FittedBody {
  body: Body;
  scale: number;
  fits: boolean;
  content: Content;
}

/**
 * The largest body scale from the template's maximum down to `minScale` at which the body
 * fits `available` (a binary search: taller text never takes fewer lines), its leftover height
 * then shared out between the blocks so the sheet does not end in an empty band.
 */
export function fitBody(
  model: FlyerModel,
  spec: Spec,
  palette: Palette,
  inner: number,
  available: number,
  measure: Measure,
  minScale: number,
  content: Content,
): FittedBody {
  const steps = Math.max(0, Math.round((spec.maxScale - minScale) / SCALE_STEP));
  const at = (k: number) => Math.round((spec.maxScale - k * SCALE_STEP) * 100) / 100;
  const layout = (k: number, extraGap = 0, extraPad = 0) =>
    bodyLayout(model, spec, palette, inner, at(k), measure, content, extraGap, extraPad);
  let body = layout(0);
  let k = 0;
  if (body.height > available) {
    const last = layout(steps);
    if (last.height > available) return { body: last, scale: at(steps), fits: false, content };
    let [lo, hi] = [0, steps];
    body = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      const candidate = layout(mid);
      if (candidate.height <= available) [hi, body] = [mid, candidate];
      else lo = mid;
    }
    k = hi;
  }
  // What is left goes between the blocks (up to twice their gap), then into the rows of the
  // facts table (a recruitment is often that table alone).
  const spare = available - body.height;
  if (spare > 1) {
    const gap = Math.round(spec.gap * at(k) * 2) / 2;
    const extraGap = body.blocks > 1 ? Math.min(Math.floor((spare / (body.blocks - 1)) * 2) / 2, gap * 2) : 0;
    const left = spare - extraGap * (body.blocks - 1);
    const padY = Math.round(5 * at(k) * 2) / 2;
    const extraPad = body.rows ? Math.min(Math.floor((left / body.rows / 2) * 2) / 2, padY * 1.5) : 0;
    body = layout(k, extraGap, extraPad);
  }
  return { body, scale: at(k), fits: true, content };
}
