/**
 * What a content type means to the rest of the system, beside its data (its schema in
 * src/schemas/): one kind per type, registered once in src/kinds/index.ts. Code that needs to
 * know about a type asks the registry instead of switching on the collection name, so a new
 * type that lacks a part does not compile.
 */
import type { z } from 'astro/zod';
import type { FactList, T } from '../lib/facts.ts';
import type { contentTypes, ContentTypeName } from '../schemas/index.ts';
import type { FlyerFacts } from '../flyers/facts.ts';
import type { Audience, Category } from '../schemas/vocabulary.ts';

/** The collections whose entries each get a page (every content type but the site settings). */
export type EntryCollection = Exclude<ContentTypeName, 'settings'>;

/** An entry's front matter as its schema outputs it (defaults filled in). */
export type DataOf<N extends ContentTypeName> = z.output<Extract<(typeof contentTypes)[number], { name: N }>['schema']>;

/**
 * Where an entry stands on a given Japan-time day. `past` is what residents can no longer
 * join or use: an event that has ended, a salon that has ended or whose schedule has run out,
 * a recruitment closed or past its deadline, a report or newsletter over a year old. District
 * and category lists, the home page, search (its past bundle) and the flyers all decide with
 * this one answer. The calendar agrees without asking: it shows an active salon's dates only
 * within its schedule (validFrom..validUntil), and past months keep the dates that were held.
 */
export type Lifecycle = 'upcoming' | 'current' | 'past';

export interface Topics {
  categories: readonly Category[];
  /** Who it is for, where the type says (events and salons). */
  audience?: readonly Audience[];
}

/** One line of a list: the entry's title and what to know at a glance. */
export interface ListItem {
  href: string;
  title: string;
  meta?: string;
  /** ISO time after which the reader's browser may hide the item (an event that ended since the build). */
  ends?: string;
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

export interface Kind<D, F extends FlyerPart<D> | null = FlyerPart<D> | null> {
  /** The facts table of the entry page (and of its search document), in reading order. */
  facts(data: D, f: FactList, today: string): void;
  /** The entry as a line of a list (district, category and home pages). */
  listLine(entry: KindEntry<D>, t: T, today: string): ListItem;
  lifecycle(data: D, today: string): Lifecycle;
  /** The day the entry is about ('YYYY-MM-DD'), for search's 日付順; undefined when none. */
  searchDate(data: D): string | undefined;
  /**
   * The districts the entry is about, for district pages and search's 地区 filter.
   * @param placeDistricts place id → its district, for types that are where their place is.
   */
  districts(data: D, placeDistricts: ReadonlyMap<string, string>): readonly string[];
  /** What the entry is about, for category pages and search's 分類 and 対象 filters. */
  topics(data: D): Topics;
  /** Whether the site navigation links the collection's index (places, districts … are reached from entries). */
  nav: boolean;
  /** The printable flyer's part, or null for types that have no flyer. */
  flyer: F;
}

/** 'YYYY-MM-DD' a year before `today`: reports and newsletters older than that are past. */
export const yearBefore = (today: string): string => `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
