import { describe, expect, it } from 'vitest';
import {
  dateFromYaml,
  formatDateJa,
  formatTimeJa,
  parseDate,
  parseDateTime,
  startOfDateJst,
  toJstDateString,
  toJstIso,
} from '../../src/lib/dates.ts';

describe('dates in Japan time', () => {
  it('accepts real calendar dates only', () => {
    expect(parseDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('2026-4-1')).toBeNull();
  });

  it('reads wall-clock times as JST instants, whatever the machine time zone', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
    expect(parseDateTime('2026-12-05T10:00')?.toISOString()).toBe('2026-12-05T01:00:00.000Z');
    expect(parseDateTime('2026-12-05T24:00')).toBeNull();
    expect(parseDateTime('2026-02-30T10:00')).toBeNull();
    expect(startOfDateJst('2027-01-01').toISOString()).toBe('2026-12-31T15:00:00.000Z');
  });

  it('formats in Japanese with the weekday, as residents read it', () => {
    const instant = parseDateTime('2026-12-05T09:30')!;
    expect(formatDateJa(instant)).toBe('2026年12月5日(土)');
    expect(formatTimeJa(instant)).toBe('09:30');
    expect(toJstIso(instant)).toBe('2026-12-05T09:30+09:00');
    // 23:30 UTC on the 4th is already the 5th in Japan.
    expect(toJstDateString(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-05');
  });

  it('maps js-yaml Dates back to the date the volunteer wrote', () => {
    expect(dateFromYaml(new Date(Date.UTC(2026, 11, 5)))).toBe('2026-12-05');
    expect(dateFromYaml('2026-12-05')).toBe('2026-12-05');
  });
});
