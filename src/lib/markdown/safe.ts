/**
 * Volunteers' Markdown is trusted as text, never as code. Raw HTML pasted into an entry is
 * shown as the literal text the volunteer typed (so nothing is lost and the mistake is
 * visible), except HTML comments, which are dropped, and links or images whose address could run script (javascript:, data:, vbscript:
 * …) lose that address. No <script>, <iframe>, on* handler or style attribute can reach a page.
 */
import { defineMdastPlugin } from 'satteri';
import { withoutComments } from './comments.ts';

const SAFE_URL = /^(?:https?:|mailto:|tel:|[/#?.]|[^:]*$)/i;

/** True for web, mail and phone links and for relative ones; false for script-capable schemes. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return SAFE_URL.test(url.replace(/[\u0000-\u0020\u007f]/g, ''));
}

export const safeMarkdown = defineMdastPlugin({
  name: 'tsunagari-safe-markdown',
  html(node, ctx) {
    const value = withoutComments(node.value);
    if (value.trim() === '') return ctx.removeNode(node);
    const parent = ctx.parent(node);
    const text = { type: 'text' as const, value };
    // Block-level HTML sits where only blocks may go: keep its text as a paragraph.
    const phrasing =
      parent && ['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'tableCell'].includes(parent.type);
    ctx.replaceNode(node, phrasing ? text : { type: 'paragraph', children: [text] });
  },
  link(node, ctx) {
    if (!isSafeUrl(node.url)) ctx.setProperty(node, 'url', '#');
  },
  definition(node, ctx) {
    if (!isSafeUrl(node.url)) ctx.setProperty(node, 'url', '#');
  },
  image(node, ctx) {
    if (!isSafeUrl(node.url)) ctx.replaceNode(node, { type: 'text', value: node.alt ?? '' });
  },
});
