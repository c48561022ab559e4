/**
 * Square borders as filled boxes, before Satori lays a sheet out. Satori draws a CSS border as a
 * stroke twice its width clipped to the box, one to three nested clip paths a side (a flyer's
 * fact rows alone have twenty). Two costs of that: poppler (Evince, page overviews, thumbnails)
 * drops such a 1 pt rule at 50 dpi or draws it part-way — the 白黒 flyer's label column and a
 * poster's row rule vanished (tests/unit/flyer-borders.test.ts) — and resvg makes a whole-canvas
 * mask for each clip (a flyer preview took 13–18 ms to draw with them, ~11 ms without).
 *
 * A solid border on a box with square corners is the same picture as a filled strip along that
 * side: this moves the border's width into the box's padding (Satori's boxes are content-box, so
 * border and padding take the same room) and draws each side as an absolutely placed strip at
 * the box's edge. Boxes are laid out where they were; the strips are plain rectangles in the
 * SVG, the PDF and the PNG.
 *
 * Left as Satori draws them: rounded corners (the stamps, a tinted box in colour), styles other
 * than solid, widths or paddings not in px, a box with text of its own, one placed itself or
 * clipping its overflow, and one holding an absolutely placed element (the box becomes the
 * strips' containing block, which would move such an element).
 */
import type { El, Style } from './elements.ts';

const SIDES = ['Top', 'Right', 'Bottom', 'Left'] as const;
type Side = (typeof SIDES)[number];

/** `1px solid #1d5e3a`, `0.75px solid rgba(…)`: the width and the colour. */
const SOLID = /^\s*(\d+(?:\.\d+)?)px\s+solid\s+(#[0-9a-fA-F]{3,8}|rgba?\([^)]*\)|[a-z]+)\s*$/;

/**
 * A border's width as Satori lays it out and draws it: like a browser, it rounds a width that is
 * not a whole number of device pixels down, to one pixel at least (`0.5px` is drawn 1px wide).
 * The strip and the padding take that width, so the boxes stay where Satori put them.
 */
export const snapBorder = (width: number): number =>
  width <= 0 || Math.abs(width - Math.round(width)) < 1e-6 ? width : Math.max(1, Math.floor(width));

/** A px length as Satori reads it: a number, or `12px`. */
function px(value: string | number | undefined): number | undefined {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const m = /^\s*(-?\d+(?:\.\d+)?)(px)?\s*$/.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** `padding` and `paddingTop`… in the order written, a later one over an earlier, as Satori reads them. */
function paddings(style: Style): Record<Side, number> | undefined {
  const out: Record<Side, number | undefined> = { Top: 0, Right: 0, Bottom: 0, Left: 0 };
  for (const [key, value] of Object.entries(style)) {
    if (key === 'padding') {
      const parts = typeof value === 'number' ? [value] : String(value).trim().split(/\s+/).map(px);
      const [a, b = a, c = a, d = b] = parts;
      [out.Top, out.Right, out.Bottom, out.Left] = [a, b, c, d];
    } else if (key.startsWith('padding')) {
      const side = key.slice(7) as Side;
      if (!SIDES.includes(side)) return undefined;
      out[side] = px(value as string | number | undefined);
    }
  }
  return SIDES.every((s) => out[s] !== undefined) ? (out as Record<Side, number>) : undefined;
}

/** Each side's solid border, or undefined if the box has a border this does not draw. */
function solidBorders(style: Style): Partial<Record<Side, { width: number; color: string }>> | undefined {
  const borders: Partial<Record<Side, { width: number; color: string }>> = {};
  for (const [key, value] of Object.entries(style)) {
    if (!key.startsWith('border')) continue;
    if (/Radius$/.test(key)) {
      if (px(value) === 0) continue;
      return undefined;
    }
    const side = key === 'border' ? undefined : (key.slice(6) as Side);
    if (side !== undefined && !SIDES.includes(side)) return undefined;
    if (value === 'none' || value === 0) {
      for (const s of side ? [side] : SIDES) delete borders[s];
      continue;
    }
    const m = typeof value === 'string' ? SOLID.exec(value) : null;
    if (!m) return undefined;
    const width = snapBorder(Number(m[1]));
    for (const s of side ? [side] : SIDES)
      if (width > 0) borders[s] = { width, color: m[2] as string };
      else delete borders[s];
  }
  return borders;
}

const hasAbsolute = (node: El): boolean => {
  const children = node.props.children;
  const list = Array.isArray(children) ? children : children === undefined ? [] : [children];
  return list.some((c) => typeof c !== 'string' && (c.props.style?.['position'] === 'absolute' || hasAbsolute(c)));
};

/** The strip along `side` of its box, `width` thick. */
function strip(side: Side, width: number, color: string): El {
  const along = side === 'Top' || side === 'Bottom';
  return {
    type: 'div',
    props: {
      style: {
        display: 'flex',
        position: 'absolute',
        [side.toLowerCase()]: 0,
        ...(along ? { left: 0, right: 0, height: width } : { top: 0, bottom: 0, width }),
        backgroundColor: color,
      },
    },
  };
}

/** The element with its square solid borders drawn as strips (see above); the rest unchanged. */
export function squareBorders(node: El): El {
  const children = node.props.children;
  const kids = Array.isArray(children)
    ? children.map((c) => (typeof c === 'string' ? c : squareBorders(c)))
    : children === undefined || typeof children === 'string'
      ? children
      : squareBorders(children);
  const style = node.props.style;
  const borders = style && Object.keys(style).some((k) => k.startsWith('border')) ? solidBorders(style) : undefined;
  const padding = borders && style ? paddings(style) : undefined;
  const drawn = borders ? SIDES.filter((s) => borders[s]) : [];
  const list = Array.isArray(kids) ? kids : kids === undefined ? [] : [kids];
  // A box with text of its own keeps it as its only content; one with an absolute element, one
  // placed itself or clipping what overflows keeps its borders (see above).
  if (
    !style ||
    !borders ||
    !padding ||
    !drawn.length ||
    list.some((c) => typeof c === 'string') ||
    (style['position'] ?? 'relative') !== 'relative' ||
    (style['overflow'] ?? 'visible') !== 'visible' ||
    hasAbsolute(node)
  )
    return kids === children || kids === undefined ? node : { ...node, props: { ...node.props, children: kids } };
  const rest: Style = {};
  for (const [key, value] of Object.entries(style))
    if (!key.startsWith('border') && !key.startsWith('padding')) rest[key] = value;
  for (const side of SIDES) rest[`padding${side}`] = padding[side] + (borders[side]?.width ?? 0);
  rest['position'] = 'relative';
  return {
    ...node,
    props: {
      ...node.props,
      style: rest,
      // Last, over the content: a child's background ends where the border begins, and at a low
      // resolution its anti-aliased edge would paint over a strip drawn before it. A child that
      // does not overflow the padding box never reaches the strips, so nothing else changes.
      children: [...list, ...drawn.map((side) => strip(side, borders[side]!.width, borders[side]!.color))],
    },
  };
}
