/**
 * The Satori SVG → PDFKit converter (src/flyers/svg-pdf.ts) and the PNG encoder: paths with
 * every command Satori writes, rectangles, transforms, clip paths, masks, translucent fills and
 * embedded images, checked in the page's content stream and by reading the PDF back.
 */
import { inflateSync } from 'node:zlib';
import { PDFDocument as PdfLib } from 'pdf-lib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src/flyers/png.ts';
import { drawSvg, num, parsePaint, parseSvg, parseTransform, pathToPdf } from '../../src/flyers/svg-pdf.ts';

const A4 = { width: 595.28, height: 841.89 };

/** Draws `svg` on an uncompressed A4 page; returns the PDF and the page's content operators. */
async function render(svg: string): Promise<{ pdf: Buffer; content: string; warnings: string[] }> {
  const doc = new PDFDocument({ size: [A4.width, A4.height], margin: 0, compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const warnings: string[] = [];
  drawSvg(doc, svg, { ...A4, warn: (m) => warnings.push(m) });
  doc.end();
  const pdf = await done;
  const text = pdf.toString('latin1');
  const content = text.slice(text.indexOf('stream\n') + 7, text.indexOf('\nendstream'));
  return { pdf, content, warnings };
}

/** A 2×1 PNG: one red and one blue pixel. */
const tinyPng = encodePng(2, 1, new Uint8Array([255, 0, 0, 255, 0, 0, 255, 255]));

const SAMPLE = `<svg width="595" height="842" viewBox="0 0 595 842" xmlns="http://www.w3.org/2000/svg">
<mask id="satori_om-id"><rect x="0" y="0" width="595" height="842" fill="#fff"/></mask>
<rect x="0" y="0" width="595" height="180" fill="#b84a00"/>
<g><path fill="#fff" d="M43.1 31.9L42.3 33.4Q39.8 32 36.3 31.3L36.3 31.3L37 29.8Z"/></g>
<defs><clipPath id="clip"><path d="M32,482h531v204h-531z M32,483h531v203h-531z" clip-rule="evenodd"/></clipPath></defs>
<g clip-path="url(#clip)"><path fill="none" stroke="#b84a00" stroke-width="2" d="M32,482 h531"/></g>
<path fill="rgba(255,255,255,0.92)" d="M10 10 C 20 20 30 20 40 10 Z" transform="matrix(0.978148,-0.207912,0.207912,0.978148,-15.8,205.3)"/>
<clipPath id="photo"><rect x="32" y="344" width="223" height="152"/></clipPath>
<mask id="m"><rect x="32" y="344" width="223" height="152" fill="#fff"/></mask>
<image x="21.9" y="344" width="243.2" height="152" href="data:image/png;base64,${tinyPng.toString('base64')}" preserveAspectRatio="none" clip-path="url(#photo)" mask="url(#m)"/>
<polygon points="32,482 563,482 563,686 32,686" fill="#000"/>
</svg>`;

describe('SVG path data to PDF operators', () => {
  it('turns M L Z into m l h and drops Satori’s zero-length lines', () => {
    expect(pathToPdf('M1 2L3 4L3 4Z')).toBe('1 2 m\n3 4 l\nh\n');
  });

  it('turns a quadratic curve into the equivalent cubic', () => {
    // From (0,0) with control (3,3) to (6,0): cubic controls at 2/3 towards (3,3).
    expect(pathToPdf('M0 0Q3 3 6 0')).toBe('0 0 m\n2 2 4 2 6 0 c\n');
  });

  it('handles relative commands, H/V, implicit repeats and smooth curves', () => {
    expect(pathToPdf('m10,10 h5 v5 l-5,0 1,1z')).toBe('10 10 m\n15 10 l\n15 15 l\n10 15 l\n11 16 l\nh\n');
    expect(pathToPdf('M0 0C1 1 2 1 3 0S5 -1 6 0')).toBe('0 0 m\n1 1 2 1 3 0 c\n4 -1 5 -1 6 0 c\n');
    expect(pathToPdf('M0 0 1 1')).toBe('0 0 m\n1 1 l\n');
    expect(pathToPdf('M1e1 .5')).toBe('10 0.5 m\n');
  });

  it('rounds to hundredths of a point', () => {
    expect([num(1 / 3), num(-2.005), num(-0.001), num(12), num(0.1), num(7.05)]).toEqual([
      '0.33',
      '-2',
      '0',
      '12',
      '0.1',
      '7.05',
    ]);
  });

  it('refuses arcs (PDFKit converts those) and garbage', () => {
    expect(() => pathToPdf('M0 0A1 1 0 0 1 2 2')).toThrow(/unsupported path command A/);
    expect(() => pathToPdf('0 0')).toThrow(/must start with a command/);
  });
});

describe('SVG attributes', () => {
  it('parses colours with their alpha', () => {
    expect(parsePaint('#b84a00')).toEqual({ color: '#b84a00', opacity: 1 });
    expect(parsePaint('rgba(255,255,255,0.92)')).toEqual({ color: [255, 255, 255], opacity: 0.92 });
    expect(parsePaint('none')).toBeUndefined();
    expect(parsePaint(undefined)).toEqual({ color: [0, 0, 0], opacity: 1 });
  });

  it('composes transforms', () => {
    expect(parseTransform('translate(10 20) scale(2)')).toEqual([2, 0, 0, 2, 10, 20]);
    const [a, b, c, d] = parseTransform('rotate(90)');
    expect([a, b, c, d].map((v) => Math.round(v))).toEqual([0, 1, -1, 0]);
  });

  it('parses elements, attributes and entities', () => {
    const root = parseSvg('<?xml version="1.0"?><svg width="1"><!-- c --><g id="a&amp;b"><rect/></g></svg>');
    expect(root.name).toBe('svg');
    expect(root.children[0]).toMatchObject({ name: 'g', attrs: { id: 'a&b' }, children: [{ name: 'rect' }] });
  });

  it('reads the markup as Satori and other writers shape it: quotes, spaces, text, entities', () => {
    const root = parseSvg(
      `<!DOCTYPE svg><svg xmlns:xlink='http://www.w3.org/1999/xlink' width = "2" >\n` +
        `<text x="1" y='2' font-family="BIZ UDPGothic">見守り&lt;&#x3042;&#12354;&quot;</text>` +
        `<g><path d="M0 0L1 1" /><text>あ<!-- note -->い</text></g><rect data-a="1>2"/></svg>`,
    );
    expect(root.attrs).toEqual({ 'xmlns:xlink': 'http://www.w3.org/1999/xlink', width: '2' });
    const [text, g, rect] = root.children;
    expect(text).toEqual({
      name: 'text',
      attrs: { x: '1', y: '2', 'font-family': 'BIZ UDPGothic' },
      children: [],
      text: '見守り<ああ"',
    });
    expect(g).toMatchObject({ name: 'g', children: [{ name: 'path', attrs: { d: 'M0 0L1 1' } }, { text: 'あい' }] });
    expect(rect).toMatchObject({ name: 'rect', attrs: { 'data-a': '1>2' }, children: [] });
    expect(() => parseSvg('<g></g>')).toThrow(/no <svg> element/);
  });
});

describe('drawing a Satori SVG into a PDF', () => {
  it('draws rects, paths, transforms, clips, masks and images into a one-page A4 PDF', async () => {
    const { pdf, content, warnings } = await render(SAMPLE);
    expect(warnings).toEqual([]);
    // PDFKit's top-left origin, then the viewBox 595×842 stretched onto 595.28×841.89 pt.
    expect(content).toMatch(/^1 0 0 -1 0 841\.89 cm\nq\n1\.000471 0 0 0\.999869 0 0 cm\n/);
    expect(content).toContain('0 0 595 180 re');
    // The glyph path, its quadratic as a cubic, the repeated point dropped.
    expect(content).toContain('43.1 31.9 m\n42.3 33.4 l\n40.63 32.47 38.63 31.77 36.3 31.3 c\n37 29.8 l\nh\nf');
    // The clip (even-odd, from h/v commands via PDFKit) around the stroke.
    expect(content).toMatch(/W\* n[\s\S]*2 w[\s\S]*32 482 m\n563 482 l\nS/);
    // The stamp's transform, and its 92 % white through an ExtGState.
    expect(content).toContain('0.978148 -0.207912 0.207912 0.978148 -15.8 205.3 cm');
    expect(content).toMatch(/\/Gs\d+ gs/);
    // The photo clipped to its box, then the image drawn.
    expect(content).toMatch(/32 344 223 152 re\nW n[\s\S]*\/I1 Do/);
    expect(content).toContain('32 482 m\n563 482 l\n563 686 l\n32 686 l\nh\nf');

    const doc = await PdfLib.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  it('warns about what it does not draw instead of dropping it silently', async () => {
    const { warnings } = await render(
      '<svg viewBox="0 0 10 10"><linearGradient id="g"/><foreignObject/><image href="https://example.jp/a.png"/></svg>',
    );
    expect(warnings).toEqual(['<foreignObject> left out', 'image that is not an embedded PNG or JPEG left out']);
  });
});

describe('PNG encoding', () => {
  it('writes a valid RGBA PNG whose pixels read back', () => {
    const png = encodePng(2, 1, new Uint8Array([255, 0, 0, 255, 0, 0, 255, 128]));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([2, 1, 8, 6]);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString()).toBe('IDAT');
    expect([...inflateSync(png.subarray(41, 41 + idatLength))]).toEqual([0, 255, 0, 0, 255, 0, 0, 255, 128]);
    expect(() => encodePng(2, 2, new Uint8Array(8))).toThrow(/expected 16 bytes/);
  });
});
