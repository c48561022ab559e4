/**
 * What a flyer says, derived from an entry: the volunteer's `flyer` settings where given,
 * otherwise defaults from the entry itself (headline from the kind of notice, catch copy from
 * ひとこと紹介, points from the body's bullet list, colour from the first category). The model
 * is plain data: templates draw it, and its JSON is what the cache key hashes, so anything
 * that changes the printed sheet (a place's address, the next salon dates, the site URL)
 * must pass through here.
 */
import type { UIKey } from '../i18n/ja.ts';
import { LOCALES, type LocaleCode } from '../i18n/locales.ts';
import { fontFamiliesFor, type FontFamilyId } from '../lib/flyer-fonts.ts';
import { withoutComments } from '../lib/markdown/comments.ts';
import { kindOf } from '../kinds/index.ts';
import { FLYER_LIMITS, type FlyerSettings, type FlyerTemplate, type FlyerTheme } from '../schemas/flyer.ts';
import { withPrintableText } from './glyphs.ts';
import { flyerTemplateOf, type FlyerCollection } from './paths.ts';
import { FlyerFacts, type FlyerFact } from './facts.ts';
import type { FlyerReadings } from './ruby.ts';

/**
 * The dictionary of the flyer's language (src/i18n/index.ts useTranslations): its `tag` formats
 * the dates, its `locale` names the language. A stand-in without them prints Japanese.
 */
type T = ((key: UIKey, params?: Record<string, string | number>) => string) & {
  readonly tag?: string;
  readonly locale?: LocaleCode;
};
type Data = Record<string, unknown>;

export type { FlyerFact };

export interface FlyerModel {
  collection: FlyerCollection;
  id: string;
  /**
   * The language a translated flyer is printed in (its dictionary, fonts, line breaks, the
   * PDF's Lang and its file names); absent for Japanese, whose models (and cache keys) are
   * what they were before translations.
   */
  locale?: Exclude<LocaleCode, 'ja'>;
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
  /**
   * ふりがな, for the 大きな文字・ふりがな付き choice only: each printed text with kanji and its
   * words' readings (src/flyers/readings.ts, from the site's analyser and readings), set over
   * the text by the layout (layout/set.ts). Absent on every other flyer.
   */
  furigana?: FlyerReadings;
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
export function pointsFromBody(body: string, maxLength: number = FLYER_LIMITS.point): string[] {
  const points: string[] = [];
  // Comments are notes between editors, never printed (src/lib/markdown/comments.ts).
  for (const line of withoutComments(body).split('\n')) {
    const match = /^[-*+]\s+(.+)$/.exec(line);
    if (!match?.[1]) continue;
    const text = match[1]
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|\*|_|`)/g, '')
      .trim();
    if (text && text.length <= maxLength) points.push(text);
    if (points.length === FLYER_LIMITS.points) break;
  }
  return points;
}

/**
 * The longest body bullet a flyer takes as a point, in characters. What Japanese (and Chinese)
 * says in 40 characters takes about twice as many letters in an alphabet (10:00 Bắt đầu, kiểm
 * tra sức khỏe (đo huyết áp) is 47); the sheet still shrinks to fit if the points run long.
 */
export function pointLength(locale: LocaleCode | undefined): number {
  return locale === undefined || locale === 'ja' || locale === 'ja-easy' || locale === 'zh-hans'
    ? FLYER_LIMITS.point
    : FLYER_LIMITS.point * 2;
}

export function pageUrl(siteUrl: string, collection: string, id: string, locale?: LocaleCode): string {
  // The same path as the site's entry pages (src/data/entries.ts entryHref); a translation's
  // under its language's prefix, as every page of the site in that language (/vi/salons/…).
  const prefix = locale && locale !== 'ja' ? `/${locale}` : '';
  return `${siteUrl.replace(/\/+$/, '')}${prefix}/${collection}/${id}/`;
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
  const locale = t.locale && t.locale !== 'ja' ? t.locale : undefined;
  return withPrintableText({
    collection,
    id,
    ...(locale ? { locale } : {}),
    template: flyerTemplateOf(data),
    theme: settings.theme ?? THEME_BY_CATEGORY[categories[0] ?? ''] ?? 'green',
    headline: settings.headline ?? part.headline(data, t),
    title: String(data['title'] ?? id),
    // Recruitments have no ひとこと紹介; their role and tasks are the first facts instead.
    catchCopy: settings.catchCopy ?? (data['summary'] ? String(data['summary']) : ''),
    points: settings.points?.length ? settings.points : pointsFromBody(source.body, pointLength(locale)),
    ...(when ? { when } : {}),
    nextDates,
    facts,
    ...(stamp ? { stamp } : {}),
    ...(['cancelled', 'ended', 'closed'].includes(String(data['status'])) ? { over: true } : {}),
    ...(data['statusNote'] ? { statusNote: String(data['statusNote']) } : {}),
    url: pageUrl(context.site.url, collection, id, locale),
    siteName: context.site.siteName,
    publisher: context.site.publisher,
    labels: { qr: t('flyer.qr'), nextDates: t('flyer.nextDates'), organizerContact: t('flyer.organizerContact') },
    ...(photo?.['src'] ? { photo: { src: String(photo['src']), alt: String(photo['alt'] ?? '') } } : {}),
  });
}

/** Every text a flyer model prints (the glyph check and the choice of fonts read them). */
export function printedTexts(model: FlyerModel): string[] {
  return [
    model.headline,
    model.title,
    model.catchCopy,
    ...model.points,
    model.when ?? '',
    ...model.nextDates,
    ...model.facts.flatMap((f) => [f.label, f.value, f.note ?? '']),
    model.stamp ?? '',
    model.statusNote ?? '',
    model.siteName,
    model.publisher,
    ...Object.values(model.labels),
  ];
}

/** The font families a flyer is set in: its language's, and what its texts need (src/lib/flyer-fonts.ts). */
export const flyerFontFamilies = (model: FlyerModel): FontFamilyId[] =>
  fontFamiliesFor(model.locale ?? 'ja', printedTexts(model));

/** The PDF's document language: Japanese as ja-JP (やさしい日本語 too), a translation by its BCP 47 tag (vi, zh-Hans, ne). */
export function flyerLang(model: Pick<FlyerModel, 'locale'>): string {
  if (!model.locale || model.locale === 'ja-easy') return 'ja-JP';
  return LOCALES.find((l) => l.code === model.locale)?.tag ?? 'ja-JP';
}
