/**
 * Headings in volunteers' Markdown (「いつもの流れ」, 「持ち物」…) wrap between phrases like the
 * site's own headings: an invisible break opportunity (U+200B) between BudouX phrases, and
 * headings keep words whole otherwise (word-break: keep-all in global.css). Plain text, so it
 * goes through the safe-Markdown rules like any other text.
 */
import { defineMdastPlugin } from 'satteri';
import { phrases } from '../phrases.ts';

const BREAK = '\u200b';

/** Heading text with a break opportunity between phrases only. */
export const phraseBreaks = (text: string): string => phrases(text).join(BREAK);

export const headingPhrases = defineMdastPlugin({
  name: 'tsunagari-heading-phrases',
  text(node, ctx) {
    if (ctx.parent(node)?.type !== 'heading' || node.value.includes(BREAK)) return;
    ctx.setProperty(node, 'value', phraseBreaks(node.value));
  },
});
