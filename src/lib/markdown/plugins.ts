/**
 * How volunteers' Markdown is processed, for the pages (astro.config.mjs) and for the search
 * index (src/integrations/search-worker.ts), so both read the same text: pasted HTML shown as
 * text (safe.ts), headings breaking between phrases (headings.ts).
 */
import { headingPhrases } from './headings.ts';
import { safeMarkdown } from './safe.ts';

export const MDAST_PLUGINS = [safeMarkdown, headingPhrases];
