/**
 * Japanese national holidays (国民の祝日, 振替休日 and 国民の休日), from @holiday-jp/holiday_jp.
 *
 * Lookups go by the 'YYYY-MM-DD' text only. The package's own `isHoliday(date: Date)` reads the
 * Date with local-time getters, so on a build machine in Los Angeles it would answer for the wrong
 * day; a string key has no time zone to get wrong.
 */
import holidayJp from '@holiday-jp/holiday_jp';

// Widened from the package's literal type (thousands of keys) so lookups by arbitrary text
// type-check and the checker does not carry the whole table around.
const table: Readonly<Record<string, { name: string } | undefined>> = holidayJp.holidays;

// Built once at import: the calendar asks about every day of every salon, and a Map keeps
// each question O(1) without walking the package's object through a prototype chain.
const names: ReadonlyMap<string, string> = new Map(
  Object.keys(table).flatMap((date) => {
    const name = table[date]?.name;
    return name ? [[date, name] as const] : [];
  }),
);

/**
 * The holiday's Japanese name as the package gives it (敬老の日, こどもの日 振替休日, 休日 for a
 * 国民の休日), or undefined on an ordinary day. The package covers 1970–2050; dates outside
 * that are reported as ordinary days.
 */
export function holidayName(date: string): string | undefined {
  return names.get(date);
}

export function isHoliday(date: string): boolean {
  return names.has(date);
}
