/**
 * A translation that has fallen behind its original (issue 16): the original's text changed
 * after the translation was last written. Known from Git, the history every way of editing
 * leaves — a volunteer's save in Decap is a commit (decap-server locally, the Git host when
 * published) and a fresh clone has the history: the original as it was in the translation's
 * last commit is compared with the original now (the working tree, uncommitted edits included).
 * Only what a translator translates counts (the translatable fields and the body,
 * translations.ts): a changed date or phone reaches every language by itself.
 *
 * A translation with uncommitted changes is being written now and is not behind; one Git does not
 * know yet (new) neither. Without Git (a folder copied from a zip) nothing is said.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseContentFile } from './parse.ts';
import { translatablePart } from './translations.ts';
import type { FieldInfo } from '../schema/walk.ts';
import type { ContentWarning } from '../validation/warnings.ts';
import { LOCALES } from '../../i18n/locales.ts';

/** What a translator translates of an original's text: its translatable fields and its body. */
export function translatedText(text: string, fields: readonly FieldInfo[], frontMatter: boolean): Record<string, unknown> {
  try {
    const { data, body } = parseContentFile('', text, frontMatter);
    return { ...translatablePart(data, fields), ...(frontMatter && body.trim() ? { body: body.trim() } : {}) };
  } catch {
    return {};
  }
}

/** The names of what changed between two versions of the translated text (`title`, `body`, `application`). */
export function changedText(before: Record<string, unknown>, now: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(now)])];
  return keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(now[key]));
}

export interface TranslationPair {
  /** The translation, from the project root. */
  file: string;
  /** Its original. */
  original: string;
  locale: string;
  fields: readonly FieldInfo[];
  /** Markdown with front matter (entries) or a YAML file (the settings). */
  frontMatter: boolean;
}

/** What Git knows of the content files: each one's last commit and what is uncommitted. */
export interface ContentHistory {
  lastCommit(file: string): string | undefined;
  uncommitted(file: string): boolean;
  /** A file's text at a commit (once prefetched); undefined where it did not exist. */
  textAt(commit: string, file: string): string | undefined;
  /** Reads the texts of `commit:file` keys ahead, all at once. */
  prefetch(keys: string[]): void;
}

/** The warning for a translation behind its original, or none. */
export function behindWarning(
  pair: TranslationPair,
  history: ContentHistory,
  originalNow: string,
): ContentWarning | undefined {
  if (history.uncommitted(pair.file)) return undefined;
  const commit = history.lastCommit(pair.file);
  if (!commit) return undefined;
  const then = history.textAt(commit, pair.original);
  if (then === undefined) return undefined;
  const changed = changedText(
    translatedText(then, pair.fields, pair.frontMatter),
    translatedText(originalNow, pair.fields, pair.frontMatter),
  );
  if (!changed.length) return undefined;
  const language = LOCALES.find((l) => l.code === pair.locale)?.name ?? pair.locale;
  const names = changed.join(', ');
  return {
    file: pair.file,
    line: 1,
    label: language,
    shown: names,
    message: {
      ja: `この翻訳（${language}）は元の日本語より古くなっています。${pair.original} の「${names}」が、翻訳を書いたあと（${commit.slice(0, 7)}）に変わりました。元の日本語に合わせて翻訳を直して保存してください`,
      en: `this ${language} translation is behind its original: ${names} of ${pair.original} changed after it was last written (${commit.slice(0, 7)}); update the translation to match and save it`,
    },
  };
}

/**
 * What Git knows, in three processes whatever the number of translations: the history of
 * content/ (each file's last commit), the working tree's state, and the old originals.
 */
export function gitHistory(root: string): ContentHistory | undefined {
  const run = (args: string[], input?: string) =>
    spawnSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...(input ? { input } : {}) });
  // Paths below are the repository's: a project kept in a subfolder of one is not looked into.
  const prefix = run(['rev-parse', '--show-prefix']);
  if (prefix.status !== 0 || prefix.stdout.trim() !== '') return undefined;
  const log = run(['log', '--format=commit %H', '--name-only', '--no-renames', '--', 'content']);
  if (log.status !== 0) return undefined;
  const last = new Map<string, string>();
  let commit = '';
  for (const line of log.stdout.split('\n')) {
    if (line.startsWith('commit ')) commit = line.slice(7);
    else if (line && !last.has(line)) last.set(line, commit);
  }
  const status = run(['status', '--porcelain', '-z', '--untracked-files=all', '--', 'content']);
  const dirty = new Set(
    status.stdout
      .split('\0')
      .filter(Boolean)
      .map((entry) => entry.slice(3)),
  );
  const texts = new Map<string, string | undefined>();
  return {
    lastCommit: (file) => last.get(file),
    uncommitted: (file) => dirty.has(file),
    textAt: (at, file) => texts.get(`${at}:${file}`),
    prefetch: (keys) => {
      const wanted = keys.filter((key) => !texts.has(key));
      if (!wanted.length) return;
      // `git cat-file --batch`: every old version in one process, each "<oid> blob <size>\n<bytes>\n".
      const out = spawnSync('git', ['-C', root, 'cat-file', '--batch'], {
        input: wanted.join('\n') + '\n',
        maxBuffer: 1 << 30,
      }).stdout;
      let at = 0;
      for (const key of wanted) {
        const end = out.indexOf(10, at);
        const header = out.subarray(at, end).toString('utf8').split(' ');
        at = end + 1;
        if (header[1] !== 'blob') {
          texts.set(key, undefined);
          continue;
        }
        const size = Number(header[2]);
        texts.set(key, out.subarray(at, at + size).toString('utf8'));
        at += size + 1;
      }
    },
  };
}

/** The warnings for every translation behind its original (`npm run check`). */
export function behindTranslations(
  root: string,
  pairs: readonly TranslationPair[],
  history = gitHistory(root),
): ContentWarning[] {
  if (!history) return [];
  history.prefetch(
    pairs.flatMap((pair) => {
      const commit = history.uncommitted(pair.file) ? undefined : history.lastCommit(pair.file);
      return commit ? [`${commit}:${pair.original}`] : [];
    }),
  );
  return pairs.flatMap((pair) => behindWarning(pair, history, readFileSync(join(root, pair.original), 'utf8')) ?? []);
}
