/**
 * A salon schedule in words, as residents say it: 毎月第2水曜日 10:00〜12:00.
 */
import type { UIKey } from '../i18n/ja.ts';
import type { Schedule } from '../schemas/salon.ts';

type T = (key: UIKey, params?: Record<string, string | number>) => string;

const dateText = (date: string) => {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
};

export function describeSchedule(s: Schedule, t: T): string {
  const weekdays = s.weekdays.map((w) => t(`weekday.${w}`)).join('・');
  let rule: string;
  switch (s.frequency) {
    case 'weekly':
      rule = t('schedule.weekly', { weekdays });
      break;
    case 'monthly-weekday':
      rule = t('schedule.monthlyWeekday', { weeks: s.weeks.map((w) => t(`week.${w}`)).join('・'), weekday: weekdays });
      break;
    case 'monthly-date':
      rule = t('schedule.monthlyDate', { day: s.day ?? '' });
      break;
    case 'dates':
      rule = t('schedule.dates', { dates: s.dates.map(dateText).join('、') });
      break;
  }
  return `${rule} ${t('schedule.time', { start: s.startTime, end: s.endTime })}`;
}
