/**
 * What a content type means to the rest of the system, beside its data (its schema in
 * src/schemas/): one kind per type, registered once in src/kinds/index.ts. Code that needs to
 * know about a type asks the registry instead of switching on the collection name, so a new
 * type that lacks a part does not compile.
 */
import type { z } from 'astro/zod';
import type { UIKey } from '../i18n/ja.ts';
import type { FactList, Lookup, T } from '../lib/facts.ts';
import type { DateRange } from '../lib/recurrence.ts';
import type { Occasion, Recurrence } from '../lib/feeds/rrule.ts';
import type { contentTypes, ContentTypeName } from '../schemas/index.ts';
import type { FlyerFacts } from '../flyers/facts.ts';
import type { Audience, Category } from '../schemas/vocabulary.ts';
import type { PagePhoto } from '../lib/media/photos.ts';
import type { PointMark } from '../lib/map/points.ts';
import { compareJa } from '../lib/collate.ts';
import type { Referrer } from '../lib/schema/references.ts';

/** The collections whose entries each get a page (every content type but the site settings). */
export type EntryCollection = Exclude<ContentTypeName, 'settings'>;

/** An entry's front matter as its schema outputs it (defaults filled in). */
export type DataOf<N extends ContentTypeName> = z.output<Extract<(typeof contentTypes)[number], { name: N }>['schema']>;

/**
 * Where an entry stands on a given Japan-time day. `past` is what residents can no longer
 * join or use: an event that has ended, a salon that has ended or whose schedule has run out,
 * a recruitment closed or past its deadline, a report or newsletter over a year old. District
 * and category lists, the home page, search (its past bundle) and the flyers all decide with
 * this one answer. The kind's calendar part agrees without asking, since past months keep the
 * dates that were held: a salon's dates fall within the same validFrom..validUntil, an ended
 * (past) salon has none, and neither has a paused one, whose page says お休み中.
 */
export type Lifecycle = 'upcoming' | 'current' | 'past';

export interface Topics {
  categories: readonly Category[];
  /** Who it is for, where the type says (events and salons). */
  audience?: readonly Audience[];
  /**
   * Further search filters the type offers, by the dictionary keys of the filter's name and of
   * its values: a recruitment's 参加しやすさ and お願いしたいこと, the SDGs goals of a report.
   */
  filters?: readonly { name: UIKey; values: readonly UIKey[] }[];
}

/** Links under a heading at the top of an index page (Kind.indexLinks). */
export interface IndexLinks {
  title: string;
  /** One sentence under the heading: what pressing a link does. */
  lead?: string;
  links: { href: string; text: string }[];
}

/**
 * A large button under an entry's facts: what a resident does next (申し込む by form, e-mail,
 * LINE or phone). Without `href` it is a way that needs no link, such as 窓口で申し込む, shown
 * with its `note` (where and when).
 */
export interface Action {
  /** What the button says. */
  text: string;
  href?: string;
  /** Which way it is, for its icon-free style: web page, e-mail, LINE, phone, in person. */
  way: 'web' | 'mail' | 'line' | 'tel' | 'visit';
  note?: string;
}

/** One line of a list: the entry's title and what to know at a glance. */
export interface ListItem {
  href: string;
  title: string;
  meta?: string;
  /** ISO time after which the reader's browser may hide the item (an event that ended since the build). */
  ends?: string;
  /** A small picture beside the line: a report's first photo (src/components/EntryList.astro). */
  photo?: PagePhoto;
  /** Where it is and what it is there, for a map of the list and its 「近い順」 (src/components/PlaceMap.astro). */
  position?: { lat: number; lng: number; marks?: PointMark[] };
}

/** An entry as lists take it: its id and validated data. */
export interface KindEntry<D> {
  id: string;
  data: D;
}

/** What the printed flyer of a type says beyond the common parts (src/flyers/model.ts). */
export interface FlyerPart<D> {
  /** The big word at the top: イベント, 担い手募集, the salon's kind. */
  headline(data: D, t: T): string;
  /** Adds the facts to `f` and returns when, the next dates and the stamp (中止, 募集終了 …). */
  sheet(data: D, f: FlyerFacts, today: string): { when?: string; nextDates?: string[]; stamp?: string };
  /**
   * Whether a flyer that is not past is worth putting up today: a paused salon's is not
   * (its page says お休み中), a cancelled event's is, so the 中止 notice can go up.
   */
  posted(data: D): boolean;
  /** Orders this type's flyers on /flyers/ (events by start, the others by title). */
  order(data: D): string;
}

/**
 * One day an entry is on the calendar. A multi-day event has one per day; a salon one per
 * meeting, お休み included (a regular should not walk to a locked hall).
 */
export interface CalendarOccurrence {
  /** The day it is shown on, 'YYYY-MM-DD'. */
  date: string;
  /** Start and end of the whole happening, 'YYYY-MM-DDTHH:mm' (several days apart for a multi-day event). */
  start: string;
  end: string;
  /**
   * scheduled: it happens. cancelled/postponed: an event called off (kept, so a resident who
   * saw the flyer learns it is off). skipped: a salon's お休み.
   */
  status: 'scheduled' | 'cancelled' | 'postponed' | 'skipped';
  /** For a skipped date: listed in the schedule's skip dates, or a national holiday. */
  reason?: 'skip' | 'holiday';
  /** The holiday's name when a skipped date is one. */
  holiday?: string;
  /** For a multi-day event: which day this is (1-based) and of how many. */
  day?: number;
  days?: number;
}

/** What a dated type puts on the calendar (src/lib/calendar.ts lays it out). */
export interface CalendarPart<D> {
  /** The entry's days within `range` (inclusive, Japan dates), in date order. */
  occurrences(data: D, range: DateRange): CalendarOccurrence[];
  /** The word beside it on the agenda (イベント, サロン). */
  label: UIKey;
  /**
   * Whether it comes back (a salon): on a day too full to show everything, one-off entries are
   * shown first, since a missed salon date has another one next week.
   */
  recurring: boolean;
  /**
   * The entry as an iCalendar event for a feed covering `range` (src/lib/feeds/ics.ts adds the
   * title, page and place), or undefined when it has no days there (a paused salon). Its dates
   * are those of `occurrences`, which the feed tests check.
   */
  ics(data: D, range: DateRange): IcsEntry | undefined;
}

/** What differs by type in a dated entry's iCalendar event. */
export interface IcsEntry {
  /** A one-off's start and end, or a salon's schedule as a recurrence (src/lib/feeds/rrule.ts). */
  when: Occasion | Recurrence;
  /** Cancelled and postponed are written STATUS:CANCELLED: the date announced no longer holds. */
  status: 'scheduled' | 'cancelled' | 'postponed';
  /** Lines of DESCRIPTION: the summary, a cancellation notice. */
  description: string[];
  /** The place's id, written as LOCATION (name and address). */
  place?: string;
}

/** What a news feed item (RSS, JSON Feed: src/lib/feeds/news.ts) says beyond the entry's title and page. */
export interface FeedPart<D> {
  /**
   * The item's date, 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm' Japan time: a report's day, an event's
   * start, a recruitment's deadline; undefined when the entry has none (the build's day is used).
   */
  date(data: D): string | undefined;
  /** A sentence or two; undefined to take the beginning of the body. */
  summary(data: D): string | undefined;
  /**
   * Whether other towns take these entries in (practices): the JSON Feed then carries each
   * entry's data for them to check with the same schema (src/lib/feeds/shared.ts), and the
   * index page links to what other towns share (/shared/).
   */
  shared?: boolean;
}

/** A collection's index page: one list, or lists under headings, of list lines. */
export type CollectionIndex = { items: ListItem[] } | { sections: Section[] };

/** A list under a heading, on an index, district or category page. */
export interface Section {
  /** Stable id for the heading anchor (`aria-labelledby`). */
  id: string;
  title: string;
  items: ListItem[];
}

/** How a collection's index page orders and groups its entries (each shown as its list line). */
export type IndexOrder<D> =
  { entries: KindEntry<D>[] } | { sections: { id: string; title: string; entries: KindEntry<D>[] }[] };

/** What an entry page needs to say about its entry to machines (schema.org JSON-LD). */
export interface PageContext {
  /** The page's absolute URL. */
  url: string;
  /** '<collection>/<id>' → title, link and data of the entries it refers to. */
  lookup: Lookup;
  /** The build's day in Japan ('YYYY-MM-DD'): a salon's JSON-LD names its next meeting from it. */
  today: string;
  /** Absolute URL of the page's share image (its flyer's og image), if it has one. */
  image?: string | undefined;
}

/** What an entry page knows beyond the entry, for its kind's links. */
export interface LinkContext {
  /** Entries that are not past and name this one in a reference field (src/kinds/index.ts referrersOf). */
  referrers: readonly Referrer[];
  /** The build's day in Japan ('YYYY-MM-DD'): what is over no longer offers what is coming (カレンダーに追加). */
  today?: string;
}

export interface Kind<D, F extends FlyerPart<D> | null = FlyerPart<D> | null> {
  /** The facts table of the entry page (and of its search document), in reading order. */
  facts(data: D, f: FactList, today: string): void;
  /** The entry as a line of a list (district, category and home pages). */
  listLine(entry: KindEntry<D>, t: T, today: string): ListItem;
  lifecycle(data: D, today: string): Lifecycle;
  /**
   * What the entry page opens with once its lifecycle is past, where the entry's own status
   * says nothing (src/lib/status-notice.ts): an event that is over, a salon past its last day,
   * a recruitment or grant past its deadline, each still set to 予定どおり or 募集中 by its
   * editor. Without it a resident found a weeks-old event's page with nothing saying it had
   * happened, and its flyer to print. Left out where past only means old (reports) or never
   * comes.
   */
  pastNotice?: UIKey;
  /** The day the entry is about ('YYYY-MM-DD'), for search's 日付順; undefined when none. */
  searchDate(data: D): string | undefined;
  /**
   * The districts the entry is about, for district pages and search's 地区 filter.
   * @param placeDistricts place id → its district, for types that are where their place is.
   */
  districts(data: D, placeDistricts: ReadonlyMap<string, string>): readonly string[];
  /** What the entry is about, for category pages and search's 分類 and 対象 filters. */
  topics(data: D): Topics;
  /**
   * The order residents look for on the collection's index page (/events/, /reports/ …): what
   * is coming or closing soonest first, what is newest first, or by title (byTitle).
   */
  index(entries: readonly KindEntry<D>[], today: string, t: T): IndexOrder<D>;
  /** Whether the site navigation links the collection's index (places, districts … are reached from entries). */
  nav: boolean;
  /**
   * Whether the type lays out its own entry and index pages (src/pages/<collection>/) instead of
   * the shared ones (src/pages/[collection]/): a newsletter issue is laid out as the printed
   * だより. Those pages exist in Japanese only; the shared index is in every language.
   */
  ownPages?: true;
  /** The entry's days on the calendar, or null for types that are not dated (desks, places …). */
  calendar: CalendarPart<D> | null;
  /** schema.org JSON-LD for the entry page (an event's or a salon's), or undefined. */
  structuredData(data: D, page: PageContext): Record<string, unknown> | undefined;
  /**
   * Pages about the entry elsewhere on the site, linked under its body (a district's area and
   * calendar, what meets at a place). `context` is what the entry page knows beyond the entry.
   */
  links(entry: KindEntry<D>, t: T, context?: LinkContext): ListItem[];
  /** The printable flyer's part, or null for types that have no flyer. */
  flyer: F;
  /** Its collection's news feed (/<collection>/feed.xml, feed.json), or null for types without one. */
  feed: FeedPart<D> | null;
  /**
   * The pictures the entry's page shows, in order (src/components/Photos.astro): only these are
   * resized into dist/, so a picture no page shows stays private (src/lib/media/photos.ts).
   */
  photos(data: D): readonly PagePhoto[];
  /**
   * Large buttons for what to do next, shown after the facts (a recruitment's ways to apply).
   * Optional, unlike the other parts: only types a resident answers have them.
   */
  actions?(data: D, t: T, today: string): Action[];
  /**
   * Links at the top of the collection's index page to pages showing part of it or a summary
   * of it (募集: 1回だけOK, できることから探す; reports: 活動のまとめ). Optional: most types have none.
   */
  indexLinks?(entries: readonly KindEntry<D>[], today: string, t: T): IndexLinks[];
}

/** 'YYYY-MM-DD' a year before `today`: reports and newsletters older than that are past. */
export const yearBefore = (today: string): string => `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;

/** An index by title, in Japanese reading order: for types nobody looks up by date. */
export const byTitle =
  <D>(title: (data: D) => string) =>
  (entries: readonly KindEntry<D>[]): { entries: KindEntry<D>[] } => ({
    entries: [...entries].sort((a, b) => compareJa(title(a.data), title(b.data))),
  });

/** Newest first by a 'YYYY-MM…' key, then by title: reports, newsletters. */
export const newestFirst =
  <D>(key: (data: D) => string, title: (data: D) => string) =>
  (entries: readonly KindEntry<D>[]): { entries: KindEntry<D>[] } => ({
    entries: [...entries].sort(
      (a, b) => key(b.data).localeCompare(key(a.data)) || compareJa(title(a.data), title(b.data)),
    ),
  });

/**
 * A list field with a schema default ([]), read where the data may not have passed the schema:
 * the CMS preview's entry being written, a test's hand-made data.
 */
export const listOf = <T>(value: readonly T[] | undefined): readonly T[] => value ?? [];

/** For the many types that are not dated, have no JSON-LD and link nothing else. */
export const noStructuredData = (): undefined => undefined;
export const noLinks = (): ListItem[] => [];
/** For the types without pictures. */
export const noPhotos = (): PagePhoto[] => [];

/** An image field's value as the schemas output it (both parts optional, src checked). */
type ImageValue = { src?: string | undefined; alt?: string | undefined } | undefined;

/**
 * The picture of an entry with an image field (events, salons): its own, or else the photo
 * chosen for its flyer (a recruitment's only one), so a photo taken for the flyer also shows on
 * the page.
 */
export function entryImage(image: ImageValue, flyerPhoto?: ImageValue): PagePhoto[] {
  const chosen = image?.src ? image : flyerPhoto?.src ? flyerPhoto : undefined;
  // The schema demands alt text beside a picture (fields.ts imageField); '' never reaches here.
  return chosen?.src ? [{ src: chosen.src, alt: chosen.alt ?? '' }] : [];
}
