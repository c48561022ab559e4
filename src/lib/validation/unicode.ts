/**
 * Text that is not text: code points no page, feed, search index or PDF can carry. A file read
 * as UTF-8 cannot hold them raw, but a YAML escape can ("\uD83D", "\0"), and a Markdown body can
 * hold control characters. They are refused, naming the field and the escaped code point:
 * - lone surrogates (U+D800–U+DFFF not in a pair): half an emoji; not a character at all, so
 *   UTF-8 cannot encode them (Pagefind's indexer stopped on one, naming no file);
 * - control characters other than tab, line feed and carriage return (U+0000–U+001F, U+007F–
 *   U+009F): XML 1.0 forbids C0 controls (feeds, sitemap), HTML reports them as parse errors, and
 *   U+0000 is replaced or truncates text in the tools downstream;
 * - noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF): reserved for a program's own use, never
 *   interchanged; XML 1.0 forbids U+FFFE/U+FFFF and HTML reports them all as errors.
 * Private-use characters and the BOM (U+FEFF) are legal text and are left alone.
 */
import type { Bilingual } from '../../schemas/fields.ts';
import { fieldAt, type FieldInfo } from '../schema/walk.ts';
import { fieldPath, type ContentProblem } from './messages.ts';

const NOT_TEXT = /\p{Cs}|(?![\t\n\r])\p{Cc}|\p{Noncharacter_Code_Point}/gu;

/** `\uD83D`, `\u0000`, `\u{1FFFE}`: how a volunteer writes the code point back in YAML. */
export function escapeCodePoint(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/** The text with every character of NOT_TEXT escaped, the rest as written. */
export const escapeNotText = (text: string) => text.replace(NOT_TEXT, escapeCodePoint);

function kindOf(char: string): Bilingual {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0xd800 && code <= 0xdfff)
    return { ja: '対になっていないサロゲート', en: 'a lone surrogate, not a character' };
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return { ja: '制御文字', en: 'a control character' };
  return { ja: '非文字', en: 'a noncharacter' };
}

function describe(chars: string[]): Bilingual {
  const unique = [...new Set(chars)];
  return {
    ja: `文字として使えない符号（${unique.map((c) => `${escapeCodePoint(c)}: ${kindOf(c).ja}`).join('、')}）が入っています。消すか、書きたかった文字に直してください`,
    en: `contains ${unique.map((c) => `${escapeCodePoint(c)} (${kindOf(c).en})`).join(', ')}; delete it or type the character you meant`,
  };
}

function* strings(data: unknown, path: (string | number)[] = []): Generator<[(string | number)[], string]> {
  if (typeof data === 'string') yield [path, data];
  else if (Array.isArray(data)) for (const [i, item] of data.entries()) yield* strings(item, [...path, i]);
  else if (data && typeof data === 'object')
    for (const [key, value] of Object.entries(data)) yield* strings(value, [...path, key]);
}

/** One problem per field (and for the body) that holds a character that is not text. */
export function notTextProblems(
  file: string,
  data: unknown,
  body: string,
  fields: FieldInfo[],
  bodyLabel: string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const [path, text] of strings(data)) {
    const found = text.match(NOT_TEXT);
    if (!found) continue;
    const problem: ContentProblem = { file, value: escapeNotText(text), message: describe(found) };
    if (path.length) problem.field = fieldPath(path);
    const label = fieldAt(fields, path)?.meta.label;
    if (label) problem.label = label;
    problems.push(problem);
  }
  const found = body.match(NOT_TEXT);
  if (found) {
    // The body is long: show the words around the first one.
    const chars = [...body];
    const at = chars.findIndex((c) => c.match(NOT_TEXT));
    const around = escapeNotText(
      chars
        .slice(Math.max(0, at - 10), at + 10)
        .join('')
        .replace(/[\t\n\r ]+/g, ' '),
    );
    problems.push({ file, field: 'body', label: bodyLabel, value: around, message: describe(found) });
  }
  return problems;
}
