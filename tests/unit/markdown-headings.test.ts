import { describe, expect, it } from 'vitest';
import { phraseBreaks } from '../../src/lib/markdown/headings.ts';

describe('headings in volunteer Markdown', () => {
  it('may break between phrases only, with an invisible break', () => {
    expect(phraseBreaks('あさひ台 年末もちつき大会のお知らせ').split('\u200b')).toEqual(
      expect.arrayContaining([expect.stringContaining('もちつき')]),
    );
    expect(phraseBreaks('いつもの流れ')).toContain('\u200b');
    // The text itself is unchanged once the breaks are taken out.
    expect(phraseBreaks('当日の持ち物と注意').replaceAll('\u200b', '')).toBe('当日の持ち物と注意');
  });

  it('leaves a one-phrase heading as it is', () => {
    expect(phraseBreaks('持ち物')).toBe('持ち物');
  });
});
