/**
 * Square borders drawn as strips (src/flyers/layout/borders.ts): every box stays where Satori
 * put it, the border is a plain filled shape instead of a clipped stroke, and what the rewrite
 * cannot draw alike (rounded corners, other styles, absolutely placed content) is left alone.
 * And what it fixed: at a low resolution, poppler left out the 白黒 flyer's label-column rule
 * and drew some row rules part-way across.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import satori from 'satori';
import { afterAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { loadFonts } from '../../src/flyers/fonts.ts';
import { snapBorder, squareBorders } from '../../src/flyers/layout/borders.ts';
import type { El, Style } from '../../src/flyers/layout/elements.ts';
import { buildFlyerModel } from '../../src/flyers/model.ts';
import { renderFlyerPdf } from '../../src/flyers/render.ts';
import { eventSchema } from '../../src/schemas/event.ts';
import { removeFixtureCopies, tempFolder } from '../helpers/fixture.ts';

afterAll(removeFixtureCopies);

const fonts = loadFonts();
const div = (style: Style, children?: El | (El | string)[] | string, id?: string): El => ({
  type: 'div',
  props: {
    style: { display: 'flex', ...style },
    ...(children === undefined ? {} : { children }),
    ...(id ? { id } : {}),
  },
});

/** Each box's place by its id, and the SVG, as Satori lays the tree out. */
async function layOut(node: El) {
  const boxes: Record<string, { left: number; top: number; width: number; height: number }> = {};
  const svg = await satori(node as never, {
    width: 400,
    height: 300,
    fonts: fonts.fonts as never,
    onNodeDetected: (n) => {
      const id = (n.props as { id?: string } | undefined)?.id;
      if (id) boxes[id] = { left: n.left, top: n.top, width: n.width, height: n.height };
    },
  });
  return { boxes, svg };
}

const sheet = (box: Style, inner: Style = {}): El =>
  div({ flexDirection: 'column', width: 400, height: 300, fontFamily: fonts.family, fontSize: 12 }, [
    div({ height: 10 }, undefined, 'before'),
    div({ flexDirection: 'row', ...box }, [div({ width: 50, height: 20, ...inner }, 'あ', 'inner')], 'box'),
    div({ height: 10, width: 30 }, undefined, 'after'),
  ]);

describe('square borders as strips', () => {
  it('keeps every box where Satori put it, with widths Satori rounds (0.5px → 1px)', async () => {
    for (const box of [
      { borderTop: '0.5px solid #333', borderRight: '2px solid red', padding: '4px 6px' },
      { border: '1px solid #000', paddingLeft: 3, padding: 2 },
      { borderBottom: '1.5px solid rgba(0, 0, 0, 0.5)', padding: '1px 2px 3px', width: 200 },
      { border: '3px solid #1d5e3a', borderLeft: 'none', padding: '1px 2px 3px 4px', height: 60 },
    ] satisfies Style[]) {
      const before = await layOut(sheet(box));
      const after = await layOut(squareBorders(sheet(box)));
      expect(after.boxes, JSON.stringify(box)).toEqual(before.boxes);
      // No clip path is left for the rewritten border: it is a filled shape now.
      expect(before.svg).toContain('clip-path');
      expect(after.svg).not.toContain('clip-path');
    }
    expect([0.5, 1, 1.5, 2, 2.75, 0].map(snapBorder)).toEqual([1, 1, 1, 2, 2, 0]);
  });

  it('draws each side as a strip of the border’s colour along that side', () => {
    const out = squareBorders(
      div({ borderTop: '0.5px solid #333', borderLeft: '2px solid red', padding: '4px 6px' }, []),
    );
    expect(out.props.style).toMatchObject({
      position: 'relative',
      paddingTop: 5,
      paddingRight: 6,
      paddingBottom: 4,
      paddingLeft: 8,
    });
    expect(Object.keys(out.props.style ?? {}).filter((k) => k.startsWith('border'))).toEqual([]);
    const strips = (out.props.children as El[]).map((c) => c.props.style);
    expect(strips).toEqual([
      expect.objectContaining({ position: 'absolute', top: 0, left: 0, right: 0, height: 1, backgroundColor: '#333' }),
      expect.objectContaining({ position: 'absolute', left: 0, top: 0, bottom: 0, width: 2, backgroundColor: 'red' }),
    ]);
  });

  it('leaves alone what it cannot draw alike', () => {
    const absolute = div({ border: '1px solid #000' }, [div({ position: 'absolute', top: 0 }, [])]);
    const cases: El[] = [
      div({ border: '1px solid #000', borderRadius: 8 }, []),
      div({ border: '1px dashed #000' }, []),
      div({ border: '1em solid #000' }, []),
      div({ border: '1px solid #000', padding: '1em' }, []),
      div({ border: '1px solid #000' }, ['text of its own']),
      div({ border: '1px solid #000', overflow: 'hidden' }, []),
      div({ border: '1px solid #000', position: 'absolute' }, []),
      absolute,
      div({ border: 'none', padding: 4 }, []),
    ];
    for (const node of cases) expect(squareBorders(node), JSON.stringify(node.props.style)).toEqual(node);
    // A rounded box's children are still rewritten.
    const nested = squareBorders(
      div({ border: '1px solid #000', borderRadius: 4 }, [div({ borderTop: '1px solid #000' }, [])]),
    );
    expect(nested.props.style?.['borderRadius']).toBe(4);
    expect((nested.props.children as El[])[0]?.props.style?.['borderTop']).toBeUndefined();
  });
});

/** A greyscale raster of page 1 of `pdf` at `dpi`, and which of its pixels are dark. */
function raster(pdf: Buffer, dpi: number, threshold: number) {
  const dir = tempFolder('borders-');
  writeFileSync(join(dir, 'f.pdf'), pdf);
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-singlefile', join(dir, 'f.pdf'), join(dir, 'f')]);
  // A binary PGM: "P5\n<width> <height>\n255\n" and a byte a pixel.
  const pgm = readFileSync(join(dir, 'f.pgm'));
  const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1')) ?? [];
  const [width, height] = [Number(w), Number(h)];
  const header = pgm.length - width * height;
  const dark = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < width && y < height && (pgm[header + y * width + x] as number) < threshold;
  return { width, height, dark };
}
type Raster = ReturnType<typeof raster>;

/**
 * The rules of a raster: for each column (or row), its longest dark run if that run is a thin
 * line — the columns three pixels either side are mostly light beside it — and not the edge
 * of a filled box or a stack of glyphs; 0 otherwise.
 */
function rules(img: Raster, vertical: boolean): number[] {
  const [outer, inner] = vertical ? [img.width, img.height] : [img.height, img.width];
  const at = (i: number, j: number) => (vertical ? img.dark(i, j) : img.dark(j, i));
  return Array.from({ length: outer }, (_, i) => {
    let [best, from, run] = [0, 0, 0];
    for (let j = 0; j < inner; j++) {
      run = at(i, j) ? run + 1 : 0;
      if (run > best) [best, from] = [run, j - run + 1];
    }
    const beside = (d: number) => {
      let n = 0;
      for (let j = from; j < from + best; j++) if (at(i + d, j)) n++;
      return n;
    };
    return beside(-3) < best / 2 && beside(3) < best / 2 ? best : 0;
  });
}

describe('the printed PDF keeps its rules at a low resolution', () => {
  // Satori draws a border as a clipped stroke; poppler (Evince, a page overview, a thumbnail)
  // dropped such a 1 pt rule at 50 dpi (the 白黒 label column: 5 % of it drawn; a poster's row
  // rule: none). Drawn as strips, each rule of the page at 150 dpi is there at 50 dpi, within a
  // pixel of its place and most of its length: 79 % at worst, where the next row's white label
  // cell, painted after it, covers part of the pixel row the rule shares with it.
  const data = eventSchema.parse({
    id: 'mochitsuki-asahidai-2026',
    title: 'あさひ台 年末もちつき大会',
    summary: '団地の広場で、きねとうすでもちをつきます。',
    start: '2026-12-27T10:00',
    end: '2026-12-27T12:00',
    place: 'asahidai-shukaijo',
    districts: ['asahidai-danchi'],
    categories: ['food', 'elderly'],
    audience: ['everyone'],
    fee: '無料',
    organizer: 'asahidai-jichikai',
    contact: '0000-12-3471',
  });
  for (const template of ['bw', 'poster'] as const)
    it(`in the ${template} template`, async () => {
      const model = {
        ...buildFlyerModel(
          { collection: 'events', id: 'mochitsuki', data, body: 'きねとうすでもちをつきます。' },
          {
            lookup: new Map(),
            site: { url: 'https://example.jp', siteName: 'つながり', publisher: '社協' },
            today: '2026-12-01',
            t,
          },
        ),
        template,
      };
      const { pdf } = await renderFlyerPdf(model, { root: process.cwd(), fonts });
      // A 1 pt rule is 0.7 px at 50 dpi: anti-aliased, it is a light grey.
      const [fine, coarse] = [raster(pdf, 150, 128), raster(pdf, 50, 216)];
      let count = 0;
      for (const vertical of [true, false]) {
        const [want, got] = [rules(fine, vertical), rules(coarse, vertical)];
        const long = (vertical ? fine.height : fine.width) / 10;
        const found = want.flatMap((length, i) => (length >= long ? [i] : []));
        count += found.length;
        for (const i of found) {
          const j = Math.round(i / 3);
          const near = Math.max(got[j - 1] ?? 0, got[j] ?? 0, got[j + 1] ?? 0);
          expect(near, `${template}: ${vertical ? 'column' : 'row'} ${i} at 150 dpi`).toBeGreaterThanOrEqual(
            ((want[i] as number) / 3) * 0.7,
          );
        }
      }
      expect(count, 'the page has rules').toBeGreaterThan(template === 'bw' ? 10 : 5);
    }, 60_000);
});
