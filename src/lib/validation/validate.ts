/**
 * Validates all content the way the build will read it, and more: references between
 * entries, rules that span two collections, file names. Run by `npm run check` and at the
 * start of every build, so a bad entry stops the build with a message instead of vanishing.
 */
import type { z } from 'astro/zod';
import { contentTypes } from '../../schemas/index.ts';
import type { ContentType } from '../../schemas/define.ts';
import { TEXT_LIMITS } from '../../schemas/fields.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  YamlAliasError,
  YamlSyntaxError,
  idOfFile,
  noteUnchanged,
  readContentFile,
  scanCollection,
  writtenText,
  type ContentFile,
} from '../content/files.ts';
import { describeFields, type FieldInfo } from '../schema/walk.ts';
import { referencesOf } from '../schema/references.ts';
import { mediaProblems } from '../media/gate.ts';
import { fieldPath, problemsFromZod, type ContentProblem } from './messages.ts';
import { notTextProblems } from './unicode.ts';
import { bodyStartLine, privacyWarnings, type ContentWarning } from './warnings.ts';
import { flyerTextProblems } from '../../flyers/text-check.ts';
import { flyerTranslations } from '../../flyers/translations.ts';
import { todayInJapan } from '../recurrence.ts';
import { digestOf, type FileResult, type ValidationCache } from './cache.ts';
import { localeOfFile, mergeTranslation, translatableFields, translationProblems } from '../content/translations.ts';
import type { LocaleCode } from '../../i18n/locales.ts';

export interface ValidEntry extends ContentFile {
  type: string;
  /** Front matter after the schema (defaults filled in). */
  parsed: Record<string, unknown>;
}

/** A translation that passed: the original's data with its translated text (translations.ts). */
export interface ValidTranslation extends ValidEntry {
  locale: LocaleCode;
  /** The Japanese original's file. */
  original: string;
  /** Whether the body is the translation's own; false: it has none, and the original's is shown. */
  ownBody: boolean;
}

export interface ValidationResult {
  entries: Map<string, ValidEntry[]>;
  /** Per collection, the translations whose original is valid and which pass (translations.ts). */
  translations: Map<string, ValidTranslation[]>;
  problems: ContentProblem[];
  /** What is pointed out without stopping the build (warnings.ts). */
  warnings: ContentWarning[];
}

const fieldsCache = new Map<ContentType, FieldInfo[]>();
export function fieldsOf(type: ContentType): FieldInfo[] {
  let fields = fieldsCache.get(type);
  if (!fields) fieldsCache.set(type, (fields = describeFields(type.schema)));
  return fields;
}

/** The CMS label of a collection (places → 会場・居場所), as named in messages. */
const titleOf = (collection: string) => contentTypes.find((t) => t.name === collection)?.label ?? collection;

/**
 * A content file read, with its type's fields, or the problems that stop it before its schema:
 * YAML that cannot be read, or a character that is not text. An original and a translation are
 * read alike, so a translation is refused for the same reasons in the same words.
 */
function readChecked(
  root: string,
  type: ContentType,
  file: string,
  text?: string,
): { content: ContentFile; fields: FieldInfo[] } | { problems: ContentProblem[] } {
  let content: ContentFile;
  try {
    content = readContentFile(root, type, file, text);
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    if (error instanceof YamlAliasError)
      return {
        problems: [
          {
            file,
            message: {
              ja: `${error.line}行目にYAMLのアンカー・エイリアス（${error.detail}）があります。編集画面はこの書き方をしないので、読み込みません。値をそれぞれの項目にそのまま書いてください`,
              en: `YAML anchor or alias (${error.detail}) at line ${error.line}: the CMS never writes them, so they are refused; write each value out in full`,
            },
          },
        ],
      };
    const at = error.line ? `${error.line}行目の` : '';
    return {
      problems: [
        {
          file,
          message: {
            ja: `${at}YAMLの書き方が正しくありません（${error.detail}）。「項目名: 値」のコロンの後の空白、字下げ、引用符の閉じ忘れを確かめてください`,
            en: `malformed YAML${error.line ? ` at line ${error.line}` : ''} (${error.detail}); check the space after each colon, the indentation and unclosed quotes`,
          },
        },
      ],
    };
  }
  const fields = fieldsOf(type);
  // Nothing downstream (pages, search, flyers) may see a character that is not text.
  const notText = notTextProblems(file, content.data, content.body, fields, type.body?.label ?? '本文');
  return notText.length ? { problems: notText } : { content, fields };
}

/** Schema, file name and body checks of one file. */
export function validateFile(root: string, type: ContentType, file: string, text?: string): FileResult {
  const read = readChecked(root, type, file, text);
  if ('problems' in read) return read;
  const { content, fields } = read;
  const result = type.schema.safeParse(content.data);
  if (!result.success) {
    let text: string | undefined;
    const sourceAt = (path: readonly PropertyKey[]) =>
      writtenText((text ??= readFileSync(join(root, file), 'utf8')), !type.file, path);
    return {
      problems: problemsFromZod(file, result.error, fields, content.data, { sourceAt, collectionLabel: titleOf }),
    };
  }
  const parsed = result.data as Record<string, unknown>;
  const problems: ContentProblem[] = [];
  if (!type.file && parsed['id'] !== content.id) {
    problems.push({
      file,
      field: 'id',
      label: fields.find((f) => f.name === 'id')?.meta.label ?? 'id',
      value: parsed['id'],
      message: {
        ja: `IDがファイル名（${content.id}）と違います。IDを「${content.id}」にするか、ファイル名を「${String(parsed['id'])}.ja.md」に変えてください`,
        en: `id differs from the file name (${content.id}); make them the same`,
      },
    });
  }
  if (type.body?.required && content.body.trim() === '') {
    problems.push({
      file,
      field: 'body',
      label: type.body.label,
      message: {
        ja: `「${type.body.label}」が空です。本文を書いてください`,
        en: 'the body is empty; write the text below the front matter',
      },
    });
  }
  if (type.body && content.body.length > TEXT_LIMITS.body) {
    problems.push({
      file,
      field: 'body',
      label: type.body.label,
      message: {
        ja: `「${type.body.label}」が長すぎます（${content.body.length}字）。${TEXT_LIMITS.body}字以内にしてください。長い資料は分けて、別の記事にしてください`,
        en: `the body is too long (${content.body.length} characters); keep it within ${TEXT_LIMITS.body} characters`,
      },
    });
  }
  // Private data in what volunteers write about residents: a warning, never a stop.
  const warnings = type.body?.checkPrivacy
    ? privacyWarnings(file, parsed, content.body, type.body.label, () =>
        bodyStartLine(readFileSync(join(root, file), 'utf8'), content.body),
      )
    : [];
  return { entry: { ...content, type: type.name, parsed }, problems, warnings };
}

/**
 * How much longer than the Japanese limit a translated text may be: English, Vietnamese or
 * Portuguese take about twice the characters of the same Japanese sentence (the sample
 * にほんごサロン's summary: 70 characters, 129 in English), and a limit that fits Japanese would
 * make translators cut what residents need to know.
 */
export const TRANSLATION_LENGTH_FACTOR = 2;

/** A too-long text that is within the room a translation has (TRANSLATION_LENGTH_FACTOR). */
function roomForTranslation(issue: z.core.$ZodIssue, data: unknown): boolean {
  if (issue.code !== 'too_big' || issue.origin !== 'string') return false;
  let value: unknown = data;
  for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return typeof value === 'string' && value.length <= Number(issue.maximum) * TRANSLATION_LENGTH_FACTOR;
}

/**
 * Checks one translation against its valid original: only translatable fields (translations.ts),
 * a body only where the type has one, and the merged entry through the type's schema, so a
 * translated title is held to the same length as the Japanese one.
 */
export function validateTranslation(
  root: string,
  type: ContentType,
  file: string,
  original: ValidEntry,
  text?: string,
): { translation?: ValidTranslation; problems: ContentProblem[] } {
  const locale = localeOfFile(file);
  if (!locale) return { problems: [] };
  const read = readChecked(root, type, file, text);
  if ('problems' in read) return read;
  const { content, fields } = read;
  const where = { file, original: original.file, all: fields };
  const problems: ContentProblem[] = [];
  if (!translatableFields(fields).length)
    problems.push({
      file,
      message: {
        ja: `「${type.label}」は翻訳できない種類です（翻訳できる項目がありません）。このファイルを消してください`,
        en: `${type.name} has no translatable fields; remove this file`,
      },
    });
  else problems.push(...translationProblems(content.data, fields, where));
  if (!type.body && content.body.trim() !== '')
    problems.push({
      file,
      field: 'body',
      message: {
        ja: `「${type.label}」には本文がありません。「---」の下に書いた文を消してください`,
        en: `${type.name} has no body; remove the text below the front matter`,
      },
    });
  if (problems.length) return { problems };
  // Decap writes a file for every language when an entry is created (its i18n multiple_files),
  // holding the fields' defaults: an entry is translated into a language once its title is.
  const data = content.data as Record<string, unknown> | null;
  if (!type.file && !(typeof data?.[type.titleField] === 'string' && data[type.titleField] !== ''))
    return { problems: [] };
  const merged = mergeTranslation(original.parsed, content.data, fields);
  const result = type.schema.safeParse(merged);
  let parsed = result.data as Record<string, unknown> | undefined;
  if (!result.success) {
    const issues = result.error.issues.filter((issue) => !roomForTranslation(issue, merged));
    if (issues.length)
      return {
        problems: problemsFromZod(file, { ...result.error, issues } as typeof result.error, fields, merged, {
          collectionLabel: titleOf,
        }),
      };
    parsed = merged;
  }
  const ownBody = content.body.trim() !== '';
  return {
    translation: {
      ...content,
      id: original.id,
      type: type.name,
      parsed: parsed ?? merged,
      body: ownBody ? content.body : original.body,
      locale,
      original: original.file,
      ownBody,
    },
    problems: [],
  };
}

/** Rules that need two collections at once. */
function crossCollectionProblems(byId: Map<string, Map<string, ValidEntry>>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const recruitment of byId.get('recruitments')?.values() ?? []) {
    const { deadline, event: eventId } = recruitment.parsed as { deadline?: string; event?: string };
    const event = eventId ? byId.get('events')?.get(eventId) : undefined;
    const eventStart = (event?.parsed['start'] as string | undefined)?.slice(0, 10);
    if (deadline && eventStart && deadline > eventStart)
      problems.push({
        file: recruitment.file,
        field: 'deadline',
        label: '締め切り',
        value: deadline,
        message: {
          ja: `締め切りが、関係するイベント「${String(event?.parsed['title'])}」の開催日（${eventStart}）より後です。${eventStart}以前の日付にしてください`,
          en: `the deadline is after the related event ${eventId} (${eventStart}); set it on or before ${eventStart}`,
        },
      });
  }
  // A district may not be its own ancestor, or district pages would nest forever.
  const districts = byId.get('districts') ?? new Map<string, ValidEntry>();
  for (const district of districts.values()) {
    const seen = new Set([district.id]);
    let parent = district.parsed['parent'] as string | undefined;
    while (parent && districts.has(parent)) {
      if (seen.has(parent)) {
        problems.push({
          file: district.file,
          field: 'parent',
          label: '上位の地区',
          value: district.parsed['parent'],
          message: {
            ja: '上位の地区をたどると元の地区に戻ってしまいます。上位の地区を選び直してください',
            en: 'parent districts form a loop; choose another parent',
          },
        });
        break;
      }
      seen.add(parent);
      parent = districts.get(parent)?.parsed['parent'] as string | undefined;
    }
  }
  // During a disaster, a place announced as an open shelter must be one (its 避難所 group set):
  // residents would otherwise be sent to a hall the town never designated.
  for (const settings of byId.get('settings')?.values() ?? []) {
    const open = (settings.parsed['emergency'] as { openShelters?: string[] } | undefined)?.openShelters ?? [];
    for (const [i, id] of open.entries()) {
      const place = byId.get('places')?.get(id);
      if (!place || place.parsed['shelter']) continue;
      problems.push({
        file: settings.file,
        field: `emergency.openShelters[${i + 1}]`,
        label: '開設している避難所',
        value: id,
        message: {
          ja: `「${String(place.parsed['name'])}」は避難所として登録されていません。市が開設を発表した避難所を選ぶか、先にその会場の「避難所（災害のとき）」を書いてください`,
          en: `${id} is not a shelter; choose a shelter the town opened, or fill in that place's shelter group first`,
        },
      });
    }
  }
  return problems;
}

/**
 * A single-file content type (site settings) whose file is missing: the site cannot be built
 * without it, so say which file and how to get it back.
 */
export function missingFileProblem(type: ContentType & { file: string }): ContentProblem {
  return {
    file: type.file,
    message: {
      ja: `「${type.label}」のファイルがありません。管理画面（/admin/）の「${type.label}」を開いて保存するか、${type.file} を作ってください（書く項目は docs/CONTENT.md にあります）`,
      en: `the ${type.name} file is missing; save ${type.label} in the CMS (/admin/) or create ${type.file} (its fields are listed in docs/CONTENT.md)`,
    },
  };
}

function strayProblem(file: string): ContentProblem {
  const name = file.split('/').pop() ?? file;
  const suggestion =
    name
      .replace(/\.md$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'entry-id';
  return {
    file,
    message: {
      ja: `このファイルは読み込まれません。ファイル名は「ID.ja.md」（例: ${suggestion}.ja.md）の形にしてください。IDは半角の小文字英字・数字・ハイフンです`,
      en: `this file is not read; name it <id>.ja.md (e.g. ${suggestion}.ja.md) with a lowercase ASCII id`,
    },
  };
}

function orphanProblem(file: string, original: string): ContentProblem {
  return {
    file,
    message: {
      ja: `翻訳の元になる日本語のファイル（${original}）がありません。ファイル名を確かめてください`,
      en: `translation without its Japanese original (${original}); check the file name`,
    },
  };
}

/**
 * Validates every content file under `root`. With a `cache` (the build's and check's, in
 * .cache/content/), a file byte for byte as the last run validated it is not parsed again.
 */
export function validateContent(root: string, cache?: ValidationCache): ValidationResult {
  const entries = new Map<string, ValidEntry[]>();
  const problems: ContentProblem[] = [];
  const warnings: ContentWarning[] = [];
  const translationsOf = new Map<string, ValidTranslation[]>();
  // Ids known from file names, even of entries that failed: one mistake should not cascade.
  const knownIds = new Map<string, Set<string>>();
  for (const type of contentTypes) {
    const valid: ValidEntry[] = [];
    if (type.file && !existsSync(join(root, type.file)))
      problems.push(missingFileProblem({ ...type, file: type.file }));
    const { entries: files, translations, strays } = scanCollection(root, type);
    knownIds.set(type.name, new Set(files.map(idOfFile)));
    problems.push(...strays.map((file) => strayProblem(file)));
    const originalOf = (file: string) => type.file ?? file.replace(/\.[a-z-]+\.md$/, '.ja.md');
    for (const file of translations) {
      if (!files.includes(originalOf(file))) problems.push(orphanProblem(file, originalOf(file)));
    }
    for (const file of files) {
      const text = cache ? readFileSync(join(root, file), 'utf8') : undefined;
      const digest = text === undefined ? '' : digestOf(text);
      let result = cache?.get(file, digest);
      if (result) noteUnchanged(file);
      else {
        result = validateFile(root, type, file, text);
        cache?.set(file, digest, result);
      }
      problems.push(...result.problems);
      warnings.push(...(result.warnings ?? []));
      if (result.entry) valid.push(result.entry);
    }
    entries.set(type.name, valid);
    // After its original: a translation is checked against the original's valid data.
    const byFile = new Map(valid.map((entry) => [entry.file, entry]));
    const translated: ValidTranslation[] = [];
    for (const file of translations) {
      const original = byFile.get(originalOf(file));
      if (!original) continue;
      const result = validateTranslation(root, type, file, original);
      problems.push(...result.problems);
      if (result.translation) translated.push(result.translation);
    }
    translationsOf.set(type.name, translated);
  }
  for (const type of contentTypes) {
    for (const entry of entries.get(type.name) ?? []) {
      for (const ref of referencesOf(fieldsOf(type), entry.parsed)) {
        if (knownIds.get(ref.collection)?.has(ref.id)) continue;
        problems.push({
          file: entry.file,
          field: fieldPath(ref.path),
          label: ref.label,
          value: ref.id,
          message: {
            ja: `「${titleOf(ref.collection)}」にこのIDはありません。content/${ref.collection}/ にあるファイル名（.ja.md を除いた部分）から選ぶか、先にその${titleOf(ref.collection)}を作ってください`,
            en: `no entry with this id in ${ref.collection}; use the name of a file in content/${ref.collection}/ (without .ja.md) or create it first`,
          },
        });
      }
    }
  }
  const byId = new Map([...entries].map(([name, list]) => [name, new Map(list.map((e) => [e.id, e]))]));
  problems.push(...crossCollectionProblems(byId));
  // What the flyer step would stop on (src/flyers/text-check.ts): check passes what builds.
  // Kept between runs under a digest of what it reads (cache.ts): every entry, translation and the day.
  const today = todayInJapan();
  const printable = () => flyerTextProblems(entries, today, flyerTranslations(entries, translationsOf));
  problems.push(
    ...(cache
      ? cache.spanning('flyerText', digestOf(JSON.stringify([today, [...entries], [...translationsOf]])), printable)
      : printable()),
  );
  // Uploaded pictures: only real JPEG/PNG/WebP/AVIF in media/, and every one content uses exists.
  problems.push(...mediaProblems(root, entries));
  cache?.save();
  return { entries, translations: translationsOf, problems, warnings };
}
