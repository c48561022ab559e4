/**
 * The facts a resident needs to act on an entry (when, where, cost, who, how to apply, who to
 * call), as label/value pairs for the entry page. What each content type lists is its kind's
 * part (src/kinds/<type>.ts); this module gives them the shared wording and links. Pure:
 * references are resolved through the lookup the page passes in.
 */
import type { UIKey } from '../i18n/ja.ts';
import { formatDateIn, formatTimeIn, parseDate, parseDateTime, startOfDateJst } from './dates.ts';
import type { Event } from '../schemas/event.ts';
import type { Audience, Category } from '../schemas/vocabulary.ts';
import type { Place } from '../schemas/place.ts';

type Application = NonNullable<Event['application']>;

/**
 * A translation function (src/i18n/index.ts): its `tag` is the page's language, for the dates
 * it formats; without one (a test's stand-in) dates are Japanese.
 */
export type T = ((key: UIKey, params?: Record<string, string | number>) => string) & { readonly tag?: string };
export interface Link {
  text: string;
  href?: string;
  /** Machine-readable date for <time datetime>. */
  datetime?: string;
}
export interface Fact {
  label: string;
  values: Link[];
  /** How much search weighs these words (Pagefind's data-pagefind-weight; 1 is ordinary text). */
  weight?: number;
  /** False for facts search leaves out: the next dates change daily and only add noise (2026, 年, 月…). */
  indexed?: false;
  /** A fact set apart on the page (a place is a shelter): its words say it, the frame only repeats it. */
  mark?: true;
}
export type Lookup = ReadonlyMap<string, { title: string; href: string; data?: Record<string, unknown> }>;

export const text = (value: string): Link[] => [{ text: value }];

/** A phone number a phone can call with one tap: 0123-45-6789 → tel:0123456789. */
export const phoneLink = (phone: string): Link[] => [{ text: phone, href: `tel:${phone.replace(/[^\d+]/g, '')}` }];
const emailLink = (email: string): Link[] => [{ text: email, href: `mailto:${email}` }];
const webLink = (url: string): Link[] => [{ text: url, href: url }];
/**
 * What an entry is counts more in search than a passing mention: its kind (ふれあいサロン) as
 * much as a subheading, its categories a little more than body text.
 */
export const KIND_WEIGHT = 5;
const TOPIC_WEIGHT = 2;

/** A 'YYYY-MM-DD' day in `t`'s language (Japanese without one); anything else as written. */
export function formatDate(date: string, t?: T): string {
  return parseDate(date) ? formatDateIn(t?.tag ?? 'ja', startOfDateJst(date)) : date;
}

/** 2026年12月5日(土) 10:00〜12:00, or across days for multi-day events; in `t`'s language. */
export function formatPeriod(start: string, end: string, t?: T): string {
  const tag = t?.tag ?? 'ja';
  // 〜 is how Japanese writes a range; other languages read an en dash.
  const to = tag === 'ja' ? '〜' : ' – ';
  const s = parseDateTime(start);
  const e = parseDateTime(end);
  if (!s || !e) return `${start}${to}${end}`;
  const day = (d: Date) => formatDateIn(tag, d);
  const time = (d: Date) => formatTimeIn(tag, d);
  if (start.slice(0, 10) === end.slice(0, 10)) return `${day(s)} ${time(s)}${to}${time(e)}`;
  return `${day(s)} ${time(s)}${to}${day(e)} ${time(e)}`;
}

/** What every gathering (event, salon) shows after its date: where, cost, who, how to join. */
export interface Gathering {
  place: string;
  fee: string;
  capacity?: number | undefined;
  audience: readonly Audience[];
  application?: Application | undefined;
  organizer: string;
  contact?: string | undefined;
  districts: readonly string[];
  categories: readonly Category[];
}

/** The facts of one entry as a kind adds them, in the order the page lists them. */
export class FactList {
  readonly facts: Fact[] = [];
  readonly lookup: Lookup;
  readonly t: T;
  constructor(lookup: Lookup, t: T) {
    this.lookup = lookup;
    this.t = t;
  }

  add(key: UIKey, values: Link[] | undefined, datetime?: string): void {
    if (!values?.length) return;
    const [first, ...rest] = values;
    this.facts.push({ label: this.t(key), values: datetime && first ? [{ ...first, datetime }, ...rest] : values });
  }

  /** A fact search weighs more than body text (see KIND_WEIGHT). */
  topic(key: UIKey, values: Link[] | undefined, weight = TOPIC_WEIGHT): void {
    const before = this.facts.length;
    this.add(key, values);
    if (this.facts.length > before) this.facts[this.facts.length - 1]!.weight = weight;
  }

  /** A fact set apart on the page (see Fact.mark). */
  mark(key: UIKey, values: Link[] | undefined): void {
    const before = this.facts.length;
    this.add(key, values);
    if (this.facts.length > before) this.facts[this.facts.length - 1]!.mark = true;
  }

  /** A fact search leaves out (see Fact.indexed). */
  unindexed(key: UIKey, values: Link[] | undefined): void {
    const before = this.facts.length;
    this.add(key, values);
    if (this.facts.length > before) this.facts[this.facts.length - 1]!.indexed = false;
  }

  /** Another entry by its title, linked; by its id when it cannot be found. */
  ref(target: string, id: string | undefined): Link[] | undefined {
    if (!id) return undefined;
    const found = this.lookup.get(`${target}/${id}`);
    return [found ? { text: found.title, href: found.href } : { text: id }];
  }

  refs(target: string, ids: readonly string[] | undefined): Link[] | undefined {
    return ids?.flatMap((id) => this.ref(target, id) ?? []);
  }

  /** Each category links to its page, where everything of that kind is listed. */
  categories(values: readonly Category[]): Link[] {
    return values.map((v) => ({ text: this.t(`category.${v}`), href: `/categories/${v}/` }));
  }

  /** Phone, e-mail and website, each a link a resident can tap. */
  reach(data: { phone?: string | undefined; email?: string | undefined; url?: string | undefined }): void {
    if (data.phone) this.add('fact.phone', phoneLink(data.phone));
    if (data.email) this.add('fact.email', emailLink(data.email));
    if (data.url) this.add('fact.website', webLink(data.url));
  }

  /** The place by name (linked) with its address, access and barrier-free facts. */
  where(key: UIKey, placeId: string | undefined): void {
    this.add(key, this.ref('places', placeId));
    // The lookup holds entries the loader validated against the place schema.
    const place = this.lookup.get(`places/${placeId}`)?.data as Place | undefined;
    if (place) this.placeDetails(place);
  }

  /** A place's address, way there and barrier-free facts, so nobody has to click through. */
  placeDetails(place: Pick<Place, 'address' | 'access' | 'barrierFree'>): void {
    this.add('fact.address', text(place.address));
    if (place.access) this.add('fact.access', text(place.access));
    const bf = place.barrierFree;
    if (bf) {
      const notes = (['wheelchair', 'toilet', 'parking'] as const)
        .filter((k) => bf[k])
        .map((k) => ({ text: this.t(`barrierFree.${k}`) }));
      this.add('fact.barrierFree', [...notes, ...(bf.notes ? text(bf.notes) : [])]);
    }
  }

  apply(application: Application | undefined): void {
    if (!application) return;
    const t = this.t;
    this.add('fact.apply', text(application.required ? t('apply.required') : t('apply.notRequired')));
    if (application.how) this.add('fact.apply', text(application.how));
    if (application.deadline)
      this.add('fact.deadline', text(formatDate(application.deadline, this.t)), application.deadline);
  }

  /** Where, cost, who, how to join and who runs it: the same for events and salons. */
  gathering(data: Gathering): void {
    const t = this.t;
    this.where('fact.where', data.place);
    this.add('fact.fee', text(data.fee));
    if (data.capacity) this.add('fact.capacity', text(t('fact.people', { count: data.capacity })));
    this.add(
      'fact.audience',
      data.audience.map((a) => ({ text: t(`audience.${a}`) })),
    );
    this.apply(data.application);
    this.add('fact.organizer', this.ref('organizations', data.organizer));
    if (data.contact) this.add('fact.contact', phoneLink(data.contact));
    this.add('fact.districts', this.refs('districts', data.districts));
    this.topic('fact.categories', this.categories(data.categories));
  }
}
