import { describe, expect, it } from 'vitest';
import { holidayName, isHoliday } from '../../src/lib/holidays.ts';
import { expandSchedule, nextOccurrences, todayInJapan, type Occurrence } from '../../src/lib/recurrence.ts';
import { scheduleSchema, type Schedule } from '../../src/schemas/salon.ts';

// Through the schema, so the defaults (skip: [], holidays: 'skip') are the ones content gets.
const schedule = (input: Record<string, unknown>): Schedule =>
  scheduleSchema.parse({ startTime: '10:00', endTime: '12:00', validFrom: '2026-01-01', ...input });

const dates = (occurrences: Occurrence[]) => occurrences.map((o) => o.date);
const held = (occurrences: Occurrence[]) => dates(occurrences.filter((o) => o.status === 'held'));
const year2026 = { from: '2026-01-01', to: '2026-12-31' };

describe('national holidays', () => {
  it('names holidays by their Japanese date text', () => {
    expect(holidayName('2027-01-11')).toBe('成人の日');
    expect(holidayName('2026-11-23')).toBe('勤労感謝の日');
    expect(holidayName('2026-09-21')).toBe('敬老の日');
    expect(holidayName('2026-05-06')).toBe('こどもの日 振替休日');
    expect(holidayName('2026-11-24')).toBeUndefined();
    expect(isHoliday('2026-01-01')).toBe(true);
    expect(isHoliday('2026-01-02')).toBe(false);
    expect(isHoliday('not a date')).toBe(false);
  });
});

describe('expanding a salon schedule into dates', () => {
  it('gives each caller its own dates when the same schedule and range are asked again (kept per build)', () => {
    const s = schedule({ frequency: 'weekly', weekdays: ['mon'], skip: ['2026-06-08'] });
    const june = { from: '2026-06-01', to: '2026-06-30' };
    const first = expandSchedule(s, june);
    const kept = structuredClone(first);
    const firstOccurrence = first[0] as Occurrence;
    firstOccurrence.status = 'skipped';
    first.pop();
    const again = expandSchedule(s, june);
    expect(again).toEqual(kept);
    expect(dates(again)).toEqual(['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22', '2026-06-29']);
    expect(again[1]).toMatchObject({ status: 'skipped', reason: 'skip' });
    // Another range of the same schedule is its own.
    expect(dates(expandSchedule(s, { from: '2026-06-10', to: '2026-06-20' }))).toEqual(['2026-06-15']);
  });

  it('runs in a time zone far from Japan, so a local-time slip would show', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
  });

  it('finds every 第2水曜日 of 2026 and 2027', () => {
    const s = schedule({ frequency: 'monthly-weekday', weeks: ['2'], weekdays: ['wed'], holidays: 'hold' });
    const occurrences = expandSchedule(s, { from: '2026-01-01', to: '2027-12-31' });
    expect(held(occurrences)).toEqual([
      '2026-01-14',
      '2026-02-11',
      '2026-03-11',
      '2026-04-08',
      '2026-05-13',
      '2026-06-10',
      '2026-07-08',
      '2026-08-12',
      '2026-09-09',
      '2026-10-14',
      '2026-11-11',
      '2026-12-09',
      '2027-01-13',
      '2027-02-10',
      '2027-03-10',
      '2027-04-14',
      '2027-05-12',
      '2027-06-09',
      '2027-07-14',
      '2027-08-11',
      '2027-09-08',
      '2027-10-13',
      '2027-11-10',
      '2027-12-08',
    ]);
    expect(occurrences[0]).toEqual({
      date: '2026-01-14',
      start: '2026-01-14T10:00',
      end: '2026-01-14T12:00',
      status: 'held',
    });
    // Held on a holiday under 'hold', but the calendar still learns which holiday it is.
    expect(occurrences[1]).toMatchObject({ date: '2026-02-11', status: 'held', holiday: '建国記念の日' });
  });

  it('skips the 第2水曜日 that fall on holidays by default', () => {
    const s = schedule({ frequency: 'monthly-weekday', weeks: ['2'], weekdays: ['wed'] });
    const skipped = expandSchedule(s, { from: '2026-01-01', to: '2027-12-31' }).filter((o) => o.status === 'skipped');
    expect(skipped).toEqual([
      {
        date: '2026-02-11',
        start: '2026-02-11T10:00',
        end: '2026-02-11T12:00',
        status: 'skipped',
        reason: 'holiday',
        holiday: '建国記念の日',
      },
      {
        date: '2027-08-11',
        start: '2027-08-11T10:00',
        end: '2027-08-11T12:00',
        status: 'skipped',
        reason: 'holiday',
        holiday: '山の日',
      },
    ]);
  });

  it('skips 敬老の日 for a Monday salon when holidays are off, and names it when held', () => {
    const september = { from: '2026-09-01', to: '2026-09-30' };
    const off = expandSchedule(schedule({ frequency: 'weekly', weekdays: ['mon'] }), september);
    expect(dates(off)).toEqual(['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28']);
    expect(off[2]).toEqual({
      date: '2026-09-21',
      start: '2026-09-21T10:00',
      end: '2026-09-21T12:00',
      status: 'skipped',
      reason: 'holiday',
      holiday: '敬老の日',
    });
    expect(held(off)).toEqual(['2026-09-07', '2026-09-14', '2026-09-28']);

    const on = expandSchedule(schedule({ frequency: 'weekly', weekdays: ['mon'], holidays: 'hold' }), september);
    expect(held(on)).toEqual(['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28']);
    expect(on[2]).toEqual({
      date: '2026-09-21',
      start: '2026-09-21T10:00',
      end: '2026-09-21T12:00',
      status: 'held',
      holiday: '敬老の日',
    });
  });

  it('meets on several weekdays of a week', () => {
    const s = schedule({ frequency: 'weekly', weekdays: ['thu', 'mon'] });
    expect(dates(expandSchedule(s, { from: '2026-06-01', to: '2026-06-14' }))).toEqual([
      '2026-06-01',
      '2026-06-04',
      '2026-06-08',
      '2026-06-11',
    ]);
  });

  it('treats the 振替休日 of 2026-05-06 as a holiday', () => {
    const s = schedule({ frequency: 'weekly', weekdays: ['wed'] });
    const may = expandSchedule(s, { from: '2026-05-01', to: '2026-05-31' });
    expect(dates(may)).toEqual(['2026-05-06', '2026-05-13', '2026-05-20', '2026-05-27']);
    expect(may[0]).toMatchObject({ status: 'skipped', reason: 'holiday', holiday: 'こどもの日 振替休日' });
    expect(held(may)).toEqual(['2026-05-13', '2026-05-20', '2026-05-27']);
  });

  it('meets on 第5金曜日 only in months that have five Fridays', () => {
    const s = schedule({ frequency: 'monthly-weekday', weeks: ['5'], weekdays: ['fri'] });
    expect(dates(expandSchedule(s, year2026))).toEqual(['2026-01-30', '2026-05-29', '2026-07-31', '2026-10-30']);
  });

  it('meets on the last Friday of every month', () => {
    const s = schedule({ frequency: 'monthly-weekday', weeks: ['last'], weekdays: ['fri'] });
    const lastFridays = [
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
      '2026-04-24',
      '2026-05-29',
      '2026-06-26',
      '2026-07-31',
      '2026-08-28',
      '2026-09-25',
      '2026-10-30',
      '2026-11-27',
      '2026-12-25',
    ];
    expect(dates(expandSchedule(s, year2026))).toEqual(lastFridays);
    // A 5th Friday is also the last one: listing both must not show the salon twice that day.
    const both = schedule({ frequency: 'monthly-weekday', weeks: ['5', 'last'], weekdays: ['fri'] });
    expect(dates(expandSchedule(both, year2026))).toEqual(lastFridays);
  });

  it('combines several weeks and weekdays in date order', () => {
    const s = schedule({ frequency: 'monthly-weekday', weeks: ['3', '1'], weekdays: ['sat', 'tue'] });
    expect(dates(expandSchedule(s, { from: '2026-03-01', to: '2026-03-31' }))).toEqual([
      '2026-03-03',
      '2026-03-07',
      '2026-03-17',
      '2026-03-21',
    ]);
  });

  it('meets on the 31st only in months that have one', () => {
    const s = schedule({ frequency: 'monthly-date', day: 31 });
    expect(dates(expandSchedule(s, year2026))).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
      '2026-07-31',
      '2026-08-31',
      '2026-10-31',
      '2026-12-31',
    ]);
  });

  it('meets on 2月29日 only in a leap year', () => {
    const s = schedule({ frequency: 'monthly-date', day: 29 });
    const februaries = (year: number) =>
      dates(expandSchedule(s, { from: `${year}-02-01`, to: `${year}-02-${year === 2028 ? 29 : 28}` }));
    expect(februaries(2027)).toEqual([]);
    expect(februaries(2028)).toEqual(['2028-02-29']);
  });

  it('lists explicit dates once each, in order, with お休み marked', () => {
    const s = schedule({
      frequency: 'dates',
      dates: ['2026-08-15', '2026-06-20', '2026-07-18', '2026-06-20'],
      skip: ['2026-07-18', '2026-07-25'],
    });
    expect(expandSchedule(s, year2026)).toEqual([
      { date: '2026-06-20', start: '2026-06-20T10:00', end: '2026-06-20T12:00', status: 'held' },
      { date: '2026-07-18', start: '2026-07-18T10:00', end: '2026-07-18T12:00', status: 'skipped', reason: 'skip' },
      { date: '2026-08-15', start: '2026-08-15T10:00', end: '2026-08-15T12:00', status: 'held' },
    ]);
  });

  it('gives the holiday as the reason when a skipped date is also a holiday off', () => {
    const s = schedule({ frequency: 'weekly', weekdays: ['mon'], skip: ['2026-09-21', '2026-09-28'] });
    expect(expandSchedule(s, { from: '2026-09-21', to: '2026-09-28' })).toEqual([
      expect.objectContaining({ date: '2026-09-21', status: 'skipped', reason: 'holiday', holiday: '敬老の日' }),
      expect.objectContaining({ date: '2026-09-28', status: 'skipped', reason: 'skip' }),
    ]);
    const hold = schedule({ frequency: 'weekly', weekdays: ['mon'], skip: ['2026-09-21'], holidays: 'hold' });
    expect(expandSchedule(hold, { from: '2026-09-21', to: '2026-09-21' })).toEqual([
      expect.objectContaining({ status: 'skipped', reason: 'skip', holiday: '敬老の日' }),
    ]);
  });

  it('stays within validFrom and validUntil as well as the requested range', () => {
    const s = schedule({ frequency: 'weekly', weekdays: ['thu'], validFrom: '2026-05-07', validUntil: '2026-06-04' });
    expect(dates(expandSchedule(s, year2026))).toEqual([
      '2026-05-07',
      '2026-05-14',
      '2026-05-21',
      '2026-05-28',
      '2026-06-04',
    ]);
    expect(dates(expandSchedule(s, { from: '2026-05-15', to: '2026-05-28' }))).toEqual(['2026-05-21', '2026-05-28']);
    expect(expandSchedule(s, { from: '2026-06-05', to: '2026-12-31' })).toEqual([]);
    expect(expandSchedule(s, { from: '2026-01-01', to: '2026-05-06' })).toEqual([]);
    const listed = schedule({ frequency: 'dates', dates: ['2025-12-20', '2026-01-10'], validFrom: '2026-01-01' });
    expect(dates(expandSchedule(listed, { from: '2025-01-01', to: '2026-12-31' }))).toEqual(['2026-01-10']);
  });

  it('crosses the year boundary', () => {
    const weekly = schedule({ frequency: 'weekly', weekdays: ['mon'], skip: ['2026-12-28'] });
    const winter = expandSchedule(weekly, { from: '2026-12-15', to: '2027-01-15' });
    expect(winter.map((o) => [o.date, o.status, o.holiday])).toEqual([
      ['2026-12-21', 'held', undefined],
      ['2026-12-28', 'skipped', undefined],
      ['2027-01-04', 'held', undefined],
      ['2027-01-11', 'skipped', '成人の日'],
    ]);
    const firstOfMonth = schedule({ frequency: 'monthly-date', day: 1 });
    const months = expandSchedule(firstOfMonth, { from: '2026-11-15', to: '2027-02-01' });
    expect(months.map((o) => [o.date, o.status])).toEqual([
      ['2026-12-01', 'held'],
      ['2027-01-01', 'skipped'],
      ['2027-02-01', 'held'],
    ]);
    const firstSaturday = schedule({ frequency: 'monthly-weekday', weeks: ['1'], weekdays: ['sat'] });
    expect(dates(expandSchedule(firstSaturday, { from: '2026-12-01', to: '2027-01-31' }))).toEqual([
      '2026-12-05',
      '2027-01-02',
    ]);
  });

  it('rejects a range that is not a real date', () => {
    const s = schedule({ frequency: 'weekly', weekdays: ['mon'] });
    expect(() => expandSchedule(s, { from: '2026-02-30', to: '2026-03-31' })).toThrow(RangeError);
  });
});

describe('the next meetings', () => {
  it('returns held meetings only, counting from the given day', () => {
    const s = schedule({ frequency: 'weekly', weekdays: ['mon'] });
    // 2026-09-21 敬老の日 and 2026-10-12 スポーツの日 are off.
    expect(dates(nextOccurrences(s, '2026-09-14', 4))).toEqual([
      '2026-09-14',
      '2026-09-28',
      '2026-10-05',
      '2026-10-19',
    ]);
    expect(nextOccurrences(s, '2026-09-14', 0)).toEqual([]);
  });

  it('looks about two years ahead and no further', () => {
    const s = schedule({ frequency: 'dates', dates: ['2027-06-01', '2030-06-01'] });
    expect(dates(nextOccurrences(s, '2026-01-01', 5))).toEqual(['2027-06-01']);
    expect(nextOccurrences(s, '2030-07-01', 1)).toEqual([]);
  });

  it('finds meetings beyond the first three months when there are too few before', () => {
    // Every second month: three months ahead hold only two of the four asked for.
    const s = schedule({ frequency: 'dates', dates: ['2026-02-10', '2026-04-10', '2026-06-10', '2026-08-10'] });
    expect(dates(nextOccurrences(s, '2026-02-01', 4))).toEqual([
      '2026-02-10',
      '2026-04-10',
      '2026-06-10',
      '2026-08-10',
    ]);
    expect(dates(nextOccurrences(s, '2026-02-01', 1))).toEqual(['2026-02-10']);
  });

  it('stops at validUntil', () => {
    const s = schedule({ frequency: 'monthly-date', day: 15, validUntil: '2026-03-15' });
    expect(dates(nextOccurrences(s, '2026-02-01', 5))).toEqual(['2026-02-15', '2026-03-15']);
  });
});

describe('today in Japan', () => {
  it('is already the next day in Japan while it is still evening in Los Angeles', () => {
    expect(todayInJapan(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-05');
    expect(todayInJapan(new Date('2026-12-04T14:59:00Z'))).toBe('2026-12-04');
    expect(todayInJapan()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
