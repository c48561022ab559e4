/**
 * Text set in lines, with ふりがな where the flyer carries readings (`model.furigana`, the
 * 大きな文字・ふりがな付き choice): the blocks and the frame set every text through here, so a
 * flyer without readings is laid out exactly as before and one with them breaks its lines
 * around whole words (text.ts) and leaves room above each line (elements.ts rubyLines).
 */
import type { FlyerModel } from '../model.ts';
import { lineSegments } from '../ruby.ts';
import { breakLines, fitText, type BreakOptions, type FitOptions, type Fitted } from '../text.ts';
import { lines, rubyLines, type Block, type Style } from './elements.ts';

type Readings = Pick<FlyerModel, 'furigana'>;

/** `text` broken into lines at `options.fontSize` and set in `style`. */
export function setText(
  model: Readings,
  text: string,
  options: BreakOptions,
  style: Style,
  lineHeight?: number,
): Block {
  const segments = model.furigana?.[text];
  if (!segments) return lines(breakLines(text, options), options.fontSize, style, lineHeight);
  const broken = breakLines(text, { ...options, segments });
  return rubyLines(
    lineSegments(text, broken, segments),
    options.fontSize,
    style,
    options.measure,
    options.bold ?? false,
    lineHeight,
  );
}

/** `text` at the largest size that fits its lines (text.ts fitText), set in `style`. */
export function setFitted(
  model: Readings,
  text: string,
  options: FitOptions,
  style: Style,
  lineHeight?: number,
): { block: Block; fit: Fitted } {
  const segments = model.furigana?.[text];
  if (!segments) {
    const fit = fitText(text, options);
    return { block: lines(fit.lines, fit.fontSize, style, lineHeight), fit };
  }
  const fit = fitText(text, { ...options, segments });
  const { measure, bold = false } = options;
  return {
    block: rubyLines(lineSegments(text, fit.lines, segments), fit.fontSize, style, measure, bold, lineHeight),
    fit,
  };
}

/** `text` as one line, never broken (a label that always fits). */
export function setLine(
  model: Readings,
  text: string,
  { fontSize, bold = false, measure }: Pick<BreakOptions, 'fontSize' | 'bold' | 'measure'>,
  style: Style,
): Block {
  const segments = model.furigana?.[text];
  return segments
    ? rubyLines(lineSegments(text, [text], segments), fontSize, style, measure, bold)
    : lines([text], fontSize, style);
}
