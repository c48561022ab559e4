/**
 * Japanese line breaking for flyers, done here rather than by Satori so that lines break at
 * phrase boundaries (BudouX: お茶を / 飲みながら, never お / 茶), respect 禁則 (no line starts
 * with 、。」ー or small kana, none ends with 「（), and so that the height of every block is
 * known before rendering: that is what lets a title shrink to fit and the layout be checked
 * for overflow. Pure: text width comes from the `Measure` the caller passes.
 */
import { loadDefaultJapaneseParser } from 'budoux';
import { NAME_WORDS } from '../lib/phrases.ts';

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
 * A text cut into units (the places a line may break) and, between each unit and the one
 * before it, how strongly the two belong together: 0 = a free break, 1 = inside a short
 * 「…」 or （…） (a name: サロン作品展 /「わたしたちの手しごと」, not 「わた / したちの…」),
 * 2 = a word BudouX cut in two (年末も / ちつき: kana running on into kana, a lone kana such as
 * まる / や / 商店, a date and its time). Lines break at the weakest boundary that makes them fit.
 */
export interface Phrased {
  units: string[];
  /** glue[i] binds units[i] to units[i - 1]; glue[0] is 0. */
  glue: number[];
  /**
   * The same without the kana rules, for running text: there, gluing every particle to the
   * kana word after it (今年の / もちつき) leaves ragged lines, and a phrase break reads fine.
   */
  textGlue: number[];
  /** named[i]: the boundary before units[i] lies inside a short bracketed name. */
  named: boolean[];
}

/**
 * Layouts break the same texts again at every size they try while shrinking to fit; the
 * phrases of a text do not depend on the size, so they are computed once per text.
 */
const phraseCache = new Map<string, Phrased>();

/** Forgets the phrases, so a benchmark can time each flyer as if its texts were new. */
export function clearPhraseCache(): void {
  phraseCache.clear();
}

/**
 * Units that must stay on one line: BudouX phrases, further split after spaces (so Latin text
 * can wrap), before opening brackets, after a closing one that a new word follows, and after 〜
 * before a date; glued where a break would violate 禁則.
 */
export function phrasesOf(text: string): string[] {
  return phrased(text).units;
}

function phrased(text: string): Phrased {
  const cached = phraseCache.get(text);
  if (cached) return cached;
  // Bounded so a long build over thousands of entries does not keep every text alive.
  if (phraseCache.size > 5000) phraseCache.clear();
  const units = computePhrases(text);
  const result = { units, ...computeGlue(units) };
  phraseCache.set(text, result);
  return result;
}

/** Particles that stay with the 」 before them: 「見守り訪問員」になりたい, never 」/ になりたい. */
const AFTER_QUOTE =
  /[」』）)](?=[^\sにをがはのとでへもやかねよ、。，．,.）)」』】〉》〕！？!?ー〜…・：；ぁぃぅぇぉっゃゅょゎ])/u;

function computePhrases(text: string): string[] {
  parser ??= loadDefaultJapaneseParser();
  // Spaces (Latin text, full-width spaces between facts) and opening brackets are break
  // opportunities BudouX sometimes merges away: サロン「ひだまり」 may break before 「 rather
  // than inside サロン, and a list (東小学校区・西小学校区) after each ・. BudouX also runs a
  // quoted name on into the next word (「みどり号」まる / や商店前), and a period's end date
  // into its start time (10:00〜2027年2月21日).
  const raw = parser
    .parse(text)
    .flatMap((phrase) =>
      phrase.split(
        /(?<=[ \u3000])(?=[^\s\u3000])|(?<=[^\s「『（(［【〈《])(?=[「『（(［【〈《])|(?<=〜)(?=\d+[年月])|(?<=・)(?=[^・\s])/,
      ),
    )
    .flatMap((phrase) => {
      const parts: string[] = [];
      let rest = phrase;
      for (let m = AFTER_QUOTE.exec(rest); m && m.index + 1 < rest.length; m = AFTER_QUOTE.exec(rest)) {
        parts.push(rest.slice(0, m.index + 1));
        rest = rest.slice(m.index + 1);
      }
      parts.push(rest);
      return parts.filter(Boolean);
    });
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

const HIRAGANA = /^[\u3041-\u309f]$/u;
const KATAKANA = /^[\u30a1-\u30ff]$/u;
const PARTICLE_END = /^[をにがはでとへの]$/u;
const OPEN = '「『（(';
const CLOSE: Record<string, string> = { '「': '」', '『': '』', '（': '）', '(': ')' };
/** Longest bracketed name kept on one line when it fits (longer ones are sentences). */
const MAX_BRACKETED = 20;

function computeGlue(units: string[]): { glue: number[]; textGlue: number[]; named: boolean[] } {
  const glue = units.map(() => 0);
  const textGlue = units.map(() => 0);
  const named = units.map(() => false);
  // Words BudouX cut in two.
  for (let i = 1; i < units.length; i++) {
    const before = units[i - 1] as string;
    const unit = units[i] as string;
    const a = lastGrapheme(before);
    const b = firstGrapheme(unit);
    // After a particle a new word begins (世界の家庭料理で / おしゃべり会); も and や are
    // as often the start of a word BudouX missed (年末も / ちつき).
    const kana =
      (HIRAGANA.test(a) && HIRAGANA.test(b) && !PARTICLE_END.test(a)) || (KATAKANA.test(a) && KATAKANA.test(b));
    const lone = (u: string | undefined) => u !== undefined && HIRAGANA.test(u.trim());
    // 11月8日(日) 15:00: a date and its time on one line when there is room.
    const dateTime = /[)）] $/.test(before) && /^\d{1,2}:\d{2}/.test(unit);
    // Words of this field BudouX cuts (NPO法 / 人つなぐ手): never broken where there is room.
    const word = NAME_WORDS.some((w) =>
      Array.from({ length: w.length - 1 }, (_, k) => k + 1).some(
        (k) => before.endsWith(w.slice(0, k)) && unit.startsWith(w.slice(k)),
      ),
    );
    if (kana || lone(before) || lone(unit) || dateTime || word) glue[i] = 2;
    if (dateTime || word) textGlue[i] = 2;
  }
  // Short bracketed names: every boundary inside them.
  const text = units.join('');
  const starts: number[] = [];
  let offset = 0;
  for (const unit of units) {
    starts.push(offset);
    offset += unit.length;
  }
  for (let open = 0; open < text.length; open++) {
    const close = CLOSE[text[open] as string];
    if (!close || !OPEN.includes(text[open] as string)) continue;
    const end = text.indexOf(close, open + 1);
    if (end < 0 || graphemes(text.slice(open, end + 1)).length > MAX_BRACKETED) continue;
    starts.forEach((start, i) => {
      if (start > open && start <= end) {
        glue[i] = Math.max(glue[i] as number, 1);
        textGlue[i] = Math.max(textGlue[i] as number, 1);
        named[i] = true;
      }
    });
  }
  return { glue, textGlue, named };
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
  /**
   * The only places the text may break, as units whose concatenation is the text (a list of
   * dates, a URL cut after each /), instead of its phrases. No explicit newlines then.
   */
  units?: readonly string[];
  /**
   * Keep words BudouX cut in two (年末も / ちつき大会, まる / や / 商店前) together where a line
   * has room: for titles and other short lines. fitText turns it on.
   */
  words?: boolean;
}

/** Breaks text into lines no wider than `width`; explicit newlines are kept. */
export function breakLines(text: string, options: BreakOptions): string[] {
  return layoutLines(text, options).lines;
}

interface Broken {
  lines: string[];
  /** A unit wider than the line was cut between characters (ふれあいいきいきサロ / ン). */
  split: boolean;
  /** A short bracketed name had to be broken after all. */
  brokeGlue: boolean;
}

function layoutLines(
  text: string,
  { width, fontSize, bold = false, measure, units, words = false }: BreakOptions,
): Broken {
  const lines: string[] = [];
  let split = false;
  let brokeGlue = false;
  const fits = (candidate: string) => measure(candidate.trimEnd(), fontSize, bold) <= width;
  let line = '';
  const place = (unit: string) => {
    if (fits(line + unit)) {
      line += unit;
      return;
    }
    if (line.trim()) lines.push(line.trimEnd());
    const start = unit.trimStart();
    if (fits(start)) line = start;
    else {
      split = true;
      const pieces = splitUnit(start, width, fontSize, bold, measure);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1] ?? '';
    }
  };
  /** Units lo..hi-1, whose inner boundaries all have glue ≥ level: whole if they fit, else at their weakest. */
  const placeRun = (p: Phrased, lo: number, hi: number, level: number) => {
    let from = lo;
    for (let i = lo + 1; i <= hi; i++) {
      if (i < hi && ((words ? p.glue : p.textGlue)[i] as number) > level) continue;
      if (i - from === 1) place(p.units[from] as string);
      else {
        const whole = p.units.slice(from, i).join('');
        if (fits(line + whole)) line += whole;
        else if (fits(whole.trimStart())) {
          if (line.trim()) lines.push(line.trimEnd());
          line = whole.trimStart();
        } else {
          if (p.named.slice(from + 1, i).includes(true)) brokeGlue = true;
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
    ? [{ units: [...units], glue: units.map(() => 0), textGlue: units.map(() => 0), named: units.map(() => false) }]
    : text.split(/\r?\n/).map((t) => phrased(t.trim()));
  for (const p of paragraphs) {
    line = '';
    if (p.units.length) placeRun(p, 0, p.units.length, 0);
    if (line.trim() || !lines.length) lines.push(line.trimEnd());
  }
  return { lines, split, brokeGlue };
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
 * between characters, and a slightly smaller one to breaking a bracketed name or leaving one
 * character alone on the last line. Beyond the
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
