/**
 * Translations of entries (issue 16): `content/<collection>/<id>.<locale>.md` beside the Japanese
 * original `<id>.ja.md`, and `content/settings/site.<locale>.yml` beside the site settings. A
 * translation holds only the fields its schema marks `translatable` (FieldMeta, src/schemas/
 * fields.ts: the free text residents read) and, for types with one, its body; everything else —
 * ids, dates, schedules, references, phones, choices, numbers — is the original's, so a changed
 * time or phone number never has to be copied into nine files. What a translation may hold is
 * read from the schema, never from a list of type names.
 */
import type { FieldInfo } from '../schema/walk.ts';
import type { ContentProblem } from '../validation/messages.ts';
import { CONTENT_LOCALES, DEFAULT_CONTENT_LOCALE, type LocaleCode } from '../../i18n/locales.ts';

/**
 * The fields a translation may hold, as a pruned tree: a translatable field whole, an object
 * field with only its translatable fields (an image's alt text, an application's how).
 * Lists of objects (a report's photos, a plan's goals) are shared whole: their items have no
 * stable key a translation could be matched by.
 */
export function translatableFields(fields: readonly FieldInfo[]): FieldInfo[] {
  return fields.flatMap((field) => {
    if (field.meta.translatable) return [field];
    if (field.kind !== 'object' || !field.fields) return [];
    const inner = translatableFields(field.fields);
    return inner.length ? [{ ...field, fields: inner }] : [];
  });
}

/** Field names of the tree as dotted paths (`application.how`), for messages and docs. */
export function translatablePaths(fields: readonly FieldInfo[], prefix = ''): string[] {
  return fields.flatMap((field) =>
    field.meta.translatable
      ? [`${prefix}${field.name}`]
      : translatablePaths(field.fields ?? [], `${prefix}${field.name}.`),
  );
}

/** The locale of a translation file (`nihongo-salon.en.md`, `site.vi.yml`); undefined for the original. */
export function localeOfFile(file: string): LocaleCode | undefined {
  const name = file.split('/').pop() ?? file;
  const match = /\.([a-z]{2,3}(?:-[a-z]+)?)\.(?:md|ya?ml)$/.exec(name);
  const code = match?.[1];
  if (!code || code === DEFAULT_CONTENT_LOCALE) return undefined;
  return (CONTENT_LOCALES as readonly string[]).includes(code) ? (code as LocaleCode) : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface Where {
  file: string;
  original: string;
  /** Every full field of the type, to tell a shared field from one that does not exist. */
  all: readonly FieldInfo[];
}

/**
 * What is wrong with a translation's data before it is merged: a field the schema shares with
 * the original (a date, a phone …) or a field the type does not have. Each names the file, the
 * field, the value and the fix, Japanese first; an empty list means every key may be translated.
 */
export function translationProblems(
  data: unknown,
  fields: readonly FieldInfo[],
  where: Where,
  prefix = '',
): ContentProblem[] {
  const allowed = translatableFields(fields);
  const names = translatablePaths(allowed, prefix).join(', ') || '（なし / none）';
  if (!isRecord(data)) {
    if (prefix === '' && (data === null || data === undefined)) return [];
    return [
      {
        file: where.file,
        ...(prefix ? { field: prefix.slice(0, -1) } : {}),
        value: data,
        message: {
          ja: `翻訳の項目は「項目名: 訳した文」の形で書いてください。翻訳できる項目は ${names} です`,
          en: `write the translated fields as "field: text"; the translatable fields are ${names}`,
        },
      },
    ];
  }
  const problems: ContentProblem[] = [];
  for (const [key, value] of Object.entries(data)) {
    const path = `${prefix}${key}`;
    const field = allowed.find((f) => f.name === key);
    const known = where.all.find((f) => f.name === key);
    if (!field) {
      problems.push(
        known
          ? {
              file: where.file,
              field: path,
              ...(known.meta.label ? { label: known.meta.label } : {}),
              value,
              message: {
                ja: `この項目は翻訳しません（日本語の元ファイル ${where.original} と共通です）。翻訳ファイルからこの項目を消してください。変えるときは元のファイルを直してください。翻訳できる項目は ${names} です`,
                en: `this field is shared with the Japanese original ${where.original} and is not translated; remove it from the translation (change it in the original). The translatable fields are ${names}`,
              },
            }
          : {
              file: where.file,
              field: path,
              value,
              message: {
                ja: `「${key}」という項目はありません。書きまちがいを直すか、この項目を消してください。翻訳できる項目は ${names} です`,
                en: `there is no field ${key}; correct the name or remove it. The translatable fields are ${names}`,
              },
            },
      );
      continue;
    }
    if (!field.meta.translatable && field.fields)
      problems.push(
        ...translationProblems(value, field.fields, { ...where, all: known?.fields ?? field.fields }, `${path}.`),
      );
  }
  return problems;
}

/**
 * The translated entry's data: the original's, with each field the translation gives replaced
 * (objects field by field, so an image keeps its file and takes the translated alt text). A
 * field the translation leaves out stays Japanese. Run translationProblems first: this merges
 * whatever it is given.
 */
export function mergeTranslation(
  original: Record<string, unknown>,
  translation: unknown,
  fields: readonly FieldInfo[],
): Record<string, unknown> {
  if (!isRecord(translation)) return { ...original };
  const merged: Record<string, unknown> = { ...original };
  for (const [key, value] of Object.entries(translation)) {
    if (value === null || value === undefined || value === '') continue;
    const field = fields.find((f) => f.name === key);
    const before = original[key];
    merged[key] =
      field && !field.meta.translatable && field.fields && isRecord(value)
        ? mergeTranslation(isRecord(before) ? before : {}, value, field.fields)
        : value;
  }
  return merged;
}

/** The translatable part of an entry's data (what a translator translates), for staleness and the CMS. */
export function translatablePart(data: unknown, fields: readonly FieldInfo[]): Record<string, unknown> {
  if (!isRecord(data)) return {};
  const part: Record<string, unknown> = {};
  for (const field of translatableFields(fields)) {
    const value = data[field.name];
    if (value === undefined) continue;
    if (field.meta.translatable) part[field.name] = value;
    else if (isRecord(value)) {
      const inner = translatablePart(value, field.fields ?? []);
      if (Object.keys(inner).length) part[field.name] = inner;
    }
  }
  return part;
}
