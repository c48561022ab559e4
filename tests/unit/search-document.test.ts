import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import {
  JAPANESE_INDEX_LANG,
  japaneseIndexNamed,
  searchBundleOf,
  searchDate,
  searchDocument,
  searchFilters,
  type SearchEntry,
} from '../../src/lib/search/document.ts';
import { statusNotice } from '../../src/lib/status-notice.ts';
import { kinds } from '../../src/kinds/index.ts';
import type { Fact } from '../../src/lib/facts.ts';

const facts: Fact[] = [
  { label: '会場', values: [{ text: '東公民館', href: '/places/kominkan/' }] },
  { label: '次の開催日', values: [{ text: '2026年12月2日(水)' }], indexed: false },
  { label: '分類', values: [{ text: '見守り' }, { text: '防災' }], weight: 2 },
];

const event: SearchEntry = {
  collection: 'events',
  id: 'bosai-2027',
  title: '防災訓練 <やさしい日本語>',
  data: {
    start: '2027-01-17T09:00',
    status: 'postponed',
    statusNote: '雪のため延期します。',
    summary: '避難所の開け方を体験します。',
    categories: ['disaster'],
    audience: ['everyone'],
  },
  facts,
  districts: ['若葉小学校区'],
  bodyHtml: '<h2>持ち物</h2><p>タオル</p>',
};

describe('the document search indexes for an entry', () => {
  const { url, html } = searchDocument(event, t);

  it('is addressed like the entry page and goes in the Japanese index, under a language Pagefind does not segment', () => {
    expect(url).toBe('/events/bosai-2027/');
    expect(JAPANESE_INDEX_LANG).not.toMatch(/^(ja|zh|th)(-|$)/);
    expect(html).toMatch(new RegExp(`^<!doctype html><html lang="${JAPANESE_INDEX_LANG}">`));
    expect(html).toContain('<article data-pagefind-body>');
  });

  it('has the title (escaped, phrases as on the page), the notice, the summary, the facts and the body', () => {
    expect(html).toContain('<h1>防災訓練 <wbr>&lt;やさしい<wbr>日本語&gt;</h1>');
    expect(html).toContain('<p>このイベントは延期になりました</p><p>雪のため延期します。</p>');
    expect(html).toContain('<p>避難所の開け方を体験します。</p>');
    expect(html).toContain('<div><dt>会場</dt><dd>東公民館</dd></div>');
    expect(html).toContain('<dd data-pagefind-weight="2">見守り、防災</dd>');
    expect(html).toContain('<h2>持ち物</h2><p>タオル</p>');
  });

  it('leaves out the next dates, which change daily', () => {
    expect(html).not.toContain('次の開催日');
    expect(html).not.toContain('2026年12月2日');
  });

  it('carries the filters, the date sort and the date in a hidden block search does not read as text', () => {
    const hidden = html.slice(html.indexOf('<div hidden data-pagefind-ignore>'));
    expect(hidden).toContain('<span data-pagefind-filter="種類">イベント</span>');
    expect(hidden).toContain('<span data-pagefind-filter="分類">防災</span>');
    expect(hidden).toContain('<span data-pagefind-filter="地区">若葉小学校区</span>');
    expect(hidden).toContain('<span data-pagefind-sort="date">2027-01-17</span>');
    expect(hidden).toContain('<span data-pagefind-meta="date">2027-01-17</span>');
  });

  it('gives results the title as written, not the h1 the index splits into words', () => {
    const hidden = html.slice(html.indexOf('<div hidden data-pagefind-ignore>'));
    expect(hidden).toContain('<span data-pagefind-meta="title">防災訓練 &lt;やさしい日本語&gt;</span>');
  });

  it('gives Pagefind a district name with markup as escaped text, which its UI shows as HTML', () => {
    const name = '<b>太字</b><img src=x onerror=alert(1)>A&B町内会';
    const { html: withMarkup } = searchDocument({ ...event, districts: [name] }, t);
    const { document } = parseHTML(withMarkup);
    const span = document.querySelector('[data-pagefind-filter="地区"]');
    expect(document.querySelectorAll('b, img')).toHaveLength(0);
    // What Pagefind stores (the element's text, references decoded) is HTML that reads as the
    // name the volunteer wrote, with an invisible word joiner after each < and &.
    const stored = span?.textContent ?? '';
    expect(stored).toBe('<\u2060b>太字<\u2060/b><\u2060img src=x onerror=alert(1)>A&\u2060B町内会');
    for (const times of [1, 2, 3]) {
      // However often Pagefind decodes it, it stays text.
      let html = stored;
      for (let i = 1; i < times; i++) html = parseHTML(`<p>${html}</p>`).document.querySelector('p')?.textContent ?? '';
      const shown = parseHTML(`<p>${html}</p>`).document.querySelector('p');
      expect(shown?.children).toHaveLength(0);
      expect(shown?.textContent?.replaceAll('\u2060', '')).toBe(name);
    }
  });
});

describe('search filters and dates', () => {
  it('names the filters in Japanese and leaves out empty ones', () => {
    expect(searchFilters('salons', { categories: [], audience: ['elderly'] }, [], t)).toEqual({
      種類: ['サロン・定期の集い'],
      対象: ['高齢の方'],
    });
    // Practices call their categories themes.
    expect(searchFilters('practices', { themes: ['watch'] }, ['東'], t)).toMatchObject({
      分類: ['見守り'],
      地区: ['東'],
    });
  });

  it('dates an entry by its start, date, deadline or month', () => {
    expect(searchDate('events', { start: '2027-01-17T09:00' })).toBe('2027-01-17');
    expect(searchDate('reports', { date: '2026-11-08' })).toBe('2026-11-08');
    expect(searchDate('practices', { date: '2026-11-08' })).toBe('2026-11-08');
    expect(searchDate('recruitments', { deadline: '2027-01-08' })).toBe('2027-01-08');
    expect(searchDate('recruitments', {})).toBeUndefined();
    expect(searchDate('newsletters', { month: '2026-11' })).toBe('2026-11-01');
    expect(searchDate('salons', {})).toBeUndefined();
  });
});

describe('the status notice', () => {
  it('is shown for entries that will not go ahead as announced, with the note', () => {
    expect(statusNotice('cancelled', '雨のため', t)).toEqual({
      headline: t('status.cancelled'),
      note: '雨のため',
      tone: 'alert',
    });
    expect(statusNotice('postponed', undefined, t)).toMatchObject({ tone: 'alert' });
    // How things stand, not a change to what was announced: said plainly, not as an alert.
    expect(statusNotice('closed', '', t)).toEqual({ headline: t('status.closed'), note: undefined, tone: 'plain' });
    expect(statusNotice('paused', undefined, t)).toMatchObject({ tone: 'plain' });
    expect(statusNotice('ended', undefined, t)).toMatchObject({ tone: 'plain' });
  });

  it("says so, in its kind's words, of an entry that is over while its status still says it is on", () => {
    expect(statusNotice('scheduled', undefined, t, 'status.over')).toEqual({
      headline: 'このイベントは終わりました',
      note: undefined,
      tone: 'plain',
    });
    expect(statusNotice('open', undefined, t, kinds.recruitments.pastNotice)).toEqual({
      headline: t('status.closed'),
      note: undefined,
      tone: 'plain',
    });
    // The editor's own status says more: a cancelled event stays 中止, not 終わりました.
    expect(statusNotice('cancelled', '雨のため', t, 'status.over')).toEqual({
      headline: t('status.cancelled'),
      note: '雨のため',
      tone: 'alert',
    });
    // Reports have no such notice: past only means a year old.
    expect(kinds.reports).not.toHaveProperty('pastNotice');
  });

  it('is not shown for entries going ahead', () => {
    expect(statusNotice('scheduled', 'x', t)).toBeUndefined();
    expect(statusNotice('open', undefined, t)).toBeUndefined();
    expect(statusNotice(undefined, undefined, t)).toBeUndefined();
  });
});

describe('which search bundle an entry goes in', () => {
  const today = '2026-11-24';
  const bundle = (collection: string, data: Record<string, unknown>) => searchBundleOf(collection, data, today);

  it('puts events in the past once they have ended (Japan date), not before', () => {
    expect(bundle('events', { start: '2026-11-23T18:00', end: '2026-11-23T20:00' })).toBe('past');
    expect(bundle('events', { start: '2026-11-22T10:00', end: '2026-11-24T09:00' })).toBe('current');
    expect(bundle('events', { start: '2027-01-17T10:00', end: '2027-01-17T12:00', status: 'cancelled' })).toBe(
      'current',
    );
  });

  it('puts recruitments in the past when closed or past their deadline', () => {
    expect(bundle('recruitments', { status: 'closed' })).toBe('past');
    expect(bundle('recruitments', { status: 'open', deadline: '2026-11-23' })).toBe('past');
    expect(bundle('recruitments', { status: 'open', deadline: '2026-11-24' })).toBe('current');
    expect(bundle('recruitments', { status: 'open' })).toBe('current');
  });

  it('puts ended salons in the past, paused ones not, and active ones whose schedule has run out', () => {
    const schedule = { validFrom: '2026-04-01' };
    expect(bundle('salons', { status: 'ended', schedule })).toBe('past');
    expect(bundle('salons', { status: 'paused', schedule })).toBe('current');
    // Past for the flyers already; search used to keep it current.
    expect(bundle('salons', { status: 'active', schedule: { ...schedule, validUntil: '2026-11-23' } })).toBe('past');
    expect(bundle('salons', { status: 'active', schedule: { ...schedule, validUntil: '2026-11-24' } })).toBe('current');
  });

  it('keeps reports and newsletters current for a year', () => {
    expect(bundle('reports', { date: '2025-11-24' })).toBe('current');
    expect(bundle('reports', { date: '2025-11-23' })).toBe('past');
    expect(bundle('newsletters', { month: '2025-12' })).toBe('current');
    expect(bundle('newsletters', { month: '2025-11' })).toBe('past');
  });

  it('keeps places, organizations, districts, desks, practices and pages current', () => {
    for (const collection of ['places', 'organizations', 'districts', 'desks', 'practices', 'pages'])
      expect(bundle(collection, { status: 'ended', date: '2000-01-01' })).toBe('current');
  });
});

describe('the bundle’s entry file', () => {
  it('names the Japanese index ja, as the search page asks, and leaves the other languages and fields alone', () => {
    const written = JSON.stringify({
      version: '1.6.0',
      languages: {
        en: { hash: 'en_1', wasm: 'en', page_count: 7 },
        [JAPANESE_INDEX_LANG]: { hash: `${JAPANESE_INDEX_LANG}_2`, wasm: null, page_count: 100 },
      },
      include_characters: ['_'],
    });
    expect(JSON.parse(japaneseIndexNamed(written))).toEqual({
      version: '1.6.0',
      languages: {
        en: { hash: 'en_1', wasm: 'en', page_count: 7 },
        ja: { hash: `${JAPANESE_INDEX_LANG}_2`, wasm: null, page_count: 100 },
      },
      include_characters: ['_'],
    });
    // A bundle without Japanese (a town's translations only) is left as written.
    const english = JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_1' } } });
    expect(japaneseIndexNamed(english)).toBe(english);
  });
});
