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
import { kindOf } from '../kinds/index.ts';
import { FLYER_LIMITS, type FlyerSettings, type FlyerTemplate, type FlyerTheme } from '../schemas/flyer.ts';
import { withPrintableText } from './glyphs.ts';
import { flyerTemplateOf, type FlyerCollection } from './paths.ts';
import { FlyerFacts, type FlyerFact } from './facts.ts';

type T = (key: UIKey, params?: Record<string, string | number>) => string;
type Data = Record<string, unknown>;

export type { FlyerFact };

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

export function pageUrl(siteUrl: string, collection: string, id: string): string {
  // The same path as the site's entry pages (src/data/entries.ts entryHref).
  return `${siteUrl.replace(/\/+$/, '')}/${collection}/${id}/`;
}

export function buildFlyerModel(source: FlyerSource, context: FlyerContext): FlyerModel {
  const { collection, id, data } = source;
  const { lookup, t } = context;
  const settings = (data['flyer'] ?? {}) as Partial<FlyerSettings>;
  // What differs by type (facts, when, next dates, stamp, headline) is the kind's flyer part.
  const part = kindOf(collection).flyer;
  if (!part) throw new Error(`${collection} has no flyer (src/kinds/index.ts)`);
  const f = new FlyerFacts(lookup, t);
  const { when, nextDates = [], stamp } = part.sheet(data, f, context.today);
  const facts = f.facts;

  const categories = (data['categories'] as string[] | undefined) ?? [];
  const photo = settings.photo?.src ? settings.photo : (data['image'] as Data | undefined);
  // Emoji as the black-and-white fonts draw them (glyphs.ts): ❤️ → ❤, 1️⃣ → ①.
  return withPrintableText({
    collection,
    id,
    template: flyerTemplateOf(data),
    theme: settings.theme ?? THEME_BY_CATEGORY[categories[0] ?? ''] ?? 'green',
    headline: settings.headline ?? part.headline(data, t),
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
