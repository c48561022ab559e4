/**
 * Reading back a draft of a translated entry from `npm start`'s local backend (admin/cms-client.ts).
 *
 * With the approval workflow, Decap 3.16.3 reads a draft of an i18n entry language by language
 * (decap-cms-core backend.ts processUnpublishedEntry, lib/i18n.ts getI18nDataFiles): the files
 * the draft branch changed by their id, every other language's file with an empty id, meaning
 * "look it up by its path on the draft branch". The Git hosts' backends do that (github and
 * forgejo find the blob with getFileSha on the branch, gitlab reads the raw file at that ref).
 * decap-server refuses an empty id (its joi schema: `id: requiredString`, answered 422); Decap
 * drops the languages it could not read and, without the Japanese file, takes the first one it
 * has — a draft that only adds English came back as the entry, English in the Japanese fields
 * and on the workflow board, and saving it again would have written English into `<id>.ja.md`.
 *
 * A file the draft did not change is the same on the draft branch as on the working tree's
 * branch: decap-server lists a draft's changes as `git diff <branch> cms/<collection>/<slug>`,
 * the two trees compared, so what is not listed is identical in both. It is read from there
 * (decap-server's getEntry); a language that has no file is an error, as a Git host's 404 is,
 * and Decap leaves that language out.
 */

/** The two calls of Decap's proxy backend (decap-cms-backend-proxy) this needs. */
export interface DraftReader {
  unpublishedEntryDataFile(collection: string, slug: string, path: string, id: string): Promise<string>;
  getEntry(path: string): Promise<{ data?: string | null }>;
}

/** The draft's file: by its id when the draft changed it, otherwise the unchanged file by its path. */
export function readDraftDataFile(
  backend: DraftReader,
): (collection: string, slug: string, path: string, id: string) => Promise<string> {
  const changed = backend.unpublishedEntryDataFile.bind(backend);
  return async (collection, slug, path, id) => {
    if (id) return changed(collection, slug, path, id);
    const { data } = await backend.getEntry(path);
    if (typeof data !== 'string') throw new Error(`${path}: no such file (draft ${collection}/${slug})`);
    return data;
  };
}
