/**
 * src/lib/page-keys.ts: what a page's key changes with. An entry page's key changes with its own
 * file, its translations and any front matter; a list's with any front matter but not a body;
 * the bodies' key with every file; all of them with the build's base (code, day, environment,
 * media).
 */
import { describe, expect, it } from 'vitest';
import { makePageKeys, pageKeyBase, type KeyedFile, type PageKeyBase } from '../../src/lib/page-keys.ts';

const salon: KeyedFile = { collection: 'salons', id: 'hidamari', data: { title: 'ひだまり' }, digest: 'd1' };
const event: KeyedFile = { collection: 'events', id: 'bousai', data: { title: '防災訓練' }, digest: 'd2' };
const english: KeyedFile = {
  collection: 'translations',
  id: 'salons/hidamari/en',
  data: { collection: 'salons', entry: 'hidamari', locale: 'en', data: { title: 'Hidamari' } },
  digest: 'd3',
};
const entryOf = (file: KeyedFile) => {
  if (file.collection !== 'translations') return undefined;
  const { collection, entry } = file.data as { collection: string; entry: string };
  return `${collection}/${entry}`;
};
const keys = (files: KeyedFile[], base = 'base') => makePageKeys(base, files, entryOf);

describe('page keys', () => {
  const before = keys([salon, event, english]);

  it('are the same for the same files in any order', () => {
    const again = keys([english, event, salon]);
    expect(again.front).toBe(before.front);
    expect(again.all).toBe(before.all);
    expect(again.entry('salons', 'hidamari')).toBe(before.entry('salons', 'hidamari'));
  });

  it('change only the edited entry’s page (and the bodies’ key) when a body changes', () => {
    const after = keys([{ ...salon, digest: 'd1b' }, event, english]);
    expect(after.entry('salons', 'hidamari')).not.toBe(before.entry('salons', 'hidamari'));
    expect(after.entry('events', 'bousai')).toBe(before.entry('events', 'bousai'));
    expect(after.front).toBe(before.front);
    expect(after.all).not.toBe(before.all);
  });

  it('change an entry’s page when its translation changes, not another’s', () => {
    const after = keys([salon, event, { ...english, digest: 'd3b' }]);
    expect(after.entry('salons', 'hidamari')).not.toBe(before.entry('salons', 'hidamari'));
    expect(after.entry('events', 'bousai')).toBe(before.entry('events', 'bousai'));
  });

  it('change every page when any front matter changes, an entry is added or one is removed', () => {
    for (const after of [
      keys([{ ...salon, data: { title: 'ひだまりサロン' } }, event, english]),
      keys([salon, event, english, { collection: 'reports', id: 'r', data: {}, digest: 'd4' }]),
      keys([salon, english]),
    ]) {
      expect(after.front).not.toBe(before.front);
      expect(after.all).not.toBe(before.all);
      expect(after.entry('salons', 'hidamari')).not.toBe(before.entry('salons', 'hidamari'));
    }
  });

  it('change every page with the build’s base', () => {
    const after = keys([salon, event, english], 'other base');
    expect(after.front).not.toBe(before.front);
    expect(after.entry('events', 'bousai')).not.toBe(before.entry('events', 'bousai'));
  });

  it('key a file without a digest on its data', () => {
    const plain = { ...salon, digest: undefined };
    expect(keys([{ ...plain, data: { title: 'a' } }]).all).not.toBe(keys([{ ...plain, data: { title: 'b' } }]).all);
  });
});

describe('the build’s base', () => {
  const base: PageKeyBase = {
    code: 'c',
    days: ['2026-12-06', '2026-12-06'],
    env: { SITE_URL: 'https://example.jp', FLYERS_SKIP: undefined },
    media: ['a.jpg\u0000100\u00001', 'b.jpg\u0000200\u00002'],
  };

  it('is the same for the same inputs, media in any order', () => {
    expect(pageKeyBase({ ...base, media: [...base.media].reverse() })).toBe(pageKeyBase(base));
  });

  it('changes with the code, the Japan day, a setting of the environment and a media file', () => {
    const key = pageKeyBase(base);
    expect(pageKeyBase({ ...base, code: 'c2' })).not.toBe(key);
    expect(pageKeyBase({ ...base, days: ['2026-12-07', '2026-12-07'] })).not.toBe(key);
    expect(pageKeyBase({ ...base, env: { ...base.env, FLYERS_SKIP: '1' } })).not.toBe(key);
    expect(pageKeyBase({ ...base, media: ['a.jpg\u0000101\u00001', 'b.jpg\u0000200\u00002'] })).not.toBe(key);
  });
});
