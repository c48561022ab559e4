/**
 * src/lib/search/keyed-store.ts: search documents with their keys, kept between builds under the
 * code and the site's readings that made them; a changed document is made again, and what a
 * build did not ask for is not kept.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskKeyedStore, keyedStoreKey } from '../../src/lib/search/keyed-store.ts';
import { removeFixtureCopies, tempFolder } from '../helpers/fixture.ts';

afterAll(removeFixtureCopies);

const key = keyedStoreKey('code-1', [{ word: '緑野', reading: 'みどりの' }]);
const salon = '<h1>歌声サロン</h1>';
const event = '<h1>餅つき大会</h1>';
const file = (root: string) => join(root, '.cache', 'search', 'keyed.v8');
/** Its keyed form from the store, or undefined when the store has none (nothing is made). */
const kept = async (store: ReturnType<typeof diskKeyedStore>, html: string) => {
  let made = false;
  const keyed = await store.keyed(html, async () => ((made = true), 'made'));
  return made ? undefined : keyed;
};
/** Keeps `keyed` as the form of `html`, made this run. */
const make = (store: ReturnType<typeof diskKeyedStore>, html: string, keyed: string) =>
  store.keyed(html, async () => keyed);

describe('the keyed documents store', () => {
  it('gives back what an earlier build made, by the document’s HTML', async () => {
    const root = tempFolder('tsunagari-keyed-');
    const first = diskKeyedStore(root, key);
    expect(await make(first, salon, '<h1> 歌声 サロン qqkey </h1>')).toBe('<h1> 歌声 サロン qqkey </h1>');
    expect(first.counts).toEqual({ kept: 0, made: 1 });
    first.save();
    const second = diskKeyedStore(root, key);
    expect(await kept(second, salon)).toBe('<h1> 歌声 サロン qqkey </h1>');
    expect(second.counts).toEqual({ kept: 1, made: 0 });
    expect(await kept(second, event)).toBeUndefined();
  });

  it('is not read under other code or other site readings', async () => {
    const root = tempFolder('tsunagari-keyed-');
    const store = diskKeyedStore(root, key);
    await make(store, salon, 'keyed');
    store.save();
    const otherCode = keyedStoreKey('code-2', [{ word: '緑野', reading: 'みどりの' }]);
    expect(await kept(diskKeyedStore(root, otherCode), salon)).toBeUndefined();
    expect(await kept(diskKeyedStore(root, keyedStoreKey('code-1', [])), salon)).toBeUndefined();
    expect(await kept(diskKeyedStore(root, key), salon)).toBe('keyed');
  });

  it('keeps only what this build asked for, and writes nothing when that is what it read', async () => {
    const root = tempFolder('tsunagari-keyed-');
    const first = diskKeyedStore(root, key);
    await make(first, salon, 'salon keyed');
    await make(first, event, 'event keyed');
    first.save();
    // The event was deleted: the next build asks for the salon only.
    const second = diskKeyedStore(root, key);
    expect(await kept(second, salon)).toBe('salon keyed');
    second.save();
    const third = diskKeyedStore(root, key);
    expect(await kept(third, salon)).toBe('salon keyed');
    const written = statSync(file(root)).mtimeMs;
    third.save();
    expect(statSync(file(root)).mtimeMs).toBe(written);
    // The event is gone from the file: asked for again, it is made.
    expect(await kept(diskKeyedStore(root, key), event)).toBeUndefined();
  });

  it('starts empty without a file, or with one it cannot read', async () => {
    const root = tempFolder('tsunagari-keyed-');
    expect(await kept(diskKeyedStore(root, key), salon)).toBeUndefined();
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(root, '.cache', 'search'), { recursive: true });
    writeFileSync(file(root), 'not a store');
    const store = diskKeyedStore(root, key);
    expect(await make(store, salon, 'keyed')).toBe('keyed');
    expect(store.counts).toEqual({ kept: 0, made: 1 });
    store.save();
    expect(existsSync(file(root))).toBe(true);
    expect(await kept(diskKeyedStore(root, key), salon)).toBe('keyed');
  });
});
