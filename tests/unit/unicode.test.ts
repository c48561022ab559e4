import { describe, expect, it } from 'vitest';
import { escapeNotText, notTextProblems } from '../../src/lib/validation/unicode.ts';
import { formatProblem } from '../../src/lib/validation/messages.ts';

const problems = (data: unknown, body = '') =>
  notTextProblems('content/events/a.ja.md', data, body, [], '詳しい内容').map(formatProblem);

describe('characters that are not text', () => {
  it('leaves text alone: emoji pairs, ZWJ sequences, flags, tab and line breaks, private use, BOM', () => {
    expect(
      problems({ title: 'クリスマス会🎄 👨‍👩‍👧 🇯🇵 ☀️', note: 'a\tb\r\nc', pua: '\uE000\uFEFF' }, '本文\n\n- 🎄'),
    ).toEqual([]);
  });

  it('refuses a lone surrogate, high or low, naming it escaped', () => {
    expect(escapeNotText('a\uD83Db\uDC00')).toBe('a\\uD83Db\\uDC00');
    expect(problems({ title: '防災訓練\uD83D' })).toEqual([
      'content/events/a.ja.md: title: 「防災訓練\\uD83D」 — 文字として使えない符号（\\uD83D: 対になっていないサロゲート）が入っています。消すか、書きたかった文字に直してください。 / contains \\uD83D (a lone surrogate, not a character); delete it or type the character you meant.',
    ]);
  });

  it('refuses control characters and noncharacters, in lists and nested fields too', () => {
    expect(
      problems({ flyer: { points: ['ok', 'a\u0000b'] }, fee: '\uFFFE', x: '\u{1FFFF}', y: '\u0085', z: '\u000B' }),
    ).toEqual([
      'content/events/a.ja.md: flyer.points[2]: 「a\\u0000b」 — 文字として使えない符号（\\u0000: 制御文字）が入っています。消すか、書きたかった文字に直してください。 / contains \\u0000 (a control character); delete it or type the character you meant.',
      'content/events/a.ja.md: fee: 「\\uFFFE」 — 文字として使えない符号（\\uFFFE: 非文字）が入っています。消すか、書きたかった文字に直してください。 / contains \\uFFFE (a noncharacter); delete it or type the character you meant.',
      'content/events/a.ja.md: x: 「\\u{1FFFF}」 — 文字として使えない符号（\\u{1FFFF}: 非文字）が入っています。消すか、書きたかった文字に直してください。 / contains \\u{1FFFF} (a noncharacter); delete it or type the character you meant.',
      'content/events/a.ja.md: y: 「\\u0085」 — 文字として使えない符号（\\u0085: 制御文字）が入っています。消すか、書きたかった文字に直してください。 / contains \\u0085 (a control character); delete it or type the character you meant.',
      'content/events/a.ja.md: z: 「\\u000B」 — 文字として使えない符号（\\u000B: 制御文字）が入っています。消すか、書きたかった文字に直してください。 / contains \\u000B (a control character); delete it or type the character you meant.',
    ]);
  });

  it('shows the words around a bad character in the body', () => {
    expect(problems({}, '当日は動きやすい服装で\u0007お越しください。')).toEqual([
      'content/events/a.ja.md: body（詳しい内容）: 「日は動きやすい服装で\\u0007お越しください。」 — 文字として使えない符号（\\u0007: 制御文字）が入っています。消すか、書きたかった文字に直してください。 / contains \\u0007 (a control character); delete it or type the character you meant.',
    ]);
  });
});
