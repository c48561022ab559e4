/**
 * Reads the volunteers' content files from disk the way our validator sees them: YAML 1.2
 * core schema, so 2026-12-05 stays the text that was written (js-yaml would make it a Date
 * and quietly turn 2026-02-30 into March 2nd).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import YAML, { LineCounter } from 'yaml';
import type { ContentType } from '../../schemas/define.ts';

export interface ContentFile {
  /** Path relative to the project root, as named in error messages. */
  file: string;
  /** The entry id: the file name without extension. */
  id: string;
  /** Parsed front matter (or whole YAML file). */
  data: unknown;
  /** Markdown below the front matter. */
  body: string;
}

export class YamlSyntaxError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly detail: string;
  constructor(file: string, line: number | undefined, detail: string) {
    super(`${file}: ${detail}`);
    this.file = file;
    this.line = line;
    this.detail = detail;
  }
}

const FRONT_MATTER_RE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** A translation sits beside its original as `<id>.<locale>.md` (Decap i18n multiple_files). */
export const TRANSLATION_FILE_RE = /^[^.]+\.[a-z]{2}(?:-[a-z]+)?\.md$/;

export function parseContentFile(file: string, text: string, frontMatter: boolean): Omit<ContentFile, 'id'> {
  let yamlText = text;
  let body = '';
  let lineOffset = 0;
  if (frontMatter) {
    const match = FRONT_MATTER_RE.exec(text);
    if (!match) throw new YamlSyntaxError(file, 1, 'front matter missing');
    yamlText = match[1] ?? '';
    body = text.slice(match[0].length);
    lineOffset = 1;
  }
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(yamlText, { schema: 'core', prettyErrors: false, uniqueKeys: true, lineCounter });
  const error = doc.errors[0];
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new YamlSyntaxError(file, line === undefined ? undefined : line + lineOffset, error.message.split('\n')[0] ?? error.code);
  }
  return { file, data: doc.toJS() ?? {}, body };
}

/** Every entry file of a content type (translations excluded: they are checked with their original). */
export function listContentFiles(root: string, type: ContentType): string[] {
  if (type.file) return existsSync(join(root, type.file)) ? [type.file] : [];
  const dir = join(root, 'content', type.name);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !TRANSLATION_FILE_RE.test(name) && !name.startsWith('.'))
    .sort()
    .map((name) => relative(root, join(dir, name)));
}

export function readContentFile(root: string, type: ContentType, file: string): ContentFile {
  const text = readFileSync(join(root, file), 'utf8');
  const parsed = parseContentFile(file, text, !type.file);
  const id = type.file ? 'site' : (file.split('/').pop() ?? file).replace(/\.md$/, '');
  return { ...parsed, id };
}
