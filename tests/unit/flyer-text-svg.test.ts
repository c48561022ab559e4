/**
 * The lines' texts written after Satori (src/flyers/text-svg.ts): every sample flyer's sheets,
 * in every printing choice (the large print with ふりがな included) and the share images, give
 * the SVG Satori gives when it sets the texts itself — character for character, at the same
 * places — except a line wholly below the sheet, which is not drawn at all now (Satori wrote its
 * text off the page). And what the module leaves to Satori: a character the face lacks, spaces
 * Satori would collapse, a translation's lines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import satori, { type SatoriOptions } from 'satori';
import { afterAll, describe, expect, it } from 'vitest';
import { planFlyers } from '../../src/flyers/build.ts';
import { loadFonts, type FlyerFonts } from '../../src/flyers/fonts.ts';
import { squareBorders } from '../../src/flyers/layout/borders.ts';
import { lines, type El, type Layout } from '../../src/flyers/layout/elements.ts';
import { ogLayout } from '../../src/flyers/layout/share.ts';
import { sheetLayout } from '../../src/flyers/layout/sheet.ts';
import { loadFlyerContent } from '../../src/flyers/load.ts';
import { RUBY_CHOICE } from '../../src/flyers/paths.ts';
import { withReadings } from '../../src/flyers/readings.ts';
import { compactSvg, fontsFor } from '../../src/flyers/render.ts';
import { placeLines, satoriPieces, writeLines } from '../../src/flyers/text-svg.ts';
import { textsLeftBelow } from '../helpers/svg.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const outDir = mkdtempSync(join(tmpdir(), 'tsunagari-text-svg-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const withFamily = (element: El, fonts: FlyerFonts): El => {
  const drawn = squareBorders(element);
  return { ...drawn, props: { ...drawn.props, style: { ...drawn.props.style, fontFamily: fonts.family } } };
};
const optionsOf = (layout: Pick<Layout, 'width' | 'height'>, fonts: FlyerFonts): SatoriOptions => ({
  width: layout.width,
  height: layout.height,
  fonts: fonts.fonts,
  embedFont: false,
});
const bySatori = async (element: El, layout: Pick<Layout, 'width' | 'height'>, fonts: FlyerFonts) =>
  compactSvg(await satori(element as unknown as Parameters<typeof satori>[0], optionsOf(layout, fonts)));
const afterSatori = async (element: El, layout: Pick<Layout, 'width' | 'height'>, fonts: FlyerFonts) => {
  const placed = placeLines(element, fonts);
  const svg = await satori(placed.element as unknown as Parameters<typeof satori>[0], optionsOf(layout, fonts));
  return { svg: compactSvg(await writeLines(svg, placed, fonts)), placed: placed.lines.length };
};

describe('the lines of a flyer written after Satori', () => {
  it('give every sample sheet and share image the SVG Satori gives, but for lines below the sheet', async () => {
    const plan = planFlyers(loadFlyerContent(ROOT), {
      root: ROOT,
      outDir,
      today: '2026-11-23',
      log: () => {},
      warn: () => {},
    });
    let sheets = 0;
    let placed = 0;
    let below = 0;
    for (const job of plan.todo) {
      const model = job.choice === RUBY_CHOICE ? await withReadings(job.model, plan.rubyOverrides ?? []) : job.model;
      const fonts = fontsFor(model);
      const layouts = [sheetLayout(model, fonts.measure), ...(job.alternative ? [] : [ogLayout(model, fonts.measure)])];
      for (const layout of layouts) {
        const element = withFamily(layout.element, fonts);
        const before = await bySatori(element, layout, fonts);
        const after = await afterSatori(element, layout, fonts);
        sheets++;
        placed += after.placed;
        if (after.svg === before) continue;
        // Only texts whose line lies wholly below the sheet may be missing, and nothing else differs.
        expect(textsLeftBelow(before, after.svg, layout.height, `${job.name} ${job.choice ?? ''}`)).toBeGreaterThan(0);
        below++;
      }
    }
    // The sample's Japanese flyers in every choice and their share images, and its translations.
    expect(sheets).toBeGreaterThan(250);
    expect(placed).toBeGreaterThan(5000);
    expect(below).toBeLessThan(5);
  }, 180_000);

  it('leaves to Satori a character the face lacks, spaces it would collapse, and translations', async () => {
    const fonts = loadFonts();
    const layout = { width: 400, height: 200 };
    const block = lines(['ゴミ出し🍙の日', '  両端に空白  ', '公民館で会いましょう'], 20, { color: '#1a1a1a' });
    const element = withFamily(
      { type: 'div', props: { style: { display: 'flex', ...layout }, children: block.el } },
      fonts,
    );
    const placed = placeLines(element, fonts);
    // Only the third line: the emoji is in no face measure counts, the second has spaces at its ends.
    expect(placed.lines).toHaveLength(1);
    expect(placed.lines[0]?.pieces.map((p) => p.text).join('')).toBe('公民館で会いましょう');
    const english = loadFonts(['noto-sans', 'biz-udpgothic', 'noto-sans-jp', 'noto-emoji']);
    expect(placeLines(withFamily(element, english), english).lines).toHaveLength(0);
  });

  it('cuts a line into the pieces Satori writes', () => {
    expect(satoriPieces('回覧板')).toEqual(['回', '覧', '板']);
    // No line starts with a small kana or ー: Satori keeps them with the character before.
    expect(satoriPieces('パーティ')).toEqual(['パー', 'ティ']);
    expect(satoriPieces('Hello, world')).toEqual(['Hello', ',', ' ', 'world']);
    expect(satoriPieces('12月19日(土)')).toEqual(['12', '月', '19', '日', '(', '土', ')']);
  });
});
