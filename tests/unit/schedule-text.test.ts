import { describe, expect, it } from 'vitest';
import { t, useTranslations } from '../../src/i18n/index.ts';
import { describeSchedule } from '../../src/lib/schedule-text.ts';
import { scheduleSchema } from '../../src/schemas/salon.ts';

const schedule = (input: Record<string, unknown>) =>
  scheduleSchema.parse({ startTime: '10:00', endTime: '12:00', validFrom: '2026-04-01', ...input });

describe('a salon schedule in words', () => {
  it.each([
    [{ frequency: 'monthly-weekday', weeks: ['2'], weekdays: ['wed'] }, '毎月第2水曜日 10:00〜12:00'],
    [{ frequency: 'monthly-weekday', weeks: ['1', '3'], weekdays: ['sat'] }, '毎月第1・第3土曜日 10:00〜12:00'],
    [{ frequency: 'monthly-weekday', weeks: ['last'], weekdays: ['fri'] }, '毎月最終金曜日 10:00〜12:00'],
    [{ frequency: 'weekly', weekdays: ['mon', 'thu'] }, '毎週月・木曜日 10:00〜12:00'],
    [{ frequency: 'monthly-date', day: 15 }, '毎月15日 10:00〜12:00'],
    [{ frequency: 'dates', dates: ['2026-12-03', '2027-01-14'] }, '12月3日、1月14日 10:00〜12:00'],
  ])('%j → %s', (input, text) => {
    expect(describeSchedule(schedule(input), t)).toBe(text);
  });
});

describe('a salon schedule in the reader’s language', () => {
  // The joins come from each dictionary: a Japanese ・ or 、 between English words read as noise.
  it.each([
    ['en', { frequency: 'weekly', weekdays: ['mon', 'thu'] }, 'Every Mon, Thu 10:00–12:00'],
    ['en', { frequency: 'dates', dates: ['2026-12-03', '2027-01-14'] }, 'December 3, January 14 10:00–12:00'],
    ['zh-hans', { frequency: 'dates', dates: ['2026-12-03', '2027-01-14'] }, '12月3日、1月14日 10:00～12:00'],
  ] as const)('%s: %j → %s', (locale, input, text) => {
    expect(describeSchedule(schedule(input), useTranslations(locale))).toBe(text);
  });
});
