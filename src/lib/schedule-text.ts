/**
 * A salon schedule in words, as residents say it: 毎月第2水曜日 10:00〜12:00.
 */
import type { UIKey } from '../i18n/ja.ts';
import type { Schedule } from '../schemas/salon.ts';

type T = ((key: UIKey, params?: Record<string, string | number>) => string) & { readonly tag?: string };

const monthDay = new Map<string, Intl.DateTimeFormat>();
/** 5月3日, May 3, 5월 3일 … in the reader's language (a day of Japan's calendar, read as UTC). */
const dateText = (date: string, tag: string) => {
  let format = monthDay.get(tag);
  if (!format)
    monthDay.set(tag, (format = new Intl.DateTimeFormat(tag, { month: 'long', day: 'numeric', timeZone: 'UTC' })));
  return format.format(new Date(`${date}T00:00:00Z`));
};

export function describeSchedule(s: Schedule, t: T): string {
  const tag = t.tag ?? 'ja';
  // Japanese lists weekdays with ・ and dates with 、; most other languages with a comma.
  const and = t('text.listJoin');
  const dateSeparator = t('text.dateJoin');
  const weekdays = s.weekdays.map((w) => t(`weekday.${w}`)).join(and);
  let rule: string;
  switch (s.frequency) {
    case 'weekly':
      rule = t('schedule.weekly', { weekdays });
      break;
    case 'monthly-weekday':
      rule = t('schedule.monthlyWeekday', { weeks: s.weeks.map((w) => t(`week.${w}`)).join(and), weekday: weekdays });
      break;
    case 'monthly-date':
      rule = t('schedule.monthlyDate', { day: s.day ?? '' });
      break;
    case 'dates':
      rule = t('schedule.dates', { dates: s.dates.map((d) => dateText(d, tag)).join(dateSeparator) });
      break;
  }
  return `${rule} ${t('schedule.time', { start: s.startTime, end: s.endTime })}`;
}
