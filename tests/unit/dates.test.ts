import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateFromYaml,
  dayNumber,
  dayNumberOf,
  fromDayNumber,
  WEEKDAY_KEYS,
  weekdayKey,
  weekdayNumber,
  weekdayOf,
  weekdayOfDayNumber,
  formatDateJa,
  formatTimeJa,
  parseDate,
  parseDateTime,
  startOfDateJst,
  toJstDateString,
  toJstIso,
  yearInRange,
} from '../../src/lib/dates.ts';

describe('dates in Japan time', () => {
  it('accepts real calendar dates only', () => {
    expect(parseDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('2026-4-1')).toBeNull();
  });

  it('refuses years outside 1900–2200, which Date would misread (0026 as 1926)', () => {
    expect(yearInRange('1900-01-01')).toBe(true);
    expect(yearInRange('2200-12-31T23:59')).toBe(true);
    for (const text of ['0001-01-01', '0099-12-31', '1899-12-31', '2201-01-01', '9999-12'])
      expect(yearInRange(text), text).toBe(false);
    expect(parseDate('0026-12-05')).toBeNull();
    expect(parseDateTime('0026-12-05T10:00')).toBeNull();
    expect(parseDate('1900-02-28')).toEqual({ year: 1900, month: 2, day: 28 });
    // 1900 was no leap year, 2000 was.
    expect(parseDate('1900-02-29')).toBeNull();
    expect(parseDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
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

describe('day numbers and weekdays', () => {
  it('counts days from 1970-01-01 by the calendar date, across months, leap days and years', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-11-24')).toBe(20781);
    expect(fromDayNumber(20781)).toBe('2026-11-24');
    expect(dayNumberOf(2026, 12, 0)).toBe(dayNumber('2026-11-30'));
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(() => dayNumber('2026-02-30')).toThrow('not a date: 2026-02-30');
  });

  it('numbers weekdays 0 = Sunday … 6 = Saturday, before 1970 too, and names them by the schema keys', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2026-11-22')).toBe(0);
    expect(weekdayOf('2026-11-28')).toBe(6);
    expect(weekdayOf('1969-12-31')).toBe(3);
    expect(weekdayOfDayNumber(-1)).toBe(3);
    for (const [date, key] of [
      ['2026-11-23', 'mon'],
      ['2026-11-25', 'wed'],
      ['1964-10-10', 'sat'],
    ] as const) {
      expect(weekdayKey(weekdayOf(date)), date).toBe(key);
      expect(weekdayNumber(key)).toBe(weekdayOf(date));
    }
    expect(WEEKDAY_KEYS.map(weekdayNumber)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(() => weekdayKey(7)).toThrow(RangeError);
  });
});
