/**
 * Each kind of bad input a volunteer can produce gives the exact message in
 * tests/helpers/bad-inputs.ts: file, field, value and fix, Japanese first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { formatProblem, formatReport } from '../../src/lib/validation/messages.ts';
import { FIXTURE, fixtureCopy, removeFixtureCopies } from '../helpers/fixture.ts';
import { BAD_INPUTS } from '../helpers/bad-inputs.ts';
import { corpusCases } from '../helpers/corpus.ts';

const fixtureFile = (path: string) => readFileSync(join(FIXTURE, path), 'utf8');
afterEach(removeFixtureCopies);

const problemsAfter = (files: Record<string, string | Uint8Array | null>) =>
  validateContent(fixtureCopy(files)).problems.map(formatProblem);

describe('the minimal fixture', () => {
  it('is valid, every entry is kept and defaults are filled in', () => {
    const { problems, entries } = validateContent(FIXTURE);
    expect(problems).toEqual([]);
    expect(entries.get('districts')).toHaveLength(2);
    expect(entries.get('events')?.[0]?.parsed).toMatchObject({
      status: 'scheduled',
      fee: '無料',
      audience: ['everyone'],
    });
  });

  it('accepts dates and times written the way Decap writes them (unquoted)', () => {
    const unquoted = fixtureFile('content/salons/hidamari.ja.md').replace(/'/g, '');
    expect(unquoted).toContain('startTime: 10:00');
    expect(problemsAfter({ 'content/salons/hidamari.ja.md': unquoted })).toEqual([]);
  });
});

describe('bad input names the file, the field, the value and the fix', () => {
  // One reading for both (readChecked): a translation is refused for what stops its original,
  // in the same words, before any of its own rules.
  for (const [name, front] of [
    ['malformed YAML', 'title: "Hidamari'],
    ['a YAML alias', 'title: &a Hidamari\nsummary: *a'],
    ['a control character', 'title: Hidamari\u0007 Salon'],
  ]) {
    it(`${name} in a translation, as in its original`, () => {
      const text = `---\n${front}\n---\n`;
      const original = problemsAfter({ 'content/salons/hidamari.ja.md': text });
      expect(original).toHaveLength(1);
      expect(problemsAfter({ 'content/salons/hidamari.en.md': text })).toEqual(
        original.map((p) => p.replace('content/salons/hidamari.ja.md', 'content/salons/hidamari.en.md')),
      );
    });
  }

  for (const bad of BAD_INPUTS) {
    it(bad.name, () => {
      expect(problemsAfter(bad.files)).toEqual(bad.expected);
    });
  }

  // tests/corpus/: one folder per bad input, refused with its message or accepted as written.
  for (const bad of corpusCases()) {
    it(`corpus ${bad.id}: ${bad.name}`, () => {
      expect(problemsAfter(bad.files)).toEqual(bad.expected);
    });
  }

  it('a district that is its own ancestor', () => {
    const loop = fixtureFile('content/districts/higashi.ja.md').replace(
      'kind: school',
      'kind: school\nparent: honcho-1',
    );
    expect(problemsAfter({ 'content/districts/higashi.ja.md': loop })).toEqual([
      'content/districts/higashi.ja.md: parent（上位の地区）: 「honcho-1」 — 上位の地区をたどると元の地区に戻ってしまいます。上位の地区を選び直してください。 / parent districts form a loop; choose another parent.',
      'content/districts/honcho-1.ja.md: parent（上位の地区）: 「higashi」 — 上位の地区をたどると元の地区に戻ってしまいます。上位の地区を選び直してください。 / parent districts form a loop; choose another parent.',
    ]);
  });

  it('reports every problem of every file at once, with a bilingual header', () => {
    const event = 'content/events/bousai.ja.md';
    const salon = 'content/salons/hidamari.ja.md';
    const dir = fixtureCopy({
      [event]: fixtureFile(event).replace('  - disaster', '  - nope'),
      [salon]: fixtureFile(salon).replace('place: kominkan', 'place: nowhere'),
    });
    const report = formatReport(validateContent(dir).problems);
    expect(report.split('\n').slice(0, 2)).toEqual([
      '内容に直すところが2件あります。下の説明どおりに直してから、もう一度実行してください。',
      '2 problems in content; fix them and run again.',
    ]);
    expect(report).toContain('content/events/bousai.ja.md: categories[1]（分類）: 「nope」');
    expect(report).toContain('content/salons/hidamari.ja.md: place（会場）: 「nowhere」');
  });
});
