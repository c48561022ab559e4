/**
 * Pieces of a fact that read wrong when a line breaks inside them: a time range (10:00〜 /
 * 12:00 left 「10:00〜」 alone on a line in large print on a phone) and a date with its weekday
 * (12月5日 / (土)). The page keeps each on one line (FactList.astro); everything else wraps as
 * usual, so a long place name or note never overflows.
 */
const TOGETHER = /\d{1,2}:\d{2}〜\d{1,2}:\d{2}|\d{1,2}月\d{1,2}日[(（][^)）]{1,3}[)）]/g;

export interface TextPiece {
  text: string;
  together: boolean;
}

export function togetherPieces(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(TOGETHER)) {
    if (match.index > at) pieces.push({ text: text.slice(at, match.index), together: false });
    pieces.push({ text: match[0], together: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), together: false });
  return pieces;
}
