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

describe('the keyed documents store', () => {
  it('gives back what an earlier build made, by the document’s HTML', () => {
    const root = tempFolder('tsunagari-keyed-');
    const first = diskKeyedStore(root, key);
    expect(first.get(salon)).toBeUndefined();
    expect(first.set(salon, '<h1> 歌声 サロン qqkey </h1>')).toBe('<h1> 歌声 サロン qqkey </h1>');
    first.save();
    const second = diskKeyedStore(root, key);
    expect(second.get(salon)).toBe('<h1> 歌声 サロン qqkey </h1>');
    expect(second.get(event)).toBeUndefined();
    expect(second.counts).toEqual({ kept: 1, made: 0 });
  });

  it('is not read under other code or other site readings', () => {
    const root = tempFolder('tsunagari-keyed-');
    const store = diskKeyedStore(root, key);
    store.set(salon, 'keyed');
    store.save();
    expect(diskKeyedStore(root, keyedStoreKey('code-2', [{ word: '緑野', reading: 'みどりの' }])).get(salon)).toBe(
      undefined,
    );
    expect(diskKeyedStore(root, keyedStoreKey('code-1', [])).get(salon)).toBeUndefined();
    expect(diskKeyedStore(root, key).get(salon)).toBe('keyed');
  });

  it('keeps only what this build asked for, and writes nothing when that is what it read', () => {
    const root = tempFolder('tsunagari-keyed-');
    const first = diskKeyedStore(root, key);
    first.set(salon, 'salon keyed');
    first.set(event, 'event keyed');
    first.save();
    // The event was deleted: the next build asks for the salon only.
    const second = diskKeyedStore(root, key);
    expect(second.get(salon)).toBe('salon keyed');
    second.save();
    const third = diskKeyedStore(root, key);
    expect(third.get(event)).toBeUndefined();
    expect(third.get(salon)).toBe('salon keyed');
    const written = statSync(file(root)).mtimeMs;
    third.save();
    expect(statSync(file(root)).mtimeMs).toBe(written);
  });

  it('starts empty without a file, or with one it cannot read', async () => {
    const root = tempFolder('tsunagari-keyed-');
    expect(diskKeyedStore(root, key).get(salon)).toBeUndefined();
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(root, '.cache', 'search'), { recursive: true });
    writeFileSync(file(root), 'not a store');
    const store = diskKeyedStore(root, key);
    expect(store.get(salon)).toBeUndefined();
    store.set(salon, 'keyed');
    store.save();
    expect(existsSync(file(root))).toBe(true);
    expect(diskKeyedStore(root, key).get(salon)).toBe('keyed');
  });
});
