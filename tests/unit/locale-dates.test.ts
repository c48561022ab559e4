/**
 * Dates, times and salon schedules in the reader's language (issue 16), always on Japan's
 * calendar and clock, whatever the machine's zone (the unit tests run in Los Angeles).
 */
import { describe, expect, it } from 'vitest';
import { useTranslations } from '../../src/i18n/index.ts';
import { monthNameIn } from '../../src/lib/dates.ts';
import { formatDate, formatPeriod } from '../../src/lib/facts.ts';
import { describeSchedule } from '../../src/lib/schedule-text.ts';
import { scheduleSchema } from '../../src/schemas/salon.ts';

const ja = useTranslations('ja');
const en = useTranslations('en');
const ko = useTranslations('ko');

describe('dates in the reader’s language', () => {
  it('writes a day and a period in each language, Japan time', () => {
    expect(formatDate('2026-12-05', ja)).toBe('2026年12月5日(土)');
    expect(formatDate('2026-12-05', en)).toBe('Sat, December 5, 2026');
    expect(formatDate('2026-12-05', ko)).toBe('2026년 12월 5일 토');
    // A test's stand-in without a language: Japanese.
    expect(formatDate('2026-12-05', (key) => key)).toBe('2026年12月5日(土)');
    expect(formatPeriod('2026-12-05T10:00', '2026-12-05T12:00', ja)).toBe('2026年12月5日(土) 10:00〜12:00');
    expect(formatPeriod('2026-12-05T10:00', '2026-12-05T12:00', en)).toBe('Sat, December 5, 2026 10:00 – 12:00');
    // Late evening in Japan is still that day, though it is morning of the same day in Los Angeles.
    expect(formatPeriod('2026-12-05T23:00', '2026-12-06T01:00', en)).toBe(
      'Sat, December 5, 2026 23:00 – Sun, December 6, 2026 01:00',
    );
  });

  it('says a salon’s schedule in each language', () => {
    const weekly = scheduleSchema.parse({
      frequency: 'weekly',
      weekdays: ['mon', 'wed'],
      validFrom: '2026-04-01',
      startTime: '10:00',
      endTime: '12:00',
    });
    const dates = scheduleSchema.parse({
      frequency: 'dates',
      dates: ['2027-01-09', '2027-02-13'],
      validFrom: '2026-04-01',
      startTime: '13:30',
      endTime: '15:00',
    });
    expect(describeSchedule(weekly, ja)).toContain('月・水');
    expect(describeSchedule(weekly, en)).not.toMatch(/[・、月]/);
    expect(describeSchedule(dates, ja)).toContain('1月9日、2月13日');
    expect(describeSchedule(dates, en)).toContain('January 9, February 13');
    expect(describeSchedule(dates, ko)).toContain('1월 9일');
  });
});

describe('month titles (calendar, newsletters, counts by month)', () => {
  // Languages that name their months get the name from Intl, on Japan's calendar; the unit tests
  // run in Los Angeles, where the first of a month in Japan is still the month before.
  it.each([
    ['en', 'December 2026', 'January 2027 issue', 'What’s on March 5 (2)'],
    ['fil', 'Disyembre 2026', 'Isyu ng Enero 2027', 'Mga plano sa Marso 5 (2)'],
    ['ne', 'डिसेम्बर 2026', 'जनवरी 2027 अङ्क', 'मार्च 5 का कार्यक्रम (2 वटा)'],
    ['pt-br', 'dezembro de 2026', 'Edição de janeiro de 2027', 'Programação de 5 de março (2 na agenda)'],
  ])('%s: the month by its name', (code, caption, issue, day) => {
    const t = useTranslations(code);
    expect(t('calendar.caption', { year: 2026, month: 12 })).toBe(caption);
    // As the newsletter page passes it: the month of its YYYY-MM, as text.
    expect(t('newsletter.issue', { year: '2027', month: '01' })).toBe(issue);
    expect(t('calendar.dayLink', { month: 3, day: 5, count: 2 })).toBe(day);
    expect(t('stats.monthLabel', { year: 2026, month: 12 })).not.toMatch(/\d+\/\d+/);
  });

  it.each([
    ['ja', '2026年12月'],
    ['ko', '2026년 12월'],
    ['zh-hans', '2026年12月'],
    ['vi', 'Tháng 12/2026'],
  ])('%s: the month as the language numbers it', (code, caption) => {
    expect(useTranslations(code)('calendar.caption', { year: 2026, month: 12 })).toBe(caption);
  });

  it('names each month of the year in Japan’s calendar, short or long', () => {
    expect(Array.from({ length: 12 }, (_, i) => monthNameIn('en', i + 1))).toEqual([
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ]);
    expect(monthNameIn('en', 9, 'short')).toBe('Sep');
    expect(useTranslations('en')('newsletterPdf.monthShort', { month: 9 })).toBe('Sep');
  });
});
