import { describe, expect, it } from 'vitest';
import { paginate, type PageBlock } from '../../src/flyers/newsletter/paginate.ts';

/** Every page's used height, from the blocks and the pieces placed. */
function heights(blocks: readonly PageBlock[], pages: ReturnType<typeof paginate>['pages'], gap: number): number[] {
  const byId = new Map(blocks.map((b) => [b.id, b]));
  return pages.map((page) =>
    page.reduce((sum, piece, i) => {
      const block = byId.get(piece.id) as PageBlock;
      const h =
        'rows' in block && piece.rows
          ? block.head + block.rows.slice(piece.rows[0], piece.rows[1]).reduce((a, b) => a + b, 0)
          : (block as { height: number }).height;
      return sum + h + (i ? gap : 0);
    }, 0),
  );
}

describe('newsletter pagination', () => {
  it('keeps blocks whole and moves the one that does not fit to the next page', () => {
    const blocks = [
      { id: 'a', height: 60 },
      { id: 'b', height: 30 },
      { id: 'c', height: 50 },
    ];
    const { pages, tooTall } = paginate(blocks, 100, 5);
    expect(pages).toEqual([[{ id: 'a' }, { id: 'b' }], [{ id: 'c' }]]);
    expect(tooTall).toEqual([]);
    for (const h of heights(blocks, pages, 5)) expect(h).toBeLessThanOrEqual(100);
  });

  it('moves a heading with the block under it', () => {
    const { pages } = paginate(
      [
        { id: 'a', height: 70 },
        { id: 'h', height: 10, keepWithNext: true },
        { id: 'b', height: 30 },
      ],
      100,
      0,
    );
    expect(pages).toEqual([[{ id: 'a' }], [{ id: 'h' }, { id: 'b' }]]);
  });

  it('splits a long table between rows and repeats its header on the next page', () => {
    const table = { id: 't', head: 10, rows: Array.from({ length: 20 }, () => 10), minRows: 2 };
    const blocks = [{ id: 'a', height: 40 }, table];
    const { pages } = paginate(blocks, 100, 0);
    // 40 + header 10 + 5 rows on the first page; header again + 9 rows, then the rest.
    expect(pages).toEqual([
      [{ id: 'a' }, { id: 't', rows: [0, 5] }],
      [{ id: 't', rows: [5, 14], continued: true }],
      [{ id: 't', rows: [14, 20], continued: true }],
    ]);
    for (const h of heights(blocks, pages, 0)) expect(h).toBeLessThanOrEqual(100);
  });

  it('starts a table on a new page rather than leave fewer than its minimum rows', () => {
    const { pages } = paginate(
      [
        { id: 'a', height: 75 },
        { id: 't', head: 10, rows: [10, 10, 10], minRows: 2 },
      ],
      100,
      0,
    );
    expect(pages).toEqual([[{ id: 'a' }], [{ id: 't', rows: [0, 3] }]]);
  });

  it('leaves no lone row at the end of a table: at least its minimum goes on with the header', () => {
    // 9 rows would fit on the first page; the 10th alone would follow, so two move on together.
    const { pages } = paginate([{ id: 't', head: 10, rows: Array.from({ length: 10 }, () => 10), minRows: 2 }], 100, 0);
    expect(pages).toEqual([[{ id: 't', rows: [0, 8] }], [{ id: 't', rows: [8, 10], continued: true }]]);
  });

  it('places a block taller than a page alone and reports it', () => {
    const { pages, tooTall } = paginate(
      [
        { id: 'a', height: 10 },
        { id: 'big', height: 150 },
        { id: 'c', height: 10 },
      ],
      100,
      0,
    );
    expect(pages).toEqual([[{ id: 'a' }], [{ id: 'big' }], [{ id: 'c' }]]);
    expect(tooTall).toEqual(['big']);
  });
});
