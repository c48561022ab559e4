/**
 * A copy of `text` that holds nothing else alive. V8 keeps a slice of a long string as a view
 * of its parent: a cache keyed by text cut out of a page (html.slice) would keep that whole page
 * for as long as the cache lives. The ふりがな's readings did, keeping every page with a new text
 * to the end of the build: about 1.2 GB of the 10,000-entry build's main heap
 * (docs/BENCHMARKS.md). Prepending a character makes V8 flatten the text into a new string, and
 * slicing it off again keeps only that copy.
 */
export const detached = (text: string): string => (' ' + text).slice(1);

/** `text` matched literally inside a RegExp (a word of the ふりがな's or the flyers' readings). */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
