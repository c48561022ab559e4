/**
 * Layout primitives: Satori element trees as plain objects (no JSX, so no React and no JSX
 * transform in a plain Node step), lines of text as boxes of known height, and the rubber
 * stamp. Every line gets an explicit height so that a sheet's height is known before Satori
 * runs.
 */
import { useTranslations } from '../../i18n/index.ts';
import type { LocaleCode } from '../../i18n/locales.ts';
import type { Segment } from '../../lib/furigana/segments.ts';
import { plainMeasureOf, rubyBand, rubySize } from '../ruby.ts';
import type { ReadingMark } from '../ruby-svg.ts';
import { TEXT_LINE } from '../text-svg.ts';
import type { Measure } from '../text.ts';

export type Style = Record<string, string | number>;
export type Child = El | string;
export interface El {
  type: string;
  props: { style?: Style; children?: Child | Child[]; [key: string]: unknown };
}

export const el = (
  type: string,
  style: Style,
  children?: Child | Child[],
  extra: Record<string, unknown> = {},
): El => ({
  type,
  props: { style: type === 'div' ? { display: 'flex', ...style } : style, ...(children ? { children } : {}), ...extra },
});

/** A laid-out sheet or image, with what the renderer should warn about. */
export interface Layout {
  element: El;
  width: number;
  height: number;
  warnings: string[];
}

/** A block of a layout and the height it takes. */
export interface Block {
  el: El;
  height: number;
}

/** Line height of body text, and of titles (set tighter: they are large and bold). */
export const LINE = 1.4;
export const TITLE_LINE = 1.22;

/** Lines as stacked boxes of known height, whose texts are written after Satori (text-svg.ts). */
export function lines(texts: string[], size: number, style: Style, lineHeight = LINE): Block {
  const h = Math.ceil(size * lineHeight);
  return {
    el: el(
      'div',
      { flexDirection: 'column', flexShrink: 0 },
      texts.map((text) =>
        el(
          'div',
          { height: h, fontSize: size, lineHeight: `${h}px`, whiteSpace: 'nowrap', flexShrink: 0, ...style },
          text,
          { [TEXT_LINE]: true },
        ),
      ),
    ),
    height: h * texts.length,
  };
}

/**
 * Lines with ふりがな: each line as `lines` would set it, with a band above it for the readings
 * where it has any. A reading is centred over its word at half size, and a word whose reading
 * is wider than it takes the reading's width, with the room shared on both sides (ruby.ts
 * measures lines the same way). The readings' boxes are artifacts in the PDF's structure
 * (pdf-tags.ts): a screen reader and a copy from a tagged reader get the text as written,
 * once, and the readings are print for the eye.
 *
 * Why the words run on in one box and the readings are placed at measured offsets, instead of
 * a small column per word: Satori's time goes by the boxes and texts it lays out, and a column
 * per word made the ふりがな sheet cost twice the large print's (about 30 against 11 ms of
 * Satori). A line is now one box per run of words (a word with a wider reading alone, with its
 * room as padding), and its readings are placed by `measure` — the fonts' own advances, as
 * Satori's, so a reading sits over its word to within a fraction of a pixel — and written after
 * Satori (ruby-svg.ts): as a box each, laid out by Satori, they made the ふりがな sheet cost twice
 * another printing choice still.
 */
export function rubyLines(
  rows: Segment[][],
  size: number,
  style: Style,
  measure: Measure,
  bold: boolean,
  lineHeight = LINE,
): Block {
  const h = Math.ceil(size * lineHeight);
  const band = rubyBand(size);
  const small = rubySize(size);
  const plain = plainMeasureOf(measure);
  // Only a line with readings takes the band: a title's kana-only line stays as tall as before.
  const heightOf = (segments: Segment[]) => h + (segments.some((s) => s.reading) ? band : 0);
  const text = (t: string, extra: Style = {}) =>
    el('div', { height: h, lineHeight: `${h}px`, flexShrink: 0, whiteSpace: 'pre', ...extra }, t, {
      [TEXT_LINE]: true,
    });
  const line = (segments: Segment[]): Child[] => {
    const runs: El[] = [];
    const readings: ReadingMark[] = [];
    let run = '';
    let x = 0;
    const endRun = () => {
      if (run) runs.push(text(run));
      run = '';
    };
    for (const { text: word, reading } of segments) {
      const width = plain(word, size, bold);
      if (!reading) {
        run += word;
        x += width;
        continue;
      }
      const over = plain(reading, small, bold);
      const room = Math.max(0, (over - width) / 2);
      if (room > 0) {
        endRun();
        runs.push(text(word, { paddingLeft: room, paddingRight: room }));
      } else run += word;
      readings.push({
        text: reading,
        left: x + room + (width - over) / 2,
        width: over,
        size: small,
        band,
        bold,
        ...(style['color'] === undefined ? {} : { color: String(style['color']) }),
        ...(style['fontWeight'] === undefined ? {} : { weight: style['fontWeight'] }),
      });
      x += width + room * 2;
    }
    endRun();
    if (!readings.length) return runs;
    // One box holds the line's words, and carries its readings, whose offsets count from the
    // line's first word wherever the line is aligned: the renderer writes them over the words
    // once Satori has placed the box (ruby-svg.ts).
    return [
      el('div', { position: 'relative', height: h + band, alignItems: 'flex-end', flexShrink: 0 }, runs, {
        [READINGS]: readings,
      }),
    ];
  };
  return {
    el: el(
      'div',
      { flexDirection: 'column', flexShrink: 0 },
      rows.map((segments) =>
        el(
          'div',
          { height: heightOf(segments), fontSize: size, alignItems: 'flex-end', flexShrink: 0, ...style },
          line(segments),
        ),
      ),
    ),
    height: rows.reduce((sum, segments) => sum + heightOf(segments), 0),
  };
}

/** The prop of a line box carrying its ふりがな (ruby-svg.ts ReadingMark[]), written after Satori. */
export const READINGS = 'data-readings';

/** Data attribute naming the boxes the renderer fills after Satori (QR path, photo in the PDF). */
export const SLOT = 'data-slot';

/**
 * Data attribute giving a box its type in the PDF's tagged structure (pdf-tags.ts: H1, P, L,
 * LI, Lbl, LBody, Table, TR, TH, TD, Figure); the text drawn inside the box is tagged with it.
 */
export const TAG = 'data-pdf-tag';

/** The element with its PDF structure type. */
export const tagged = (element: El, tag: string): El => ({ ...element, props: { ...element.props, [TAG]: tag } });

/** Degrees the 中止 / 募集終了 stamps are turned, as a rubber stamp would be. */
export const STAMP_ANGLE = 12;

export function stampEl(text: string, color: string, size: number, top: number, left: number): El {
  return el(
    'div',
    {
      position: 'absolute',
      top,
      left,
      transform: `rotate(-${STAMP_ANGLE}deg)`,
      border: `${Math.round(size / 10)}px solid ${color}`,
      borderRadius: 12,
      background: 'rgba(255,255,255,0.92)',
      color,
      fontSize: size,
      fontWeight: 700,
      lineHeight: 1,
      padding: `${Math.round(size / 6)}px ${Math.round(size / 4)}px`,
    },
    text,
  );
}

/** The title still had to be cut inside a word even at the smallest size. */
export function splitWarning(title: string): string {
  return `タイトル「${title}」が小さな文字でも1行に入らず、言葉の途中で折り返しています。短くするか、区切りに空白を入れてください / the title 「${title}」 had to be broken inside a word even at the smallest size; shorten it or add a space where it may break`;
}

/**
 * What a flyer prints between parts of one line: Japanese (and やさしい日本語) a full-width
 * space and 11月27日(金)・12月25日(金); a translation a space and its own date list joint
 * (`text.dateJoin`: Nov 27 (Fri), Dec 25 (Fri)).
 */
export function separators(locale: LocaleCode | undefined): { space: string; dates: string } {
  if (locale === undefined || locale === 'ja' || locale === 'ja-easy') return { space: '\u3000', dates: '・' };
  return { space: ' ', dates: useTranslations(locale)('text.dateJoin') };
}
