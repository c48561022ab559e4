/**
 * Built pages carry ふりがな as <ruby> (src/middleware.ts), hidden until the reader turns them
 * on. linkedom's textContent and Playwright's getByText/textContent() read hidden readings too
 * (見守り becomes 見守みまもり), so tests that check a page's words read them without the
 * readings — as a reader sees the page with the switch off. tests/e2e/furigana.test.ts checks
 * the readings themselves.
 */
export const withoutReadings = (html: string): string =>
  html.replace(/<rp>[^<]*<\/rp>|<rt[^>]*>[^<]*<\/rt>|<\/?ruby>/g, '');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An accessible name to find by role where the words with readings are flex items (large
 * buttons, link lists laid out with flex): Playwright's name algorithm puts a space around each
 * such <ruby>, Chromium's does not. 申し込む → /^申\s*し\s*込\s*む$/; `start` matches the beginning only.
 */
export const rubyName = (name: string, { start = false } = {}): RegExp =>
  new RegExp(`^${[...name].map(escapeRegExp).join('\\s*')}${start ? '' : '$'}`);
