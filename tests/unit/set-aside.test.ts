/**
 * src/lib/set-aside.ts: the last build's dist/ leaves its place at once and is removed in the
 * background, with what an earlier remover left; a folder that cannot be moved stays as it was.
 */
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { setAsideForRemoval } from '../../src/lib/set-aside.ts';
import { removeFixtureCopies, tempFolder } from '../helpers/fixture.ts';

afterAll(removeFixtureCopies);

/** Resolves when `check` holds, checked every 50 ms; fails after `ms` (the remover is a process of its own). */
async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 50));
  }
}

it('moves the folder out of its place at once and removes it, and what an earlier build left, beside', async () => {
  const root = tempFolder('tsunagari-set-aside-');
  const dist = join(root, 'dist');
  const trash = join(root, '.cache', 'dist-trash');
  mkdirSync(join(dist, 'flyers', 'deep'), { recursive: true });
  for (let i = 0; i < 200; i++) writeFileSync(join(dist, 'flyers', 'deep', `${i}.pdf`), 'x');
  // A folder an earlier remover did not finish (stopped with its build).
  mkdirSync(join(trash, 'left-over', 'a'), { recursive: true });
  writeFileSync(join(trash, 'left-over', 'a', 'page.html'), 'x');

  expect(setAsideForRemoval(dist, trash)).toBe(true);
  expect(existsSync(dist)).toBe(false);
  await until(() => readdirSync(trash).length === 0);
});

it('leaves a folder it cannot move where it is, for Astro to empty', () => {
  const root = tempFolder('tsunagari-set-aside-');
  const dist = join(root, 'dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'index.html'), 'x');
  // The trash's place is a file: nothing can be moved there.
  writeFileSync(join(root, 'trash'), '');
  expect(setAsideForRemoval(dist, join(root, 'trash'))).toBe(false);
  expect(readdirSync(dist)).toEqual(['index.html']);
  expect(setAsideForRemoval(join(root, 'missing'), join(root, 'other-trash'))).toBe(false);
  // dist/ as a link to the folder a web server serves: left for Astro to empty through it.
  mkdirSync(join(root, 'served'));
  symlinkSync(join(root, 'served'), join(root, 'linked-dist'));
  expect(setAsideForRemoval(join(root, 'linked-dist'), join(root, 'other-trash'))).toBe(false);
  expect(existsSync(join(root, 'linked-dist'))).toBe(true);
});
