/**
 * Japanese line breaking for flyers, done here rather than by Satori so that lines break where
 * the site's headings break (the phrases of src/lib/phrases.ts: BudouX with one set of rules —
 * お茶を / 飲みながら, never お / 茶, no line starting with 、。」ー or a small kana, none ending
 * with 「（, 10時 and 3月 whole), and so that the height of every block is known before rendering:
 * that is what lets a title shrink to fit and the layout be checked for overflow. This module
 * only measures and fits lines; where a line may break is decided there. Pure: text width comes
 * from the `Measure` the caller passes.
 */
import type { LocaleCode } from '../i18n/locales.ts';
import { phrasingIn } from '../lib/line-breaks.ts';
import { Glue, NO_END, NO_START } from '../lib/phrases.ts';
import type { Segment } from '../lib/furigana/segments.ts';

export { clearPhraseCache } from '../lib/phrases.ts';

/** Width in px of `text` set at `fontSize` px, bold or regular. */
export type Measure = (text: string, fontSize: number, bold: boolean) => number;

// One segmenter for the process: creating one per call was a tenth of a flyer's CPU time.
const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** The characters a reader sees (graphemes), with the process's one segmenter. */
export const graphemes = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);

/** A paragraph's phrases and, for each break, how strongly it holds (Glue). */
interface Phrased {
  units: string[];
  /** Where each unit starts in the text that was broken (UTF-16 offsets). */
  offsets?: number[];
  /** glue[i] binds units[i] to units[i - 1]: for titles and other short lines. */
  glue: number[];
  /** The same for running text. */
  textGlue: number[];
}

function phrased(text: string, locale: LocaleCode | undefined): Phrased {
  const { phrases, glue, textGlue } = phrasingIn(locale, text);
  return { units: phrases, glue, textGlue };
}

const OPEN = '「『（(';

/**
 * Splits one unit wider than the line by characters, still keeping 禁則 and never breaking
 * where `held(i)` (the unit's UTF-16 offset i lies inside a word that carries a reading).
 */
function splitUnit(
  unit: string,
  width: number,
  fontSize: number,
  bold: boolean,
  measure: Measure,
  held: (offset: number) => boolean = () => false,
): string[] {
  const chars: string[] = [];
  let at = 0;
  for (const char of graphemes(unit)) {
    if (chars.length && held(at)) chars[chars.length - 1] += char;
    else chars.push(char);
    at += char.length;
  }
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
  /**
   * The only places the text may break, as units whose concatenation is the text (a list of
   * dates, a URL cut after each /), instead of its phrases. No explicit newlines then.
   */
  units?: readonly string[];
  /**
   * Keep what may be one word (Glue.word: ふれあい / いきいき / サロン, なる / あの) together
   * where a line has room: for titles and other short lines. fitText turns it on.
   */
  words?: boolean;
  /**
   * The flyer's language: where its lines may break (src/lib/line-breaks.ts). Japanese
   * phrases without one.
   */
  locale?: LocaleCode | undefined;
  /**
   * The text's words with their readings (ふりがな, src/lib/furigana/): a line never breaks
   * inside a word that carries one, so each reading stays over its whole word.
   */
  segments?: readonly Segment[] | undefined;
}

/** Breaks text into lines no wider than `width`; explicit newlines are kept. */
export function breakLines(text: string, options: BreakOptions): string[] {
  return layoutLines(text, options).lines;
}

interface Broken {
  lines: string[];
  /** A unit wider than the line was cut between characters (ふれあいいきいきサロ / ン). */
  split: boolean;
  /** A bracketed name or a word (Glue.name, Glue.word) had to be broken after all. */
  brokeGlue: boolean;
}

function layoutLines(
  text: string,
  { width, fontSize, bold = false, measure, units, words = false, locale, segments }: BreakOptions,
): Broken {
  const held = segments ? heldOffsets(segments) : NOTHING_HELD;
  const lines: string[] = [];
  let split = false;
  let brokeGlue = false;
  const fits = (candidate: string) => measure(candidate.trimEnd(), fontSize, bold) <= width;
  let line = '';
  const place = (unit: string, offset: number) => {
    if (fits(line + unit)) {
      line += unit;
      return;
    }
    if (line.trim()) lines.push(line.trimEnd());
    const start = unit.trimStart();
    if (fits(start)) line = start;
    else {
      split = true;
      const from = offset + unit.length - start.length;
      const pieces = splitUnit(start, width, fontSize, bold, measure, (i) => held.has(from + i));
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1] ?? '';
    }
  };
  /** Units lo..hi-1, whose inner boundaries all have glue ≥ level: whole if they fit, else at their weakest. */
  const placeRun = (p: Phrased, lo: number, hi: number, level: number) => {
    let from = lo;
    for (let i = lo + 1; i <= hi; i++) {
      if (i < hi && ((words ? p.glue : p.textGlue)[i] as number) > level) continue;
      if (i - from === 1) place(p.units[from] as string, p.offsets?.[from] ?? -Infinity);
      else {
        const whole = p.units.slice(from, i).join('');
        if (fits(line + whole)) line += whole;
        else if (fits(whole.trimStart())) {
          if (line.trim()) lines.push(line.trimEnd());
          line = whole.trimStart();
        } else {
          brokeGlue = true;
          // A bracketed name too long for a line still starts on its own: 見守り座談会 /
          // 「気になるあの人に、/ どう声を…, not 見守り座談会「気に / なる….
          if (level === 0 && OPEN.includes(whole.trimStart()[0] ?? '') && line.trim()) {
            lines.push(line.trimEnd());
            line = '';
          }
          placeRun(p, from, i, level + 1);
        }
      }
      from = i;
    }
  };
  const paragraphs = units
    ? [{ units: [...units], glue: units.map(() => Glue.free), textGlue: units.map(() => Glue.free) }]
    : text.split(/\r?\n/).map((t) => phrased(t.trim(), locale));
  if (held.size) holdWords(text, paragraphs, held, Boolean(units));
  for (const p of paragraphs) {
    line = '';
    if (p.units.length) placeRun(p, 0, p.units.length, 0);
    if (line.trim() || !lines.length) lines.push(line.trimEnd());
  }
  return { lines, split, brokeGlue };
}

const NOTHING_HELD: ReadonlySet<number> = new Set();

/** The offsets of the text that lie inside a word with a reading (between its first and last character). */
function heldOffsets(segments: readonly Segment[]): Set<number> {
  const held = new Set<number>();
  let at = 0;
  for (const s of segments) {
    if (s.reading) for (let i = 1; i < s.text.length; i++) held.add(at + i);
    at += s.text.length;
  }
  return held;
}

/**
 * Gives each unit its offset in the text and joins units whose boundary falls inside a word
 * with a reading (a phrase boundary in 社会 / 福祉協議会 would leave a reading cut in two).
 */
function holdWords(text: string, paragraphs: Phrased[], held: ReadonlySet<number>, wholeText: boolean): void {
  let at = 0;
  for (const p of paragraphs) {
    const joined = p.units.join('');
    // The paragraph's place in the text: after the previous one, past the spaces trimmed off.
    const start = wholeText ? 0 : text.indexOf(joined, at);
    if (start < 0) continue;
    at = start + joined.length;
    const kept: Phrased = { units: [], offsets: [], glue: [], textGlue: [] };
    let offset = start;
    p.units.forEach((unit, i) => {
      const last = kept.units.length - 1;
      if (last >= 0 && held.has(offset)) kept.units[last] += unit;
      else {
        kept.units.push(unit);
        kept.offsets?.push(offset);
        kept.glue.push(p.glue[i] as number);
        kept.textGlue.push(p.textGlue[i] as number);
      }
      offset += unit.length;
    });
    Object.assign(p, kept);
  }
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
  /** True when a word had to be cut between characters even at `minSize`: worth a warning. */
  split?: boolean;
}

/** A name kept whole at a smaller size is better, but not at any price. */
const GLUE_SHRINK = 0.85;

/**
 * The largest size from `fontSize` down to `minSize` (in steps of 2 px, then 1) at which the
 * text fits in `maxLines`, preferring, within those limits, a smaller size to cutting a word
 * between characters, and a slightly smaller one to breaking a bracketed name or a word at
 * one of its weaker breaks (Glue) or leaving one character alone on the last line. Beyond the
 * limit the last line is cut with … and `overflow` says so, so the build can warn instead of
 * printing text outside its box; `split` says a word was cut between characters.
 */
export function fitText(text: string, options: FitOptions): Fitted {
  const { maxLines, minSize } = options;
  let whole: Fitted | undefined;
  let unsplit: Fitted | undefined;
  let any: Fitted | undefined;
  for (let size = options.fontSize; ; size = Math.max(minSize, size - (size > 24 ? 2 : 1))) {
    const broken = layoutLines(text, { words: true, ...options, fontSize: size });
    if (broken.lines.length <= maxLines) {
      const fitted = { fontSize: size, lines: broken.lines, overflow: false };
      any ??= { ...fitted, split: broken.split };
      if (!broken.split) unsplit ??= fitted;
      // A last line of one character (…してくださる / 方) reads as a mistake on a title.
      const widow = broken.lines.length > 1 && graphemes(broken.lines[broken.lines.length - 1] ?? '').length < 2;
      if (!broken.split && !broken.brokeGlue && !widow) whole ??= fitted;
    }
    if (whole || size <= minSize) break;
    // Nothing better can come once a size without cut words is found and names would shrink too much.
    if (unsplit && size < unsplit.fontSize * GLUE_SHRINK) break;
  }
  if (whole && (!unsplit || whole.fontSize >= unsplit.fontSize * GLUE_SHRINK)) return whole;
  if (unsplit) return unsplit;
  if (any) return any;
  const lines = breakLines(text, { words: true, ...options, fontSize: minSize }).slice(0, maxLines);
  const bold = options.bold ?? false;
  let last = lines[maxLines - 1] ?? '';
  while (last && options.measure(`${last}…`, minSize, bold) > options.width)
    last = graphemes(last).slice(0, -1).join('');
  lines[maxLines - 1] = `${last}…`;
  return { fontSize: minSize, lines, overflow: true };
}
