import { describe, expect, it } from 'vitest';
import { togetherPieces } from '../../src/lib/together.ts';

const together = (text: string) =>
  togetherPieces(text)
    .filter((p) => p.together)
    .map((p) => p.text);

describe('togetherPieces', () => {
  it('keeps a time range and a date with its weekday whole', () => {
    expect(together('2026年12月5日(土) 10:00〜12:00')).toEqual(['12月5日(土)', '10:00〜12:00']);
    expect(together('毎月第2水曜日 9:30〜11:30（祝日はお休み）')).toEqual(['9:30〜11:30']);
  });

  it('leaves an event over several days breakable between its days', () => {
    expect(together('2026年12月5日(土) 10:00〜2026年12月6日(日) 15:00')).toEqual(['12月5日(土)', '12月6日(日)']);
  });

  it('loses and adds nothing', () => {
    for (const text of ['東公民館 2階 和室', '2026年12月5日(土) 10:00〜12:00', '10:00〜12:00', ''])
      expect(
        togetherPieces(text)
          .map((p) => p.text)
          .join(''),
      ).toBe(text);
    expect(togetherPieces('東公民館')).toEqual([{ text: '東公民館', together: false }]);
  });
});
