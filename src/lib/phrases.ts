/**
 * Splits Japanese text at phrase boundaries (BudouX), so that headings wrap between phrases
 * (ふれあいいきいきサロン /「ひだまり」) instead of inside a word (ふれあ / いいきいき).
 */
import { loadDefaultJapaneseParser } from 'budoux';

const parser = loadDefaultJapaneseParser();

export function phrases(text: string): string[] {
  return parser.parse(text);
}
