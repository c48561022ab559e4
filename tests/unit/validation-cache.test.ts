/**
 * The build's validation cache (src/lib/validation/cache.ts): a file byte for byte as the last
 * build validated it is not parsed again, and the result — entries, problems, warnings — is the
 * same as validating afresh; a changed file, or changed code, is validated again.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { contentParses, parsesReport } from '../../src/lib/content/files.ts';
import { diskValidationCache, validationCodeVersion } from '../../src/lib/validation/cache.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { fixtureCopy, removeFixtureCopies } from '../helpers/fixture.ts';

afterEach(removeFixtureCopies);

/** How many parses `run` made. */
function parses(run: () => void): number {
  const total = () => [...contentParses().values()].reduce((a, b) => a + b, 0);
  const before = total();
  run();
  return total() - before;
}

const EVENT = 'content/events/bousai.ja.md';

describe('the validation cache in .cache/content/', () => {
  it('gives what a fresh validation gives, without parsing an unchanged file again', () => {
    const root = fixtureCopy();
    const files = readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(md|yml)$/.test(f),
    );
    let fresh!: ReturnType<typeof validateContent>;
    let first!: ReturnType<typeof validateContent>;
    let second!: ReturnType<typeof validateContent>;
    expect(parses(() => (fresh = validateContent(root)))).toBe(files.length);
    expect(parses(() => (first = validateContent(root, diskValidationCache(root))))).toBe(files.length);
    expect(parses(() => (second = validateContent(root, diskValidationCache(root))))).toBe(0);
    for (const run of [first, second]) {
      expect(run.entries).toEqual(fresh.entries);
      expect(run.problems).toEqual(fresh.problems);
      expect(run.warnings).toEqual(fresh.warnings);
    }
    expect(fresh.problems).toEqual([]);
  });

  it('validates a changed file again, and keeps its problem until it is fixed', () => {
    const root = fixtureCopy();
    validateContent(root, diskValidationCache(root));
    const original = readFileSync(join(root, EVENT), 'utf8');
    writeFileSync(join(root, EVENT), original.replace(/^title: .*$/m, 'title: ""'));
    let broken!: ReturnType<typeof validateContent>;
    expect(parses(() => (broken = validateContent(root, diskValidationCache(root))))).toBe(1);
    expect(broken.problems.map((p) => [p.file, p.field])).toEqual([[EVENT, 'title']]);
    // Unchanged since: the same problem, from the cache — the build still stops.
    let again!: ReturnType<typeof validateContent>;
    expect(parses(() => (again = validateContent(root, diskValidationCache(root))))).toBe(0);
    expect(again.problems).toEqual(broken.problems);
    writeFileSync(join(root, EVENT), original);
    expect(parses(() => validateContent(root, diskValidationCache(root)))).toBe(1);
  });

  it('checks what spans files every time: a reference to an entry that was deleted', () => {
    const root = fixtureCopy();
    const first = validateContent(root, diskValidationCache(root));
    const salon = first.entries.get('salons')?.[0];
    const place = salon?.parsed['place'];
    expect(typeof place).toBe('string');
    rmSync(join(root, `content/places/${String(place)}.ja.md`));
    const after = validateContent(root, diskValidationCache(root));
    expect(after.problems.some((p) => p.file === salon?.file && p.field === 'place')).toBe(true);
  });

  it('keeps the flyers’ text check under what it read: the same entries give the kept result, a changed one a new check', () => {
    const root = fixtureCopy();
    const cacheFile = join(root, '.cache', 'content', 'validated.v8');
    expect(validateContent(root, diskValidationCache(root)).problems).toEqual([]);
    // What is kept is what is said (white box: a problem planted in the kept result comes back
    // while nothing it read changed, so the check did not run again).
    const stored = deserialize(readFileSync(cacheFile)) as {
      spanning: Record<string, { key: string; problems: unknown[] }>;
    };
    const planted = { file: EVENT, field: 'title', message: { ja: '植えた問題', en: 'planted' } };
    stored.spanning['flyerText']?.problems.push(planted);
    writeFileSync(cacheFile, serialize(stored));
    expect(validateContent(root, diskValidationCache(root)).problems).toEqual([planted]);
    // A title the fonts cannot print: the check runs again and names it; the plant is gone.
    const original = readFileSync(join(root, EVENT), 'utf8');
    writeFileSync(join(root, EVENT), original.replace(/^title: .*$/m, 'title: 防災訓練 สวัสดี'));
    const thai = validateContent(root, diskValidationCache(root)).problems;
    expect(thai.map((p) => [p.file, p.field])).toEqual([[EVENT, 'title']]);
    expect(thai[0]?.message.ja).toContain('チラシのフォントにない文字');
    // Unchanged since: the same problem from the cache; fixed: none.
    expect(validateContent(root, diskValidationCache(root)).problems).toEqual(thai);
    writeFileSync(join(root, EVENT), original);
    expect(validateContent(root, diskValidationCache(root)).problems).toEqual([]);
  });

  it('validates everything again when the code that judges it changed', () => {
    const root = fixtureCopy();
    const before = validationCodeVersion(root);
    validateContent(root, diskValidationCache(root));
    appendFileSync(join(root, 'package-lock.json'), '\n');
    expect(validationCodeVersion(root)).not.toBe(before);
    expect(parses(() => validateContent(root, diskValidationCache(root)))).toBeGreaterThan(0);
    expect(parses(() => validateContent(root, diskValidationCache(root)))).toBe(0);
  });

  it('says in the build log how many files were taken from the last build', () => {
    const parsed = new Map([['content/events/a.ja.md', 1]]);
    expect(parsesReport(parsed, new Set(['content/events/b.ja.md', 'content/events/c.ja.md']))).toBe(
      '3 content files: 2 unchanged since the last build (.cache/content/), 1 parsed and validated, each once',
    );
  });
});
