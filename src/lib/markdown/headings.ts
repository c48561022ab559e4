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
  // Visiting headings rather than every text node: the build renders every entry's body twice
  // (page and search index), and a call into this plugin per text node cost ~0.2 s a pass at
  // 10,000 entries.
  heading(node, ctx) {
    for (const child of node.children) {
      if (child.type !== 'text' || child.value.includes(BREAK)) continue;
      ctx.setProperty(child, 'value', phraseBreaks(child.value));
    }
  },
});
