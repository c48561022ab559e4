/**
 * The regression corpus (tests/corpus/): one folder per bad input found by trying the product
 * as an attacker or an unlucky volunteer would. Each folder holds `case.yml` — what was done,
 * the finding it comes from and the exact lines `npm run check` and the build must print (or
 * `builds: true` for input that must be accepted) — and under `files/` the files laid over the
 * minimal fixture (tests/fixtures/minimal), byte for byte, so a case is read as it was written.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import YAML from 'yaml';

export const CORPUS = resolve(import.meta.dirname, '../corpus');

export interface CorpusCase {
  /** The folder name. */
  id: string;
  /** What the volunteer or attacker did, in one line. */
  name: string;
  /** The finding it reproduces. */
  finding: string;
  /** Files laid over the fixture, by path relative to the project root; null removes one. */
  files: Record<string, Uint8Array | null>;
  /** Exact lines that both `npm run check` and `astro build` print; empty when it must build. */
  expected: string[];
  /** The input is valid and must build (check passes, the whole build passes). */
  builds: boolean;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function readCase(id: string): CorpusCase {
  const dir = join(CORPUS, id);
  const spec = YAML.parse(readFileSync(join(dir, 'case.yml'), 'utf8')) as Partial<CorpusCase> & {
    removes?: string[];
  };
  if (!spec.name || !spec.finding) throw new Error(`tests/corpus/${id}/case.yml: name and finding are required`);
  const files: Record<string, Uint8Array | null> = {};
  const base = join(dir, 'files');
  for (const path of filesUnder(base)) files[relative(base, path).split(sep).join('/')] = readFileSync(path);
  for (const path of spec.removes ?? []) files[path] = null;
  if (Object.keys(files).length === 0) throw new Error(`tests/corpus/${id}: no files/ to lay over the fixture`);
  const builds = spec.builds === true;
  const expected = spec.expected ?? [];
  if (builds === expected.length > 0)
    throw new Error(`tests/corpus/${id}/case.yml: give either expected lines or builds: true`);
  return { id, name: spec.name, finding: spec.finding, files, expected, builds };
}

/** Every case of the corpus, in folder order. */
export function corpusCases(): CorpusCase[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS)
    .filter((name) => existsSync(join(CORPUS, name, 'case.yml')))
    .sort()
    .map(readCase);
}

/** The cases that must be refused with a message, and those that must build. */
export const refusedCases = () => corpusCases().filter((c) => !c.builds);
export const acceptedCases = () => corpusCases().filter((c) => c.builds);
