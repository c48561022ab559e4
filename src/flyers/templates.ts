/**
 * The flyer layouts as Satori element trees (plain objects, no JSX, so no React and no JSX
 * transform in a plain Node step). Every text is broken into lines here (text.ts) and every
 * line gets an explicit height, so the height of the whole sheet is known before Satori runs:
 * the body shrinks step by step until it fits between the header and the footer, and what
 * still does not fit is reported instead of running off the page.
 */
import type { FlyerTemplate, FlyerTheme } from '../schemas/flyer.ts';
import { FLYER_SIZES } from './paths.ts';
import type { FlyerFact, FlyerModel } from './model.ts';
import { breakLines, fitText, type Measure } from './text.ts';

type Style = Record<string, string | number>;
type Child = El | string;
export interface El {
  type: string;
  props: { style?: Style; children?: Child | Child[]; [key: string]: unknown };
}

const el = (type: string, style: Style, children?: Child | Child[], extra: Record<string, unknown> = {}): El => ({
  type,
  props: { style: type === 'div' ? { display: 'flex', ...style } : style, ...(children ? { children } : {}), ...extra },
});

export interface Palette {
  /** Fills with white text on top: header band, labels. At least 4.5:1 against white. */
  main: string;
  /** Text in the theme's colour on white or tint. */
  dark: string;
  /** Light backgrounds. */
  tint: string;
  ink: string;
  muted: string;
  stamp: string;
}

export const PALETTES: Record<FlyerTheme, Palette> = {
  green: { main: '#2e7d32', dark: '#1b5e20', tint: '#e8f5e9', ink: '#1a1a1a', muted: '#4a4a4a', stamp: '#c62828' },
  orange: { main: '#b84a00', dark: '#7a3000', tint: '#fff0e0', ink: '#1a1a1a', muted: '#4a4a4a', stamp: '#c62828' },
  blue: { main: '#1f5fa8', dark: '#123f73', tint: '#e6f0fb', ink: '#1a1a1a', muted: '#4a4a4a', stamp: '#c62828' },
  pink: { main: '#b5175a', dark: '#7d0f3e', tint: '#fde8f0', ink: '#1a1a1a', muted: '#4a4a4a', stamp: '#1a1a1a' },
  purple: { main: '#6a3d9a', dark: '#472668', tint: '#f1e8fa', ink: '#1a1a1a', muted: '#4a4a4a', stamp: '#c62828' },
  brown: { main: '#7a4e2d', dark: '#553519', tint: '#f6ede4', ink: '#1a1a1a', muted: '#4a4a4a', stamp: '#c62828' },
};
/** Black only: prints the same on a home printer and through a photocopier. */
const MONO: Palette = { main: '#000', dark: '#000', tint: '#fff', ink: '#000', muted: '#000', stamp: '#000' };

/** Sizes in px of the 595×842 page (= PDF points); the body is scaled down from these to fit. */
interface Spec {
  margin: number;
  headline: number;
  title: { size: number; min: number; lines: number };
  catchCopy: number;
  when: number;
  next: number;
  point: number;
  maxPoints: number;
  label: number;
  labelWidth: number;
  value: number;
  note: number;
  gap: number;
  qr: number;
  /**
   * Large print: the body is never set smaller than the colour poster of the same entry
   * (its catch copy and date line at least as large); points, then the photo and, last, the
   * catch copy make way first.
   */
  atLeastPoster?: boolean;
  /** Smallest body scale before the layout gives up and warns. */
  minScale: number;
  /** Largest body scale: short notices grow to fill the sheet instead of leaving it half empty. */
  maxScale: number;
  filled: boolean;
}

const SPECS: Record<FlyerTemplate, Spec> = {
  poster: {
    margin: 32,
    headline: 16,
    title: { size: 40, min: 24, lines: 3 },
    catchCopy: 19,
    when: 22,
    next: 15,
    point: 15,
    maxPoints: 4,
    label: 13,
    labelWidth: 86,
    value: 14,
    note: 12,
    gap: 16,
    qr: 92,
    minScale: 0.72,
    maxScale: 1.16,
    filled: true,
  },
  bw: {
    margin: 32,
    headline: 16,
    title: { size: 40, min: 24, lines: 3 },
    catchCopy: 18,
    when: 22,
    next: 15,
    point: 15,
    maxPoints: 4,
    label: 13,
    labelWidth: 86,
    value: 14,
    note: 12,
    gap: 15,
    qr: 92,
    minScale: 0.72,
    maxScale: 1.16,
    filled: false,
  },
  large: {
    margin: 28,
    headline: 20,
    title: { size: 46, min: 32, lines: 3 },
    catchCopy: 24,
    when: 30,
    next: 21,
    point: 20,
    maxPoints: 2,
    label: 17,
    labelWidth: 112,
    value: 21,
    note: 17,
    gap: 16,
    qr: 96,
    atLeastPoster: true,
    minScale: 0.76,
    maxScale: 1.3,
    filled: true,
  },
};

const LINE = 1.4;
const TITLE_LINE = 1.22;

/** Lines as stacked boxes of known height. */
function lines(texts: string[], size: number, style: Style, lineHeight = LINE): { el: El; height: number } {
  const h = Math.ceil(size * lineHeight);
  return {
    el: el(
      'div',
      { flexDirection: 'column', flexShrink: 0 },
      texts.map((text) =>
        el(
          'div',
          { height: h, fontSize: size, lineHeight: `${h}px`, whiteSpace: 'nowrap', flexShrink: 0, ...style },
          text,
        ),
      ),
    ),
    height: h * texts.length,
  };
}

export interface Layout {
  element: El;
  width: number;
  height: number;
  warnings: string[];
}

export interface Slot {
  name: 'qr' | 'photo';
}

/** Data attribute naming the boxes the renderer fills after Satori (QR path, photo in the PDF). */
export const SLOT = 'data-slot';

/** Degrees the 中止 / 募集終了 stamps are turned, as a rubber stamp would be. */
const STAMP_ANGLE = 12;

function stampEl(text: string, color: string, size: number, top: number, left: number): El {
  return el(
    'div',
    {
      position: 'absolute',
      top,
      left,
      transform: `rotate(-${STAMP_ANGLE}deg)`,
      border: `${Math.round(size / 10)}px solid ${color}`,
      borderRadius: 12,
      background: 'rgba(255,255,255,0.92)',
      color,
      fontSize: size,
      fontWeight: 700,
      lineHeight: 1,
      padding: `${Math.round(size / 6)}px ${Math.round(size / 4)}px`,
    },
    text,
  );
}

/** The title still had to be cut inside a word even at the smallest size. */
function splitWarning(title: string): string {
  return `タイトル「${title}」が小さな文字でも1行に入らず、言葉の途中で折り返しています。短くするか、区切りに空白を入れてください / the title 「${title}」 had to be broken inside a word even at the smallest size; shorten it or add a space where it may break`;
}

/** The A4 sheet's header (headline, title) and footer (QR code, address, publisher). */
function a4Frame(model: FlyerModel, spec: Spec, palette: Palette, measure: Measure) {
  const W = 595;
  const inner = W - spec.margin * 2;
  const warnings: string[] = [];

  // Header: headline and title, the title shrinking to fit its lines.
  const titleFit = fitText(model.title, {
    width: inner,
    fontSize: spec.title.size,
    minSize: spec.title.min,
    maxLines: spec.title.lines,
    bold: true,
    measure,
  });
  if (titleFit.split) warnings.push(splitWarning(model.title));
  if (titleFit.overflow)
    warnings.push(
      `タイトルが長すぎてチラシに入りきりません（${spec.title.min}pxでも${spec.title.lines}行を超えます）。短くしてください / the title does not fit in ${spec.title.lines} lines even at ${spec.title.min}px; shorten it`,
    );
  const onHeader = spec.filled ? '#fff' : palette.ink;
  const headlineFit = fitText(model.headline, {
    width: inner,
    fontSize: spec.headline,
    minSize: 10,
    maxLines: 1,
    bold: true,
    measure,
  });
  const headline = lines(headlineFit.lines, headlineFit.fontSize, { fontWeight: 700, color: onHeader });
  const title = lines(titleFit.lines, titleFit.fontSize, { fontWeight: 700, color: onHeader }, TITLE_LINE);
  const headerPad = spec.margin * 0.8;
  const headerHeight = headerPad * 2 + headline.height + 8 + title.height + (spec.filled ? 0 : 6);
  const header = el(
    'div',
    {
      flexDirection: 'column',
      flexShrink: 0,
      padding: `${headerPad}px ${spec.margin}px`,
      background: spec.filled ? palette.main : '#fff',
      ...(spec.filled ? {} : { borderBottom: `6px solid ${palette.ink}` }),
    },
    [headline.el, el('div', { height: 8, flexShrink: 0 }), title.el],
  );

  // Footer: QR code to the page, the page address, who publishes.
  const qrBox = spec.qr;
  const footerText = inner - qrBox - 16;
  const qrLabel = lines([model.labels.qr], spec.label + 2, {
    fontWeight: 700,
    color: palette.ink,
  });
  // The address breaks only after a / (…/salons/ hidamari-salon/), never inside a word: a
  // reader types it from the sheet. It shrinks to fit two lines rather than cut a name.
  const urlFit = fitText(model.url, {
    width: footerText,
    fontSize: spec.note - 1,
    minSize: 8,
    maxLines: 2,
    measure,
    units: model.url.split(/(?<=\/)(?=[^/])/),
  });
  const urlLines = lines(urlFit.lines, urlFit.fontSize, { color: palette.muted });
  const pubFit = fitText(`${model.siteName}\u3000${model.publisher}`, {
    width: footerText,
    fontSize: spec.note,
    minSize: 9,
    maxLines: 2,
    measure,
  });
  const publisher = lines(pubFit.lines, pubFit.fontSize, { color: palette.ink });
  const footerHeight = qrBox + spec.margin * 0.6 * 2;
  const footer = el(
    'div',
    {
      flexShrink: 0,
      padding: `${spec.margin * 0.6}px ${spec.margin}px`,
      alignItems: 'center',
      background: spec.filled ? palette.tint : '#fff',
      borderTop: `${spec.filled ? 0 : 2}px solid ${palette.ink}`,
    },
    [
      el('div', { width: qrBox, height: qrBox, background: '#fff', flexShrink: 0 }, undefined, { [SLOT]: 'qr' }),
      el('div', { width: 16, flexShrink: 0 }),
      el('div', { flexDirection: 'column', width: footerText }, [
        qrLabel.el,
        urlLines.el,
        el('div', { height: 4 }),
        publisher.el,
      ]),
    ],
  );
  return { header, footer, inner, available: 842 - headerHeight - footerHeight - spec.margin * 1.2, warnings };
}

/** Body scales tried: 0.02 apart, so a body that just misses one scale is not dropped by much. */
const SCALE_STEP = 0.02;

interface FittedBody {
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
function fitBody(
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

/** The sizes that must never be smaller in large print than on the poster. */
function bodySizes(spec: Spec, scale: number, floor?: Content['floor']) {
  const s = (n: number) => Math.round(n * scale * 2) / 2;
  return {
    catchCopy: Math.max(s(spec.catchCopy), floor?.catchCopy ?? 0),
    when: Math.max(s(spec.when), floor?.when ?? 0),
    value: s(spec.value),
  };
}

export interface A4Layout extends Layout {
  /** Body scale chosen (1 = the template's sizes), for tests and the samples. */
  scale: number;
  /** Height in px left empty between the body and the footer. */
  spare: number;
  sizes: ReturnType<typeof bodySizes>;
}

export function a4Layout(model: FlyerModel, measure: Measure): A4Layout {
  const spec = SPECS[model.template];
  const palette = spec.filled ? PALETTES[model.theme] : MONO;
  const { width: W, height: H } = { width: 595, height: 842 };
  const frame = a4Frame(model, spec, palette, measure);
  const { inner, available, warnings } = frame;

  // Body: everything else, scaled down until it fits between header and footer.
  const full: Content = { points: spec.maxPoints, photo: spec.filled };
  let fitted: FittedBody;
  if (spec.atLeastPoster) {
    // Large print is only large if it is larger than the poster of the same entry.
    const posterSpec = SPECS.poster;
    const posterFrame = a4Frame(model, posterSpec, PALETTES[model.theme], measure);
    const poster = fitBody(
      model,
      posterSpec,
      PALETTES[model.theme],
      posterFrame.inner,
      posterFrame.available,
      measure,
      posterSpec.minScale,
      { points: posterSpec.maxPoints, photo: true },
    );
    const ps = bodySizes(posterSpec, poster.scale);
    // The catch copy and the date line never smaller than the poster's; the rest of the body
    // (already larger at the same scale) not smaller either.
    const floor = { catchCopy: ps.catchCopy, when: ps.when };
    const minScale = Math.ceil(Math.max(spec.minScale, ps.value / spec.value) / SCALE_STEP - 1e-6) * SCALE_STEP;
    const variants: Content[] = [
      { ...full, floor },
      { ...full, floor, points: 1 },
      { ...full, floor, points: 0 },
      { points: 0, photo: false, floor },
      { points: 0, photo: false, floor, noCatchCopy: true },
    ];
    fitted = fitBody(model, spec, palette, inner, available, measure, minScale, variants[0] as Content);
    for (const variant of variants.slice(1)) {
      if (fitted.fits) break;
      fitted = fitBody(model, spec, palette, inner, available, measure, minScale, variant);
    }
    if (!fitted.fits)
      fitted = fitBody(model, spec, palette, inner, available, measure, spec.minScale, variants[4] as Content);
  } else fitted = fitBody(model, spec, palette, inner, available, measure, spec.minScale, full);
  const { body, scale } = fitted;
  if (!fitted.fits)
    warnings.push(
      `内容が多すぎてチラシに入りきりません。おすすめポイントや申し込み方法を短くしてください / the flyer's text does not fit on the page even at ${Math.round(scale * 100)}%; shorten the points or the application text`,
    );

  const element = el(
    'div',
    {
      width: W,
      height: H,
      flexDirection: 'column',
      background: '#fff',
      color: palette.ink,
      position: 'relative',
    },
    [
      frame.header,
      el('div', { flexDirection: 'column', flexGrow: 1, padding: `${spec.margin * 0.6}px ${spec.margin}px 0` }, [
        body.el,
      ]),
      frame.footer,
    ],
  );
  return {
    element,
    width: W,
    height: H,
    warnings,
    scale,
    spare: available - body.height,
    sizes: bodySizes(spec, scale, fitted.content.floor),
  };
}

/**
 * Large print says the same in fewer rows: the organizer and the phone number share a row
 * (主催・連絡先), a deadline the application text already gives (12月12日までに、…) is not
 * repeated in a row of its own, and a cancelled or closed notice does not say how to apply.
 */
export function compactFacts(facts: FlyerFact[], over = false, organizerContact = '主催・連絡先'): FlyerFact[] {
  const organizer = facts.find((f) => f.key === 'organizer');
  const contact = facts.find((f) => f.key === 'contact');
  const apply = facts.find((f) => f.key === 'apply');
  const deadline = facts.find((f) => f.key === 'deadline');
  const monthDay = /(\d+)年(\d+)月(\d+)日/.exec(deadline?.value ?? '');
  const repeated = monthDay && apply?.value.includes(`${monthDay[2]}月${monthDay[3]}日`);
  return facts.flatMap((fact) => {
    if (fact === deadline && (repeated || over)) return [];
    // Cancelled or closed: the stamp says so, and nobody should be told how to apply.
    if (fact === apply && over) return [];
    if (fact === organizer && contact) return [];
    if (fact === contact && organizer)
      return [{ ...fact, label: organizerContact, value: `${organizer.value}\u3000${fact.value}` }];
    return [fact];
  });
}

/** What the body holds besides the entry's facts: how many points, and the photo or not. */
interface Content {
  points: number;
  photo: boolean;
  /** Smallest catch copy and date line in px (large print: the poster's). */
  floor?: { catchCopy: number; when: number };
  /** Large print leaves the catch copy out only when nothing else makes room (a long 延期 note). */
  noCatchCopy?: boolean;
}

interface Body {
  el: El;
  height: number;
  blocks: number;
  /** Rows of the facts table. */
  rows: number;
}

function bodyLayout(
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
  const blocks: { el: El; height: number }[] = [];

  if (model.stamp) {
    // The stamp sits in the flow, never over other text: a notice board reader must still see
    // what was cancelled, and when.
    const size = s(spec.when * (spec.atLeastPoster ? 1.6 : 1.9));
    const border = Math.max(3, Math.round(size / 12));
    const stampWidth = Math.ceil(measure(model.stamp, size, true)) + size * 0.5 + border * 2;
    const stampHeight = Math.ceil(size * 1.2) + border * 2;
    const stamp = el(
      'div',
      {
        width: stampWidth,
        height: stampHeight,
        flexShrink: 0,
        alignItems: 'center',
        justifyContent: 'center',
        border: `${border}px solid ${palette.stamp}`,
        borderRadius: 10,
        color: palette.stamp,
        fontSize: size,
        fontWeight: 700,
        transform: 'rotate(-8deg)',
      },
      model.stamp,
    );
    const size2 = s(spec.value + 1);
    const noteWidth = inner - stampWidth - 24;
    const note = model.statusNote
      ? lines(breakLines(model.statusNote, { width: noteWidth, fontSize: size2, bold: true, measure }), size2, {
          fontWeight: 700,
          color: palette.stamp,
        })
      : undefined;
    blocks.push({
      el: el('div', { flexShrink: 0, alignItems: 'center' }, [
        stamp,
        ...(note ? [el('div', { width: 24, flexShrink: 0 }), el('div', { width: noteWidth }, [note.el])] : []),
      ]),
      height: Math.max(stampHeight + 12, note?.height ?? 0),
    });
  }

  const sizes = bodySizes(spec, scale, content.floor);
  if (model.catchCopy && !content.noCatchCopy) {
    const size = sizes.catchCopy;
    blocks.push(
      lines(breakLines(model.catchCopy, { width: inner, fontSize: size, bold: true, measure }), size, {
        fontWeight: 700,
        color: palette.dark,
      }),
    );
  }

  if (model.when) {
    const pad = s(12);
    const size = sizes.when;
    const whenText = lines(
      breakLines(model.when, { width: inner - pad * 2 - 4, fontSize: size, bold: true, measure }),
      size,
      {
        fontWeight: 700,
        color: palette.ink,
      },
    );
    const parts: El[] = [whenText.el];
    let height = whenText.height;
    if (model.nextDates.length) {
      const nsize = s(spec.next);
      // Each date with its weekday is one unit, and the label another: lines break between
      // dates (次の開催日 11月27日(金)・/ 12月25日(金)), never inside 次の開催日 or 1月29日(金).
      const units = [
        `${model.labels.nextDates}\u3000`,
        ...model.nextDates.map((d, i) => (i < model.nextDates.length - 1 ? `${d}・` : d)),
      ];
      const next = lines(
        breakLines(units.join(''), {
          width: inner - pad * 2 - 4,
          fontSize: nsize,
          bold: true,
          measure,
          units,
        }),
        nsize,
        { fontWeight: 700, color: palette.dark },
      );
      parts.push(el('div', { height: 4, flexShrink: 0 }), next.el);
      height += 4 + next.height;
    }
    blocks.push({
      el: el(
        'div',
        {
          flexDirection: 'column',
          flexShrink: 0,
          padding: pad,
          background: palette.tint,
          border: `2px solid ${palette.main}`,
          borderRadius: spec.filled ? 8 : 0,
        },
        parts,
      ),
      height: height + pad * 2 + 4,
    });
  }

  const points = model.points.slice(0, content.points);
  const photoWidth = model.photo && content.photo ? Math.round(inner * 0.42) : 0;
  if (points.length || photoWidth) {
    const size = s(spec.point);
    const pointsWidth = inner - (photoWidth ? photoWidth + 16 : 0);
    const bullet = size * 1.2;
    let height = 0;
    const items: El[] = [];
    for (const point of points) {
      const text = lines(breakLines(point, { width: pointsWidth - bullet, fontSize: size, measure }), size, {
        color: palette.ink,
      });
      items.push(
        el('div', { flexShrink: 0, marginBottom: s(4) }, [
          el(
            'div',
            {
              width: bullet,
              height: Math.ceil(size * LINE),
              fontSize: size * 0.8,
              color: palette.main,
              alignItems: 'center',
            },
            '●',
          ),
          text.el,
        ]),
      );
      height += text.height + s(4);
    }
    const photoHeight = photoWidth ? Math.round(photoWidth * 0.68) : 0;
    const row: El[] = [];
    if (photoWidth)
      row.push(
        el(
          'div',
          { width: photoWidth, height: photoHeight, flexShrink: 0, marginRight: 16, background: palette.tint },
          undefined,
          {
            [SLOT]: 'photo',
          },
        ),
      );
    row.push(el('div', { flexDirection: 'column', width: pointsWidth }, items));
    blocks.push({ el: el('div', { flexShrink: 0 }, row), height: Math.max(height, photoHeight) });
  }

  const facts = spec.atLeastPoster ? compactFacts(model.facts, model.over, model.labels.organizerContact) : model.facts;
  if (facts.length) {
    const labelWidth = s(spec.labelWidth);
    // Satori adds padding to a box's width: the label cell takes labelWidth + 12 and the value
    // cell its text width + 12. 2 px to spare: Satori rounds glyph advances up, never down.
    const valueWidth = inner - labelWidth - 26;
    const vsize = s(spec.value);
    const nsize = s(spec.note);
    const lsize = s(spec.label);
    const padY = s(5) + extraPad;
    let height = 0;
    const rows = facts.map((fact) => {
      const value = lines(breakLines(fact.value, { width: valueWidth, fontSize: vsize, measure }), vsize, {
        color: palette.ink,
      });
      const note = fact.note
        ? lines(breakLines(fact.note, { width: valueWidth, fontSize: nsize, measure }), nsize, { color: palette.muted })
        : undefined;
      const label = lines(
        breakLines(fact.label, { width: labelWidth - 12, fontSize: lsize, bold: true, measure }),
        lsize,
        { fontWeight: 700, color: spec.filled ? '#fff' : palette.ink },
        Math.ceil(vsize * LINE) / lsize,
      );
      const rowHeight = Math.max(value.height + (note?.height ?? 0), label.height) + padY * 2 + 1;
      height += rowHeight;
      return el(
        'div',
        { flexShrink: 0, height: rowHeight, borderBottom: `1px solid ${spec.filled ? palette.main : '#000'}` },
        [
          el(
            'div',
            {
              width: labelWidth,
              flexShrink: 0,
              padding: `${padY}px 6px`,
              background: spec.filled ? palette.main : '#fff',
              ...(spec.filled ? {} : { borderRight: '1px solid #000' }),
            },
            [label.el],
          ),
          el('div', { flexDirection: 'column', width: valueWidth, padding: `${padY}px 0 ${padY}px 12px` }, [
            value.el,
            ...(note ? [note.el] : []),
          ]),
        ],
      );
    });
    blocks.push({
      el: el(
        'div',
        { flexDirection: 'column', flexShrink: 0, borderTop: `1px solid ${spec.filled ? palette.main : '#000'}` },
        rows,
      ),
      height: height + 1,
    });
  }

  const children: El[] = [];
  blocks.forEach((block, i) => {
    if (i) children.push(el('div', { height: gap, flexShrink: 0 }));
    children.push(block.el);
  });
  return {
    el: el('div', { flexDirection: 'column', flexShrink: 0 }, children),
    height: blocks.reduce((sum, b) => sum + b.height, 0) + gap * Math.max(0, blocks.length - 1),
    blocks: blocks.length,
    rows: facts.length,
  };
}

/** The share image's stamp: font size, and its distance from the card's top and right edges, in px. */
const OG_STAMP = { size: 88, inset: 28 } as const;

/**
 * Where the share image's stamp goes: stampEl's box (text, padding, border) turned by its 12°
 * about its centre, placed so that the turned box stays inside the card (48 px from the image's
 * edges) near its top right corner. `reach` is the turned box's left edge, which the title keeps
 * clear of. (The stamp is placed by left and top: Satori adds the image's 48 px padding to its
 * width, so `right` would count from 1296 px, past the image's edge.)
 */
function ogStamp(text: string, size: number, measure: Measure) {
  const border = Math.round(size / 10);
  const width = measure(text, size, true) + 2 * (Math.round(size / 4) + border);
  const height = size + 2 * (Math.round(size / 6) + border);
  const angle = (STAMP_ANGLE * Math.PI) / 180;
  const halfW = (width * Math.cos(angle) + height * Math.sin(angle)) / 2;
  const halfH = (width * Math.sin(angle) + height * Math.cos(angle)) / 2;
  const cx = FLYER_SIZES.og.width - 48 - OG_STAMP.inset - halfW;
  const cy = 48 + OG_STAMP.inset + halfH;
  return { left: Math.round(cx - width / 2), top: Math.round(cy - height / 2), reach: cx - halfW };
}

/** The 1200×630 share image: what, when, where, big enough to read as a LINE thumbnail. */
export function ogLayout(model: FlyerModel, measure: Measure): Layout {
  const { width: W, height: H } = FLYER_SIZES.og;
  const palette = PALETTES[model.theme];
  const pad = 56;
  const inner = W - 48 * 2 - pad * 2;
  const warnings: string[] = [];
  const headline = lines([model.headline], 30, { fontWeight: 700, color: palette.dark });
  // Leave room for the stamp beside the title rather than over it: a fixed 240 px was enough
  // for 中止 but let 募集終了 cover two characters of the title.
  const titleLeft = 48 + pad;
  const titleWidth = model.stamp
    ? Math.min(inner, ogStamp(model.stamp, OG_STAMP.size, measure).reach - 16 - titleLeft)
    : inner;
  // One line at a slightly smaller size reads better than two at full size.
  const oneLine = fitText(model.title, {
    width: titleWidth,
    fontSize: 68,
    minSize: 56,
    maxLines: 1,
    bold: true,
    measure,
  });
  let titleFit = oneLine.overflow
    ? fitText(model.title, { width: titleWidth, fontSize: 68, minSize: 44, maxLines: 2, bold: true, measure })
    : oneLine;
  // Beside a stamp the title is narrower; a third line (there is room below) beats cutting it.
  if (titleFit.overflow && model.stamp)
    titleFit = fitText(model.title, { width: titleWidth, fontSize: 44, minSize: 40, maxLines: 3, bold: true, measure });
  if (titleFit.split) warnings.push(`共有画像: ${splitWarning(model.title)}`);
  if (titleFit.overflow) warnings.push('共有画像のタイトルが長すぎます / the title does not fit the share image');
  const title = lines(titleFit.lines, titleFit.fontSize, { fontWeight: 700, color: palette.ink }, TITLE_LINE);
  const info: El[] = [];
  // Room below the title for what, when and where: the card's content box less the headline,
  // the title and the site name.
  let room = H - 96 - pad * 2 - headline.height - 10 - title.height - 12 - Math.ceil(24 * LINE) - 16;
  const add = (text: string, size: number, min: number, maxLines: number, style: Style) => {
    const fit = fitText(text, {
      width: inner,
      fontSize: size,
      minSize: min,
      maxLines,
      bold: style['fontWeight'] === 700,
      measure,
    });
    const block = lines(fit.lines, fit.fontSize, style);
    if (fit.overflow || block.height > room) return;
    info.push(block.el);
    room -= block.height;
  };
  const fact = (key: string) => model.facts.find((f) => f.key === key);
  if (model.when) add(model.when, 36, 26, 1, { fontWeight: 700, color: palette.dark });
  const where = fact('where');
  if (model.when && where) add(where.value, 30, 22, 1, { color: palette.ink });
  const organizer = fact('organizer');
  if (model.when && organizer) add(`${organizer.label}\u3000${organizer.value}`, 24, 20, 1, { color: palette.muted });
  if (!model.when) {
    // A recruitment has no date: what the helper does, how often, by when and for whom fill
    // the card instead (a half-empty card reads as a mistake in a LINE chat).
    const role = fact('role');
    const tasks = fact('tasks');
    if (role && !model.title.includes(role.value)) add(role.value, 34, 26, 1, { fontWeight: 700, color: palette.dark });
    if (tasks) add(tasks.value, 28, 22, role && !model.title.includes(role.value) ? 1 : 2, { color: palette.ink });
    if (where) add(`${where.label}\u3000${where.value}`, 26, 20, 1, { color: palette.ink });
    const frequency = fact('frequency');
    if (frequency) add(`${frequency.label}\u3000${frequency.value}`, 26, 20, 1, { color: palette.ink });
    const closing = [fact('deadline'), fact('organizer')].filter((f): f is FlyerFact => Boolean(f));
    if (closing.length)
      add(closing.map((f) => `${f.label}\u3000${f.value}`).join('\u3000\u3000'), 26, 20, 1, {
        fontWeight: 700,
        color: palette.dark,
      });
  }
  const site = lines([model.siteName], 24, { color: palette.muted });
  const card = el(
    'div',
    {
      flexDirection: 'column',
      justifyContent: 'space-between',
      // Satori sizes the content box: the padding comes on top of width and height.
      width: W - 96 - pad * 2,
      height: H - 96 - pad * 2,
      padding: pad,
      background: '#fff',
      borderRadius: 28,
    },
    [
      el('div', { flexDirection: 'column' }, [headline.el, el('div', { height: 10 }), title.el]),
      el('div', { flexDirection: 'column', gap: 2 }, info),
      site.el,
    ],
  );
  return {
    element: el('div', { width: W, height: H, padding: 48, background: palette.main, position: 'relative' }, [
      card,
      ...(model.stamp
        ? [
            (({ top, left }) => stampEl(model.stamp as string, palette.stamp, OG_STAMP.size, top, left))(
              ogStamp(model.stamp, OG_STAMP.size, measure),
            ),
          ]
        : []),
    ]),
    width: W,
    height: H,
    warnings,
  };
}
