/**
 * Japan time as ical-generator takes it, independent of the build machine's time zone.
 *
 * ical-generator writes a JavaScript Date under a TZID with the Date's *local* getters, so a
 * build in Los Angeles would print 10:00 JST as 17:00 "Asia/Tokyo". It also accepts Temporal
 * values (its published ICalTemporal*Stub types) and formats those from their own fields: the
 * objects below are the least of that shape for a wall-clock time in Asia/Tokyo. Node 24 has
 * no Temporal yet; these go once it has (Temporal.PlainDateTime.from(text)).
 */
import type {
  ICalTemporalInstantStub,
  ICalTemporalPlainDateStub,
  ICalTemporalPlainDateTimeStub,
  ICalTemporalZonedDateTimeStub,
} from 'ical-generator';
import { DATETIME_RE, parseDateTime } from '../dates.ts';

export const JAPAN = 'Asia/Tokyo';

/**
 * Asia/Tokyo for calendar apps. Japan has kept +09:00 without daylight saving since 1951, so
 * one STANDARD rule from before any date a feed holds is the whole zone: a fixed text is
 * correct, and no time zone database (or a package wrapping one) is needed to write it.
 */
export const JAPAN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${JAPAN}`,
  `X-LIC-LOCATION:${JAPAN}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:JST',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function sameZone(zone: string): void {
  if (zone !== JAPAN) throw new RangeError(`Japan time asked for as ${zone}: the feeds write Asia/Tokyo only`);
}

/** A wall-clock time in Japan, 'YYYY-MM-DDTHH:mm', as ical-generator's Temporal shapes. */
export function japanTime(text: string): ICalTemporalPlainDateTimeStub {
  const m = DATETIME_RE.exec(text);
  const instant = parseDateTime(text);
  if (!m || !instant) throw new RangeError(`not a Japan date and time (YYYY-MM-DDTHH:mm): ${text}`);
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const fields = { year, month, day, hour, minute, second: 0 };
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00`;
  const date: ICalTemporalPlainDateStub = {
    year,
    month,
    day,
    toString: () => iso.slice(0, 10),
    toJSON: () => iso.slice(0, 10),
  };
  const plain: ICalTemporalPlainDateTimeStub = {
    ...fields,
    toPlainDate: () => date,
    toZonedDateTime(zone) {
      sameZone(zone);
      return zoned;
    },
    toString: () => iso,
    toJSON: () => iso,
  };
  const exact: ICalTemporalInstantStub = {
    epochMilliseconds: instant.getTime(),
    toZonedDateTimeISO(zone) {
      sameZone(zone);
      return zoned;
    },
    toString: () => instant.toISOString(),
    toJSON: () => instant.toISOString(),
  };
  const zoned: ICalTemporalZonedDateTimeStub = {
    ...fields,
    timeZoneId: JAPAN,
    toInstant: () => exact,
    toPlainDateTime: () => plain,
    withTimeZone(zone) {
      sameZone(zone);
      return zoned;
    },
    toString: () => `${iso}+09:00[${JAPAN}]`,
    toJSON: () => `${iso}+09:00[${JAPAN}]`,
  };
  return plain;
}
