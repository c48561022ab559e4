/**
 * Warnings: what `npm run check`, the build and the dev server point out without stopping —
 * the site is still built. Worded like the problems of messages.ts (file, line, what was found,
 * why it matters and what to do), Japanese first.
 */
import type { Bilingual } from '../../schemas/fields.ts';
import { PRIVACY_ACKNOWLEDGE, PRIVACY_REASONS, findPrivateData, privacyAcknowledged } from './privacy.ts';

export interface ContentWarning {
  /** Path from the project root. */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** Japanese label of the field the line belongs to (本文…). */
  label: string;
  /** What was found, masked. */
  shown: string;
  message: Bilingual;
  /** The checker's rule that found it (やさしい日本語: a textlint rule id). */
  rule?: string;
  /** What to write instead. */
  suggestion?: string;
}

/**
 * The private-data warnings of an entry's body (privacy.ts), unless its front matter states
 * consent. `bodyStart` is the file's line number of the body's first line; it is asked for only
 * when something was found, so that a clean entry costs no second read of its file.
 */
export function privacyWarnings(
  file: string,
  data: Record<string, unknown>,
  body: string,
  label: string,
  bodyStart: () => number,
): ContentWarning[] {
  if (privacyAcknowledged(data)) return [];
  const findings = findPrivateData(body);
  if (!findings.length) return [];
  const start = bodyStart();
  return findings.map((f) => ({
    file,
    line: start + f.line - 1,
    label,
    shown: f.shown,
    message: {
      ja: `${PRIVACY_REASONS[f.kind].ja}。${PRIVACY_ACKNOWLEDGE.ja}`,
      en: `${PRIVACY_REASONS[f.kind].en}; ${PRIVACY_ACKNOWLEDGE.en}`,
    },
  }));
}

/** The line of a file where the body below its front matter starts, from the file's text. */
export const bodyStartLine = (text: string, body: string): number =>
  text.slice(0, text.length - body.length).split('\n').length;

/** One line per warning: file:line: label: 「shown」 — 日本語。→ suggestion（rule） / English. */
export const formatWarning = (w: ContentWarning): string =>
  `${w.file}:${w.line}: ${w.label}: 「${w.shown}」 — ${w.message.ja}。` +
  (w.suggestion ? `→ ${w.suggestion}` : '') +
  (w.rule ? `（${w.rule}）` : '') +
  ` / ${w.message.en}.`;

export function formatWarnings(warnings: readonly ContentWarning[]): string {
  return [
    `注意: 確かめてほしいところが${warnings.length}件あります（サイトはこのまま作られます）。`,
    `${warnings.length} warning${warnings.length > 1 ? 's' : ''} in content (the site is still built); check ${warnings.length > 1 ? 'them' : 'it'}.`,
    '',
    ...warnings.map(formatWarning),
  ].join('\n');
}
