/**
 * CSV as the municipal open data sets publish it and Excel opens it: UTF-8 with a byte order
 * mark (without it Excel reads Japanese as Shift_JIS and shows mojibake), CRLF line ends and
 * RFC 4180 quoting. Written by csv-stringify, a maintained writer, so a comma, a quote or a line
 * break in a volunteer's text is quoted rather than breaking the row.
 */
import { stringify } from 'csv-stringify/sync';

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  for (const [i, row] of rows.entries())
    if (row.length !== header.length)
      throw new RangeError(`CSV row ${i + 1} has ${row.length} fields, the header ${header.length}`);
  return stringify([header as string[], ...(rows as string[][])], {
    bom: true,
    record_delimiter: 'windows',
  });
}
