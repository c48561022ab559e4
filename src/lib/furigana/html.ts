/**
 * Adds readings to the text of a built page's <body>: every text node holding a kanji is passed
 * to `annotate` (which returns it with <ruby> markup), except where readings would be wrong or
 * read twice — scripts and styles, code, form options, SVG, existing ruby, text in another
 * language (`lang` not Japanese) and anything inside an element marked `data-no-furigana`.
 * Attributes (aria-label, alt, title) are never touched. A scanner, not a parser: Astro's output
 * is well-formed, and re-serialising a whole DOM per page would cost more than the readings.
 */
import { hasKanji } from './segments.ts';

/** Elements whose content gets no readings. */
const SKIPPED = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'template',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'ruby',
  'rt',
  'rp',
  'svg',
  'math',
  'select',
  'option',
  'iframe',
]);
/** Elements whose content is raw text: their end tag is searched for, not parsed. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

// A comment, or a start or end tag whose quoted attribute values may hold '>'.
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const NO_FURIGANA = /\sdata-no-furigana(?=[\s=/]|$)/;
const LANG = /\slang\s*=\s*["']?([A-Za-z-]*)/;

const isJapanese = (lang: string) => /^ja(?:-|$)/i.test(lang);

/** Whether an element's start tag (its name and attributes) closes its content to readings. */
function skips(name: string, attributes: string): boolean {
  if (SKIPPED.has(name) || NO_FURIGANA.test(attributes)) return true;
  const lang = LANG.exec(attributes)?.[1];
  return lang !== undefined && lang !== '' && !isJapanese(lang);
}

/**
 * The page with `annotate` applied to the text of its body (the whole string if it has no <body>).
 * Only the texts that gain readings are cut out and replaced; the rest of the page is copied in
 * the few long runs between them. (Copying it tag by tag, then joining the pieces, was ~60 % of
 * the scan's own time, 5.3 s of a 10,000-entry build.)
 */
export function annotateHtml(html: string, annotate: (text: string) => string): string {
  const bodyStart = html.search(/<body[\s>]/i);
  const start = bodyStart === -1 ? 0 : bodyStart;
  const out: string[] = [];
  /** How much of `html` is in `out` already. */
  let copied = 0;
  let position = start;
  /** The element whose content is being skipped and how deep inside elements of its name. */
  let skipping: { name: string; depth: number } | null = null;
  // A page in another language (Chinese is written in kanji too) gets readings only inside
  // elements marked Japanese: the Japanese original shown where a translation is missing.
  const pageLang = /<html\b[^>]*?\slang\s*=\s*["']?([A-Za-z-]*)/i.exec(html.slice(0, start))?.[1];
  let japanese: { name: string; depth: number } | null =
    !pageLang || isJapanese(pageLang) ? { name: '', depth: 1 } : null;
  // Text split by <wbr> (src/lib/phrases.ts puts one between phrases) is analysed as one: the
  // phrase splitter may cut a word the analyser knows (今<wbr>日から read as いま + にち).
  let pending = '';
  let breaks: number[] = [];
  /** Where the pending text began in `html` (before its first <wbr>), or -1. */
  let pendingStart = -1;
  const text = (end: number) => {
    const from = pendingStart === -1 ? position : pendingStart;
    const chunk = pending + html.slice(position, end);
    const at = breaks;
    pending = '';
    breaks = [];
    pendingStart = -1;
    if (skipping || !japanese || !hasKanji(chunk)) return;
    const annotated = annotate(chunk);
    if (annotated === chunk) return;
    out.push(html.slice(copied, from), withBreaks(annotated, at));
    copied = end;
  };
  TAG.lastIndex = start;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const [, slash, tagName, attributes = ''] = match;
    if (tagName?.toLowerCase() === 'wbr' && !skipping && japanese) {
      if (pendingStart === -1) pendingStart = position;
      pending += html.slice(position, match.index);
      breaks.push(pending.length);
      position = TAG.lastIndex;
      continue;
    }
    text(match.index);
    position = TAG.lastIndex;
    if (!tagName) continue; // a comment
    const name = tagName.toLowerCase();
    const closing = slash === '/';
    if (!closing && RAW_TEXT.has(name)) {
      const endTag = new RegExp(`</${name}`, 'gi');
      endTag.lastIndex = position;
      const stop = endTag.exec(html)?.index ?? html.length;
      position = stop;
      TAG.lastIndex = stop;
      continue;
    }
    if (VOID.has(name) || attributes.trimEnd().endsWith('/')) continue;
    if (japanese?.name === name) {
      japanese.depth += closing ? -1 : 1;
      if (japanese.depth === 0) japanese = null;
    } else if (!japanese && !closing && isJapanese(LANG.exec(attributes)?.[1] ?? '')) {
      japanese = { name, depth: 1 };
    }
    if (skipping) {
      if (name === skipping.name) skipping.depth += closing ? -1 : 1;
      if (skipping.depth === 0) skipping = null;
    } else if (!closing && skips(name, attributes)) {
      skipping = { name, depth: 1 };
    }
  }
  text(html.length);
  if (copied === 0) return html;
  out.push(html.slice(copied));
  return out.join('');
}

const RUBY = /<ruby>([^<]*)<rp>\(<\/rp><rt[^>]*>[^<]*<\/rt><rp>\)<\/rp><\/ruby>/g;

/**
 * `<wbr>` put back at `breaks` (offsets in the text as it was before readings were added), except
 * inside a word with a reading: a line never breaks between 今 and 日 of 今日.
 */
export function withBreaks(annotated: string, breaks: readonly number[]): string {
  if (breaks.length === 0) return annotated;
  const at = new Set(breaks);
  let out = '';
  let offset = 0;
  const plain = (text: string) => {
    for (const unit of text) {
      if (at.has(offset)) out += '<wbr>';
      out += unit;
      offset += unit.length;
    }
  };
  let last = 0;
  for (const ruby of annotated.matchAll(RUBY)) {
    plain(annotated.slice(last, ruby.index));
    if (at.has(offset)) out += '<wbr>';
    out += ruby[0];
    offset += ruby[1]?.length ?? 0;
    last = ruby.index + ruby[0].length;
  }
  plain(annotated.slice(last));
  if (at.has(offset)) out += '<wbr>';
  return out;
}
