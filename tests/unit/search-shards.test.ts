import { describe, expect, it } from 'vitest';
import { shardSizeOf } from '../../src/integrations/search-index.ts';
import {
  BUNDLE_FOLDER,
  bundleOfFolder,
  entryLanguages,
  planShards,
  shardFolder,
  withShards,
  type ShardedDocument,
} from '../../src/lib/search/shards.ts';

const doc = (url: string, date: string | undefined, bundle: 'current' | 'past' = 'current', lang = 'jpx') =>
  ({ url, date, bundle, lang }) satisfies ShardedDocument;

describe('the parts of a search bundle', () => {
  it('keeps a town of up to the size in one part per bundle, in the bundles’ own folders', () => {
    const plan = planShards([doc('/events/a/', '2027-01-01'), doc('/reports/b/', '2025-01-01', 'past')], 5);
    expect(plan.map((s) => [s.bundle, s.folder, s.documents.map((d) => d.url)])).toEqual([
      ['current', 'pagefind', ['/events/a/']],
      ['past', 'pagefind-past', ['/reports/b/']],
    ]);
    expect(planShards([doc('/a/', undefined)], 5).map((s) => s.folder)).toEqual(['pagefind']);
    expect(planShards([], 5)).toEqual([]);
  });

  it('splits a larger one by date, newest first and undated last, into parts of about the same size', () => {
    const docs = [
      doc('/places/x/', undefined),
      doc('/events/old/', '2026-01-05'),
      doc('/events/new/', '2027-03-01'),
      doc('/reports/mid/', '2026-06-01'),
      doc('/events/mid/', '2026-06-01'),
      doc('/salons/s/', '2026-12-01'),
      doc('/places/a/', undefined),
    ];
    const plan = planShards(docs, 3);
    expect(plan.map((s) => s.folder)).toEqual(['pagefind', 'pagefind-2', 'pagefind-3']);
    expect(plan.map((s) => s.documents.map((d) => d.url))).toEqual([
      ['/events/new/', '/salons/s/'],
      ['/events/mid/', '/reports/mid/'],
      ['/events/old/', '/places/a/', '/places/x/'],
    ]);
    // 9 pages in parts of at most 4: three of 3, not 4 + 4 + 1.
    const nine = planShards(
      Array.from({ length: 9 }, (_, i) => doc(`/e/${i}/`, `2026-01-0${i + 1}`)),
      4,
    );
    expect(nine.map((s) => s.documents.length)).toEqual([3, 3, 3]);
    // Every page once, whatever the size.
    for (const size of [1, 2, 3, 6, 7, 100])
      expect(
        planShards(docs, size)
          .flatMap((s) => s.documents.map((d) => d.url))
          .sort(),
      ).toEqual(docs.map((d) => d.url).sort());
  });

  it('splits each language on its own, part k of every language in the same folder', () => {
    const plan = planShards(
      [
        doc('/events/a/', '2027-01-03'),
        doc('/events/b/', '2027-01-02'),
        doc('/events/c/', '2027-01-01'),
        doc('/en/events/a/', '2027-01-03', 'current', 'en'),
      ],
      2,
    );
    expect(plan.map((s) => [s.folder, s.documents.map((d) => d.url)])).toEqual([
      ['pagefind', ['/events/a/', '/en/events/a/']],
      ['pagefind-2', ['/events/b/', '/events/c/']],
    ]);
    expect(shardFolder('past', 0)).toBe('pagefind-past');
    expect(shardFolder('past', 11)).toBe('pagefind-past-12');
  });

  it('names only the bundles’ folders and their parts as such', () => {
    expect(bundleOfFolder('pagefind')).toEqual({ bundle: 'current', further: false });
    expect(bundleOfFolder('pagefind-12')).toEqual({ bundle: 'current', further: true });
    expect(bundleOfFolder('pagefind-past-2')).toEqual({ bundle: 'past', further: true });
    expect(bundleOfFolder('pagefind-1')).toBeUndefined();
    for (const name of ['pagefind', 'pagefind-2', 'pagefind-15', 'pagefind-past', 'pagefind-past-3'])
      expect(name).toMatch(BUNDLE_FOLDER);
    for (const name of [
      'pagefind-1',
      'pagefind-0',
      'pagefind-02',
      'pagefind-past-',
      'documents',
      'pagefindx',
      'x-pagefind',
    ])
      expect(name).not.toMatch(BUNDLE_FOLDER);
  });

  it('lists the further parts in the bundle’s entry file, where Pagefind reads only its own keys', () => {
    const entry = JSON.stringify({ version: '1.6.0', languages: { ja: { hash: 'jpx_1', page_count: 3 } } });
    expect(withShards(entry, [])).toBe(entry);
    const listed = JSON.parse(withShards(entry, [{ bundle: '../pagefind-2/', languages: ['ja'] }]));
    expect(listed).toEqual({
      version: '1.6.0',
      languages: { ja: { hash: 'jpx_1', page_count: 3 } },
      tsunagari: { shards: [{ bundle: '../pagefind-2/', languages: ['ja'] }] },
    });
    expect(entryLanguages(entry)).toEqual(['ja']);
  });

  it('takes another size from SEARCH_SHARD_DOCUMENTS, refusing one that is not a whole number', () => {
    expect(shardSizeOf({})).toBe(2000);
    expect(shardSizeOf({ SEARCH_SHARD_DOCUMENTS: '3' })).toBe(3);
    expect(() => shardSizeOf({ SEARCH_SHARD_DOCUMENTS: '0' })).toThrow(/1以上の整数.*「0」/);
    expect(() => shardSizeOf({ SEARCH_SHARD_DOCUMENTS: 'many' })).toThrow(/must be a whole number/);
  });
});
