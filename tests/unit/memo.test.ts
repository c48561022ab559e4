import { describe, expect, it } from 'vitest';
import { Memo } from '../../src/lib/memo.ts';

describe('Memo: a memo of two generations, for processes that run long', () => {
  it('answers what it was told, and makes an answer only once', () => {
    const memo = new Memo<string, number>(10);
    let made = 0;
    const make = (key: string) => {
      made += 1;
      return key.length;
    };
    expect(memo.remember('abc', make)).toBe(3);
    expect(memo.remember('abc', make)).toBe(3);
    expect(made).toBe(1);
    expect(memo.get('missing')).toBeUndefined();
  });

  it('holds at most two generations of answers, however many it is told', () => {
    const memo = new Memo<number, number>(100);
    for (let i = 0; i < 100_000; i++) memo.set(i, i);
    expect(memo.size).toBeLessThanOrEqual(200);
    // The newest are kept, the oldest forgotten.
    expect(memo.get(99_999)).toBe(99_999);
    expect(memo.get(0)).toBeUndefined();
  });

  it('keeps what is asked for again: an old answer moves to the current generation', () => {
    const memo = new Memo<string, string>(3);
    memo.set('label', 'kept');
    for (let i = 0; i < 50; i++) {
      memo.set(`once-${i}`, 'x');
      // A label every sheet asks for.
      expect(memo.get('label')).toBe('kept');
    }
    expect(memo.get('once-0')).toBeUndefined();
  });

  it('weighs answers when told how: a generation is held to a size, not a count', () => {
    const memo = new Memo<number, string>(1_000, (value) => value.length);
    for (let i = 0; i < 1_000; i++) memo.set(i, 'p'.repeat(400));
    // Two of 400 fill a generation of 1,000: at most two generations of two.
    expect(memo.size).toBeLessThanOrEqual(4);
    // One answer heavier than the whole budget is still kept, alone.
    memo.set(-1, 'q'.repeat(5_000));
    expect(memo.get(-1)).toHaveLength(5_000);
  });

  it('counts a replaced answer once', () => {
    const memo = new Memo<string, number>(2);
    for (let i = 0; i < 10; i++) memo.set('same', i);
    memo.set('other', 1);
    expect(memo.get('same')).toBe(9);
    expect(memo.get('other')).toBe(1);
  });

  it('forgets everything when cleared, and refuses a budget of nothing', () => {
    const memo = new Memo<string, number>(5);
    memo.set('a', 1);
    memo.clear();
    expect(memo.size).toBe(0);
    expect(memo.get('a')).toBeUndefined();
    expect(() => new Memo(0)).toThrow(RangeError);
  });
});
