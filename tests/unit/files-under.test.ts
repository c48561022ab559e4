/** src/lib/files-under.ts: a folder's files in its folders too, relative and sorted; none for a missing folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { filesUnder } from '../../src/lib/files-under.ts';
import { removeFixtureCopies, tempFolder } from '../helpers/fixture.ts';

afterAll(removeFixtureCopies);

it('lists every file under a folder, relative and sorted, and none for a missing one', () => {
  const dir = tempFolder('tsunagari-files-under-');
  mkdirSync(join(dir, 'fragment', 'empty'), { recursive: true });
  writeFileSync(join(dir, 'pagefind-entry.json'), '{}');
  writeFileSync(join(dir, 'fragment', 'ja_1.pf_fragment'), '');
  writeFileSync(join(dir, 'a.jpg'), '');
  expect(filesUnder(dir)).toEqual(['a.jpg', join('fragment', 'ja_1.pf_fragment'), 'pagefind-entry.json']);
  expect(filesUnder(join(dir, 'missing'))).toEqual([]);
});
