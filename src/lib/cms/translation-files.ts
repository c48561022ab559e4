/**
 * Which files of a save the admin page lets Decap commit, and what they hold (admin/cms-client.ts).
 * With i18n `multiple_files` Decap writes, for a new entry, a file for every language — holding
 * nothing or the fields' defaults (参加費: 無料) — and eight such files per entry would fill the
 * repository with translations nobody wrote: a translation is kept once its title is translated,
 * as the build publishes it (src/lib/validation/validate.ts). And Decap's relation widgets set
 * their value in every language's data, though the field is not translated: a translation file
 * keeps only the translatable fields (src/lib/content/translations.ts) and its body, so the build
 * does not refuse what the CMS saved.
 */
import { DEFAULT_CONTENT_LOCALE } from '../../i18n/locales.ts';
import { parseContentFile } from '../content/parse.ts';
import { serializeEntry } from '../content/serialize.ts';
import { localeOfFile, translatablePart } from '../content/translations.ts';
import type { FieldInfo } from '../schema/walk.ts';
import { entryTitle } from './commit-title.ts';

export interface SavedFile {
  path: string;
  raw: string;
}

/**
 * The files to commit: the original as it is, and each translation that has its title, with
 * only its translatable fields and body.
 */
export function translatedFilesOnly<F extends SavedFile>(
  files: readonly F[],
  titleField: string,
  fields: readonly FieldInfo[],
): F[] {
  return files.flatMap((file) => {
    const locale = localeOfFile(file.path);
    if (!locale || locale === DEFAULT_CONTENT_LOCALE) return [file];
    if (entryTitle(file.raw, titleField) === undefined) return [];
    const { data, body } = parseContentFile(file.path, file.raw, true);
    const kept = translatablePart(data, fields);
    return [
      {
        ...file,
        raw: serializeEntry(
          kept,
          body,
          fields.map((f) => f.name),
        ),
      },
    ];
  });
}
