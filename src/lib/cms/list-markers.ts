/**
 * Decap's list lines (a collection's `summary`) are string templates that can only print a
 * field's stored value: `cancelled` for 中止, `honcho-itchome` for 本町一丁目. The summary wraps
 * such values in markers, ⟦field:value⟧, and the admin page rewrites every marker it sees into
 * the label volunteers know (admin/cms-client.ts). Without the page's script a volunteer would
 * still see the raw value, never a wrong one.
 */
const OPEN = '⟦';
const CLOSE = '⟧';
const MARKER = /⟦([\w.-]+):([^⟦⟧]*)⟧/g;

/** The Decap summary template piece for `field`, read at `path` (e.g. `districts.0`, the first district). */
export const summaryMarker = (field: string, path = field): string => `${OPEN}${field}:{{${path}}}${CLOSE}`;

/** field → stored value → what the list shows ('' shows nothing: the ordinary case, e.g. 予定どおり開催). */
export type MarkerLabels = Record<string, Record<string, string>>;

export const hasMarker = (text: string): boolean => text.includes(OPEN);

/** The text with each marker replaced by its label; an unknown value is shown as stored. */
export function readMarkers(text: string, labels: MarkerLabels): string {
  return text
    .replace(MARKER, (_whole, field: string, value: string) => (value ? (labels[field]?.[value] ?? value) : ''))
    .replace(/\s+$/u, '');
}

/** The field name of the translations marker: its value is `<collection>/<id>`. */
export const TRANSLATIONS_MARKER = 'translations';

/** The list line's piece that shows which languages an entry is in (`⟦translations:salons/{{id}}⟧`). */
export const translationsMarker = (collection: string): string =>
  `${OPEN}${TRANSLATIONS_MARKER}:${collection}/{{id}}${CLOSE}`;
