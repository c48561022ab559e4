/**
 * HTML comments (`<!-- … -->`, also the short `<!-->` and `<!--->`): notes between editors, never
 * published. Shown as text like other pasted HTML, a phone number left in one was on the page
 * and in search.
 */
const COMMENT = /<!--(?:>|->|[\s\S]*?-->)/g;

/** The text of pasted HTML without its comments. */
export const withoutComments = (html: string): string => html.replace(COMMENT, '');
