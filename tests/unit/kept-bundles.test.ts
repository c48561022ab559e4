/**
 * src/lib/search/kept-bundles.ts: a search bundle part is taken from the last build only under
 * the key it was kept with, whole, and writing a taken file afterwards (by replacing it) never
 * changes the kept copy.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bundleKey,
  jobKey,
  keepBundle,
  keepSearch,
  listFurtherParts,
  takeKeptBundle,
  takeKeptSearch,
  type WrittenPart,
} from '../../src/lib/search/kept-bundles.ts';
import { replaceFile } from '../../src/lib/replace-file.ts';
import { removeFixtureCopies, tempFolder } from '../helpers/fixture.ts';

afterAll(removeFixtureCopies);

/** A small bundle as Pagefind leaves it: an entry file and files in folders. */
function writeBundle(out: string, text: string) {
  mkdirSync(join(out, 'fragment'), { recursive: true });
  writeFileSync(join(out, 'pagefind-entry.json'), `{"version":"1","text":"${text}"}`);
  writeFileSync(join(out, 'fragment', 'ja_1.pf_fragment'), text);
}

describe('kept search bundles', () => {
  const documents = new TextEncoder().encode('サロン');

  it('key on the code, the way of writing and the documents', () => {
    const key = bundleKey('code', 'regzip', documents);
    expect(bundleKey('code', 'regzip', new TextEncoder().encode('サロン'))).toBe(key);
    expect(bundleKey('code2', 'regzip', documents)).not.toBe(key);
    expect(bundleKey('code', 'plain', documents)).not.toBe(key);
    expect(bundleKey('code', 'regzip', new TextEncoder().encode('サロン会'))).not.toBe(key);
  });

  it('give back the part kept under the same key, and only that', () => {
    const dir = tempFolder('tsunagari-kept-bundles-');
    const cache = join(dir, 'cache');
    writeBundle(join(dir, 'first', 'pagefind'), 'いきいきサロン');
    keepBundle(cache, 'pagefind', 'k1', join(dir, 'first', 'pagefind'));

    const out = join(dir, 'second', 'pagefind');
    expect(takeKeptBundle(cache, 'pagefind', 'k2', out)).toBe(false);
    expect(existsSync(out)).toBe(false);
    expect(takeKeptBundle(cache, 'pagefind-past', 'k1', out)).toBe(false);
    expect(takeKeptBundle(cache, 'pagefind', 'k1', out)).toBe(true);
    expect(readFileSync(join(out, 'fragment', 'ja_1.pf_fragment'), 'utf8')).toBe('いきいきサロン');
    expect(existsSync(join(out, '.key'))).toBe(false);

    // The build rewrites an entry file it took (its further parts): the kept one stays as it was.
    replaceFile(join(out, 'pagefind-entry.json'), '{"version":"1","changed":true}');
    const third = join(dir, 'third', 'pagefind');
    expect(takeKeptBundle(cache, 'pagefind', 'k1', third)).toBe(true);
    expect(readFileSync(join(third, 'pagefind-entry.json'), 'utf8')).toContain('いきいきサロン');
    // Linked, not copied (same file system).
    expect(statSync(join(third, 'fragment', 'ja_1.pf_fragment')).nlink).toBeGreaterThan(1);
  });

  it('write the part again when its kept copy lost a file, or was left without its key', () => {
    const dir = tempFolder('tsunagari-kept-bundles-');
    const cache = join(dir, 'cache');
    writeBundle(join(dir, 'first', 'pagefind'), '見守り');
    keepBundle(cache, 'pagefind', 'k1', join(dir, 'first', 'pagefind'));
    rmSync(join(cache, 'pagefind', '.key'));
    expect(takeKeptBundle(cache, 'pagefind', 'k1', join(dir, 'out1'))).toBe(false);

    keepBundle(cache, 'pagefind', 'k1', join(dir, 'first', 'pagefind'));
    rmSync(join(cache, 'pagefind', 'fragment'), { recursive: true });
    const out = join(dir, 'out2');
    expect(takeKeptBundle(cache, 'pagefind', 'k1', out)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a whole search kept between builds', () => {
  /** Two parts of the current bundle and one of the past, written and kept as a build leaves them. */
  function build(dir: string, cache: string): WrittenPart[] {
    const parts: WrittenPart[] = [
      { bundle: 'current', folder: 'pagefind', key: 'c1' },
      { bundle: 'current', folder: 'pagefind-2', key: 'c2' },
      { bundle: 'past', folder: 'pagefind-past', key: 'p1' },
    ];
    for (const { folder, key } of parts) {
      writeBundle(join(dir, folder), folder);
      writeFileSync(join(dir, folder, 'pagefind-entry.json'), `{"version":"1","languages":{"ja":{}}}`);
      keepBundle(cache, folder, key, join(dir, folder));
    }
    listFurtherParts(dir, parts);
    return parts;
  }

  it("lists each bundle's further parts in its first part's entry file, leaving the kept copy as it was", () => {
    const dir = tempFolder('tsunagari-kept-search-');
    const cache = join(dir, 'cache');
    build(join(dir, 'out'), cache);
    const entry = JSON.parse(readFileSync(join(dir, 'out', 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(entry.tsunagari.shards).toEqual([{ bundle: '../pagefind-2/', languages: ['ja'] }]);
    expect(readFileSync(join(dir, 'out', 'pagefind-past', 'pagefind-entry.json'), 'utf8')).not.toContain('tsunagari');
    expect(readFileSync(join(cache, 'pagefind', 'pagefind-entry.json'), 'utf8')).not.toContain('tsunagari');
  });

  it("is taken whole under its job's key, with the further parts listed, and only then", () => {
    const dir = tempFolder('tsunagari-kept-search-');
    const cache = join(dir, 'cache');
    const parts = build(join(dir, 'first'), cache);
    const key = jobKey('job', 'env');
    expect(jobKey('job', 'env2')).not.toBe(key);
    expect(jobKey('job2', 'env')).not.toBe(key);
    keepSearch(cache, { key, parts, urls: ['/salons/a/'], pastPages: 0 });

    expect(takeKeptSearch(cache, 'another', join(dir, 'other'))).toBeUndefined();
    expect(existsSync(join(dir, 'other'))).toBe(false);
    const out = join(dir, 'second');
    expect(takeKeptSearch(cache, key, out)?.urls).toEqual(['/salons/a/']);
    const entry = JSON.parse(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(entry.tsunagari.shards).toEqual([{ bundle: '../pagefind-2/', languages: ['ja'] }]);
    expect(readFileSync(join(out, 'pagefind-past', 'fragment', 'ja_1.pf_fragment'), 'utf8')).toBe('pagefind-past');
  });

  it('is not taken when one of its parts was written again since (another key), and leaves no part behind', () => {
    const dir = tempFolder('tsunagari-kept-search-');
    const cache = join(dir, 'cache');
    const parts = build(join(dir, 'first'), cache);
    keepSearch(cache, { key: 'k', parts, urls: [], pastPages: 0 });
    // A later build wrote the past part anew (an event moved to the past) and stopped before its own record.
    writeBundle(join(dir, 'later', 'pagefind-past'), 'later');
    keepBundle(cache, 'pagefind-past', 'p2', join(dir, 'later', 'pagefind-past'));
    const out = join(dir, 'second');
    expect(takeKeptSearch(cache, 'k', out)).toBeUndefined();
    expect(existsSync(join(out, 'pagefind'))).toBe(false);
    expect(existsSync(join(out, 'pagefind-2'))).toBe(false);
  });
});
