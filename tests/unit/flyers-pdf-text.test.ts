/**
 * Real text in the flyer PDFs: Satori's <text> words drawn as text in the embedded font subsets
 * at Satori's own positions (src/flyers/pdf-text.ts), the face chosen as Satori chooses it, and
 * the tagged structure from the layout's boxes (src/flyers/pdf-tags.ts). Whole flyers are read
 * back by poppler (pdftotext, pdffonts, pdfinfo), independently of the libraries that wrote them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument as PdfLib, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import satori from 'satori';
import { afterAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { loadFonts } from '../../src/flyers/fonts.ts';
import { buildFlyerModel, type FlyerModel } from '../../src/flyers/model.ts';
import { outlineText } from '../../src/flyers/outline.ts';
import { boxAt, structureParents, type TaggedBox } from '../../src/flyers/pdf-tags.ts';
import { textDrawer } from '../../src/flyers/pdf-text.ts';
import { renderFlyer } from '../../src/flyers/render.ts';
import { drawSvg } from '../../src/flyers/svg-pdf.ts';
import { recruitmentSchema } from '../../src/schemas/recruitment.ts';

const fonts = loadFonts();
const A4 = { width: 595.28, height: 841.89 };
const tmp = mkdtempSync(join(tmpdir(), 'flyer-text-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Draws `svg` with real text on an uncompressed page; the PDF, its page operators and warnings. */
async function draw(svg: string, withText = true): Promise<{ pdf: Buffer; content: string; warnings: string[] }> {
  const doc = new PDFDocument({ size: [A4.width, A4.height], margin: 0, compress: false, font: '' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  drawSvg(doc, svg, { ...A4, warn, ...(withText ? { text: textDrawer(doc, fonts.faces, warn) } : {}) });
  doc.end();
  const pdf = await done;
  const text = pdf.toString('latin1');
  const content = text.slice(text.indexOf('stream\n') + 7, text.indexOf('\nendstream'));
  return { pdf, content, warnings };
}

const word = (x: number, text: string, attrs = 'font-size="20" font-weight="400" fill="#000"') =>
  `<text x="${x}" y="30" width="0" height="28" ${attrs} font-style="normal" font-family="biz udpgothic,noto sans jp,noto emoji">${text}</text>`;
const svgOf = (body: string) =>
  `<svg width="595" height="842" viewBox="0 0 595 842" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;

const poppler = (tool: string, args: string[], pdf: Buffer, name: string) => {
  const file = join(tmp, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
};

/** pdffonts' table: name and the emb, sub and uni columns of each font. */
const fontsOf = (pdf: Buffer, name: string) =>
  poppler('pdffonts', [], pdf, name)
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      return { name: cols[0] ?? '', flags: cols.slice(-5, -2).join(' ') };
    });

describe('words as real text', () => {
  it('places each word at Satori’s x on its baseline, one run per line and style', async () => {
    const { content, warnings } = await draw(svgOf(word(10, 'AB') + word(60, 'C')));
    expect(warnings).toEqual([]);
    expect(content.match(/BT\n/g)).toHaveLength(1);
    expect(content).toContain('1 0 0 -1 10 30 Tm');
    expect(content).toMatch(/\/F1 20 Tf/);
    // The gap from where AB's advances end to C's x, in thousandths of the size, leftwards positive.
    const tj = /\[<([\da-f]+)> (-?[\d.]+) <([\da-f]+)>\] TJ/.exec(content);
    expect(tj, content).not.toBeNull();
    const gap = 60 - 10 - fonts.measure('AB', 20, false);
    expect(Number(tj?.[2])).toBeCloseTo((-gap / 20) * 1000, 0);
    expect(tj?.[1]).toHaveLength(8); // two glyphs of AB
  });

  it('starts a new run where the style changes, and sets the colour before it', async () => {
    const { content } = await draw(
      svgOf(word(10, 'あ') + word(40, 'い', 'font-size="20" font-weight="700" fill="#c62828"')),
    );
    expect(content.match(/BT\n/g)).toHaveLength(2);
    expect(content.indexOf('0.776 0.157 0.157 rg')).toBeLessThan(content.lastIndexOf('BT'));
    expect(content).toMatch(/\/F2 20 Tf/);
  });

  it('takes the face Satori takes: rare kanji from Noto Sans JP, emoji from Noto Emoji', async () => {
    const { pdf } = await draw(svgOf(word(10, '𠮷野') + word(60, '🎄') + word(90, '山田')));
    const embedded = fontsOf(pdf, 'faces').map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(embedded.sort()).toEqual(['BIZUDPGothic-Regular', 'NotoEmoji-Regular', 'NotoSansJP-Regular'].sort());
    expect(poppler('pdftotext', [], pdf, 'faces').replace(/\s+/g, '')).toContain('𠮷野🎄山田');
  });

  it('leaves text out with a warning when no text drawer is given', async () => {
    const { content, warnings } = await draw(svgOf(word(10, 'あ')), false);
    expect(content).not.toContain('BT');
    expect(warnings).toEqual(['<text> left out']);
  });
});

describe('the preview’s outlines of the same words', () => {
  it('turns each word into its face’s outline at its baseline, keeping its paint, turn and clip', () => {
    const stamp = word(
      40,
      '中止',
      'font-size="20" font-weight="700" fill="#c62828" transform="rotate(-8)" clip-path="url(#c)"',
    );
    const out = outlineText(svgOf(word(10, 'あ') + stamp + word(90, ' ')), fonts.faces);
    expect(out).not.toContain('<text');
    const s = Math.round((20 / (fonts.faces[0]?.font.unitsPerEm ?? 1000)) * 1e4) / 1e4;
    expect(out).toContain(`<path fill="#000" transform="matrix(${s} 0 0 ${-s} 10 30)" d="M`);
    expect(out).toContain(
      `<g transform="rotate(-8)" clip-path="url(#c)"><path fill="#c62828" transform="matrix(${s} 0 0 ${-s} 40 30)" d="M`,
    );
    // The space draws nothing.
    expect(out.match(/<path/g)).toHaveLength(2);
  });

  it('looks as Satori’s own outlines do', async () => {
    const element = {
      type: 'div',
      props: {
        style: { display: 'flex', flexDirection: 'column', fontSize: 28, fontFamily: fonts.family, padding: 10 },
        children: [
          { type: 'div', props: { style: { display: 'flex', fontWeight: 700 }, children: '𠮷野さんの見守り🎄 10:00' } },
          { type: 'div', props: { style: { display: 'flex' }, children: 'お茶とおしゃべり、Kaffee' } },
        ],
      },
    };
    const pixels = async (embedFont: boolean) => {
      const svg = await satori(element as never, { width: 480, height: 120, fonts: fonts.fonts, embedFont });
      const drawn = embedFont ? svg : outlineText(svg, fonts.faces);
      return new Resvg(drawn, { font: { loadSystemFonts: false } }).render().pixels;
    };
    const [satoris, ours] = [await pixels(true), await pixels(false)];
    expect(ours.length).toBe(satoris.length);
    let ink = 0;
    let diff = 0;
    for (let i = 3; i < ours.length; i += 4) {
      ink += satoris[i] as number;
      diff += Math.abs((ours[i] as number) - (satoris[i] as number));
    }
    expect(ink).toBeGreaterThan(0);
    // Sub-pixel placement only: Satori rounds line starts to whole pixels for its outlines.
    expect(diff / ink).toBeLessThan(0.1);
  });
});

describe('the tagged structure’s boxes', () => {
  const box = (tag: string, left: number, top: number, width: number, height: number): TaggedBox => ({
    tag,
    left,
    top,
    width,
    height,
  });

  it('puts cells in rows, rows in tables, items in lists, even when the boxes are equal', () => {
    const boxes = [
      box('Table', 0, 100, 500, 61),
      box('TR', 0, 101, 500, 30),
      box('TH', 0, 101, 100, 30),
      box('TD', 100, 101, 400, 30),
      box('L', 0, 0, 500, 40),
      box('LI', 0, 0, 500, 40),
      box('Lbl', 0, 0, 20, 20),
      box('LBody', 20, 0, 480, 40),
      box('P', 110, 105, 300, 20),
      box('H1', 0, 300, 500, 40),
    ];
    expect(structureParents(boxes)).toEqual([-1, 0, 1, 1, -1, 4, 5, 5, 3, -1]);
  });

  it('finds the smallest box around a point, or none', () => {
    const boxes = [box('TR', 0, 0, 500, 30), box('TH', 0, 0, 100, 30), box('TD', 100, 0, 400, 30)];
    expect(boxAt(boxes, 50, 20)).toBe(1);
    expect(boxAt(boxes, 150, 20)).toBe(2);
    expect(boxAt(boxes, 50, 200)).toBe(-1);
  });
});

describe('a whole flyer’s PDF', () => {
  const title = '𠮷野さん・髙橋さんと見守り🎄';
  const model = buildFlyerModel(
    {
      collection: 'recruitments',
      id: 'x',
      data: recruitmentSchema.parse({
        id: 'x',
        title,
        role: '見守り訪問員',
        tasks: 'お宅を訪ねてお話をします。',
        frequency: '月1回',
        flyer: {
          points: ['資格はいりません', '一人で行きません'],
          photo: { src: '/uploads/hidamari-ocha.jpg', alt: '公民館でお茶を飲む参加者' },
        },
        districts: ['higashi'],
        categories: ['watch'],
        organizer: 'shakyo',
        contact: '0000-12-3457',
        howToApply: '社協へお電話ください。',
      }),
      body: '',
    },
    {
      lookup: new Map(),
      site: { url: 'https://example.jp', siteName: 'つながり', publisher: '社協' },
      today: '2026-11-23',
      t,
    },
  );

  it('has the words in reading order, embedded font subsets, Japanese as its language and a title', async () => {
    // Without the photo, whose JPEG would dominate the size checked at the end.
    const withoutPhoto: FlyerModel = { ...model };
    delete withoutPhoto.photo;
    const { pdf } = await renderFlyer(withoutPhoto, { root: process.cwd(), fonts });
    const text = poppler('pdftotext', [], pdf, 'flyer').replace(/\s+/g, '');
    const order = [title, '見守り訪問員', 'お宅を訪ねてお話をします。', '0000-12-3457', 'https://example.jp'];
    const at = order.map((s) => text.indexOf(s.replace(/\s+/g, '')));
    expect(
      at.every((i) => i >= 0),
      text,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);

    const faces = fontsOf(pdf, 'flyer');
    expect(faces.length).toBeGreaterThanOrEqual(3);
    // Embedded, subset (the ABCDEF+ prefix), with a ToUnicode map.
    for (const f of faces) {
      expect(f.flags, f.name).toBe('yes yes yes');
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
    }

    const doc = await PdfLib.load(pdf, { updateMetadata: false });
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : '').toMatch(/^ja/);
    expect(doc.getTitle()).toBe(title);
    expect(doc.getSubject()).toBeTruthy();
    expect(pdf.length).toBeLessThan(100 * 1024);
  });

  it('is tagged: the title a heading, the points a list, the facts a table, photo and QR code figures with alt', async () => {
    const { pdf } = await renderFlyer(model, { root: process.cwd(), fonts });
    expect(poppler('pdfinfo', [], pdf, 'tags')).toMatch(/Tagged:\s+yes/);
    const tree = poppler('pdfinfo', ['-struct-text'], pdf, 'tags');
    const heading = /H1 \(block\)\n((?:\s+".*"\n)+)/.exec(tree)?.[1] ?? '';
    expect(heading.replace(/[\s"]/g, ''), tree).toBe(title);
    expect(tree).toMatch(
      /L \(block\)\n\s+LI \(block\)\n\s+Lbl \(block\)\n\s+"●"\n\s+LBody \(block\)\n\s+"資格はいりません"/,
    );
    expect(tree).toMatch(/TR\n\s+TH:\n\s+\/Scope \/Row\n\s+"役割"\n\s+TD\n\s+"見守り訪問員"/);
    // Two figures: the photo with its own alternative text, and the QR code with where it leads.
    const doc = await PdfLib.load(pdf, { updateMetadata: false });
    const alts = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict)
      .filter((dict) => dict.get(PDFName.of('S')) === PDFName.of('Figure'))
      .map((dict) => {
        const alt = dict.get(PDFName.of('Alt'));
        return alt instanceof PDFString || alt instanceof PDFHexString ? alt.decodeText() : '';
      });
    expect(alts).toEqual(['公民館でお茶を飲む参加者', `${model.labels.qr} ${model.url}`]);
  });
});
