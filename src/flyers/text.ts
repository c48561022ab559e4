/**
 * Japanese line breaking for flyers, done here rather than by Satori so that lines break at
 * phrase boundaries (BudouX: お茶を / 飲みながら, never お / 茶), respect 禁則 (no line starts
 * with 、。」ー or small kana, none ends with 「（), and so that the height of every block is
 * known before rendering: that is what lets a title shrink to fit and the layout be checked
 * for overflow. Pure: text width comes from the `Measure` the caller passes.
 */
import { loadDefaultJapaneseParser } from 'budoux';

/** Width in px of `text` set at `fontSize` px, bold or regular. */
export type Measure = (text: string, fontSize: number, bold: boolean) => number;

/** Characters that may not start a line (行頭禁則). */
const NO_START = new Set([
  ...'、。，．,.）)］]｝}」』】〉》〕〙〗”’ー〜～…‥・：；:;！？!?ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ％%',
]);
/** Characters that may not end a line (行末禁則). */
const NO_END = new Set([...'（(［[｛{「『【〈《〔〘〖“‘']);

let parser: ReturnType<typeof loadDefaultJapaneseParser> | undefined;
// One segmenter for the process: creating one per call was a tenth of a flyer's CPU time.
const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });

const graphemes = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);

/** First grapheme without segmenting the whole phrase (a grapheme is at most a few code units). */
const firstGrapheme = (text: string): string =>
  segmenter.segment(text.slice(0, 16))[Symbol.iterator]().next().value?.segment ?? '';
const lastGrapheme = (text: string): string => graphemes(text.slice(-16)).pop() ?? '';

/**
 * Layouts break the same texts again at every size they try while shrinking to fit; the
 * phrases of a text do not depend on the size, so they are computed once per text.
 */
const phraseCache = new Map<string, string[]>();

/** Forgets the phrases, so a benchmark can time each flyer as if its texts were new. */
export function clearPhraseCache(): void {
  phraseCache.clear();
}

/**
 * Units that must stay on one line: BudouX phrases, further split after spaces (so Latin text
 * can wrap) and glued where a break would violate 禁則.
 */
export function phrasesOf(text: string): string[] {
  const cached = phraseCache.get(text);
  if (cached) return cached;
  // Bounded so a long build over thousands of entries does not keep every text alive.
  if (phraseCache.size > 5000) phraseCache.clear();
  const units = computePhrases(text);
  phraseCache.set(text, units);
  return units;
}

function computePhrases(text: string): string[] {
  parser ??= loadDefaultJapaneseParser();
  // Spaces (Latin text) and opening brackets are break opportunities BudouX sometimes merges
  // away: サロン「ひだまり」 may break before 「 rather than inside サロン.
  const raw = parser
    .parse(text)
    .flatMap((phrase) => phrase.split(/(?<= )(?=\S)|(?<=[^\s「『（(［【〈《])(?=[「『（(［【〈《])/));
  const units: string[] = [];
  for (const phrase of raw) {
    const previous = units[units.length - 1];
    const first = firstGrapheme(phrase);
    const last = previous === undefined ? '' : lastGrapheme(previous);
    // A weekday in brackets stays with its date: 11月8日(日), never 11月8日 / (日).
    const weekday = /^[（(].[）)]/.test(phrase);
    if (previous !== undefined && (NO_START.has(first) || NO_END.has(last) || weekday))
      units[units.length - 1] = previous + phrase;
    else units.push(phrase);
  }
  return units;
}

/** Splits one unit wider than the line by characters, still keeping 禁則. */
function splitUnit(unit: string, width: number, fontSize: number, bold: boolean, measure: Measure): string[] {
  const chars = graphemes(unit);
  const lines: string[][] = [[]];
  for (const char of chars) {
    const line = lines[lines.length - 1] as string[];
    if (line.length && measure([...line, char].join(''), fontSize, bold) > width) {
      const next: string[] = [];
      // 追い出し: carry the previous character along instead of starting a line with 、 or ending with 「.
      while (line.length > 1 && (NO_START.has(next[0] ?? char) || NO_END.has(line[line.length - 1] as string)))
        next.unshift(line.pop() as string);
      lines.push([...next, char]);
    } else line.push(char);
  }
  return lines.map((l) => l.join(''));
}

export interface BreakOptions {
  /** Line box width in px. */
  width: number;
  fontSize: number;
  bold?: boolean;
  measure: Measure;
}

/** Breaks text into lines no wider than `width`; explicit newlines are kept. */
export function breakLines(text: string, { width, fontSize, bold = false, measure }: BreakOptions): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const unit of phrasesOf(paragraph.trim())) {
      const candidate = line + unit;
      if (measure(candidate.trimEnd(), fontSize, bold) <= width) {
        line = candidate;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      const start = unit.trimStart();
      if (measure(start.trimEnd(), fontSize, bold) <= width) line = start;
      else {
        const pieces = splitUnit(start, width, fontSize, bold, measure);
        lines.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? '';
      }
    }
    if (line.trim() || !lines.length) lines.push(line.trimEnd());
  }
  return lines;
}

export interface FitOptions extends BreakOptions {
  /** Most lines the box holds. */
  maxLines: number;
  /** Preferred size; the text is set at this size when it fits. */
  fontSize: number;
  /** Smallest size still readable from across a notice board. */
  minSize: number;
}

export interface Fitted {
  fontSize: number;
  lines: string[];
  /** True when even `minSize` needed more than `maxLines`: the lines were cut and end in …. */
  overflow: boolean;
}

/**
 * The largest size from `fontSize` down to `minSize` (in steps of 2 px, then 1) at which the
 * text fits in `maxLines`. Beyond the limit the last line is cut with … and `overflow` says
 * so, so the build can warn instead of printing text outside its box.
 */
export function fitText(text: string, options: FitOptions): Fitted {
  const { maxLines, minSize } = options;
  let size = options.fontSize;
  for (;;) {
    const lines = breakLines(text, { ...options, fontSize: size });
    if (lines.length <= maxLines) return { fontSize: size, lines, overflow: false };
    if (size <= minSize) break;
    size = Math.max(minSize, size - (size > 24 ? 2 : 1));
  }
  const lines = breakLines(text, { ...options, fontSize: minSize }).slice(0, maxLines);
  const bold = options.bold ?? false;
  let last = lines[maxLines - 1] ?? '';
  while (last && options.measure(`${last}…`, minSize, bold) > options.width)
    last = graphemes(last).slice(0, -1).join('');
  lines[maxLines - 1] = `${last}…`;
  return { fontSize: minSize, lines, overflow: true };
}
