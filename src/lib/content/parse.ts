/**
 * Parses one content file the way the validator sees it — YAML 1.2 core schema, front matter
 * split from the Markdown, anchors and aliases refused — without touching the disk, so the CMS
 * page's own script can read an entry exactly as the build will (src/lib/cms/commit-title.ts).
 * Reading files and folders is src/lib/content/files.ts.
 */
import YAML, { LineCounter } from 'yaml';

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

/**
 * A YAML anchor (`&name`) or alias (`*name`). Decap never writes them, and expanding aliases of
 * aliases can grow a small file into billions of values (an alias bomb), so a file that has one
 * is refused before anything is expanded; `detail` is the anchor as written (`&a`, `*a`).
 */
export class YamlAliasError extends YamlSyntaxError {}

const FRONT_MATTER_RE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

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
  const aliases: { name: string; offset: number }[] = [];
  YAML.visit(doc, {
    Node(_, node) {
      const name = YAML.isAlias(node) ? `*${node.source}` : node.anchor ? `&${node.anchor}` : undefined;
      if (!name) return undefined;
      aliases.push({ name, offset: node.range?.[0] ?? 0 });
      return YAML.visit.BREAK;
    },
  });
  const alias = aliases[0];
  if (alias) throw new YamlAliasError(file, lineCounter.linePos(alias.offset).line + lineOffset, alias.name);
  return { file, data: doc.toJS() ?? {}, body };
}

/**
 * The text a scalar was written as in a content file (`012345` for what YAML read as the
 * number 12345), so messages can quote the volunteer's own words. Undefined when the file or
 * the path cannot be read.
 */
export function writtenText(text: string, frontMatter: boolean, path: readonly PropertyKey[]): string | undefined {
  const yamlText = frontMatter ? FRONT_MATTER_RE.exec(text)?.[1] : text;
  if (yamlText === undefined) return undefined;
  const doc = YAML.parseDocument(yamlText, { schema: 'core' });
  const node = doc.getIn(
    path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    true,
  );
  if (!YAML.isScalar(node)) return undefined;
  return node.range ? yamlText.slice(node.range[0], node.range[1]).trim() : undefined;
}
