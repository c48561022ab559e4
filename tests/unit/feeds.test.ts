/**
 * The feeds read back by independent parsers: every iCalendar feed by ical.js (its own RRULE,
 * EXDATE and VTIMEZONE handling), whose occurrences must equal the site's calendar
 * (buildCalendarItems over the same entries); RSS by fast-xml-parser; JSON Feed by JSON.parse.
 * The unit project runs in America/Los_Angeles, so a local-time slip would show.
 */
import ICAL from 'ical.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { addDays, buildCalendarItems, type CalendarSource } from '../../src/lib/calendar.ts';
import { parseDateTime } from '../../src/lib/dates.ts';
import { calendarFeed, feedRange, type CalendarFeedOptions } from '../../src/lib/feeds/ics.ts';
import { japanTime } from '../../src/lib/feeds/japan-time.ts';
import { japanIso, newsFeeds, newsItems, plainSummary } from '../../src/lib/feeds/news.ts';
import { scheduleRecurrence } from '../../src/lib/feeds/rrule.ts';
import {
  SITE_ICS_HREF,
  categoryIcsHref,
  districtIcsHref,
  entryIcsHref,
  newsFeedLinks,
  webcalHref,
} from '../../src/lib/feeds/paths.ts';
import type { DateRange } from '../../src/lib/recurrence.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { scheduleSchema } from '../../src/schemas/salon.ts';
import { kinds } from '../../src/kinds/index.ts';

const TODAY = '2026-11-15';
const RANGE = feedRange(TODAY, 2, 12);
/** The promise: the next six months agree. */
const NEXT_SIX_MONTHS: DateRange = { from: TODAY, to: addDays(TODAY, 183) };

const { entries } = validateContent(process.cwd());
const sourcesOf = (collection: string): CalendarSource[] =>
  (entries.get(collection) ?? [])
    .filter((e) => e.file.endsWith('.ja.md'))
    .map((e) => ({ collection, id: String(e.parsed['id']), data: e.parsed }));
const sample = [...sourcesOf('events'), ...sourcesOf('salons')];
const places = new Map(
  sourcesOf('places').map((p) => [p.id, { name: String(p.data['name']), address: String(p.data['address']) }]),
);

const options = (range: DateRange = RANGE): CalendarFeedOptions => ({
  name: 'テストの行事',
  siteUrl: 'https://tsunagari.example.jp',
  range,
  stamp: new Date('2026-11-14T15:00:00Z'),
  places,
  t,
});

interface Seen {
  key: string;
  date: string;
  start: string;
  end: string;
  status: string;
}

const wall = (time: ICAL.Time) => time.toString().slice(0, 16);

/**
 * What ical.js makes of a feed within `range`: one row per day an occurrence is on (a
 * multi-day event on each of its days, as the site's calendar shows it), keyed by UID without
 * its host and its per-date suffix. Occurrence instants are checked against Japan time too.
 */
function expandFeed(text: string, range: DateRange): Seen[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone');
  expect(zones).toHaveLength(1);
  const zone = new ICAL.Timezone(zones[0]!);
  ICAL.TimezoneService.register(zone, 'Asia/Tokyo');
  const seen: Seen[] = [];
  const [year, month, day] = range.to.split('-').map(Number);
  const last = ICAL.Time.fromData({ year, month, day, hour: 23, minute: 59, second: 59 }, zone);
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Tokyo');
    expect(vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-14T15:00:00Z');
    const key = event.uid.replace(/@tsunagari\.example\.jp$/, '').replace(/-\d{4}-\d{2}-\d{2}$/, '');
    const status = String(vevent.getFirstPropertyValue('status'));
    const iterator = event.iterator();
    for (let next = iterator.next(); next && next.compare(last) <= 0; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      const start = wall(details.startDate);
      const end = wall(details.endDate);
      // The instant is Japan time's, wherever this test runs.
      expect(details.startDate.toUnixTime() * 1000).toBe(parseDateTime(start)?.getTime());
      for (let date = start.slice(0, 10); date <= end.slice(0, 10); date = addDays(date, 1))
        if (date >= range.from && date <= range.to) seen.push({ key, date, start, end, status });
    }
  }
  return seen.sort((a, b) => `${a.date}${a.key}`.localeCompare(`${b.date}${b.key}`));
}

/** The site's calendar within `range` as the same rows: お休み is not in a feed (EXDATE). */
function siteCalendar(sources: CalendarSource[], range: DateRange): Seen[] {
  return buildCalendarItems(sources, range)
    .filter((item) => item.status !== 'skipped')
    .map((item) => ({
      key: `${item.collection}-${item.id}`,
      date: item.date,
      start: item.start,
      end: item.end,
      status: item.status === 'scheduled' ? 'CONFIRMED' : 'CANCELLED',
    }))
    .sort((a, b) => `${a.date}${a.key}`.localeCompare(`${b.date}${b.key}`));
}

describe('iCalendar feed of the sample town', () => {
  const text = calendarFeed(sample, options());

  it('runs far from Japan', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
  });

  it('has the same occurrences as the site calendar for the next six months', () => {
    const site = siteCalendar(sample, NEXT_SIX_MONTHS);
    expect(site.length).toBeGreaterThan(50);
    expect(expandFeed(text, NEXT_SIX_MONTHS)).toEqual(site);
  });

  it('agrees over the whole window too, including last month', () => {
    expect(expandFeed(text, RANGE)).toEqual(siteCalendar(sample, RANGE));
  });

  it('writes salons as one event with a rule, skips and holidays as EXDATE', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const salons = calendar
      .getAllSubcomponents('vevent')
      .filter((v) => String(v.getFirstPropertyValue('uid')).startsWith('salons-'));
    const ruled = salons.filter((v) => v.hasProperty('rrule'));
    expect(ruled.length).toBeGreaterThan(3);
    expect(salons.some((v) => v.hasProperty('exdate'))).toBe(true);
    const uids = calendar.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('names the place, the page and the summary, and marks a cancelled event', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const first = calendar.getAllSubcomponents('vevent')[0]!;
    expect(String(first.getFirstPropertyValue('location'))).not.toBe('');
    expect(String(first.getFirstPropertyValue('url'))).toMatch(/^https:\/\/tsunagari\.example\.jp\/(events|salons)\//);
    expect(String(first.getFirstPropertyValue('description'))).toContain('https://tsunagari.example.jp/');
    const cancelled = calendarFeed(
      [
        {
          collection: 'events',
          id: 'x',
          data: { ...sourcesOf('events')[0]!.data, status: 'cancelled', statusNote: '雨のため中止します' },
        },
      ],
      options(),
    );
    const vevent = new ICAL.Component(ICAL.parse(cancelled)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(String(vevent.getFirstPropertyValue('summary'))).toMatch(/^【中止】/);
    expect(String(vevent.getFirstPropertyValue('description'))).toContain('雨のため中止します');
  });
});

// Schedules of every shape the salon schema allows, checked the same way over two years.
const schedule = (s: Record<string, unknown>) =>
  scheduleSchema.parse({ startTime: '13:30', endTime: '15:00', validFrom: '2026-01-01', ...s });
const salon = (id: string, s: Record<string, unknown>, status = 'active'): CalendarSource => ({
  collection: 'salons',
  id,
  data: { title: id, summary: 'テスト', status, place: 'none', districts: ['east'], schedule: schedule(s) },
});
const TWO_YEARS: DateRange = { from: '2026-11-01', to: '2028-10-31' };

describe.each([
  [
    'weekly on two days with skips',
    { frequency: 'weekly', weekdays: ['mon', 'thu'], skip: ['2026-12-31', '2027-01-04'] },
  ],
  ['weekly, meeting on holidays', { frequency: 'weekly', weekdays: ['mon'], holidays: 'hold', skip: ['2027-03-01'] }],
  ['2nd and 4th Wednesday', { frequency: 'monthly-weekday', weekdays: ['wed'], weeks: ['2', '4'] }],
  ['5th and last Friday (the same day)', { frequency: 'monthly-weekday', weekdays: ['fri'], weeks: ['5', 'last'] }],
  ['1st Monday and Tuesday', { frequency: 'monthly-weekday', weekdays: ['mon', 'tue'], weeks: ['1'] }],
  ['on the 31st', { frequency: 'monthly-date', day: 31 }],
  ['on the 15th until a date', { frequency: 'monthly-date', day: 15, validUntil: '2027-06-30', holidays: 'hold' }],
  ['starting later', { frequency: 'weekly', weekdays: ['sat'], validFrom: '2027-02-10' }],
  [
    'listed dates',
    { frequency: 'dates', dates: ['2026-11-03', '2026-12-24', '2027-05-05', '2027-07-07', '2027-09-01', '2028-02-02'] },
  ],
])('a salon %s', (_name, s) => {
  const source = salon('s', s);
  it('expands in ical.js to the site calendar', () => {
    const text = calendarFeed([source], options(TWO_YEARS));
    const site = siteCalendar([source], TWO_YEARS);
    expect(site.length).toBeGreaterThan(2);
    expect(expandFeed(text, TWO_YEARS)).toEqual(site);
  });
});

describe('recurrence rules', () => {
  it('says a monthly weekday schedule as an RRULE with ordinals', () => {
    const r = scheduleRecurrence(
      schedule({ frequency: 'monthly-weekday', weekdays: ['wed'], weeks: ['2', 'last'] }),
      TWO_YEARS,
    );
    expect(r && 'rule' in r ? r.rule.byDay : undefined).toEqual(['2WE', '-1WE']);
  });

  it('runs on without UNTIL when holidays do not matter and no end is set', () => {
    const r = scheduleRecurrence(schedule({ frequency: 'weekly', weekdays: ['tue'], holidays: 'hold' }), TWO_YEARS);
    expect(r && 'rule' in r ? r.rule.until : 'none').toBeUndefined();
  });

  it('ends where the window ends when holidays are skipped', () => {
    const r = scheduleRecurrence(schedule({ frequency: 'weekly', weekdays: ['tue'] }), TWO_YEARS);
    expect(r && 'rule' in r ? r.rule.until : undefined).toBe('2028-10-31T13:30');
  });

  it('lists dates that no rule says, and nothing for a schedule without dates in the window', () => {
    expect(scheduleRecurrence(schedule({ frequency: 'dates', dates: ['2026-01-05'] }), TWO_YEARS)).toBeUndefined();
    expect(
      scheduleRecurrence(schedule({ frequency: 'weekly', weekdays: ['mon'], validUntil: '2026-02-01' }), TWO_YEARS),
    ).toBeUndefined();
  });

  it('leaves paused salons out of a feed', () => {
    expect(calendarFeed([salon('p', { frequency: 'weekly', weekdays: ['mon'] }, 'paused')], options())).not.toContain(
      'BEGIN:VEVENT',
    );
  });
});

describe('Japan time for ical-generator', () => {
  it('is Asia/Tokyo only and refuses other zones or bad text', () => {
    const time = japanTime('2026-12-10T10:00');
    expect(time.toString()).toBe('2026-12-10T10:00:00');
    expect(time.toPlainDate().toString()).toBe('2026-12-10');
    const zoned = time.toZonedDateTime('Asia/Tokyo');
    expect(zoned.toInstant().epochMilliseconds).toBe(Date.parse('2026-12-10T01:00:00Z'));
    expect(zoned.toString()).toBe('2026-12-10T10:00:00+09:00[Asia/Tokyo]');
    expect(() => time.toZonedDateTime('UTC')).toThrow(/Asia\/Tokyo only/);
    expect(() => japanTime('2026-12-10')).toThrow(/YYYY-MM-DDTHH:mm/);
  });

  it('is the same moment from every side of the Temporal shapes', () => {
    const plain = japanTime('2027-01-03T09:05');
    expect([plain.toJSON(), plain.toPlainDate().toJSON()]).toEqual(['2027-01-03T09:05:00', '2027-01-03']);
    const zoned = plain.toZonedDateTime('Asia/Tokyo');
    expect(zoned.withTimeZone('Asia/Tokyo').toPlainDateTime()).toBe(plain);
    expect(zoned.toJSON()).toBe('2027-01-03T09:05:00+09:00[Asia/Tokyo]');
    const instant = zoned.toInstant();
    expect([instant.toString(), instant.toJSON()]).toEqual(['2027-01-03T00:05:00.000Z', '2027-01-03T00:05:00.000Z']);
    expect(instant.toZonedDateTimeISO('Asia/Tokyo')).toBe(zoned);
    expect(() => zoned.withTimeZone('America/Los_Angeles')).toThrow(/Asia\/Tokyo only/);
  });

  it('covers a window from two months back to twelve ahead', () => {
    expect(feedRange('2026-11-15', 2, 12)).toEqual({ from: '2026-09-01', to: '2027-11-30' });
  });
});

describe('feed addresses', () => {
  it('puts each feed beside the page that links it', () => {
    expect([
      SITE_ICS_HREF,
      districtIcsHref('wakaba'),
      categoryIcsHref('bosai'),
      entryIcsHref('salons', 'hidamari'),
    ]).toEqual(['/calendar.ics', '/area/wakaba/calendar.ics', '/categories/bosai.ics', '/salons/hidamari.ics']);
    // Subscribing: webcal:// on the same host and path, whatever the site's scheme or a query.
    expect(webcalHref('/area/wakaba/calendar.ics', 'https://tsunagari.example.jp/')).toBe(
      'webcal://tsunagari.example.jp/area/wakaba/calendar.ics',
    );
    expect(webcalHref('/calendar.ics', 'http://127.0.0.1:4321')).toBe('webcal://127.0.0.1:4321/calendar.ics');
    expect(newsFeedLinks('reports', '活動報告', t)).toEqual([
      { href: '/reports/feed.xml', type: 'application/rss+xml', title: '活動報告（RSS）' },
      { href: '/reports/feed.json', type: 'application/feed+json', title: '活動報告（JSON Feed）' },
      { href: '/reports/atom.xml', type: 'application/atom+xml', title: '活動報告（Atom）' },
    ]);
  });
});

describe('news feeds', () => {
  const now = new Date('2026-11-14T15:00:00Z');
  const feedOf = (collection: string) =>
    newsFeeds(
      (entries.get(collection) ?? [])
        .filter((e) => e.file.endsWith('.ja.md'))
        .map((e) => ({ collection, id: String(e.parsed['id']), data: e.parsed, body: e.body })),
      {
        title: `テスト ${collection}`,
        description: '説明',
        siteUrl: 'https://tsunagari.example.jp',
        rssPath: `/${collection}/feed.xml`,
        jsonPath: `/${collection}/feed.json`,
        atomPath: `/${collection}/atom.xml`,
        indexPath: `/${collection}/`,
        now,
        publisher: 'みどり野市社会福祉協議会',
      },
    );

  it.each(['reports', 'events', 'recruitments', 'practices'])(
    '%s: RSS is well-formed XML with an item per entry',
    (collection) => {
      const { rss } = feedOf(collection);
      expect(XMLValidator.validate(rss)).toBe(true);
      const doc = new XMLParser().parse(rss) as { rss: { channel: { title: string; item: unknown } } };
      const items = [doc.rss.channel.item].flat() as {
        title: string;
        link: string;
        pubDate: string;
        description: string;
      }[];
      const count = (entries.get(collection) ?? []).filter((e) => e.file.endsWith('.ja.md')).length;
      expect(items).toHaveLength(count);
      for (const item of items) {
        expect(item.link).toMatch(new RegExp(`^https://tsunagari\\.example\\.jp/${collection}/[a-z0-9-]+/$`));
        expect(item.title).not.toBe('');
        expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
        expect(item.description).not.toBe('');
      }
    },
  );

  it.each(['reports', 'events', 'recruitments', 'practices'])(
    '%s: JSON Feed has its required fields, dates at +09:00',
    (collection) => {
      const feed = JSON.parse(feedOf(collection).json) as {
        version: string;
        title: string;
        items: { id: string; url: string; date_published: string; title: string; content_text: string }[];
      };
      expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/);
      expect(feed.title).toBe(`テスト ${collection}`);
      expect(feed.items.length).toBeGreaterThan(0);
      for (const item of feed.items) {
        expect(item.id).toBe(item.url);
        expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
        expect(item.content_text).not.toBe('');
      }
      const dates = feed.items.map((i) => Date.parse(i.date_published));
      expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    },
  );

  it.each(['reports', 'events', 'recruitments', 'practices'])(
    '%s: Atom is well-formed, in Japanese, with the RSS items, dates at +09:00',
    (collection) => {
      const { atom, rss } = feedOf(collection);
      expect(XMLValidator.validate(atom)).toBe(true);
      const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
      type Link = { '@href': string; '@rel'?: string };
      const doc = parser.parse(atom) as {
        feed: {
          '@xmlns': string;
          '@xml:lang': string;
          id: string;
          title: string;
          updated: string;
          link: Link[];
          entry: unknown;
        };
      };
      expect(doc.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(doc.feed['@xml:lang']).toBe('ja');
      expect(doc.feed.title).toBe(`テスト ${collection}`);
      expect(doc.feed.link.find((l) => l['@rel'] === 'self')?.['@href']).toBe(
        `https://tsunagari.example.jp/${collection}/atom.xml`,
      );
      // RFC 4287: every entry has an id, a title and an updated time; a link to the page here.
      const entries = [doc.feed.entry].flat() as {
        id: string;
        title: { '#text': string };
        updated: string;
        link: Link;
        summary: { '#text': string; '@type': string };
      }[];
      const rssItems = [
        (new XMLParser().parse(rss) as { rss: { channel: { item: unknown } } }).rss.channel.item,
      ].flat();
      expect(entries).toHaveLength(rssItems.length);
      for (const entry of entries) {
        expect(entry.id).toBe(entry.link['@href']);
        expect(entry.title['#text']).not.toBe('');
        expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
        expect(entry.summary['#text']).not.toBe('');
      }
      expect(doc.feed.updated).toBe(entries[0]?.updated);
    },
  );

  it('puts a title with markup into RSS, Atom and JSON Feed as the text the volunteer wrote, not as markup', () => {
    const { atom, rss, json } = newsFeeds(
      [
        {
          collection: 'reports',
          id: 'r',
          data: { title: '<b>太字</b> & 会', date: '2026-11-10' },
          body: '<i>本文</i>',
        },
      ],
      {
        title: 'テスト',
        description: '説明',
        siteUrl: 'https://x.example',
        rssPath: '/reports/feed.xml',
        jsonPath: '/reports/feed.json',
        atomPath: '/reports/atom.xml',
        indexPath: '/reports/',
        now,
        publisher: '社協',
      },
    );
    const entry = (
      new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(atom) as {
        feed: { entry: { title: { '#text': string; '@type': string }; updated: string } };
      }
    ).feed.entry;
    // type="html": a reader decodes the HTML once and shows the characters as written.
    expect(entry.title['@type']).toBe('html');
    expect(entry.title['#text']).toBe('&lt;b&gt;太字&lt;/b&gt; &amp; 会');
    expect(entry.updated).toBe('2026-11-10T00:00:00+09:00');
    // RSS readers show a title and description as HTML too: inside CDATA, escaped once.
    const item = (new XMLParser().parse(rss) as { rss: { channel: { item: { title: string; description: string } } } })
      .rss.channel.item;
    expect(item.title).toBe('&lt;b&gt;太字&lt;/b&gt; &amp; 会');
    expect(item.description).toBe('&lt;i&gt;本文&lt;/i&gt;');
    expect(rss).not.toContain('<b>');
    // JSON Feed says it is text (content_text): as written.
    const [first] = (JSON.parse(json) as { items: { title: string; content_text: string }[] }).items;
    expect(first?.title).toBe('<b>太字</b> & 会');
    expect(first?.content_text).toBe('<i>本文</i>');
  });

  it('dates a report by its day and an event by its start, in Japan time', () => {
    const [report] = newsItems(
      [{ collection: 'reports', id: 'r', data: { title: 'r', date: '2026-11-10' }, body: '本文' }],
      'https://x.example',
      now,
    );
    expect(japanIso(report!.date)).toBe('2026-11-10T00:00:00+09:00');
    expect(report!.summary).toBe('本文');
    const [event] = newsItems(
      [{ collection: 'events', id: 'e', data: { title: 'e', start: '2026-12-05T10:00', summary: 'あ' } }],
      'https://x.example',
      now,
    );
    expect(japanIso(event!.date)).toBe('2026-12-05T10:00:00+09:00');
    const [recruitment] = newsItems(
      [{ collection: 'recruitments', id: 'c', data: { title: 'c', role: '役', tasks: '仕事' } }],
      'https://x.example',
      now,
    );
    // Without its 掲載日, the build's day; with it, that day.
    expect(recruitment!.date).toBe(now);
    expect(recruitment!.summary).toBe('役: 仕事');
    const [posted] = newsItems(
      [{ collection: 'recruitments', id: 'c', data: { title: 'c', role: '役', tasks: '仕事', posted: '2026-11-02' } }],
      'https://x.example',
      now,
    );
    expect(japanIso(posted!.date)).toBe('2026-11-02T00:00:00+09:00');
    expect(newsItems([{ collection: 'places', id: 'p', data: { name: 'p' } }], 'https://x.example', now)).toEqual([]);
  });

  it('summarises a Markdown body as plain text, cut with …', () => {
    expect(
      plainSummary('## 見出し\n\n**太字**と[リンク](https://a.example)。<!-- メモ -->\n\n![写真](a.jpg)- 項目'),
    ).toBe('見出し 太字とリンク。 項目');
    expect(plainSummary('あ'.repeat(130))).toBe(`${'あ'.repeat(119)}…`);
  });

  it('is a part of exactly the kinds of reports, events, recruitments and practices (shared with other towns)', () => {
    const withFeed = Object.entries(kinds)
      .filter(([, kind]) => kind.feed !== null)
      .map(([name]) => name);
    expect(withFeed).toEqual(['events', 'recruitments', 'reports', 'practices']);
    const shared = Object.entries(kinds)
      .filter(([, kind]) => kind.feed?.shared)
      .map(([name]) => name);
    expect(shared).toEqual(['practices']);
  });
});
