/**
 * Reads the volunteers' content files from disk the way our validator sees them: YAML 1.2
 * core schema, so 2026-12-05 stays the text that was written (js-yaml would make it a Date
 * and quietly turn 2026-02-30 into March 2nd).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentType } from '../../schemas/define.ts';
import { CONTENT_LOCALES, DEFAULT_CONTENT_LOCALE } from '../../i18n/locales.ts';
import { parseContentFile, type ContentFile } from './parse.ts';

export { parseContentFile, writtenText, YamlAliasError, YamlSyntaxError, type ContentFile } from './parse.ts';

/** `<id>.<locale>.md`: the Japanese original (`.ja.md`) or a translation beside it. */
export const ENTRY_FILE_RE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]{2,3}(?:-[a-z]+)?)\.md$/;

export interface CollectionFiles {
  /** Japanese originals, the entries. */
  entries: string[];
  /** Translations (`<id>.<locale>.md`, `site.<locale>.yml`): src/lib/content/translations.ts. */
  translations: string[];
  /** Anything else in the folder: reported, never silently skipped. */
  strays: string[];
}

/** Sorts the files of a content type's folder into entries, translations and strays. */
export function scanCollection(root: string, type: ContentType): CollectionFiles {
  if (type.file) return { ...scanTranslatedFile(root, type.file), strays: [] };
  const result: CollectionFiles = { entries: [], translations: [], strays: [] };
  const dir = join(root, 'content', type.name);
  if (!existsSync(dir)) return result;
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = relative(root, join(dir, name));
    const match = ENTRY_FILE_RE.exec(name);
    const locale = match?.[2] ?? '';
    if (locale === DEFAULT_CONTENT_LOCALE) result.entries.push(path);
    else if ((CONTENT_LOCALES as readonly string[]).includes(locale)) result.translations.push(path);
    else result.strays.push(path);
  }
  return result;
}

/**
 * A single-file type (the site settings, content/settings/site.yml) and its translations beside
 * it, `site.<locale>.yml` (Decap's file collections know only its i18n `single_file`
 * structure, so these are edited as files, not in the CMS). Other files in that folder are not
 * the type's: left alone, as before.
 */
function scanTranslatedFile(root: string, file: string): Omit<CollectionFiles, 'strays'> {
  const entries = existsSync(join(root, file)) ? [file] : [];
  const slash = file.lastIndexOf('/');
  const dir = file.slice(0, slash);
  const [stem, ext] = [file.slice(slash + 1).replace(/\.ya?ml$/, ''), file.split('.').pop() ?? 'yml'];
  const translations = existsSync(join(root, dir))
    ? readdirSync(join(root, dir))
        .sort()
        .filter((name) => {
          const code = name.startsWith(`${stem}.`) && name.endsWith(`.${ext}`) ? name.slice(stem.length + 1, -ext.length - 1) : '';
          return code !== DEFAULT_CONTENT_LOCALE && (CONTENT_LOCALES as readonly string[]).includes(code);
        })
        .map((name) => `${dir}/${name}`)
    : [];
  return { entries, translations };
}

/** The entry id of a content file: its name without `.<locale>.md`. */
export const idOfFile = (file: string) => (file.split('/').pop() ?? file).replace(/\.[a-z-]+\.md$/, '');

/**
 * How many times each content file was parsed in this process: a build should parse each once
 * (the integration validates, the loader, search and flyers take those entries), and the build
 * log says whether it did (src/integrations/tsunagari.ts). Kept on the global object because
 * Astro loads this module twice — for the integration and in src/content.config.ts's graph — and
 * a parse in either must count.
 */
const PARSES = Symbol.for('tsunagari.content-parses');
const parseCounts = ((globalThis as { [PARSES]?: Map<string, number> })[PARSES] ??= new Map<string, number>());

/** Parses per file (relative path) so far in this process. */
export const contentParses = (): ReadonlyMap<string, number> => parseCounts;

const UNCHANGED = Symbol.for('tsunagari.content-unchanged');
const unchangedFiles = ((globalThis as { [UNCHANGED]?: Set<string> })[UNCHANGED] ??= new Set<string>());

/** Files whose validation was taken from the last build's, unchanged (src/lib/validation/cache.ts). */
export const contentUnchanged = (): ReadonlySet<string> => unchangedFiles;
export const noteUnchanged = (file: string) => unchangedFiles.add(file);

/**
 * What the build log says about parsing: each file once, or which files were parsed again; and
 * how many were not parsed at all, being byte for byte what the last build validated.
 */
export function parsesReport(counts: ReadonlyMap<string, number>, unchanged: ReadonlySet<string> = new Set()): string {
  const again = [...counts].filter(([, n]) => n > 1);
  const fresh = [...unchanged].filter((file) => !counts.has(file)).length;
  if (fresh > 0 && !again.length)
    return `${(counts.size + fresh).toLocaleString('en')} content files: ${fresh.toLocaleString('en')} unchanged since the last build (.cache/content/), ${counts.size.toLocaleString('en')} parsed and validated, each once`;
  const files = `${counts.size.toLocaleString('en')} content files`;
  if (!again.length) return `${files} parsed and validated, each once`;
  const named = again
    .slice(0, 5)
    .map(([file, n]) => `${file} ×${n}`)
    .join(', ');
  return `${files} parsed; ${again.length} more than once: ${named}${again.length > 5 ? ', …' : ''}`;
}

export function readContentFile(
  root: string,
  type: ContentType,
  file: string,
  text = readFileSync(join(root, file), 'utf8'),
): ContentFile {
  parseCounts.set(file, (parseCounts.get(file) ?? 0) + 1);
  const parsed = parseContentFile(file, text, !type.file);
  const id = type.file ? 'site' : idOfFile(file);
  return { ...parsed, id };
}
