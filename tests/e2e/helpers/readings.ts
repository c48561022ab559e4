/**
 * Built pages carry ふりがな as <ruby> (src/middleware.ts), hidden until the reader turns them
 * on. linkedom's textContent and Playwright's getByText/textContent() read hidden readings too
 * (見守り becomes 見守みまもり), so tests that check a page's words read them without the
 * readings — as a reader sees the page with the switch off. tests/e2e/furigana.test.ts checks
 * the readings themselves.
 */
export const withoutReadings = (html: string): string => html.replace(/<rp>[^<]*<\/rp>|<rt>[^<]*<\/rt>|<\/?ruby>/g, '');
