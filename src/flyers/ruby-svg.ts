/**
 * The ふりがな's readings written into Satori's SVG after it has laid the sheet out, instead of
 * as boxes for Satori to lay out. A reading's place is known before Satori runs (elements.ts
 * rubyLines measures it over its word with the fonts' own advances), so all Satori added was its
 * own work on each box: a style, a node of its layout engine, the text measured and shaped again.
 * That made the large print with ふりがな cost twice another printing choice (at 10,000 entries
 * 4,717 of them at 47 ms against 22–23 ms: docs/BENCHMARKS.md, 5 December).
 *
 * The `<text>` elements are those Satori writes for a box holding the reading: one per character
 * at the box's left rounded as Satori rounds a box, each the next at the character's advance, on
 * the baseline Satori gives that size and line height — taken from Satori itself, once per style
 * and process, from a one-character probe (text-svg.ts, which writes the lines' texts so too).
 * The PDF's tags mark each reading's box an artifact, as the boxes were (pdf-tags.ts). Satori no
 * longer sees the readings, so its check for characters the fonts lack does not cover them: they
 * are kana, which every Japanese flyer font draws (the site's own readings must be hiragana: src/schemas/furigana.ts; the dictionary's are
 * its kana readings).
 */
import type { FlyerFonts } from './fonts.ts';
import { ARTIFACT, type TaggedBox } from './pdf-tags.ts';
import { graphemes } from './text.ts';
import { escapeText, probeText } from './text-svg.ts';

/** A reading over its word, placed from its line's box (elements.ts rubyLines). */
export interface ReadingMark {
  text: string;
  /** From the line box's left edge, in px. */
  left: number;
  /** Its width: the reading's advances at `size`. */
  width: number;
  size: number;
  /** Height of the band above the line that holds the readings. */
  band: number;
  /** Measured in the bold face (as the line's words are). */
  bold: boolean;
  /** The line's own style that the reading's box inherited: its colour and weight. */
  color?: string;
  weight?: string | number;
}

/** A line box Satori laid out, and the readings over its words. */
export interface ReadingLine {
  left: number;
  top: number;
  readings: readonly ReadingMark[];
}

/**
 * The readings of `lines` as Satori would have written them, added to `svg` before its end, and
 * their boxes added to `tags` as artifacts.
 */
export async function withReadings(
  svg: string,
  lines: readonly ReadingLine[],
  fonts: FlyerFonts,
  tags?: TaggedBox[],
): Promise<string> {
  if (!lines.length) return svg;
  let out = '';
  for (const line of lines)
    for (const mark of line.readings) {
      const { baseline, attributes } = await probeText(fonts, {
        size: mark.size,
        lineHeight: mark.band,
        ...(mark.weight === undefined ? {} : { weight: mark.weight }),
        ...(mark.color === undefined ? {} : { color: mark.color }),
      });
      // Satori puts a box at its left edge rounded to the pixel, and a measured box's width up.
      const left = Math.round(line.left + mark.left);
      const top = line.top;
      tags?.push({ tag: ARTIFACT, left, top, width: Math.ceil(mark.width), height: mark.band });
      let x = left;
      for (const segment of graphemes(mark.text)) {
        const advance = fonts.measure(segment, mark.size, mark.bold);
        out += `<text x="${x}" y="${top + baseline}" width="${advance}" height="${mark.band}"${attributes}>${escapeText(segment)}</text>`;
        x += advance;
      }
    }
  const end = svg.lastIndexOf('</svg>');
  return `${svg.slice(0, end)}${out}${svg.slice(end)}`;
}
