/**
 * Reading back a draft of a translated entry from npm start's local backend
 * (src/lib/cms/draft-files.ts): the files the draft changed by their id, the languages it left
 * unchanged by their path, and a language without a file as an error Decap leaves out.
 */
import { describe, expect, it } from 'vitest';
import { readDraftDataFile, type DraftReader } from '../../src/lib/cms/draft-files.ts';

/** A local backend with the draft's changed files and the working tree's files. */
function backend(draft: Record<string, string>, tree: Record<string, string>) {
  const calls: string[] = [];
  const reader: DraftReader = {
    unpublishedEntryDataFile(collection, slug, path, id) {
      calls.push(`draft ${collection}/${slug} ${path} ${id}`);
      // decap-server's joi schema: `id: requiredString`.
      if (!id) return Promise.reject(new Error('422 "params.id" is not allowed to be empty'));
      const data = draft[path];
      return data === undefined ? Promise.reject(new Error('404')) : Promise.resolve(data);
    },
    getEntry(path) {
      calls.push(`tree ${path}`);
      return Promise.resolve({ data: tree[path] ?? null });
    },
  };
  return { reader, calls };
}

const JA = 'content/salons/hidamari-salon.ja.md';
const EN = 'content/salons/hidamari-salon.en.md';
const VI = 'content/salons/hidamari-salon.vi.md';

describe('a draft file read back', () => {
  it('is read from the draft by its id when the draft changed it', async () => {
    const { reader, calls } = backend({ [EN]: 'title: Hidamari' }, { [JA]: 'title: ひだまり' });
    const read = readDraftDataFile(reader);
    await expect(read('salons', 'hidamari-salon', EN, EN)).resolves.toBe('title: Hidamari');
    expect(calls).toEqual([`draft salons/hidamari-salon ${EN} ${EN}`]);
  });

  it('is read by its path from the working tree when the draft left it unchanged (empty id)', async () => {
    const { reader, calls } = backend({ [EN]: 'title: Hidamari' }, { [JA]: 'title: ひだまり' });
    const read = readDraftDataFile(reader);
    await expect(read('salons', 'hidamari-salon', JA, '')).resolves.toBe('title: ひだまり');
    expect(calls).toEqual([`tree ${JA}`]);
  });

  it('fails, naming the file and the draft, for a language that has no file', async () => {
    const { reader } = backend({ [EN]: 'title: Hidamari' }, { [JA]: 'title: ひだまり' });
    const read = readDraftDataFile(reader);
    await expect(read('salons', 'hidamari-salon', VI, '')).rejects.toThrow(
      `${VI}: no such file (draft salons/hidamari-salon)`,
    );
  });

  it('calls the backend as itself (its methods use `this`)', async () => {
    const proxy = {
      branch: 'main',
      files: { [EN]: 'title: Hidamari' } as Record<string, string>,
      unpublishedEntryDataFile(this: { files: Record<string, string> }, _c: string, _s: string, path: string) {
        return Promise.resolve(this.files[path] ?? '');
      },
      getEntry(this: { files: Record<string, string> }, path: string) {
        return Promise.resolve({ data: this.files[path] ?? null });
      },
    };
    await expect(readDraftDataFile(proxy)('salons', 'hidamari-salon', EN, EN)).resolves.toBe('title: Hidamari');
  });
});
