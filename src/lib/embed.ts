/**
 * The embeddable list (issue 15, item 7): a district's or the whole town's coming dates as a
 * small page another site frames — a town hall's, a school's, a 町内会's — like Gancio's
 * embeddable list. The dates are the calendar's own (src/lib/calendar.ts, from each kind's
 * calendar part): nothing here reads a salon's schedule again. Pure, for the unit tests.
 */
import { addDays, agenda, type AgendaDay, type CalendarItem, type DateRange } from './calendar.ts';
import { EMBED_PREFIX } from './seo/headers.ts';

/** How far ahead the list looks: two months, what a monthly 回覧板 or school letter covers. */
export const EMBED_DAYS = 60;

/**
 * At most this many dates: the frame is a box in someone else's page (480 px high in the
 * snippet), read at a glance; the page it links to has the rest.
 */
export const EMBED_LIMIT = 12;

/** The frame's height in the snippet, in CSS pixels. */
export const EMBED_HEIGHT = 480;

/** The days the list looks at, from `today` (Japan date) on. */
export const embedRange = (today: string, days = EMBED_DAYS): DateRange => ({
  from: today,
  to: addDays(today, days - 1),
});

/** The embed page of a district, or of the whole town when no district is given. */
export const embedHref = (district?: string): string =>
  district ? `${EMBED_PREFIX}districts/${district}/` : EMBED_PREFIX;

export interface EmbedList {
  /** The first `limit` items from today on, as the calendar's agenda days. */
  days: AgendaDay[];
  /** How many items in the range were left out. */
  more: number;
}

/**
 * The coming dates as the embed shows them: items on or after `today` (a multi-day event that
 * began yesterday shows its remaining days), in the calendar's order, the first `limit` of them.
 */
export function embedList(items: readonly CalendarItem[], today: string, limit = EMBED_LIMIT): EmbedList {
  const coming = items.filter((item) => item.date >= today);
  return { days: agenda(coming.slice(0, limit)), more: Math.max(0, coming.length - limit) };
}

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The HTML another site pastes: an iframe with a title (what a screen reader announces for the
 * frame), loaded lazily, as wide as its column up to a reading width. The sandbox lets the
 * frame do nothing but open its links in a new tab, outside the sandbox: the host page need not
 * trust this site's page, which runs no script anyway.
 */
export function embedSnippet(src: string, title: string, height = EMBED_HEIGHT): string {
  return [
    `<iframe src="${escapeAttribute(src)}"`,
    ` title="${escapeAttribute(title)}"`,
    ` width="640" height="${height}" loading="lazy"`,
    ' sandbox="allow-popups allow-popups-to-escape-sandbox"',
    // Physical properties: the host page may be old, and a frame has no writing direction to follow.
    ' style="width: 100%; max-width: 40rem; border: 1px solid #c9c3b5; border-radius: 0.4rem;"',
    '></iframe>',
  ].join('');
}
