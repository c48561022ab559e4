/**
 * Turns zod issues into messages a volunteer can act on: which file, which field (by its
 * CMS label), what value, and what to write instead — Japanese first, then English for the
 * developer reading CI logs. Starlight's parseWithFriendlyErrors, in two languages.
 */
import type { z } from 'astro/zod';
import { t } from '../../i18n/japanese.ts';
import { optionKey } from '../../i18n/options.ts';
import type { Bilingual } from '../../schemas/fields.ts';
import { fieldAt, type FieldInfo } from '../schema/walk.ts';

export interface ContentProblem {
  /** Path from the project root. */
  file: string;
  /** Dotted field path with 1-based list positions, e.g. photos[1].alt; empty for the file. */
  field?: string;
  /** Japanese label of the field, from its schema. */
  label?: string;
  /** The offending value, if there is one. */
  value?: unknown;
  message: Bilingual;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key + 1}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const typeNames: Record<string, Bilingual> = {
  string: { ja: '文字', en: 'text' },
  number: { ja: '数字', en: 'a number' },
  boolean: { ja: 'はい/いいえ（true か false）', en: 'true or false' },
  array: { ja: '一覧（- で始まる行）', en: 'a list' },
  object: { ja: '項目のまとまり', en: 'a group of fields' },
};

function optionList(field: FieldInfo | undefined): Bilingual {
  const enumField = field?.kind === 'array' ? field.element : field;
  const values = enumField?.enumValues ?? [];
  const prefix = field?.meta.options;
  const ja = values
    .map((v) => {
      const key = optionKey(prefix, v);
      return key ? `${v}（${t(key)}）` : v;
    })
    .join('、');
  return { ja, en: values.join(', ') };
}

/** The label a collection has in the CMS sidebar, e.g. places → 会場・居場所. */
export type CollectionLabels = (collection: string) => string;

/**
 * What to write into a required field that is missing: its format (dates, times, phone
 * numbers), where a reference comes from, the allowed values of a choice and the CMS hint.
 */
function missingField(
  name: string,
  field: FieldInfo | undefined,
  collectionLabel: CollectionLabels | undefined,
): Bilingual {
  const label = field?.meta.label ?? name;
  const ja = [`必須の項目「${label}」がありません。書き足してください`];
  let en = '';
  const { format, hint, relation } = field?.meta ?? {};
  if (relation) {
    const title = collectionLabel?.(relation) ?? relation;
    ja.push(`「${title}」のID（content/${relation}/ にあるファイル名から .ja.md を除いた部分）を書きます`);
    en = `the id of an entry in content/${relation}/ (its file name without .ja.md)`;
  } else if (format) {
    ja.push(format.ja);
    en = format.en;
  }
  // A hint that is only an example repeats the format's own example.
  if (hint && !(format && hint.includes('例'))) ja.push(hint.startsWith('例') ? hint : `ヒント: ${hint}`);
  const options = optionList(field);
  if (!relation && options.en) {
    ja.push(`選べる値: ${options.ja}`);
    en = `${field?.kind === 'array' ? 'one or more of' : 'one of'}: ${options.en}`;
  }
  if (!en && field) {
    en = (typeNames[field.kind] ?? { en: field.kind }).en;
    if (field.kind === 'string' && field.max !== undefined) en += ` of at most ${field.max} characters`;
  }
  return {
    ja: ja.join('。'),
    en: `${name}${field?.meta.label ? ` (${field.meta.label})` : ''} is required${en ? `; add it: ${en}` : '; add it'}`,
  };
}

/**
 * YAML reads unquoted 012345 as the number 12345 and true as a boolean; say so, show what was
 * written and how to quote it.
 */
function quoteIt(key: PropertyKey | undefined, actual: string, written: string): Bilingual {
  const example = `${typeof key === 'string' ? `${key}: ` : '- '}"${written}"`;
  const as =
    actual === 'boolean' ? { ja: 'はい/いいえ（true/false）', en: 'true/false' } : { ja: '数', en: 'a number' };
  return {
    ja: `引用符がないため${as.ja}として読まれました。文字として書くには引用符で囲んでください（例: ${example}）`,
    en: `read as ${as.en}; put it in quotes to keep it as text: ${example}`,
  };
}

export interface IssueContext {
  /** The value as written in the file, for scalars YAML read as something else than text. */
  written?: string;
  collectionLabel?: CollectionLabels;
}

/** The bilingual message for one zod issue, given the field it concerns. */
export function describeIssue(
  issue: z.core.$ZodIssue,
  field: FieldInfo | undefined,
  value: unknown,
  context: IssueContext = {},
): Bilingual {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined || value === null)
        return missingField(fieldPath(issue.path), field, context.collectionLabel);
      if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        const written = context.written ?? String(value);
        const format = field?.meta.format;
        // Quotes would not help 0123456789 as a phone number: say how to write it instead.
        if (format && field.pattern && !field.pattern.test(written))
          return { ja: `書き方が違います。${format.ja}`, en: `wrong format; ${format.en}` };
        return quoteIt(issue.path.at(-1), typeof value, written);
      }
      if (issue.expected === 'number' && typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
        const key = issue.path.at(-1);
        const example = `${typeof key === 'string' ? `${key}: ` : '- '}${value.trim()}`;
        return {
          ja: `数字が文字として書かれています。引用符を外して書いてください（例: ${example}）`,
          en: `a number written as text; remove the quotes: ${example}`,
        };
      }
      {
        const expected = typeNames[issue.expected] ?? { ja: issue.expected, en: issue.expected };
        // A field that says how to write it (a fiscal year as 2026, not 令和8) says so here too.
        const format = field?.meta.format;
        if (format)
          return { ja: `${expected.ja}で書いてください。${format.ja}`, en: `expected ${expected.en}; ${format.en}` };
        return { ja: `${expected.ja}で書いてください`, en: `expected ${expected.en}` };
      }
    case 'invalid_value': {
      // zod reports a missing choice as a value outside the list.
      if (value === undefined || value === null)
        return missingField(fieldPath(issue.path), field, context.collectionLabel);
      const options = optionList(field);
      return {
        ja: `選べる値ではありません。次のどれかにしてください: ${options.ja}`,
        en: `not an allowed value; use one of: ${options.en}`,
      };
    }
    case 'invalid_format': {
      const format = field?.meta.format;
      return format
        ? { ja: `書き方が違います。${format.ja}`, en: `wrong format; ${format.en}` }
        : { ja: '書き方が違います', en: 'wrong format' };
    }
    case 'too_small':
      if (issue.origin === 'array')
        return {
          ja: `${issue.minimum}つ以上入れてください`,
          en: `give at least ${issue.minimum} item${Number(issue.minimum) > 1 ? 's' : ''}`,
        };
      if (issue.origin === 'string') return { ja: '空です。内容を書いてください', en: 'is empty; write something' };
      // positive() is "more than 0": saying "at least 0" would accept the value just refused.
      if (issue.inclusive === false)
        return { ja: `${issue.minimum}より大きい数にしてください`, en: `must be more than ${issue.minimum}` };
      return { ja: `${issue.minimum}以上にしてください`, en: `must be at least ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'string')
        return {
          ja: `長すぎます。${issue.maximum}字以内にしてください`,
          en: `too long; keep it within ${issue.maximum} characters`,
        };
      if (issue.origin === 'array')
        return { ja: `${issue.maximum}つまでにしてください`, en: `at most ${issue.maximum} items` };
      if (issue.inclusive === false)
        return { ja: `${issue.maximum}より小さい数にしてください`, en: `must be less than ${issue.maximum}` };
      return { ja: `${issue.maximum}以下にしてください`, en: `must be at most ${issue.maximum}` };
    case 'unrecognized_keys':
      return {
        ja: `知らない項目 ${issue.keys.map((k) => `「${k}」`).join('')} があります。項目名のつづりを確かめるか、消してください`,
        en: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}; check the spelling or remove ${issue.keys.length > 1 ? 'them' : 'it'}`,
      };
    case 'custom': {
      const params = issue.params as Partial<Bilingual> | undefined;
      if (params?.ja && params.en) return { ja: params.ja, en: params.en };
      return { ja: issue.message, en: issue.message };
    }
    default:
      return { ja: `値が正しくありません（${issue.message}）`, en: issue.message };
  }
}

/** Every problem of one entry, from a failed safeParse. */
export function problemsFromZod(
  file: string,
  error: z.ZodError,
  fields: FieldInfo[],
  data: unknown,
  options: { sourceAt?: (path: readonly PropertyKey[]) => string | undefined; collectionLabel?: CollectionLabels } = {},
): ContentProblem[] {
  return error.issues.map((issue) => {
    // unrecognized_keys reports on the object that holds the unknown key.
    const field = fieldAt(fields, issue.path);
    const value = issue.code === 'unrecognized_keys' ? undefined : valueAt(data, issue.path);
    const written =
      typeof value === 'number' || typeof value === 'boolean' ? options.sourceAt?.(issue.path) : undefined;
    const context: IssueContext = {};
    if (written !== undefined) context.written = written;
    if (options.collectionLabel) context.collectionLabel = options.collectionLabel;
    const problem: ContentProblem = { file, message: describeIssue(issue, field, value, context) };
    if (issue.path.length) problem.field = fieldPath(issue.path);
    if (field?.meta.label) problem.label = field.meta.label;
    if (written !== undefined) problem.value = written;
    else if (value !== undefined && value !== null && value !== '' && typeof value !== 'object') problem.value = value;
    return problem;
  });
}

const SHOWN_LENGTH = 30;

/** The value in 「」, a long text cut short (its length is what matters then). */
function showValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const chars = [...text];
  return chars.length > SHOWN_LENGTH
    ? `「${chars.slice(0, SHOWN_LENGTH).join('')}…」（${chars.length}字）`
    : `「${text}」`;
}

/** One line per problem: file: field（label）: 「value」— 日本語 / English */
export function formatProblem(p: ContentProblem): string {
  const where = p.field ? `${p.field}${p.label ? `（${p.label}）` : ''}: ` : '';
  const value = p.value !== undefined ? `${showValue(p.value)} — ` : '';
  return `${p.file}: ${where}${value}${p.message.ja}。 / ${p.message.en}.`;
}

export function formatReport(problems: ContentProblem[]): string {
  return [
    `内容に直すところが${problems.length}件あります。下の説明どおりに直してから、もう一度実行してください。`,
    `${problems.length} problem${problems.length > 1 ? 's' : ''} in content; fix them and run again.`,
    '',
    ...problems.map(formatProblem),
  ].join('\n');
}
