/**
 * What a flyer says, derived from an entry: the volunteer's `flyer` settings where given,
 * otherwise defaults from the entry itself (headline from the kind of notice, catch copy from
 * ひとこと紹介, points from the body's bullet list, colour from the first category). The model
 * is plain data: templates draw it, and its JSON is what the cache key hashes, so anything
 * that changes the printed sheet (a place's address, the next salon dates, the site URL)
 * must pass through here.
 */
import type { UIKey } from '../i18n/ja.ts';
import { withoutComments } from '../lib/markdown/comments.ts';
import { formatDateJa, startOfDateJst } from '../lib/dates.ts';
import { formatDate, formatPeriod } from '../lib/facts.ts';
import { nextOccurrences } from '../lib/recurrence.ts';
import { describeSchedule } from '../lib/schedule-text.ts';
import { FLYER_LIMITS, type FlyerSettings, type FlyerTemplate, type FlyerTheme } from '../schemas/flyer.ts';
import type { Schedule } from '../schemas/salon.ts';
import { withPrintableText } from './glyphs.ts';
import type { FlyerCollection } from './paths.ts';

type T = (key: UIKey, params?: Record<string, string | number>) => string;
type Data = Record<string, any>;

export interface FlyerFact {
  /** Which fact ('where', 'fee' …: the `fact.<key>` dictionary key), for templates that pick some. */
  key: string;
  label: string;
  value: string;
  /** A second, smaller line (a place's address). */
  note?: string;
}

export interface FlyerModel {
  collection: FlyerCollection;
  id: string;
  template: FlyerTemplate;
  theme: FlyerTheme;
  headline: string;
  title: string;
  catchCopy: string;
  points: string[];
  /** The one line that says when: 2026年12月5日(土) 10:00〜12:00, or the salon's rule. */
  when?: string;
  /** A salon's next meetings, short form (12月10日(水)). */
  nextDates: string[];
  facts: FlyerFact[];
  /** 中止, 延期, お休み中 …: stamped across the sheet. */
  stamp?: string;
  /** Cancelled, ended or no longer recruiting: how to apply no longer matters (large print leaves it out). */
  over?: boolean;
  statusNote?: string;
  /** The entry's page, printed as a QR code and as text. */
  url: string;
  siteName: string;
  publisher: string;
  photo?: { src: string; alt: string };
  /** Fixed wording printed on every flyer, from the dictionary. */
  labels: { qr: string; nextDates: string; organizerContact: string };
}

export interface FlyerSource {
  collection: FlyerCollection;
  id: string;
  data: Data;
  body: string;
}

export interface FlyerContext {
  /** `<collection>/<id>` → front matter, to name places, organizations and districts. */
  lookup: ReadonlyMap<string, Data>;
  site: { url: string; siteName: string; publisher: string };
  /** Japan date the next salon dates count from ('YYYY-MM-DD'). */
  today: string;
  t: T;
}

const THEME_BY_CATEGORY: Record<string, FlyerTheme> = {
  watch: 'blue',
  salon: 'orange',
  ibasho: 'brown',
  childcare: 'pink',
  elderly: 'orange',
  disability: 'purple',
  multicultural: 'purple',
  disaster: 'blue',
  shopping: 'green',
  health: 'green',
  learning: 'blue',
  volunteer: 'green',
  food: 'orange',
};

/** Top-level bullet items of the Markdown body, without inline markup, that fit as points. */
export function pointsFromBody(body: string): string[] {
  const points: string[] = [];
  // Comments are notes between editors, never printed (src/lib/markdown/comments.ts).
  for (const line of withoutComments(body).split('\n')) {
    const match = /^[-*+]\s+(.+)$/.exec(line);
    if (!match?.[1]) continue;
    const text = match[1]
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|\*|_|`)/g, '')
      .trim();
    if (text && text.length <= FLYER_LIMITS.point) points.push(text);
    if (points.length === FLYER_LIMITS.points) break;
  }
  return points;
}

/** 12月10日(水): the year is obvious on a notice board and the short form fits on one line. */
const shortDate = (date: string) => formatDateJa(startOfDateJst(date)).replace(/^\d+年/, '');

export function pageUrl(siteUrl: string, collection: string, id: string): string {
  // The same path as the site's entry pages (src/data/entries.ts entryHref).
  return `${siteUrl.replace(/\/+$/, '')}/${collection}/${id}/`;
}

export function buildFlyerModel(source: FlyerSource, context: FlyerContext): FlyerModel {
  const { collection, id, data } = source;
  const { lookup, t } = context;
  const settings = (data['flyer'] ?? {}) as Partial<FlyerSettings>;
  const name = (target: string, ref: unknown) => {
    if (typeof ref !== 'string') return undefined;
    const entry = lookup.get(`${target}/${ref}`);
    return entry ? String(entry['name'] ?? entry['title'] ?? ref) : ref;
  };
  const facts: FlyerFact[] = [];
  const add = (key: UIKey, value: string | undefined, note?: string) => {
    if (value) facts.push({ key: key.slice('fact.'.length), label: t(key), value, ...(note ? { note } : {}) });
  };
  const place = () => {
    if (typeof data['place'] !== 'string') return;
    const found = lookup.get(`places/${data['place']}`);
    add('fact.where', name('places', data['place']), found?.['address'] ? String(found['address']) : undefined);
  };
  const audience = () =>
    add(
      'fact.audience',
      ((data['audience'] as string[] | undefined) ?? []).map((a) => t(`audience.${a}` as UIKey)).join('・'),
    );
  const apply = () => {
    const application = data['application'] as Data | undefined;
    if (!application) return;
    const parts = [application['required'] ? t('apply.required') : t('flyer.noApply')];
    if (application['how']) parts.push(String(application['how']));
    add('fact.apply', parts.join('　'));
    if (application['deadline']) add('fact.deadline', formatDate(application['deadline']));
  };
  const contact = () => {
    add('fact.organizer', name('organizations', data['organizer']));
    add('fact.contact', data['contact'] ? String(data['contact']) : undefined);
  };
  const districts = () =>
    add(
      'fact.districts',
      ((data['districts'] as string[] | undefined) ?? []).map((d) => name('districts', d)).join('・'),
    );

  let when: string | undefined;
  let nextDates: string[] = [];
  let stamp: string | undefined;
  switch (collection) {
    case 'events': {
      when = formatPeriod(data['start'], data['end']);
      place();
      add('fact.fee', data['fee']);
      audience();
      if (data['capacity']) add('fact.capacity', t('fact.people', { count: data['capacity'] }));
      apply();
      contact();
      districts();
      if (data['status'] === 'cancelled') stamp = t('flyer.cancelled');
      if (data['status'] === 'postponed') stamp = t('flyer.postponed');
      break;
    }
    case 'salons': {
      const schedule = data['schedule'] as Schedule;
      when = describeSchedule(schedule, t);
      if (data['status'] === 'active')
        nextDates = nextOccurrences(schedule, context.today, 3).map((o) => shortDate(o.date));
      place();
      add('fact.fee', data['fee']);
      audience();
      apply();
      contact();
      districts();
      if (data['status'] === 'paused') stamp = t('flyer.paused');
      if (data['status'] === 'ended') stamp = t('flyer.ended');
      break;
    }
    case 'recruitments': {
      add('fact.role', data['role']);
      add('fact.tasks', data['tasks']);
      add('fact.frequency', data['frequency']);
      add('fact.welcome', data['welcome']);
      place();
      if (data['deadline']) add('fact.deadline', formatDate(data['deadline']));
      add('fact.apply', data['howToApply']);
      contact();
      districts();
      if (data['status'] === 'closed') stamp = t('flyer.closed');
      break;
    }
  }

  const categories = (data['categories'] as string[] | undefined) ?? [];
  const photo = settings.photo?.src ? settings.photo : (data['image'] as Data | undefined);
  // Emoji as the black-and-white fonts draw them (glyphs.ts): ❤️ → ❤, 1️⃣ → ①.
  return withPrintableText({
    collection,
    id,
    template: settings.template ?? 'poster',
    theme: settings.theme ?? THEME_BY_CATEGORY[categories[0] ?? ''] ?? 'green',
    headline:
      settings.headline ??
      (collection === 'salons' ? t(`salonKind.${data['kind']}` as UIKey) : t(`flyer.headline.${collection}`)),
    title: String(data['title'] ?? id),
    // Recruitments have no ひとこと紹介; their role and tasks are the first facts instead.
    catchCopy: settings.catchCopy ?? (data['summary'] ? String(data['summary']) : ''),
    points: settings.points?.length ? settings.points : pointsFromBody(source.body),
    ...(when ? { when } : {}),
    nextDates,
    facts,
    ...(stamp ? { stamp } : {}),
    ...(['cancelled', 'ended', 'closed'].includes(String(data['status'])) ? { over: true } : {}),
    ...(data['statusNote'] ? { statusNote: String(data['statusNote']) } : {}),
    url: pageUrl(context.site.url, collection, id),
    siteName: context.site.siteName,
    publisher: context.site.publisher,
    labels: { qr: t('flyer.qr'), nextDates: t('flyer.nextDates'), organizerContact: t('flyer.organizerContact') },
    ...(photo?.['src'] ? { photo: { src: String(photo['src']), alt: String(photo['alt'] ?? '') } } : {}),
  });
}
