/**
 * The fast font subsets (src/flyers/subset.ts) write the same bytes as fontkit's own
 * `TTFSubset.encode()`, for every font family the printed documents embed: glyph sets made of
 * text, of random glyphs (compound glyphs included, where a font has them) and one subset
 * encoded twice, as PDFKit's fonts may be.
 */
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontFiles } from '../../src/flyers/fonts.ts';
import { useFastSubsets } from '../../src/flyers/subset.ts';
import { FONT_FAMILY_IDS } from '../../src/lib/flyer-fonts.ts';

const TEXTS = [
  '地域の支え合いサロン　毎月第２水曜日 午前10時から 公民館 参加費無料',
  'Café Việt Nam — naïve façade, Ωmega ﬁ ½ №',
  '我们的社区 우리 마을 सामुदायिक 🍵☕',
];

/** A seeded sequence, so a failure names a glyph set that can be made again. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/** fontkit's subset as it is (its types take glyph objects and hide the glyph list). */
interface Subset {
  glyphs: number[];
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}
const subsetOf = (font: fontkit.Font) => font.createSubset() as unknown as Subset;

const files = FONT_FAMILY_IDS.flatMap((id) => fontFiles([id]));

describe('fast font subsets', () => {
  it('has the fonts to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of files) {
    it(`writes fontkit's bytes: ${file.name} ${file.weight}`, () => {
      const plain = fontkit.create(file.data) as fontkit.Font;
      const fast = fontkit.create(file.data) as fontkit.Font;
      // Every family here is TrueType: a font the fast path declined would test nothing.
      expect(useFastSubsets(fast)).toBe(true);
      const next = random(file.data.length + file.weight);
      const sets: number[][] = TEXTS.map((text) => plain.layout(text).glyphs.map((g) => g.id));
      for (let n = 0; n < 8; n++)
        sets.push(Array.from({ length: 1 + Math.floor(next() * 300) }, () => Math.floor(next() * plain.numGlyphs)));
      for (const gids of sets) {
        const a = subsetOf(plain);
        const b = subsetOf(fast);
        for (const gid of gids) expect(b.includeGlyph(gid)).toBe(a.includeGlyph(gid));
        const expected = a.encode();
        expect(Buffer.from(b.encode()).equals(Buffer.from(expected))).toBe(true);
        // Encoded again (one subset, two ends): the same bytes, nothing added twice.
        expect(Buffer.from(b.encode()).equals(Buffer.from(expected))).toBe(true);
      }
    });
  }

  it("adds a compound glyph's parts as fontkit does (Noto Sans: Vietnamese letters)", () => {
    const file = fontFiles(['noto-sans'])[0]!;
    const plain = fontkit.create(file.data) as fontkit.Font;
    const fast = fontkit.create(file.data) as fontkit.Font;
    useFastSubsets(fast);
    const gids = plain.layout('Việt Nam ợ ẫ').glyphs.map((g) => g.id);
    const a = subsetOf(plain);
    const b = subsetOf(fast);
    for (const gid of gids) {
      a.includeGlyph(gid);
      b.includeGlyph(gid);
    }
    const expected = a.encode();
    // The compound letters brought their parts in: more glyphs than were asked for.
    expect(a.glyphs.length).toBeGreaterThan(new Set([0, ...gids]).size);
    expect(Buffer.from(b.encode()).equals(Buffer.from(expected))).toBe(true);
    expect(b.glyphs).toEqual(a.glyphs);
  });
});
