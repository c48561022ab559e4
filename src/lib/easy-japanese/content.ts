/**
 * Checks the やさしい日本語 translations in content/ (`<id>.ja-easy.md` beside `<id>.ja.md`) and
 * words what makes them hard as warnings (../validation/warnings.ts): `npm run check`, the build
 * and the dev server point them out with file, line, rule and suggestion, and build all the same.
 * The body is linted as Markdown in the file's own lines; each text value of the front matter
 * (title, summary …) as plain text at its line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument, visit } from 'yaml';
import { contentTypes } from '../../schemas/index.ts';
import type { ContentType } from '../../schemas/define.ts';
import { scanCollection } from '../content/files.ts';
import { fieldsOf } from '../validation/validate.ts';
import type { ContentWarning } from '../validation/warnings.ts';
import { diskValidationCache, digestOf, type ValidationCache } from '../validation/cache.ts';
import type { EasyFinding } from './messages.ts';
import { EASY_LOCALE } from '../../i18n/locales.ts';

/** The locale whose files are checked: やさしい日本語. */
export { EASY_LOCALE };

/** Text a reader reads: anything with kana or kanji (dates, ids and numbers have none). */
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

const toWarning = (file: string, label: string, lineOffset: number, f: EasyFinding): ContentWarning => ({
  file,
  line: lineOffset + f.line,
  label,
  shown: f.found,
  rule: f.rule,
  suggestion: f.suggestion,
  message: { ja: `【${f.name}】${f.message.ja}`, en: f.message.en },
});

/** The front matter's text values with their 1-based file line and top-level key. */
export function frontMatterTexts(text: string): { key: string; line: number; value: string }[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match?.[1]) return [];
  const counter = new LineCounter();
  const doc = parseDocument(match[1], { lineCounter: counter });
  const texts: { key: string; line: number; value: string }[] = [];
  if (!isMap(doc.contents)) return texts;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    visit(pair.value, {
      Scalar(_key, node) {
        if (typeof node.value !== 'string' || !JAPANESE.test(node.value) || !node.range) return;
        // +1: the front matter's first line is the file's second, after ---.
        texts.push({ key, line: counter.linePos(node.range[0]).line + 1, value: node.value });
      },
    });
  }
  return texts;
}

/**
 * textlint, its rules and kuromoji, loaded when a file is linted: ~550 modules, a quarter of a
 * second of every build's start-up (more on a busy machine) when no file changed and the
 * cache answers for all of them (easyJapaneseWarnings).
 */
const linter = async () => {
  const [{ lintEasyJapanese }, { ALL_RULES }] = await Promise.all([import('./lint.ts'), import('./node-rules.ts')]);
  return { lintEasyJapanese, ALL_RULES };
};

/** The warnings of one やさしい日本語 file, read from disk. */
export async function easyJapaneseFileWarnings(
  root: string,
  file: string,
  labelOf: (key: string) => string,
  bodyLabel: string,
): Promise<ContentWarning[]> {
  const text = readFileSync(join(root, file), 'utf8');
  const { lintEasyJapanese, ALL_RULES } = await linter();
  const warnings: ContentWarning[] = [];
  for (const { key, line, value } of frontMatterTexts(text)) {
    const findings = await lintEasyJapanese(value, ALL_RULES, 'text');
    warnings.push(...findings.map((f) => toWarning(file, labelOf(key), line - 1, f)));
  }
  // The Markdown plugin reads the front matter as one YAML node and lints only the body.
  const body = await lintEasyJapanese(text, ALL_RULES, 'markdown');
  warnings.push(...body.map((f) => toWarning(file, bodyLabel, 0, f)));
  return warnings.sort((a, b) => a.line - b.line);
}

/** Every `.ja-easy.md` file under content/, for check, the build and the dev server. */
export function easyJapaneseFiles(root: string): { file: string; type: ContentType }[] {
  return contentTypes.flatMap((type) =>
    scanCollection(root, type)
      .translations.filter((file) => file.endsWith(`.${EASY_LOCALE}.md`))
      .map((file) => ({ file, type })),
  );
}

/** The warnings of one file of a content type (labels from its schema). */
export function easyWarningsOf(root: string, file: string, type: ContentType): Promise<ContentWarning[]> {
  const fields = fieldsOf(type);
  const labelOf = (key: string) => fields.find((f) => f.name === key)?.meta.label ?? key;
  return easyJapaneseFileWarnings(root, file, labelOf, type.body?.label ?? '本文');
}

/**
 * The warnings of every やさしい日本語 file. Loading kuromoji's dictionary is most of the cost
 * (seconds), so with a cache (`.cache/easy-japanese/`, kept like the validation cache: by each
 * file's SHA-256 and a hash of src/ and the lockfile) a file whose bytes did not change is not
 * linted again, and when none changed the dictionary is not loaded at all.
 */
export async function easyJapaneseWarnings(root: string, cache?: ValidationCache): Promise<ContentWarning[]> {
  const all: ContentWarning[] = [];
  for (const { file, type } of easyJapaneseFiles(root)) {
    const digest = cache ? digestOf(readFileSync(join(root, file))) : '';
    const kept = cache?.get(file, digest)?.warnings;
    const warnings = kept ?? (await easyWarningsOf(root, file, type));
    cache?.set(file, digest, { problems: [], warnings });
    all.push(...warnings);
  }
  cache?.save();
  return all;
}

/** The cache of the check's warnings on disk, for check and the build. */
export const easyJapaneseCache = (root: string, code?: string): ValidationCache =>
  diskValidationCache(root, code, 'easy-japanese');
