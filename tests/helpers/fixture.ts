import { cpSync, mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const FIXTURE = resolve(import.meta.dirname, '../fixtures/minimal');

const copies = new Set<string>();

/**
 * A throw-away copy of the minimal fixture site with some files replaced (or removed, with
 * null). Call removeFixtureCopies() in afterEach/afterAll so nothing is left in /tmp.
 */
export function fixtureCopy(files: Record<string, string | Uint8Array | null> = {}): string {
  const dir = tempFolder('tsunagari-fixture-');
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

/** An empty throw-away folder in /tmp (`prefix` and a random tail), deleted with the copies. */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  copies.add(dir);
  return dir;
}

/** Deletes every copy fixtureCopy() and every folder tempFolder() made in this test file. */
export function removeFixtureCopies(): void {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  copies.clear();
}
