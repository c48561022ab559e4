/** src/lib/progress.ts: a step's lines per file, every one for a small town, thinned for a large. */
import { describe, expect, it } from 'vitest';
import { progressLog } from '../../src/lib/progress.ts';

describe('progressLog', () => {
  it('says every line of a step of up to 200 files, as they come', () => {
    const lines: string[] = [];
    const log = progressLog(200, (line) => lines.push(line));
    for (let i = 1; i <= 200; i++) log(`file ${i}`);
    expect(lines).toHaveLength(200);
    expect(lines[0]).toBe('file 1');
  });

  it('says a larger step’s latest line at most every 5 s, with how far it is, and always its last', () => {
    const lines: string[] = [];
    let clock = 0;
    const log = progressLog(20_149, (line) => lines.push(line), { now: () => clock });
    for (let i = 1; i <= 20_149; i++) {
      clock = i * 10; // a file every 10 ms: 201 s in all
      log(`file ${i}`);
    }
    expect(lines[0]).toBe('1/20,149: file 1');
    expect(lines.at(-1)).toBe('20,149/20,149: file 20149');
    // 201 s at one line per 5 s, the last besides.
    expect(lines).toHaveLength(42);
    expect(lines[1]).toBe('501/20,149: file 501');
  });
});
