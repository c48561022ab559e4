/**
 * The facts a resident needs to act on an entry (when, where, cost, who, how to apply, who to
 * call), as label/value pairs for the entry page. Pure: references are resolved through the
 * lookup the page passes in.
 */
import type { UIKey } from '../i18n/ja.ts';
import { formatDateJa, formatTimeJa, parseDate, parseDateTime, startOfDateJst } from './dates.ts';
import { describeSchedule } from './schedule-text.ts';
import { nextOccurrences, todayInJapan } from './recurrence.ts';
import type { Schedule } from '../schemas/salon.ts';

type T = (key: UIKey, params?: Record<string, string | number>) => string;
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
}
type Lookup = ReadonlyMap<string, { title: string; href: string; data?: Record<string, unknown> }>;
type Data = Record<string, any>;

const text = (value: string): Link[] => [{ text: value }];

/** A phone number a phone can call with one tap: 0123-45-6789 → tel:0123456789. */
export const phoneLink = (phone: string): Link[] => [{ text: phone, href: `tel:${phone.replace(/[^\d+]/g, '')}` }];
const emailLink = (email: string): Link[] => [{ text: email, href: `mailto:${email}` }];
const webLink = (url: string): Link[] => [{ text: url, href: url }];
/**
 * What an entry is counts more in search than a passing mention: its kind (ふれあいサロン) as
 * much as a subheading, its categories a little more than body text.
 */
const KIND_WEIGHT = 5;
const TOPIC_WEIGHT = 2;

export function formatDate(date: string): string {
  return parseDate(date) ? formatDateJa(startOfDateJst(date)) : date;
}

/** 2026年12月5日(土) 10:00〜12:00, or across days for multi-day events. */
export function formatPeriod(start: string, end: string): string {
  const s = parseDateTime(start);
  const e = parseDateTime(end);
  if (!s || !e) return `${start}〜${end}`;
  if (start.slice(0, 10) === end.slice(0, 10)) return `${formatDateJa(s)} ${formatTimeJa(s)}〜${formatTimeJa(e)}`;
  return `${formatDateJa(s)} ${formatTimeJa(s)}〜${formatDateJa(e)} ${formatTimeJa(e)}`;
}

/**
 * @param today 'YYYY-MM-DD' in Japan at build time, from which a salon's next dates are listed.
 */
export function factsFor(collection: string, data: Data, lookup: Lookup, t: T, today = todayInJapan()): Fact[] {
  const facts: Fact[] = [];
  const add = (key: UIKey, values: Link[] | undefined, datetime?: string) => {
    if (!values?.length) return;
    const [first, ...rest] = values;
    facts.push({ label: t(key), values: datetime && first ? [{ ...first, datetime }, ...rest] : values });
  };
  const topic = (key: UIKey, values: Link[] | undefined, weight = TOPIC_WEIGHT) => {
    const before = facts.length;
    add(key, values);
    if (facts.length > before) facts[facts.length - 1]!.weight = weight;
  };
  /** Phone, e-mail and website, each a link a resident can tap. */
  const reach = (phoneKey: UIKey, d: Data) => {
    if (d['phone']) add(phoneKey, phoneLink(d['phone']));
    if (d['email']) add('fact.email', emailLink(d['email']));
    if (d['url']) add('fact.website', webLink(d['url']));
  };
  /** The place by name (linked) with its address, access and barrier-free facts. */
  const where = (key: UIKey) => {
    add(key, ref('places', data['place']));
    const place = lookup.get(`places/${data['place']}`)?.data;
    if (place) placeDetails(place);
  };
  const ref = (target: string, id: string | undefined): Link[] | undefined => {
    if (!id) return undefined;
    const found = lookup.get(`${target}/${id}`);
    return [found ? { text: found.title, href: found.href } : { text: id }];
  };
  const refs = (target: string, ids: string[] | undefined) => ids?.flatMap((id) => ref(target, id) ?? []);
  const vocab = (prefix: string, values: string[] | undefined) =>
    values?.map((v) => ({ text: t(`${prefix}.${v}` as UIKey) }));
  // Each category links to its page, where everything of that kind is listed.
  const categories = (values: string[] | undefined) =>
    values?.map((v) => ({ text: t(`category.${v}` as UIKey), href: `/categories/${v}/` }));
  const apply = (application: Data | undefined) => {
    if (!application) return;
    add('fact.apply', text(application['required'] ? t('apply.required') : t('apply.notRequired')));
    if (application['how']) add('fact.apply', text(application['how']));
    if (application['deadline'])
      add('fact.deadline', text(formatDate(application['deadline'])), application['deadline']);
  };

  /** A place's address, way there and barrier-free facts, so nobody has to click through. */
  const placeDetails = (place: Data) => {
    add('fact.address', text(place['address']));
    if (place['access']) add('fact.access', text(place['access']));
    if (place['barrierFree']) {
      const bf = place['barrierFree'] as Data;
      const notes = (['wheelchair', 'toilet', 'parking'] as const)
        .filter((k) => bf[k])
        .map((k) => ({ text: t(`barrierFree.${k}`) }));
      add('fact.barrierFree', [...notes, ...(bf['notes'] ? text(bf['notes']) : [])]);
    }
  };

  /** Where, cost, who, how to join and who runs it: the same for events and salons. */
  const gathering = () => {
    where('fact.where');
    add('fact.fee', text(data['fee']));
    if (data['capacity']) add('fact.capacity', text(t('fact.people', { count: data['capacity'] })));
    add('fact.audience', vocab('audience', data['audience']));
    apply(data['application']);
    add('fact.organizer', ref('organizations', data['organizer']));
    if (data['contact']) add('fact.contact', phoneLink(data['contact']));
    add('fact.districts', refs('districts', data['districts']));
    topic('fact.categories', categories(data['categories']));
  };

  switch (collection) {
    case 'events':
      // Machine-readable with the offset: the time is Japan time wherever the reader is.
      add('fact.when', text(formatPeriod(data['start'], data['end'])), `${data['start']}+09:00`);
      gathering();
      break;
    case 'salons':
      add('fact.schedule', text(describeSchedule(data['schedule'] as Schedule, t)));
      if (data['status'] === 'active') {
        const before = facts.length;
        add(
          'fact.nextDates',
          nextOccurrences(data['schedule'] as Schedule, today, 4).map((o) => ({
            text: formatDate(o.date),
            datetime: `${o.start}+09:00`,
          })),
        );
        if (facts.length > before) facts[facts.length - 1]!.indexed = false;
      }
      topic('fact.kind', vocab('salonKind', [data['kind']]), KIND_WEIGHT);
      gathering();
      break;
    case 'recruitments':
      add('fact.status', vocab('recruitmentStatus', [data['status']]));
      add('fact.role', text(data['role']));
      add('fact.tasks', text(data['tasks']));
      add('fact.frequency', text(data['frequency']));
      add('fact.welcome', text(data['welcome']));
      where('fact.activityPlace');
      add('fact.related', ref('events', data['event']));
      if (data['deadline']) add('fact.deadline', text(formatDate(data['deadline'])), data['deadline']);
      add('fact.apply', text(data['howToApply']));
      add('fact.organizer', ref('organizations', data['organizer']));
      if (data['contact']) add('fact.contact', phoneLink(data['contact']));
      add('fact.districts', refs('districts', data['districts']));
      topic('fact.categories', categories(data['categories']));
      break;
    case 'reports':
      add('fact.date', text(formatDate(data['date'])), data['date']);
      add('fact.related', [...(ref('salons', data['salon']) ?? []), ...(ref('events', data['event']) ?? [])]);
      if (data['participants'] !== undefined)
        add('fact.participants', text(t('fact.people', { count: data['participants'] })));
      if (data['volunteers'] !== undefined)
        add('fact.volunteers', text(t('fact.people', { count: data['volunteers'] })));
      add('fact.districts', refs('districts', data['districts']));
      topic('fact.categories', categories(data['categories']));
      break;
    case 'practices':
      add('fact.town', text(data['town']));
      add('fact.organizer', text(data['organization']));
      topic('fact.themes', categories(data['themes']));
      add('fact.background', text(data['background']));
      add('fact.approach', text(data['approach']));
      add('fact.results', text(data['results']));
      add('fact.tips', text(data['tips']));
      if (data['contact']) add('fact.contact', text(data['contact']));
      break;
    case 'desks':
      add(
        'fact.helpsWith',
        (data['helpsWith'] as string[]).map((h) => ({ text: h })),
      );
      add('fact.hours', text(data['hours']));
      reach('fact.phone', data);
      where('fact.deskPlace');
      add('fact.languages', vocab('language', data['languages']));
      topic('fact.categories', categories(data['categories']));
      break;
    case 'places':
      placeDetails(data);
      add('fact.districts', ref('districts', data['district']));
      if (data['phone']) add('fact.phone', phoneLink(data['phone']));
      break;
    case 'districts':
      add('fact.kind', vocab('districtKind', [data['kind']]));
      add('fact.parent', ref('districts', data['parent']));
      break;
    case 'organizations':
      add('fact.kind', vocab('orgKind', [data['kind']]));
      add('fact.districts', refs('districts', data['districts']));
      reach('fact.phone', data);
      break;
    case 'newsletters':
      add('fact.date', text(`${Number(data['month'].slice(0, 4))}年${Number(data['month'].slice(5))}月号`));
      add('fact.districts', ref('districts', data['district']));
      break;
  }
  return facts;
}
