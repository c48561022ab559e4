/**
 * The tagged structure of a printed PDF, from the layout: a layout element that carries a PDF
 * structure type (`TAG`: H1, P, L, LI, Lbl, LBody, Table, TR, TH, TD, Figure) is reported by
 * Satori with its box, and every text run or picture drawn inside that box becomes marked
 * content of that structure element, so a screen reader reads the title as a heading, the
 * points as a list, the facts as a table of label and value, and the photo and QR code by their
 * alt text. Backgrounds, rules and borders are marked as artifacts. The elements sit in the
 * layout's document order, the order Satori reports the boxes in.
 */
import type { SvgNode } from './svg-pdf.ts';

export interface TaggedBox {
  tag: string;
  /** Alternative text of a Figure. */
  alt?: string | undefined;
  /** The layout's slot name, if the box is one (photo, qr). */
  slot?: unknown;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Structure types that hold other structure elements, and what each must sit in. */
const PARENT: Record<string, string[]> = {
  LI: ['L'],
  Lbl: ['LI'],
  LBody: ['LI'],
  TR: ['Table'],
  TH: ['TR'],
  TD: ['TR'],
};
const CONTAINERS = new Set(['L', 'LI', 'LBody', 'Table', 'TR', 'TH', 'TD']);

const inside = (b: TaggedBox, x: number, y: number) =>
  x >= b.left - 0.5 && x <= b.left + b.width + 0.5 && y >= b.top - 0.5 && y <= b.top + b.height + 0.5;
const contains = (outer: TaggedBox, inner: TaggedBox) =>
  outer.left <= inner.left + 0.5 &&
  outer.top <= inner.top + 0.5 &&
  outer.left + outer.width >= inner.left + inner.width - 0.5 &&
  outer.top + outer.height >= inner.top + inner.height - 0.5;
const area = (b: TaggedBox) => b.width * b.height;
/** A box whose text is page furniture (running footer, page number), marked as an artifact. */
export const ARTIFACT = 'Artifact';

/** For each box, the index of the box its structure element belongs in (-1: the document). */
export function structureParents(boxes: readonly TaggedBox[]): number[] {
  return boxes.map((box, i) => {
    const wanted = PARENT[box.tag];
    let best = -1;
    boxes.forEach((other, j) => {
      if (j === i || !contains(other, box)) return;
      if (wanted ? !wanted.includes(other.tag) : !CONTAINERS.has(other.tag)) return;
      // An item as large as its list is not the list's parent.
      if (PARENT[other.tag]?.includes(box.tag)) return;
      // Equal boxes (a one-row table, a list of one point) are told apart by their types above.
      if (best < 0 || area(other) < area(boxes[best] as TaggedBox)) best = j;
    });
    return best;
  });
}

/** The smallest box holding a point, or -1. */
export function boxAt(boxes: readonly TaggedBox[], x: number, y: number): number {
  let best = -1;
  boxes.forEach((b, i) => {
    if (inside(b, x, y) && (best < 0 || area(b) <= area(boxes[best] as TaggedBox))) best = i;
  });
  return best;
}

const n = (value: string | undefined): number => {
  const v = value === undefined ? NaN : parseFloat(value);
  return Number.isFinite(v) ? v : 0;
};

/** Where a drawn thing sits, to find its box: a text run's baseline start, a picture's centre. */
function pointOf(node: SvgNode, run: SvgNode[] | undefined): [number, number] | undefined {
  const a = node.attrs;
  // The middle of the run's first word, a pixel above its baseline: clear of the box beside it.
  if (run) return [n(a['x']) + n(a['width']) / 2, n(a['y']) - 1];
  if (node.name === 'image') return [n(a['x']) + n(a['width']) / 2, n(a['y']) + n(a['height']) / 2];
  if (a['data-figure-x'] !== undefined) return [n(a['data-figure-x']), n(a['data-figure-y'])];
  return undefined;
}

type Struct = PDFKit.PDFStructureElement;

/**
 * Starts the document's structure on `doc` (made with `tagged: true`) and returns the `mark`
 * hook for drawSvg and the function that ends the structure before `doc.end()`.
 */
export function pdfTagger(
  doc: PDFKit.PDFDocument,
  boxes: readonly TaggedBox[],
  /**
   * The document's structure root, for a document of several pages (a newsletter): each page's
   * tagger adds to it and the caller ends it after the last page. Without it, a one-page root.
   */
  shared?: Struct,
): { mark: (node: SvgNode, run?: SvgNode[]) => (() => void) | undefined; end: () => void } {
  const root = shared ?? doc.struct('Document');
  if (!shared) doc.addStructure(root);
  const parents = structureParents(boxes);
  const made = new Map<number, Struct>();
  const structOf = (i: number): Struct => {
    let s = made.get(i);
    if (s) return s;
    const box = boxes[i] as TaggedBox;
    s = doc.struct(box.tag, {
      ...(box.alt ? { alt: box.alt } : {}),
      ...(box.tag === 'TH' ? { scope: 'Row' } : {}),
    } as Parameters<typeof doc.struct>[1]);
    const parent = parents[i] ?? -1;
    (parent < 0 ? root : structOf(parent)).add(s);
    made.set(i, s);
    return s;
  };
  // Satori reports the boxes in document order (header, body, footer): made in that order, the
  // elements read in it even where a box is painted later (the turned 中止 stamp comes last).
  boxes.forEach((box, i) => {
    if (box.tag !== ARTIFACT) structOf(i);
  });
  const close = () => {
    doc.endMarkedContent();
  };
  const mark = (node: SvgNode, run?: SvgNode[]) => {
    const point = pointOf(node, run);
    const i = point ? boxAt(boxes, point[0], point[1]) : -1;
    // Page furniture (a newsletter's page numbers): drawn and extractable, not read as content.
    if (i >= 0 && (boxes[i] as TaggedBox).tag === ARTIFACT) {
      doc.markContent('Artifact');
      return close;
    }
    if (i < 0 || (!run && (boxes[i] as TaggedBox).tag !== 'Figure')) {
      if (run) {
        // Text outside every tagged box still reads, as a paragraph of its own.
        const p = doc.struct('P');
        root.add(p);
        p.add(doc.markStructureContent('P'));
        return close;
      }
      doc.markContent('Artifact');
      return close;
    }
    const struct = structOf(i);
    struct.add(doc.markStructureContent((boxes[i] as TaggedBox).tag));
    return close;
  };
  const end = () => {
    for (const s of made.values()) s.end();
    if (!shared) root.end();
  };
  return { mark, end };
}
