import { cpSync, mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const FIXTURE = resolve(import.meta.dirname, '../fixtures/minimal');

/** A throw-away copy of the minimal fixture site with some files replaced or removed. */
export function fixtureCopy(files: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagari-fixture-'));
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    const target = join(dir, path);
    if (text === null) rmSync(target);
    else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
  return dir;
}
