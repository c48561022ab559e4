import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  agenda,
  buildCalendarItems,
  calendarMonths,
  districtWithDescendants,
  filterByDistricts,
  limitPerDay,
  monthGrid,
  monthRange,
  timeOn,
  weekdayOf,
  weekdayOrder,
  type CalendarSource,
  type DateRange,
} from '../../src/lib/calendar.ts';
import { scheduleSchema } from '../../src/schemas/salon.ts';

// Entries as the calendar takes them, with the fields the kinds' calendar parts read.
interface EventFields {
  id: string;
  start: string;
  end: string;
  title?: string;
  status?: 'scheduled' | 'cancelled' | 'postponed';
  districts?: string[];
}
const event = ({ id, ...data }: EventFields): CalendarSource => ({
  collection: 'events',
  id,
  data: { title: id, status: 'scheduled', districts: ['east'], ...data },
});
// Through the schema, so defaults (skip: [], holidays: 'skip') are the ones content gets.
const salon = (id: string, schedule: Record<string, unknown>, more: Record<string, unknown> = {}): CalendarSource => ({
  collection: 'salons',
  id,
  data: {
    title: id,
    status: 'active',
    districts: ['east'],
    schedule: scheduleSchema.parse({ startTime: '10:00', endTime: '12:00', validFrom: '2026-01-01', ...schedule }),
    ...more,
  },
});
/** The calendar items of events, or of salons, alone: each through its kind's calendar part. */
const eventItems = (events: CalendarSource[], range: DateRange) => buildCalendarItems(events, range);
const salonItems = (salons: CalendarSource[], range: DateRange) => buildCalendarItems(salons, range);
const november = monthRange('2026-11');

describe('calendar items', () => {
  it('runs in a time zone far from Japan, so a local-time slip would show', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
  });

  it('shows a multi-day event on each of its days, with the times of that day only', () => {
    const items = eventItems([event({ id: 'ten', start: '2026-11-30T10:00', end: '2026-12-02T15:00' })], {
      from: '2026-11-01',
      to: '2026-12-31',
    });
    expect(items.map((i) => [i.date, i.day, i.days])).toEqual([
      ['2026-11-30', 1, 3],
      ['2026-12-01', 2, 3],
      ['2026-12-02', 3, 3],
    ]);
    expect(items.map(timeOn)).toEqual([{ from: '10:00' }, {}, { to: '15:00' }]);
  });

  it('clips a multi-day event to the range and keeps its day numbers', () => {
    const items = eventItems([event({ id: 'ten', start: '2026-11-30T10:00', end: '2026-12-02T15:00' })], november);
    expect(items.map((i) => [i.date, i.day])).toEqual([['2026-11-30', 1]]);
    expect(eventItems([event({ id: 'x', start: '2026-10-01T10:00', end: '2026-10-01T11:00' })], november)).toEqual([]);
  });

  it('gives a one-day event both times and no day numbers', () => {
    const [item] = eventItems([event({ id: 'one', start: '2026-11-07T13:30', end: '2026-11-07T15:00' })], november);
    expect(item?.day).toBeUndefined();
    expect(timeOn(item!)).toEqual({ from: '13:30', to: '15:00' });
  });

  it('keeps cancelled and postponed events, marked', () => {
    const items = eventItems(
      [
        event({ id: 'off', start: '2026-11-10T10:00', end: '2026-11-10T11:00', status: 'cancelled' }),
        event({ id: 'later', start: '2026-11-11T10:00', end: '2026-11-11T11:00', status: 'postponed' }),
      ],
      november,
    );
    expect(items.map((i) => [i.id, i.status])).toEqual([
      ['off', 'cancelled'],
      ['later', 'postponed'],
    ]);
  });

  it('expands a salon, marking お休み on its skip dates and on holidays it skips', () => {
    // Mondays of November 2026: 2, 9, 16, 23 (勤労感謝の日), 30.
    const items = salonItems(
      [salon('mon', { frequency: 'weekly', weekdays: ['mon'], skip: ['2026-11-09'] })],
      november,
    );
    expect(items.map((i) => [i.date, i.status, i.reason, i.holiday])).toEqual([
      ['2026-11-02', 'scheduled', undefined, undefined],
      ['2026-11-09', 'skipped', 'skip', undefined],
      ['2026-11-16', 'scheduled', undefined, undefined],
      ['2026-11-23', 'skipped', 'holiday', '勤労感謝の日'],
      ['2026-11-30', 'scheduled', undefined, undefined],
    ]);
    expect(items[0]).toMatchObject({ collection: 'salons', start: '2026-11-02T10:00', end: '2026-11-02T12:00' });
  });

  it('holds a salon on a holiday under holidays: hold, without calling it お休み', () => {
    const items = salonItems(
      [salon('hold', { frequency: 'dates', dates: ['2026-11-23'], holidays: 'hold' })],
      november,
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'scheduled' });
    expect(items[0]?.holiday).toBeUndefined();
  });

  it('leaves out paused and ended salons entirely', () => {
    const rule = { frequency: 'weekly', weekdays: ['tue'] };
    const items = salonItems(
      [salon('on', rule), salon('paused', rule, { status: 'paused' }), salon('ended', rule, { status: 'ended' })],
      november,
    );
    expect(new Set(items.map((i) => i.id))).toEqual(new Set(['on']));
  });

  it('sorts events and salon dates by day, then time, then title', () => {
    const items = buildCalendarItems(
      [
        event({ id: 'afternoon', start: '2026-11-11T13:00', end: '2026-11-11T14:00' }),
        event({ id: 'span', start: '2026-11-10T09:00', end: '2026-11-11T17:00' }),
        salon('salon', { frequency: 'monthly-weekday', weeks: ['2'], weekdays: ['wed'] }),
      ],
      november,
    );
    // 第2水曜日 of November 2026 is the 11th; the spanning event's second day has no start time and comes first.
    expect(items.map((i) => [i.date, i.id])).toEqual([
      ['2026-11-10', 'span'],
      ['2026-11-11', 'span'],
      ['2026-11-11', 'salon'],
      ['2026-11-11', 'afternoon'],
    ]);
  });
});

describe('districts', () => {
  const districts = [
    { id: 'east' },
    { id: 'east-1', parent: 'east' },
    { id: 'east-1-a', parent: 'east-1' },
    { id: 'west' },
    { id: 'west-1', parent: 'west' },
    // A broken loop must not hang the build.
    { id: 'loop-a', parent: 'loop-b' },
    { id: 'loop-b', parent: 'loop-a' },
  ];

  it('includes the district and all districts below it, at any depth', () => {
    expect(districtWithDescendants(districts, 'east')).toEqual(new Set(['east', 'east-1', 'east-1-a']));
    expect(districtWithDescendants(districts, 'east-1')).toEqual(new Set(['east-1', 'east-1-a']));
    expect(districtWithDescendants(districts, 'west-1')).toEqual(new Set(['west-1']));
    expect(districtWithDescendants(districts, 'loop-a')).toEqual(new Set(['loop-a', 'loop-b']));
  });

  it('keeps items for any district of the set and drops the others', () => {
    const items = [
      { id: 'a', districts: ['east-1-a'] },
      { id: 'b', districts: ['west', 'east'] },
      { id: 'c', districts: ['west-1'] },
      { id: 'd', districts: [] },
    ];
    expect(filterByDistricts(items, districtWithDescendants(districts, 'east')).map((i) => i.id)).toEqual(['a', 'b']);
    expect(filterByDistricts(items, districtWithDescendants(districts, 'west')).map((i) => i.id)).toEqual(['b', 'c']);
  });
});

describe('month grid', () => {
  it('starts weeks on Sunday by default and fills the first and last week from the next month', () => {
    // 2026-11-01 is a Sunday; 2026-11-30 a Monday.
    const weeks = monthGrid('2026-11', []);
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]?.[0]).toMatchObject({ date: '2026-11-01', weekday: 0, inMonth: true });
    expect(weeks[4]?.map((d) => [d.date, d.inMonth])).toEqual([
      ['2026-11-29', true],
      ['2026-11-30', true],
      ['2026-12-01', false],
      ['2026-12-02', false],
      ['2026-12-03', false],
      ['2026-12-04', false],
      ['2026-12-05', false],
    ]);
  });

  it('starts weeks on Monday when asked, with leading days from the previous month', () => {
    const weeks = monthGrid('2026-11', [], 'mon');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[0]).toMatchObject({ date: '2026-10-26', weekday: 1, inMonth: false });
    expect(weeks[0]?.[6]).toMatchObject({ date: '2026-11-01', weekday: 0, inMonth: true });
    expect(weeks[5]?.[6]).toMatchObject({ date: '2026-12-06', inMonth: false });
    expect(weekdayOrder('mon')).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(weekdayOrder()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('needs only four weeks for a February that starts on the first day of the week', () => {
    // 2026-02-01 is a Sunday and 2026 is not a leap year.
    const weeks = monthGrid('2026-02', []);
    expect(weeks).toHaveLength(4);
    expect(weeks.flat().every((d) => d.inMonth)).toBe(true);
  });

  it('names national holidays on their days', () => {
    const days = monthGrid('2026-11', []).flat();
    const holidays = days.filter((d) => d.holiday).map((d) => [d.date, d.holiday]);
    expect(holidays).toEqual([
      ['2026-11-03', '文化の日'],
      ['2026-11-23', '勤労感謝の日'],
    ]);
    expect(
      monthGrid('2026-09', [])
        .flat()
        .find((d) => d.date === '2026-09-22')?.holiday,
    ).toBe('休日');
  });

  it('puts each item on its day, sorted by time', () => {
    const items = buildCalendarItems(
      [
        event({ id: 'late', start: '2026-11-11T15:00', end: '2026-11-11T16:00' }),
        salon('early', { frequency: 'dates', dates: ['2026-11-11'] }),
      ],
      november,
    );
    const day = monthGrid('2026-11', items)
      .flat()
      .find((d) => d.date === '2026-11-11');
    expect(day?.items.map((i) => i.id)).toEqual(['early', 'late']);
  });
});

describe('agenda', () => {
  it('lists only days with something on, in order, with holiday names', () => {
    const items = buildCalendarItems(
      [
        event({ id: 'fair', start: '2026-11-22T10:00', end: '2026-11-23T15:00' }),
        salon('tue', { frequency: 'dates', dates: ['2026-11-03'] }),
      ],
      november,
    );
    expect(agenda(items).map((d) => [d.date, d.weekday, d.holiday, d.items.map((i) => i.id)])).toEqual([
      ['2026-11-03', 2, '文化の日', ['tue']],
      ['2026-11-22', 0, undefined, ['fair']],
      ['2026-11-23', 1, '勤労感謝の日', ['fair']],
    ]);
    expect(agenda([])).toEqual([]);
  });
});

describe('month arithmetic', () => {
  it('adds months across year boundaries', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-01', -13)).toBe('2024-12');
    expect(() => addMonths('2026-13', 1)).toThrow(RangeError);
  });

  it('knows the length of each month, leap Februaries included', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('publishes months from a few back to a year ahead of the build month', () => {
    expect(calendarMonths('2026-11-24', 2, 3)).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
  });

  it('counts days and weekdays by the Japanese date, not the machine clock', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayOf('2026-11-24')).toBe(2);
  });
});

describe('a few items a day', () => {
  const range = { from: '2026-11-18', to: '2026-11-18' };
  const salons = ['a', 'b', 'c', 'd'].map((id) => salon(id, { frequency: 'weekly', weekdays: ['wed'] }));
  const events = [
    event({ id: 'late', start: '2026-11-18T19:00', end: '2026-11-18T20:00' }),
    event({ id: 'early', start: '2026-11-18T08:00', end: '2026-11-18T09:00' }),
  ];
  const items = buildCalendarItems([...events, ...salons], range);

  it('keeps every item of a day that has no more than the limit', () => {
    expect(limitPerDay(items, 6)).toEqual({ items: agenda(items).flatMap((d) => d.items), hidden: {} });
  });

  it('keeps events before salon dates, in the day’s order, and counts the rest', () => {
    const { items: kept, hidden } = limitPerDay(items, 3);
    expect(kept.map((i) => i.id)).toEqual(['early', 'a', 'late']);
    expect(hidden).toEqual({ '2026-11-18': 3 });
  });
});
