/**
 * src/integrations/page-writes.ts: while Astro writes its pages, fs.promises.writeFile and
 * fs.promises.mkdir are answered synchronously — the same files and the same errors — and Node's
 * own are back afterwards; calls it does not know go to Node's own.
 */
import fs from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { synchronousPageWrites } from '../../src/integrations/page-writes.ts';
import { removeFixtureCopies, tempFolder } from '../helpers/fixture.ts';

afterAll(removeFixtureCopies);

const { writeFile, mkdir, copyFile } = fs.promises;
let undo: (() => void) | undefined;
afterEach(() => {
  undo?.();
  undo = undefined;
  vi.restoreAllMocks();
});

describe('synchronous page writes', () => {
  it('write what Astro writes, as Node would: folders, text, bytes, a file URL', async () => {
    const dir = tempFolder('tsunagari-page-writes-');
    undo = synchronousPageWrites();
    const sync = vi.spyOn(fs, 'writeFileSync');
    const folder = join(dir, 'events', 'mochitsuki', 'nested');
    // What `recursive` resolves to: the first folder it made, then nothing when it exists.
    await expect(fs.promises.mkdir(folder, { recursive: true })).resolves.toBe(join(dir, 'events'));
    await expect(fs.promises.mkdir(folder, { recursive: true })).resolves.toBeUndefined();
    await fs.promises.writeFile(join(folder, 'index.html'), '<p>餅つき大会</p>');
    await fs.promises.writeFile(join(folder, 'calendar.ics'), new TextEncoder().encode('BEGIN:VCALENDAR'));
    await fs.promises.writeFile(pathToFileURL(join(folder, 'entry.mjs')), 'export {}', 'utf-8');
    expect(sync).toHaveBeenCalledTimes(3);
    expect(fs.readFileSync(join(folder, 'index.html'), 'utf8')).toBe('<p>餅つき大会</p>');
    expect(fs.readFileSync(join(folder, 'calendar.ics'), 'utf8')).toBe('BEGIN:VCALENDAR');
    expect(fs.readFileSync(join(folder, 'entry.mjs'), 'utf8')).toBe('export {}');
  });

  it('copy a page kept from the last build as Node would, a file URL too', async () => {
    const dir = tempFolder('tsunagari-page-writes-');
    undo = synchronousPageWrites();
    const sync = vi.spyOn(fs, 'copyFileSync');
    fs.writeFileSync(join(dir, 'kept.html'), '<p>サロン</p>');
    await fs.promises.copyFile(join(dir, 'kept.html'), pathToFileURL(join(dir, 'index.html')));
    expect(sync).toHaveBeenCalledTimes(1);
    expect(fs.readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>サロン</p>');
    const copying = fs.promises.copyFile(join(dir, 'gone.html'), join(dir, 'other.html'));
    await expect(copying).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('fail as Node would, with a rejected promise rather than a throw', async () => {
    const dir = tempFolder('tsunagari-page-writes-');
    undo = synchronousPageWrites();
    const missing = join(dir, 'no-such-folder', 'index.html');
    const writing = fs.promises.writeFile(missing, 'x');
    await expect(writing).rejects.toMatchObject({ code: 'ENOENT' });
    fs.writeFileSync(join(dir, 'file'), '');
    await expect(fs.promises.mkdir(join(dir, 'file'))).rejects.toMatchObject({ code: 'EEXIST' });
  });

  it('leave calls with other options, and data that is not text or bytes, to Node', async () => {
    const dir = tempFolder('tsunagari-page-writes-');
    undo = synchronousPageWrites();
    const sync = vi.spyOn(fs, 'writeFileSync');
    await fs.promises.writeFile(join(dir, 'a'), 'first', { flag: 'w', mode: 0o600 });
    await fs.promises.writeFile(join(dir, 'a'), 'second', { flag: 'a' });
    await fs.promises.writeFile(
      join(dir, 'b'),
      (async function* () {
        yield '流れ';
        yield 'てくる';
      })(),
    );
    expect(sync).not.toHaveBeenCalled();
    expect(fs.readFileSync(join(dir, 'a'), 'utf8')).toBe('firstsecond');
    expect(fs.statSync(join(dir, 'a')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(join(dir, 'b'), 'utf8')).toBe('流れてくる');
  });

  it('put Node’s own functions back', () => {
    const restore = synchronousPageWrites();
    expect(fs.promises.writeFile).not.toBe(writeFile);
    expect(fs.promises.mkdir).not.toBe(mkdir);
    expect(fs.promises.copyFile).not.toBe(copyFile);
    restore();
    expect(fs.promises.writeFile).toBe(writeFile);
    expect(fs.promises.mkdir).toBe(mkdir);
    expect(fs.promises.copyFile).toBe(copyFile);
  });

  it('are answered through the build’s own fs.promises, the object Astro calls (node:fs/promises)', async () => {
    const promises = await import('node:fs/promises');
    expect(fs.promises).toBe(promises.default);
  });
});
