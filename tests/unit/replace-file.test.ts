/**
 * The printing steps' files: written into the cache by renaming a new file into place
 * (replaceFile), and put into the site as a link to the cached file (placeFile). dist/ holds
 * links to cached files, so neither may ever write through one.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { placeFile, replaceFile } from '../../src/lib/replace-file.ts';
import { removeFixtureCopies, tempFolder } from '../helpers/fixture.ts';

afterAll(removeFixtureCopies);

describe('replaceFile', () => {
  it('writes the file, leaves no temporary file, and keeps the bytes of a link to the old one', () => {
    const dir = tempFolder('tsunagari-replace-');
    const cached = join(dir, 'flyer.pdf');
    const site = join(dir, 'site.pdf');
    replaceFile(cached, Buffer.from('一版'));
    placeFile(cached, site);
    replaceFile(cached, Buffer.from('二版'));
    expect(readFileSync(cached, 'utf8')).toBe('二版');
    expect(readFileSync(site, 'utf8')).toBe('一版');
    expect(readdirSync(dir).sort()).toEqual(['flyer.pdf', 'site.pdf']);
  });
});

describe('placeFile', () => {
  it('links the cached file rather than copying it', () => {
    const dir = tempFolder('tsunagari-place-');
    const cached = join(dir, 'cached.pdf');
    writeFileSync(cached, 'チラシ');
    placeFile(cached, join(dir, 'site.pdf'));
    expect(statSync(join(dir, 'site.pdf')).ino).toBe(statSync(cached).ino);
  });

  it('replaces a file already there without writing through it', () => {
    const dir = tempFolder('tsunagari-place-');
    const older = join(dir, 'older.pdf');
    const newer = join(dir, 'newer.pdf');
    const site = join(dir, 'site.pdf');
    writeFileSync(older, '先月号');
    writeFileSync(newer, '今月号');
    placeFile(older, site);
    placeFile(newer, site);
    expect(readFileSync(site, 'utf8')).toBe('今月号');
    // The older cached file, which site.pdf was a link to, is untouched.
    expect(readFileSync(older, 'utf8')).toBe('先月号');
    // Placing the same file again (an unchanged rebuild) keeps it whole.
    placeFile(newer, site);
    expect(readFileSync(site, 'utf8')).toBe('今月号');
  });

  it('throws ENOENT for a cached file that is gone, so the step renders it again', () => {
    const dir = tempFolder('tsunagari-place-');
    expect(() => placeFile(join(dir, 'gone.pdf'), join(dir, 'site.pdf'))).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
    // What was at the place before is not left there as if it were the new file.
    writeFileSync(join(dir, 'site.pdf'), '先月号');
    expect(() => placeFile(join(dir, 'gone.pdf'), join(dir, 'site.pdf'))).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
    expect(existsSync(join(dir, 'site.pdf'))).toBe(false);
  });
});
