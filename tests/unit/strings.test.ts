import { setFlagsFromString, getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detached } from '../../src/lib/strings.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after a full collection, with `keep` (texts cut out of a page) still held. */
function heldBy(cut: (page: string) => string): number {
  const before = (gc(), getHeapStatistics().used_heap_size);
  // One "page" of 20 MB (a two-byte string: Japanese) and a hundred short texts cut out of it.
  let page: string | undefined = 'ふりがな'.repeat(2_500_000) + String(Math.random());
  const keep = Array.from({ length: 100 }, (_, i) => cut(page!.slice(i * 1000, i * 1000 + 40)));
  page = undefined;
  gc();
  const held = getHeapStatistics().used_heap_size - before;
  expect(keep.every((text) => text.length === 40)).toBe(true);
  return held;
}

describe('detached', () => {
  it('is the same text', () => {
    const page = '<p>地域の見守り活動に参加しませんか</p>'.repeat(10);
    expect(detached(page.slice(3, 30))).toBe(page.slice(3, 30));
    expect(detached('')).toBe('');
  });

  it('lets the page a text was cut from go, where a plain slice keeps it', () => {
    // A slice keeps its 20 MB page alive; detached copies hold ~100 × 40 characters.
    expect(heldBy((text) => text)).toBeGreaterThan(15_000_000);
    expect(heldBy(detached)).toBeLessThan(1_000_000);
  });
});
