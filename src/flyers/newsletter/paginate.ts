/**
 * Pagination of a newsletter's print edition: blocks of known height (layout.ts: lines of fixed
 * height, rules as Satori lays them out, pictures of a given size) placed greedily on pages of a fixed content height, so nothing is ever cut
 * or drawn over something else. A block that does not fit on what is left of a page moves to
 * the next one; a heading stays with what follows it; a table splits between rows and each
 * continuation repeats the table's header row. Pure: heights in, pieces per page out.
 */

export interface PlainBlock {
  id: string;
  height: number;
  /** A heading: moved to the next page unless the start of the next block fits under it. */
  keepWithNext?: boolean;
}

export interface TableBlock {
  id: string;
  /** The header row, printed above the rows on every page the table reaches. */
  head: number;
  rows: readonly number[];
  /** Rows that must stand under the header before a page break (a lone row reads badly). */
  minRows?: number;
}

export type PageBlock = PlainBlock | TableBlock;

export interface Piece {
  id: string;
  /** For a table: the rows [from, to) on this page. */
  rows?: [number, number];
  /** True on the pages after a table's first: its header is repeated there. */
  continued?: boolean;
}

export interface Pagination {
  pages: Piece[][];
  /** Blocks taller than a whole page (placed alone; the layout must shorten them). */
  tooTall: string[];
}

const isTable = (block: PageBlock): block is TableBlock => 'rows' in block;

/** The height a block needs before it can start on a page: a table's header and first rows. */
function startHeight(block: PageBlock): number {
  if (!isTable(block)) return block.height;
  const first = block.rows.slice(0, Math.max(1, block.minRows ?? 1));
  return block.head + first.reduce((a, b) => a + b, 0);
}

/** Places `blocks` in order on pages `capacity` high, `gap` between blocks on a page. */
export function paginate(blocks: readonly PageBlock[], capacity: number, gap: number): Pagination {
  const pages: Piece[][] = [[]];
  const tooTall: string[] = [];
  let used = 0;
  const page = () => pages[pages.length - 1] as Piece[];
  const newPage = () => {
    pages.push([]);
    used = 0;
  };
  /** What is left of the page for the next block, its gap taken. */
  const room = () => capacity - used - (page().length ? gap : 0);
  const put = (piece: Piece, height: number) => {
    used += (page().length ? gap : 0) + height;
    page().push(piece);
  };

  blocks.forEach((block, i) => {
    if (isTable(block)) {
      let from = 0;
      let continued = false;
      const minRows = Math.max(1, block.minRows ?? 1);
      while (from < block.rows.length) {
        const available = room();
        let height = block.head;
        let to = from;
        while (to < block.rows.length && height + (block.rows[to] as number) <= available) {
          height += block.rows[to] as number;
          to++;
        }
        // No lone rows at a table's end either: leave at least minRows for the next page.
        const after = block.rows.length - to;
        if (after > 0 && after < minRows && to - from > minRows) {
          const back = Math.min(minRows - after, to - from - minRows);
          for (let k = 0; k < back; k++) height -= block.rows[--to] as number;
        }
        const rowsLeft = block.rows.length - from;
        const enough = to - from >= Math.min(minRows, rowsLeft);
        if (!enough && page().length) {
          newPage();
          continue;
        }
        if (to === from) {
          // One row taller than an empty page: placed alone rather than lost.
          tooTall.push(`${block.id}#${from}`);
          height += block.rows[from] as number;
          to = from + 1;
        }
        put({ id: block.id, rows: [from, to], ...(continued ? { continued: true } : {}) }, height);
        from = to;
        continued = true;
        if (from < block.rows.length) newPage();
      }
      return;
    }
    const next = blocks[i + 1];
    const need = block.height + (block.keepWithNext && next ? gap + startHeight(next) : 0);
    if (page().length && need > room()) newPage();
    if (block.height > capacity) tooTall.push(block.id);
    put({ id: block.id }, block.height);
  });
  if (!page().length && pages.length > 1) pages.pop();
  return { pages, tooTall };
}
