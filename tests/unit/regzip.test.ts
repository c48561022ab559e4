import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { regzip, regzipBundle } from '../../src/lib/search/regzip.ts';
import { removeFixtureCopies, tempFolder } from '../helpers/fixture.ts';

// Text like a Pagefind meta file: many short, partly repeated records.
const content = Buffer.from(
  Array.from({ length: 4000 }, (_, i) => `en_${(i * 2654435761).toString(16).slice(-7)}:${(i * 37) % 500};`).join(''),
);

afterAll(removeFixtureCopies);

describe('regzip', () => {
  it('keeps the content and makes the gzip stream smaller', async () => {
    const written = gzipSync(content, { level: 6 });
    const smaller = await regzip(written);
    expect(smaller.length).toBeLessThan(written.length);
    expect(gunzipSync(smaller).equals(content)).toBe(true);
  });

  it('keeps the input when it cannot do better', async () => {
    const tiny = gzipSync(Buffer.from('a'), { level: 9 });
    const again = await regzip(tiny);
    expect(gunzipSync(again).toString()).toBe('a');
    expect(again.length).toBeLessThanOrEqual(tiny.length);
  });

  it('rewrites only the files every first search fetches whole', async () => {
    const bundle = tempFolder('regzip-');
    const written = gzipSync(content, { level: 1 });
    for (const name of ['pagefind.ja_0123456789.pf_meta', 'wasm.unknown.pagefind', 'pagefind.js'])
      writeFileSync(join(bundle, name), written);
    await regzipBundle(bundle);
    for (const name of ['pagefind.ja_0123456789.pf_meta', 'wasm.unknown.pagefind']) {
      const now = readFileSync(join(bundle, name));
      expect(now.length).toBeLessThan(written.length);
      expect(gunzipSync(now).equals(content)).toBe(true);
    }
    expect(readFileSync(join(bundle, 'pagefind.js')).equals(written)).toBe(true);
  });

  it('keeps the WASM, the same in every build, in the cache folder', async () => {
    const [first, second, cache] = ['a', 'b', 'cache'].map((n) => tempFolder(`regzip-${n}-`));
    const written = gzipSync(content, { level: 1 });
    for (const bundle of [first, second]) writeFileSync(join(bundle!, 'wasm.unknown.pagefind'), written);
    await regzipBundle(first!, cache);
    const kept = readdirSync(cache!);
    expect(kept).toHaveLength(1);
    // The second bundle gets the kept file, not one made again: mark it to tell them apart.
    const marked = gzipSync(content, { level: 9 });
    writeFileSync(join(cache!, kept[0]!), marked);
    await regzipBundle(second!, cache);
    expect(readFileSync(join(second!, 'wasm.unknown.pagefind')).equals(marked)).toBe(true);
  });
});
