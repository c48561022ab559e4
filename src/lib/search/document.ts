/**
 * What search indexes for one entry: the title, summary, facts and body its page shows, and the
 * filters and date the search page offers. Built from the validated content rather than read
 * back from the rendered page, so that Pagefind indexes on the second core while Astro is still
 * rendering (src/integrations/search-worker.ts). Pure: the caller resolves references and renders
 * the Markdown body.
 */
import type { UIKey } from '../../i18n/ja.ts';
import type { Fact } from '../facts.ts';
import { phrases } from '../phrases.ts';
import { statusNotice } from '../status-notice.ts';
import { kindOf, lifecycleOf, type EntryCollection } from '../../kinds/index.ts';
import { LOCALES } from '../../i18n/locales.ts';

type T = (key: UIKey, params?: Record<string, string | number>) => string;

export interface SearchEntry {
  collection: EntryCollection;
  id: string;
  title: string;
  data: Record<string, unknown>;
  /** The entry's facts as its page lists them (src/lib/facts.ts). */
  facts: Fact[];
  /** Names of the entry's districts, resolved by the caller. */
  districts: readonly string[];
  /** The Markdown body rendered to HTML as the page renders it. */
  bodyHtml: string;
  /** A translation's language (URL prefix, src/i18n/locales.ts); absent for the Japanese original. */
  locale?: string;
  /** The Pagefind index it goes in (searchLanguage); the Japanese one (JAPANESE_INDEX_LANG) when absent. */
  lang?: string;
}

/**
 * The `lang` of the Japanese search documents. Not `ja`: for zh, ja and th Pagefind runs its own
 * segmenter (charabia with lindera's dictionary) over the text, which took most of the indexing
 * memory and time and split words otherwise than the browser does; the worker has already split
 * the text into ICU's words (splitWords in ./terms.ts, the same the query gets), and under a
 * language Pagefind does not segment, it only splits on those spaces. `jpx` (ISO 639-5, Japonic
 * languages) has no stemmer in Pagefind either. The worker names the index `ja` again in the
 * bundle's pagefind-entry.json (japaneseIndexNamed), so that the search page (<html lang="ja">)
 * and other towns merging this bundle find it as before.
 */
export const JAPANESE_INDEX_LANG = 'jpx';

/**
 * A Pagefind bundle's pagefind-entry.json with the Japanese index named `ja`, the language the
 * search page asks for (Pagefind's browser side looks an index up by the page's <html lang>).
 * Nothing else in the bundle names the language: the index's files are named by their hash.
 */
export function japaneseIndexNamed(entryJson: string): string {
  const entry = JSON.parse(entryJson) as { languages?: Record<string, unknown> };
  const languages = entry.languages ?? {};
  if (!(JAPANESE_INDEX_LANG in languages)) return entryJson;
  entry.languages = Object.fromEntries(
    Object.entries(languages).map(([lang, index]) => [lang === JAPANESE_INDEX_LANG ? 'ja' : lang, index]),
  );
  return JSON.stringify(entry);
}

/**
 * The Pagefind index of a language: Pagefind keeps one per `<html lang>` and a search page
 * searches the one of its own lang, lower-cased (zh-Hans → zh-hans).
 */
export const searchLanguage = (locale: string): string =>
  (LOCALES.find((l) => l.code === locale)?.tag ?? locale).toLowerCase();

/**
 * Whether the index a search page of `locale` searches has search keys (readings and surfaces,
 * readings.ts): the Japanese one, which やさしい日本語's page searches too; the translations'
 * indexes are in their own words (search-worker.ts keys only the Japanese originals).
 */
export const hasSearchKeys = (locale: string | undefined): boolean => searchLanguage(locale ?? 'ja') === 'ja';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c] as string);

/**
 * Which search bundle an entry goes in. Residents mostly look for what they can still join, so
 * the search page looks in `current` and adds `past` only when asked (終わったものも探す): what
 * the entry's kind calls past on `today` (src/kinds/kind.ts, Lifecycle) — ended events and
 * salons, recruitments closed or past their deadline, reports and newsletters over a year old.
 * Every first search downloads the list of all pages in the bundle it opens (~6 bytes a page),
 * so the past, which only grows, stays out of it.
 * @param today 'YYYY-MM-DD' in Japan at build time.
 */
export function searchBundleOf(collection: string, data: unknown, today: string): 'current' | 'past' {
  return lifecycleOf(collection, data, today) === 'past' ? 'past' : 'current';
}

/** The day an entry is about ('YYYY-MM-DD': event start, report date, deadline, newsletter month), for 日付順. */
export const searchDate = (collection: string, data: unknown): string | undefined =>
  kindOf(collection).searchDate(data);

/**
 * The search page's filters for an entry, named in Japanese because Pagefind's UI shows the
 * names as they are: 種類 (what it is), 分類, 地区, 対象.
 */
export function searchFilters(
  collection: EntryCollection,
  data: unknown,
  districts: readonly string[],
  t: T,
): Record<string, string[]> {
  const filters: Record<string, string[]> = { [t('fact.kind')]: [t(`collection.${collection}`)] };
  const { categories, audience = [], filters: more = [] } = kindOf(collection).topics(data);
  if (categories.length) filters[t('fact.categories')] = categories.map((c) => t(`category.${c}`));
  if (districts.length) filters[t('fact.districts')] = [...districts];
  if (audience.length) filters[t('fact.audience')] = audience.map((a) => t(`audience.${a}`));
  for (const { name, values } of more) if (values.length) filters[t(name)] = values.map((v) => t(v));
  return filters;
}

/**
 * A filter name or value as Pagefind must store it. Pagefind's UI writes filter names and values
 * into the search page as HTML (Svelte's {@html}), so a district named
 * `<b>太字</b><img src=x onerror=…>` became bold text and an image there. Escaping cannot help:
 * Pagefind decodes character references in filter text however often they were escaped (tried
 * with 1.6: `&amp;lt;b&amp;gt;` came back as `<b>`). So an invisible WORD JOINER (U+2060)
 * follows every `<` and `&`: an HTML parser reads `<⁠b>` and `&⁠amp;` as the text they show,
 * which is what the volunteer wrote. The same value is the checkbox's value and the key that
 * filtering matches, so nothing else changes; names without `<` or `&` are untouched.
 */
export const filterText = (text: string): string => text.replace(/[<&]/g, (c) => `${c}\u2060`);

const factHtml = (fact: Fact) => {
  const weight = fact.weight ? ` data-pagefind-weight="${fact.weight}"` : '';
  return `<div><dt>${escape(fact.label)}</dt><dd${weight}>${fact.values.map((v) => escape(v.text)).join('、')}</dd></div>`;
};

/**
 * The HTML document Pagefind reads for an entry: the article as its page shows it, from the
 * title and any 中止/延期 notice to the body, then a hidden, ignored block with the filters, the
 * date sort and the date shown in results. Pagefind weighs the h1 and the Markdown headings as
 * on the page, and the page's breaks between phrases (<wbr>) are where Pagefind splits words it
 * would otherwise keep whole, such as サロン in 歌声サロン「わかば」.
 */
export function searchDocument(entry: SearchEntry, t: T): { url: string; html: string } {
  const { collection, id, title, data, facts, districts, bodyHtml, locale, lang = JAPANESE_INDEX_LANG } = entry;
  const notice = statusNotice(data['status'], data['statusNote'], t);
  const banner = notice
    ? `<div><p>${escape(notice.headline)}</p>${notice.note ? `<p>${escape(notice.note)}</p>` : ''}</div>`
    : '';
  const summary = typeof data['summary'] === 'string' ? `<p>${escape(data['summary'])}</p>` : '';
  const filters = Object.entries(searchFilters(collection, data, districts, t)).flatMap(([name, values]) =>
    values.map(
      (value) => `<span data-pagefind-filter="${escape(filterText(name))}">${escape(filterText(value))}</span>`,
    ),
  );
  // The result's title as written: Pagefind would take the h1's text, which the Japanese index
  // has split into words (search-worker.ts).
  filters.push(`<span data-pagefind-meta="title">${escape(title)}</span>`);
  const date = searchDate(collection, data);
  if (date)
    filters.push(`<span data-pagefind-sort="date">${date}</span><span data-pagefind-meta="date">${date}</span>`);
  const shownFacts = facts.filter((f) => f.indexed !== false).map(factHtml);
  const html =
    `<!doctype html><html lang="${escape(lang)}"><head>` +
    '<meta charset="utf-8"></head><body><article data-pagefind-body>' +
    `<h1>${phrases(title).map(escape).join('<wbr>')}</h1>${banner}${summary}<dl>${shownFacts.join('')}</dl>` +
    `<div>${bodyHtml}</div><div hidden data-pagefind-ignore>${filters.join('')}</div></article></body></html>`;
  return { url: `${locale ? `/${locale}` : ''}/${collection}/${id}/`, html };
}
