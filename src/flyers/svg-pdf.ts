/**
 * Draws a Satori SVG straight into a PDFKit page. Satori writes a small, regular subset of SVG
 * (rect, path, polygon, g, clipPath, mask, image, text; fill, stroke, opacity,
 * transform="matrix()"), so a general SVG renderer is not needed: svg-to-pdfkit took 120–220 ms
 * per A4 flyer, mostly parsing CSS and re-parsing every number, and dropped <image> (satori
 * #269). Paths (M L Q C Z) are turned into PDF path operators by one pass over the string. The
 * printed flyers come from Satori's `embedFont: false` SVG, whose words are <text> elements:
 * those are handed, a line's run at a time, to the caller's text drawer (pdf-text.ts), which
 * writes them as real text; an SVG with outlined glyphs still draws, as paths.
 *
 * Anything outside that subset is reported through `warn` rather than silently dropped, so a
 * template change that starts using, say, gradients shows up in the build.
 */

export interface SvgNode {
  name: string;
  attrs: Record<string, string>;
  children: SvgNode[];
  /** The characters of a `<text>` element (Satori's output with `embedFont: false`). */
  text?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decode = (value: string): string =>
  value.includes('&')
    ? value.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (all, e: string) =>
        e[0] === '#'
          ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
          : (ENTITIES[e] ?? all),
      )
    : value;

/** Where the markup at `from` stops being a name (of an element or attribute). */
function nameEnd(svg: string, from: number): number {
  let i = from;
  for (; i < svg.length; i++) {
    const c = svg.charCodeAt(i);
    // Letters, digits, '_', ':', '-', '.': what Satori writes, and XML's names in ASCII.
    const name =
      (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46;
    if (!name) break;
  }
  return i;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** The index just past the next `token` at or after `from`, or the end of the markup. */
function past(svg: string, token: string, from: number): number {
  const at = svg.indexOf(token, from);
  return at < 0 ? svg.length : at + token.length;
}

/**
 * The start tag at `open` (`<name a="1" b='2'>` or `…/>`): its element, whether it closes itself,
 * and where the markup after it starts; no element if it is not a tag of that shape.
 */
function startTag(svg: string, open: number): { node?: SvgNode; selfClosing: boolean; end: number } {
  const nameStop = nameEnd(svg, open + 1);
  const node: SvgNode = { name: svg.slice(open + 1, nameStop), attrs: {}, children: [] };
  let j = nameStop;
  for (;;) {
    while (isSpace(svg.charCodeAt(j))) j++;
    if (svg.charCodeAt(j) === 62 /* > */) return { node, selfClosing: false, end: j + 1 };
    if (svg.startsWith('/>', j)) return { node, selfClosing: true, end: j + 2 };
    const keyStop = nameEnd(svg, j);
    let k = keyStop;
    while (isSpace(svg.charCodeAt(k))) k++;
    if (keyStop === j || svg.charCodeAt(k) !== 61 /* = */) break;
    k++;
    while (isSpace(svg.charCodeAt(k))) k++;
    const quote = svg[k];
    const valueEnd = quote === '"' || quote === "'" ? svg.indexOf(quote, k + 1) : -1;
    if (valueEnd < 0) break;
    node.attrs[svg.slice(j, keyStop)] = decode(svg.slice(k + 1, valueEnd));
    j = valueEnd + 1;
  }
  // Not a tag of this shape: skipped to its end.
  return { selfClosing: true, end: past(svg, '>', j) };
}

/**
 * Parses SVG markup into elements; character data is kept only inside `<text>`. A scanner with
 * indexOf rather than a regular expression over the tags: an A4 page of words is thousands of
 * elements, and the match arrays and substrings of a regular expression per tag and attribute
 * were most of what the PDF step allocated. Comments, `<?…?>` and `<!…>` are skipped; markup
 * that is not a tag of this shape is skipped to its `>`.
 */
export function parseSvg(svg: string): SvgNode {
  const root: SvgNode = { name: '#root', attrs: {}, children: [] };
  const stack = [root];
  let top = root;
  let i = 0;
  while (i < svg.length) {
    const open = svg.indexOf('<', i);
    const end = open < 0 ? svg.length : open;
    if (top.name === 'text' && end > i) top.text = (top.text ?? '') + decode(svg.slice(i, end));
    if (open < 0) break;
    const next = svg[open + 1];
    if (svg.startsWith('<!--', open)) i = past(svg, '-->', open + 4);
    else if (next === '?') i = past(svg, '?>', open + 2);
    else if (next === '!') i = past(svg, '>', open + 2);
    else if (next === '/') {
      if (stack.length > 1) {
        stack.pop();
        top = stack[stack.length - 1] as SvgNode;
      }
      i = past(svg, '>', open + 2);
    } else {
      const tag = startTag(svg, open);
      i = tag.end;
      if (!tag.node) continue;
      top.children.push(tag.node);
      if (!tag.selfClosing) {
        stack.push(tag.node);
        top = tag.node;
      }
    }
  }
  const svgRoot = root.children.find((c) => c.name === 'svg');
  if (!svgRoot) throw new Error('not an SVG document: no <svg> element');
  return svgRoot;
}

// ---------------------------------------------------------------------------------------------
// Paths

/**
 * Two decimals: 0.01 pt is 3.5 µm on paper, far below a 300 dpi dot, and keeps streams small.
 * Formatted from an integer because number-to-shortest-string is the slow part of a glyph path
 * (an A4 flyer has some 50,000 coordinates).
 */
export function num(value: number): string {
  let r = Math.round(value * 100);
  if (r === 0) return '0';
  const sign = r < 0 ? '-' : '';
  if (r < 0) r = -r;
  const whole = Math.floor(r / 100);
  const frac = r - whole * 100;
  if (frac === 0) return sign + whole;
  if (frac % 10 === 0) return `${sign}${whole}.${frac / 10}`;
  return `${sign}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

const isCommand = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * SVG path data → PDF path operators (m l c h). Handles every command except arcs (A), which
 * PDF has no operator for: those paths go through PDFKit's own converter instead. A hand-written
 * scanner rather than a regex, as it runs over every glyph of the flyer.
 */
export function pathToPdf(d: string): string {
  const len = d.length;
  let i = 0;
  let out = '';
  let cmd = 0;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  // Last control point and command, for S and T (reflected control point).
  let cx = 0;
  let cy = 0;
  let prev = 0;

  /** Skips separators; true if a number follows (not a command or the end). */
  const hasNumber = (): boolean => {
    while (i < len) {
      const c = d.charCodeAt(i);
      if (c === 32 || c === 44 || c === 10 || c === 13 || c === 9) i++;
      else return !isCommand(c) || c === 101 || c === 69;
    }
    return false;
  };
  const read = (): number => {
    hasNumber();
    const start = i;
    let c = d.charCodeAt(i);
    const negative = c === 45;
    if (negative || c === 43) c = d.charCodeAt(++i);
    // Digits are accumulated as they are scanned: slicing and parsing every number was a quarter
    // of the PDF step. Exponents (never written by Satori) take the slow path.
    let value = 0;
    while (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      c = d.charCodeAt(++i);
    }
    if (c === 46) {
      let scale = 1;
      c = d.charCodeAt(++i);
      while (c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        scale *= 10;
        c = d.charCodeAt(++i);
      }
      value /= scale;
    }
    if (c === 101 || c === 69) {
      c = d.charCodeAt(++i);
      if (c === 45 || c === 43) c = d.charCodeAt(++i);
      while (c >= 48 && c <= 57) c = d.charCodeAt(++i);
      value = Math.abs(Number(d.slice(start, i)));
    }
    if (i === start || Number.isNaN(value))
      throw new Error(`bad number in path data at ${start}: ${d.slice(start, start + 20)}`);
    return negative ? -value : value;
  };
  const line = (ex: number, ey: number) => {
    // Satori repeats each curve's end point as a line to itself: nothing to draw.
    if (ex !== x || ey !== y) out += `${num(ex)} ${num(ey)} l\n`;
    x = ex;
    y = ey;
  };
  const cubic = (x1: number, y1: number, x2: number, y2: number, ex: number, ey: number) => {
    out += `${num(x1)} ${num(y1)} ${num(x2)} ${num(y2)} ${num(ex)} ${num(ey)} c\n`;
    cx = x2;
    cy = y2;
    x = ex;
    y = ey;
  };
  const quad = (qx: number, qy: number, ex: number, ey: number) => {
    // A quadratic Bézier is the cubic whose control points lie 2/3 of the way to its control point.
    cubic(x + ((qx - x) * 2) / 3, y + ((qy - y) * 2) / 3, ex + ((qx - ex) * 2) / 3, ey + ((qy - ey) * 2) / 3, ex, ey);
    cx = qx;
    cy = qy;
  };

  while (i < len) {
    if (!hasNumber()) {
      if (i >= len) break;
      cmd = d.charCodeAt(i++);
      if (cmd === 90 || cmd === 122) {
        out += 'h\n';
        x = startX;
        y = startY;
        prev = 90;
      }
      continue;
    }
    if (!cmd || cmd === 90 || cmd === 122) throw new Error(`path data must start with a command: ${d.slice(0, 40)}`);
    const rel = cmd >= 97;
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    const upper = rel ? cmd - 32 : cmd;
    switch (upper) {
      case 77: {
        // M: further pairs after a moveto are linetos.
        x = ox + read();
        y = oy + read();
        startX = x;
        startY = y;
        out += `${num(x)} ${num(y)} m\n`;
        cmd = rel ? 108 : 76;
        break;
      }
      case 76: {
        const ex = ox + read();
        line(ex, oy + read());
        break;
      }
      case 72:
        line(ox + read(), y);
        break;
      case 86:
        line(x, oy + read());
        break;
      case 67: {
        const x1 = ox + read();
        const y1 = oy + read();
        const x2 = ox + read();
        const y2 = oy + read();
        const ex = ox + read();
        cubic(x1, y1, x2, y2, ex, oy + read());
        break;
      }
      case 83: {
        const smooth = prev === 67 || prev === 83;
        const x1 = smooth ? 2 * x - cx : x;
        const y1 = smooth ? 2 * y - cy : y;
        const x2 = ox + read();
        const y2 = oy + read();
        const ex = ox + read();
        cubic(x1, y1, x2, y2, ex, oy + read());
        break;
      }
      case 81: {
        const qx = ox + read();
        const qy = oy + read();
        const ex = ox + read();
        quad(qx, qy, ex, oy + read());
        break;
      }
      case 84: {
        const smooth = prev === 81 || prev === 84;
        const ex = ox + read();
        quad(smooth ? 2 * x - cx : x, smooth ? 2 * y - cy : y, ex, oy + read());
        break;
      }
      default:
        throw new Error(`unsupported path command ${String.fromCharCode(cmd)}`);
    }
    prev = upper;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Colours and transforms

interface Paint {
  color: string | [number, number, number];
  opacity: number;
}

/** An SVG paint value as a PDFKit colour and its alpha; undefined for none/transparent. */
export function parsePaint(value: string | undefined): Paint | undefined {
  if (value === undefined) return { color: [0, 0, 0], opacity: 1 };
  const v = value.trim().toLowerCase();
  if (v === 'none' || v === 'transparent' || v === '') return undefined;
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(v);
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : Number(rgb[4]);
    if (alpha <= 0) return undefined;
    return { color: [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])], opacity: alpha };
  }
  if (/^#[\da-f]{8}$/.test(v)) {
    const alpha = parseInt(v.slice(7), 16) / 255;
    return alpha <= 0 ? undefined : { color: v.slice(0, 7), opacity: alpha };
  }
  // #rgb, #rrggbb and CSS colour names are understood by PDFKit itself.
  return { color: v, opacity: 1 };
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** An SVG transform list as one matrix. */
export function parseTransform(value: string): Matrix {
  let m: Matrix = [1, 0, 0, 1, 0, 0];
  for (const [, fn, args] of value.matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const a = (args ?? '')
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const [a0 = 0, a1, a2] = a;
    let t: Matrix;
    switch (fn) {
      case 'matrix':
        t = [a0, a[1] ?? 0, a[2] ?? 0, a[3] ?? 1, a[4] ?? 0, a[5] ?? 0];
        break;
      case 'translate':
        t = [1, 0, 0, 1, a0, a1 ?? 0];
        break;
      case 'scale':
        t = [a0, 0, 0, a1 ?? a0, 0, 0];
        break;
      case 'rotate': {
        const r = (a0 * Math.PI) / 180;
        const [cos, sin] = [Math.cos(r), Math.sin(r)];
        const [px, py] = [a1 ?? 0, a2 ?? 0];
        t = [cos, sin, -sin, cos, px - px * cos + py * sin, py - px * sin - py * cos];
        break;
      }
      case 'skewX':
        t = [1, 0, Math.tan((a0 * Math.PI) / 180), 1, 0, 0];
        break;
      case 'skewY':
        t = [1, Math.tan((a0 * Math.PI) / 180), 0, 1, 0, 0];
        break;
      default:
        throw new Error(`unsupported transform ${fn}`);
    }
    m = multiply(m, t);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------
// Drawing

const n = (value: string | undefined, fallback = 0): number => {
  const v = value === undefined ? NaN : parseFloat(value);
  return Number.isFinite(v) ? v : fallback;
};

export interface DrawOptions {
  /** Page area to fill; the SVG's viewBox (or width × height) is stretched onto it. */
  width: number;
  height: number;
  /** Told about every element or attribute that was not drawn as the SVG says. */
  warn?: (message: string) => void;
  /**
   * Draws a run of `<text>` siblings on one line in one style (pdf-text.ts), after the run's
   * transform, clip and fill colour are set. Without it, text elements are left out (warned).
   */
  text?: (run: SvgNode[]) => void;
  /**
   * Told about each thing about to be drawn (a text run, or a shape or image element) once its
   * transform and clip are set; the function it returns, if any, is called when the thing is
   * drawn, before the graphics state is restored. A tagged PDF opens and closes its marked
   * content there, so the marked sequences nest inside q/Q.
   */
  mark?: (node: SvgNode, run?: SvgNode[]) => (() => void) | undefined;
}

/** What `<text>` siblings must share to be drawn as one run: all but their x and box. */
const runKey = (a: Record<string, string>): string =>
  `${a['y']}|${a['font-size']}|${a['font-weight']}|${a['font-style']}|${a['font-family']}|${a['fill']}|${a['fill-opacity']}|${a['opacity']}|${a['transform']}|${a['clip-path']}|${a['mask']}`;

/** Elements that define things and are drawn only where referenced. */
const DEFINITIONS = new Set([
  'defs',
  'clipPath',
  'mask',
  'pattern',
  'linearGradient',
  'radialGradient',
  'title',
  'desc',
]);

/** Draws an SVG document onto the current page of `doc`. */
export function drawSvg(doc: PDFKit.PDFDocument, svg: string | SvgNode, options: DrawOptions): void {
  const root = typeof svg === 'string' ? parseSvg(svg) : svg;
  const warned = new Set<string>();
  const warn = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    options.warn?.(message);
  };
  const ids = new Map<string, SvgNode>();
  const collect = (node: SvgNode) => {
    if (node.attrs['id']) ids.set(node.attrs['id'], node);
    node.children.forEach(collect);
  };
  collect(root);

  const viewBox = (root.attrs['viewBox'] ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  const [vx = 0, vy = 0, vw = n(root.attrs['width'], options.width), vh = n(root.attrs['height'], options.height)] =
    viewBox.length === 4 ? viewBox : [];

  /** Path operators for a shape element, or undefined if it is not a shape. */
  const shape = (node: SvgNode): string | undefined => {
    const a = node.attrs;
    switch (node.name) {
      case 'rect': {
        const w = n(a['width']);
        const h = n(a['height']);
        if (w <= 0 || h <= 0) return '';
        if (n(a['rx']) > 0 || n(a['ry']) > 0) warn('rounded <rect> drawn square');
        return `${num(n(a['x']))} ${num(n(a['y']))} ${num(w)} ${num(h)} re\n`;
      }
      case 'path': {
        const d = a['d'] ?? '';
        return /[Aa]/.test(d) ? undefined : pathToPdf(d);
      }
      case 'polygon':
      case 'polyline': {
        const p = (a['points'] ?? '')
          .split(/[\s,]+/)
          .filter(Boolean)
          .map(Number);
        if (p.length < 4) return '';
        let ops = `${num(p[0] as number)} ${num(p[1] as number)} m\n`;
        for (let i = 2; i + 1 < p.length; i += 2) ops += `${num(p[i] as number)} ${num(p[i + 1] as number)} l\n`;
        return node.name === 'polygon' ? `${ops}h\n` : ops;
      }
      case 'circle':
      case 'ellipse':
      case 'line':
        return undefined;
      default:
        return '';
    }
  };

  /** Adds a shape's path to the current path (for fill, stroke or clip). */
  const addShape = (node: SvgNode, ops = shape(node)): boolean => {
    if (ops === '') return false;
    if (ops !== undefined) {
      // As bytes: addContent would copy the string into bytes one character at a time in JS.
      doc.page.write(Buffer.from(ops, 'latin1'));
      return true;
    }
    // Arcs, circles and lines: rare in Satori output (rounded corners), so PDFKit converts them.
    const a = node.attrs;
    if (node.name === 'path') doc.path(a['d'] ?? '');
    else if (node.name === 'circle') doc.circle(n(a['cx']), n(a['cy']), n(a['r']));
    else if (node.name === 'ellipse') doc.ellipse(n(a['cx']), n(a['cy']), n(a['rx']), n(a['ry']));
    else if (node.name === 'line') doc.moveTo(n(a['x1']), n(a['y1'])).lineTo(n(a['x2']), n(a['y2']));
    return true;
  };

  const reference = (value: string | undefined): SvgNode | undefined => {
    const id = /url\(\s*['"]?#([^'")]+)['"]?\s*\)/.exec(value ?? '')?.[1];
    if (!id) return undefined;
    const target = ids.get(id);
    if (!target) warn(`reference to a missing #${id}`);
    return target;
  };

  /** Intersects the clip with a clipPath's shapes (their union, as SVG means). */
  const clipWith = (clip: SvgNode) => {
    let any = false;
    for (const child of clip.children) {
      const transform = child.attrs['transform'];
      if (transform) {
        // A transformed clip shape: its path is transformed, the clip itself must not be.
        warn('transformed clip shape drawn as its bounding path');
      }
      any = addShape(child) || any;
    }
    if (!any) doc.rect(0, 0, 0, 0);
    doc.clip(clip.children.some((c) => c.attrs['clip-rule'] === 'evenodd') ? 'even-odd' : 'non-zero');
  };

  /**
   * Satori masks are white rectangles (overflow: hidden); as such they are clips. Other masks
   * (soft edges, images) are not needed by the templates and are drawn unmasked.
   */
  const maskWith = (mask: SvgNode) => {
    const rects = mask.children.filter((c) => c.name === 'rect');
    const white = rects.every((r) => /^(#fff|#ffffff|white)$/i.test(r.attrs['fill'] ?? '') && !r.attrs['opacity']);
    if (!rects.length || rects.length !== mask.children.length || !white) {
      warn('mask other than white rectangles drawn unmasked');
      return;
    }
    clipWith(mask);
  };

  const image = (node: SvgNode) => {
    const a = node.attrs;
    const href = a['href'] ?? a['xlink:href'] ?? '';
    const data = /^data:image\/(?:png|jpe?g);base64,(.*)$/s.exec(href)?.[1];
    if (!data) {
      warn('image that is not an embedded PNG or JPEG left out');
      return;
    }
    const [x, y, w, h] = [n(a['x']), n(a['y']), n(a['width']), n(a['height'])];
    const fit = (a['preserveAspectRatio'] ?? 'xMidYMid meet').trim();
    const buffer = Buffer.from(data, 'base64');
    if (fit === 'none') doc.image(buffer, x, y, { width: w, height: h });
    else {
      // Satori writes "none" with the cover geometry already worked out; handle the rest as CSS does.
      const cover = fit.endsWith('slice');
      doc.save();
      if (cover) doc.rect(x, y, w, h).clip();
      doc.image(buffer, x, y, { [cover ? 'cover' : 'fit']: [w, h], align: 'center', valign: 'center' });
      doc.restore();
    }
  };

  /**
   * The fill colour last set, mirrored through save/restore, so that the glyphs of a text in
   * one colour do not each repeat the same colour operators.
   */
  let fillKey = '';
  const fillKeys: string[] = [];
  const save = () => {
    fillKeys.push(fillKey);
    doc.save();
  };
  const restore = () => {
    fillKey = fillKeys.pop() ?? '';
    doc.restore();
  };
  const setFill = (color: Paint['color'], opacity: number) => {
    const key = `${String(color)}/${opacity}`;
    if (key === fillKey) return;
    fillKey = key;
    doc.fillColor(color, opacity);
  };

  const draw = (node: SvgNode, inheritedOpacity: number, run?: SvgNode[]) => {
    if (DEFINITIONS.has(node.name)) return;
    const a = node.attrs;
    if (a['display'] === 'none' || a['visibility'] === 'hidden') return;
    const clip = reference(a['clip-path']);
    const mask = reference(a['mask']);
    const transform = a['transform'];
    const opacity = n(a['opacity'], 1);
    if (opacity <= 0) return;
    const container = node.name === 'svg' || node.name === 'g' || node.name === 'a';
    const isolate = Boolean(clip || mask || transform);
    if (isolate) save();
    if (transform) {
      const m = parseTransform(transform);
      doc.transform(...m);
    }
    if (clip) clipWith(clip);
    if (mask) maskWith(mask);
    // Group opacity is approximated by multiplying into each child's alpha: exact as long as the
    // children of a translucent group do not overlap, which holds for Satori's boxes.
    const alpha = inheritedOpacity * opacity;
    const marked = container ? undefined : options.mark?.(node, run);

    switch (node.name) {
      case 'svg':
      case 'g':
      case 'a': {
        const children = node.children;
        for (let i = 0; i < children.length; i++) {
          const child = children[i] as SvgNode;
          if (child.name !== 'text') {
            draw(child, alpha);
            continue;
          }
          // Satori writes a <text> per word; a line's words in one style become one PDF run.
          const key = runKey(child.attrs);
          let j = i + 1;
          while (j < children.length && children[j]?.name === 'text' && runKey((children[j] as SvgNode).attrs) === key)
            j++;
          draw(child, alpha, children.slice(i, j));
          i = j - 1;
        }
        break;
      }
      case 'text': {
        if (!options.text) {
          warn('<text> left out');
          break;
        }
        const fill = parsePaint(a['fill']);
        if (!fill) break;
        setFill(fill.color, fill.opacity * n(a['fill-opacity'], 1) * alpha);
        options.text(run ?? [node]);
        break;
      }
      case 'image':
        if (alpha < 1) {
          doc.opacity(alpha);
          fillKey = '';
        }
        image(node);
        break;
      case 'rect':
      case 'path':
      case 'polygon':
      case 'polyline':
      case 'circle':
      case 'ellipse':
      case 'line': {
        const fill = node.name === 'line' || node.name === 'polyline' ? undefined : parsePaint(a['fill']);
        const stroke = a['stroke'] ? parsePaint(a['stroke']) : undefined;
        const width = n(a['stroke-width'], 1);
        if (!fill && (!stroke || width <= 0)) break;
        const stroked = Boolean(stroke && width > 0);
        const ops = shape(node);
        if (ops === '') break;
        // Line width, caps and dashes are graphics state: kept to this element.
        const scoped = stroked && !isolate;
        if (scoped) save();
        const rule = a['fill-rule'] === 'evenodd' ? 'even-odd' : 'non-zero';
        // Colours are set before the path: PDF allows no state changes between a path and its
        // painting operator.
        if (fill) setFill(fill.color, fill.opacity * n(a['fill-opacity'], 1) * alpha);
        if (stroked && stroke) {
          doc.strokeColor(stroke.color, stroke.opacity * n(a['stroke-opacity'], 1) * alpha);
          doc.lineWidth(width);
          if (a['stroke-linecap']) doc.lineCap(a['stroke-linecap'] as 'butt' | 'round' | 'square');
          if (a['stroke-linejoin']) doc.lineJoin(a['stroke-linejoin'] as 'miter' | 'round' | 'bevel');
          const dash = (a['stroke-dasharray'] ?? 'none').split(/[\s,]+/).map(Number);
          if (dash.length && dash.every((v) => Number.isFinite(v) && v >= 0) && dash.some((v) => v > 0))
            doc.dash(dash[0] as number, { space: dash[1] ?? dash[0] });
        }
        addShape(node, ops);
        if (fill && stroked) doc.fillAndStroke(undefined, undefined, rule);
        else if (fill) doc.fill(rule);
        else doc.stroke();
        if (scoped) restore();
        break;
      }
      default:
        warn(`<${node.name}> left out`);
    }
    marked?.();
    if (isolate) restore();
  };

  save();
  // The viewBox onto the page area: the layout canvas in whole px onto the exact paper in pt
  // (paper.ts: A4's 595×842 px onto 595.28×841.89 pt).
  doc.transform(options.width / vw, 0, 0, options.height / vh, (-vx * options.width) / vw, (-vy * options.height) / vh);
  draw(root, 1);
  restore();
}
