/**
 * The やさしい日本語 check of a draft in the CMS preview (admin/preview.ts), in the browser.
 * textlint's kernel does not bundle for a browser (it and max-kanji-continuous-len require Node's
 * assert), and its dictionary rules would need kuromoji's 18 MB dictionary, so the preview runs
 * the rules written as pure code: the word list, katakana, dates and times (plain-rules.ts, the
 * same code check and the build run as textlint rules) and the two length rules at the same limits.
 * Keigo, the passive, double negatives and words better in hiragana are left to check and the build.
 */
import { EASY_LIMITS, RULE_TEXTS, type EasyFinding } from './messages.ts';
import { findKanjiRuns, findLongSentences, findPlain } from './plain-rules.ts';

export interface DraftFinding extends EasyFinding {
  /** The field the finding is in (its name in the draft; body for the body). */
  field: string;
}

/** The rules the preview runs, for its note on what it leaves to the build. */
export const DRAFT_RULES = [
  'sentence-length',
  'max-kanji-continuous-len',
  'easy-ja/hard-word',
  'easy-ja/katakana',
  'easy-ja/date-time',
] as const;

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** Each text value of a draft with its field, the body last; lists and groups are walked. */
export function draftTexts(data: Record<string, unknown>): { field: string; text: string }[] {
  const texts: { field: string; text: string }[] = [];
  const walk = (field: string, value: unknown) => {
    if (typeof value === 'string') {
      if (JAPANESE.test(value)) texts.push({ field, text: value });
    } else if (Array.isArray(value)) value.forEach((v) => walk(field, v));
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(field, v);
  };
  for (const [field, value] of Object.entries(data)) if (field !== 'body') walk(field, value);
  if (typeof data['body'] === 'string') texts.push({ field: 'body', text: data['body'] });
  return texts;
}

/** 1-based line and column of an index. */
function position(text: string, index: number) {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** What the browser's rules find in one text. */
export function checkText(text: string): EasyFinding[] {
  const found = [
    ...findLongSentences(text, EASY_LIMITS.sentence).map((f) => ({ ...f, suggestion: undefined })),
    ...findKanjiRuns(text, EASY_LIMITS.kanjiRun).map((f) => ({ ...f, suggestion: undefined })),
    ...findPlain(text),
  ].sort((a, b) => a.index - b.index);
  return found.map((f) => {
    const words = RULE_TEXTS[f.rule];
    const shown = f.found.length > 24 ? `${f.found.slice(0, 23)}…` : f.found;
    return {
      rule: f.rule,
      name: words?.name ?? f.rule,
      ...position(text, f.index),
      found: shown,
      message: words?.message ?? { ja: f.rule, en: f.rule },
      suggestion: f.suggestion ?? words?.suggestion('', undefined, f.found) ?? '',
    };
  });
}

/** What the browser's rules find in a draft, field by field. */
export const checkDraft = (data: Record<string, unknown>): DraftFinding[] =>
  draftTexts(data).flatMap(({ field, text }) => checkText(text).map((f) => ({ ...f, field })));
