/**
 * An error while indexing an entry for search names the entry's file, as every content message
 * does: before, a lone surrogate stopped the indexer with an error that named no file.
 */
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { startSearchIndex } from '../../src/integrations/search-index.ts';
import type { ValidEntry } from '../../src/lib/validation/validate.ts';

const ROOT = resolve(import.meta.dirname, '../..');

it('names the file of an entry that cannot be indexed', async () => {
  // Data the schema would never pass: an event without its dates.
  const broken: ValidEntry = {
    file: 'content/events/broken.ja.md',
    id: 'broken',
    type: 'events',
    data: {},
    parsed: { id: 'broken', title: '壊れた行事' },
    body: '',
  };
  const job = startSearchIndex(ROOT, new Map([['events', [broken]]]), { forPublishing: false });
  try {
    const reply = await job.written;
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.message).toMatch(
      /^Pagefind: content\/events\/broken\.ja\.md: 検索の索引に入れられませんでした \/ could not be indexed: /,
    );
  } finally {
    job.discard();
  }
});
