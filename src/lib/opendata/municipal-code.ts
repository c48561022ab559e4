/**
 * 全国地方公共団体コード: five digits (prefecture, municipality) and a check digit, as the open
 * data sets expect it. The check digit catches a mistyped code before it goes into every row.
 */

/** The check digit of the first five digits: 11 − (d1×6 + d2×5 + d3×4 + d4×3 + d5×2) mod 11, its last digit. */
export function checkDigit(first5: string): number {
  if (!/^\d{5}$/.test(first5)) throw new RangeError(`not five digits: ${first5}`);
  const sum = [...first5].reduce((total, digit, i) => total + Number(digit) * (6 - i), 0);
  return (11 - (sum % 11)) % 10;
}

/** Whether `code` is six digits whose last is the check digit of the first five (e.g. 131016 千代田区). */
export const isMunicipalCode = (code: string): boolean =>
  /^\d{6}$/.test(code) && checkDigit(code.slice(0, 5)) === Number(code[5]);
