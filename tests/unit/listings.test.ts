import { describe, expect, it } from 'vitest';
import { useTranslations } from '../../src/i18n/index.ts';
import {
  collectionIndex,
  indexItems,
  indexLists,
  inCategory,
  LIST_PAGE_SIZE,
  listPageHref,
  pageCount,
  pageItems,
  inDistricts,
  listSections,
  openRecruitments,
  splitEvents,
  type CollectionIndex,
  type Entries,
} from '../../src/lib/listings.ts';

const t = useTranslations('ja');
const today = '2026-11-24';
const schedule = (dates: string[]) => ({
  frequency: 'dates',
  weekdays: [],
  weeks: [],
  dates,
  startTime: '10:00',
  endTime: '12:00',
  validFrom: '2026-01-01',
  skip: [],
  holidays: 'hold',
});
// Only the fields the listings read; `never` lets a partial entry stand in for any type's.
const e = (id: string, data: Record<string, unknown>) => ({ id, data: data as never });
const entries: Entries = {
  events: [
    e('later', {
      title: 'あと',
      start: '2026-12-20T10:00',
      end: '2026-12-20T12:00',
      status: 'scheduled',
      districts: ['east'],
      categories: ['watch'],
    }),
    e('sooner', {
      title: 'さき',
      start: '2026-11-30T10:00',
      end: '2026-11-30T12:00',
      status: 'cancelled',
      districts: ['east-1'],
      categories: ['watch'],
    }),
    e('past', {
      title: 'むかし',
      start: '2026-10-01T10:00',
      end: '2026-10-01T12:00',
      status: 'scheduled',
      districts: ['east'],
      categories: ['watch'],
    }),
    e('west', {
      title: 'にし',
      start: '2026-12-01T10:00',
      end: '2026-12-01T12:00',
      status: 'scheduled',
      districts: ['west'],
      categories: ['food'],
    }),
  ],
  salons: [
    e('january', {
      title: 'いちがつ',
      status: 'active',
      schedule: schedule(['2027-01-10']),
      districts: ['east'],
      categories: ['watch'],
    }),
    e('december', {
      title: 'じゅうにがつ',
      status: 'active',
      schedule: schedule(['2026-12-01']),
      districts: ['east'],
      categories: ['watch'],
    }),
    e('paused', {
      title: 'やすみ',
      status: 'paused',
      schedule: schedule(['2026-12-02']),
      districts: ['east'],
      categories: ['watch'],
    }),
  ],
  recruitments: [
    e('closed', { title: 'しめきり', role: '係', status: 'closed', districts: ['east'], categories: ['watch'] }),
    e('open', { title: 'ぼしゅう', role: '係', status: 'open', districts: ['east'], categories: ['watch'] }),
    // The deadline is a Japan date: yesterday's has passed, today's is still open all day.
    e('expired', {
      title: 'きのうまで',
      role: '係',
      status: 'open',
      deadline: '2026-11-23',
      districts: ['east'],
      categories: ['watch'],
    }),
    e('due-today', {
      title: 'きょうまで',
      role: '係',
      status: 'open',
      deadline: '2026-11-24',
      districts: ['east'],
      categories: ['watch'],
    }),
  ],
  reports: [],
  desks: [
    e('desk-east', { name: '東の窓口', phone: '0000', hours: '平日', place: 'hall-east', categories: ['watch'] }),
    e('desk-west', { name: '西の窓口', phone: '0000', hours: '平日', place: 'hall-west', categories: ['food'] }),
  ],
  practices: [e('practice', { title: '事例', town: 'よそ町', themes: ['watch'], date: '2026-01-01' })],
  places: [
    e('hall-east', { name: '東会館', address: '東1', district: 'east-1' }),
    e('hall-west', { name: '西会館', address: '西1', district: 'west' }),
  ],
  organizations: [],
  newsletters: [],
  services: [
    e('gomidashi-east', {
      name: '東のごみ出し手伝い',
      helpsWith: ['garbage'],
      feeType: 'free',
      contact: '0000',
      districts: ['east-1'],
      categories: ['watch'],
    }),
  ],
  plans: [
    e('plan-east', { title: '東の計画', district: 'east', startYear: 2024, endYear: 2028, goals: [] }),
    e('plan-east-old', { title: '東の前の計画', district: 'east', startYear: 2019, endYear: 2023, goals: [] }),
  ],
};
const ids = (sections: ReturnType<typeof listSections>, id: string) =>
  sections.find((s) => s.id === id)?.items.map((i) => i.href) ?? [];

describe('district and category listings', () => {
  it('lists upcoming events first by date, past ones last, and marks a cancellation', () => {
    const sections = listSections(entries, inDistricts(entries, new Set(['east', 'east-1'])), today, t);
    expect(sections[0]?.id).toBe('upcoming-events');
    expect(ids(sections, 'upcoming-events')).toEqual(['/events/sooner/', '/events/later/']);
    expect(sections[0]?.items[0]?.meta).toContain('【中止】');
    expect(sections.at(-1)?.id).toBe('past-events');
    expect(ids(sections, 'past-events')).toEqual(['/events/past/']);
    // Upcoming events hide themselves in the browser once over; past ones are meant to stay.
    expect(sections[0]?.items[0]?.ends).toBe('2026-11-30T12:00+09:00');
    expect(sections.at(-1)?.items[0]?.ends).toBeUndefined();
  });

  it('orders salons by their next date and puts paused ones last, saying so', () => {
    const sections = listSections(entries, inDistricts(entries, new Set(['east'])), today, t);
    expect(ids(sections, 'salons')).toEqual(['/salons/december/', '/salons/january/', '/salons/paused/']);
    const items = sections.find((s) => s.id === 'salons')?.items ?? [];
    expect(items[0]?.meta).toContain('次回 2026年12月1日(火)');
    expect(items[2]?.meta).toContain('【お休み中】');
  });

  it('lists open recruitments, none closed or past its deadline (past, as in search and on the flyers)', () => {
    const sections = listSections(entries, inDistricts(entries, new Set(['east'])), today, t);
    expect(ids(sections, 'recruitments')).toEqual(['/recruitments/open/', '/recruitments/due-today/']);
    const items = sections.find((s) => s.id === 'recruitments')?.items ?? [];
    // Between rebuilds the reader's browser hides it once the deadline day is over in Japan.
    expect(items[1]?.ends).toBe('2026-11-24T23:59:59+09:00');
    expect(Date.parse(items[1]!.ends!)).toBe(Date.parse('2026-11-24T14:59:59Z'));
    expect(items[1]?.meta).toContain('締め切り 2026年11月24日(火)');
    expect(items[0]?.ends).toBeUndefined();
  });

  it('offers the home page only open recruitments before their deadline', () => {
    expect(openRecruitments(entries.recruitments, today).map((r) => r.id)).toEqual(['open', 'due-today']);
    expect(openRecruitments(entries.recruitments, '2026-11-25').map((r) => r.id)).toEqual(['open']);
  });

  it("lists a district's help services after its desks and its current plan, not an ended one", () => {
    const east = listSections(entries, inDistricts(entries, new Set(['east', 'east-1'])), today, t);
    expect(ids(east, 'services')).toEqual(['/services/gomidashi-east/']);
    expect(east.find((s) => s.id === 'services')?.items[0]?.meta).toBe('ごみ出し（無料） 0000');
    expect(east.findIndex((s) => s.id === 'services')).toBe(east.findIndex((s) => s.id === 'desks') + 1);
    expect(ids(east, 'plans')).toEqual(['/plans/plan-east/']);
    const west = listSections(entries, inDistricts(entries, new Set(['west'])), today, t);
    expect(ids(west, 'services')).toEqual([]);
    expect(ids(west, 'plans')).toEqual([]);
  });

  it('places a desk and a place in the district of their place', () => {
    const east = listSections(entries, inDistricts(entries, new Set(['east', 'east-1'])), today, t);
    expect(ids(east, 'desks')).toEqual(['/desks/desk-east/']);
    expect(ids(east, 'places')).toEqual(['/places/hall-east/']);
    const west = listSections(entries, inDistricts(entries, new Set(['west'])), today, t);
    expect(ids(west, 'upcoming-events')).toEqual(['/events/west/']);
    expect(ids(west, 'desks')).toEqual(['/desks/desk-west/']);
    expect(ids(west, 'salons')).toEqual([]);
  });

  it('selects a category across types, practices by their themes, and leaves out empty sections', () => {
    const sections = listSections(entries, inCategory('food'), today, t);
    expect(sections.map((s) => s.id)).toEqual(['upcoming-events', 'desks']);
    const watch = listSections(entries, inCategory('watch'), today, t);
    expect(ids(watch, 'practices')).toEqual(['/practices/practice/']);
    expect(ids(watch, 'upcoming-events')).not.toContain('/events/west/');
  });

  it('splits all events for the events index: upcoming soonest first, then every past one latest first', () => {
    const older = e('older', {
      title: 'もっとむかし',
      start: '2026-09-01T10:00',
      end: '2026-09-01T12:00',
      status: 'postponed',
    });
    const { upcoming, past } = splitEvents([...entries.events, older], today, t);
    expect(upcoming.map((i) => i.href)).toEqual(['/events/sooner/', '/events/west/', '/events/later/']);
    expect(upcoming[0]?.meta).toBe('2026年11月30日(月) 10:00〜12:00【中止】');
    expect(past.map((i) => i.href)).toEqual(['/events/past/', '/events/older/']);
    expect(past[1]?.meta).toContain('【延期】');
    expect(past[0]?.ends).toBeUndefined();
  });
});

describe('collection index pages', () => {
  const items = (index: CollectionIndex) => ('items' in index ? index.items : []);
  const hrefs = (index: CollectionIndex) => items(index).map((i) => i.href);

  it('lists recruitments still open first, the soonest deadline first, then closed ones, the latest closed first', () => {
    const later = e('later', { title: 'あとで', role: '係', status: 'open', deadline: '2027-01-08' });
    const index = collectionIndex('recruitments', [...entries.recruitments, later], today, t);
    expect(hrefs(index)).toEqual([
      '/recruitments/due-today/',
      '/recruitments/later/',
      '/recruitments/open/',
      '/recruitments/expired/',
      '/recruitments/closed/',
    ]);
    expect(items(index)[0]?.meta).toBe('係 締め切り 2026年11月24日(火)');
  });

  it('lists reports and newsletters newest first, with the report date', () => {
    const reports = [
      e('october', { title: 'あ', date: '2026-10-06', photos: [] }),
      e('november', {
        title: 'い',
        date: '2026-11-21',
        photos: [{ src: '/uploads/a.jpg', alt: '折り紙', consent: true }],
      }),
      e('september', { title: 'う', date: '2026-09-19', photos: [] }),
    ];
    const index = collectionIndex('reports', reports, today, t);
    expect(hrefs(index)).toEqual(['/reports/november/', '/reports/october/', '/reports/september/']);
    expect(items(index)[0]?.meta).toBe('2026年11月21日(土)');
    // A report is listed beside its first photo (src/components/EntryList.astro).
    expect(items(index).map((item) => item.photo?.src)).toEqual(['/uploads/a.jpg', undefined, undefined]);
    const newsletters = [
      e('higashi-11', { title: 'ひがしだより 11月号', month: '2026-11' }),
      e('higashi-12', { title: 'ひがしだより 12月号', month: '2026-12' }),
      e('shakyo-12', { title: 'しゃきょうだより 12月号', month: '2026-12' }),
    ];
    expect(hrefs(collectionIndex('newsletters', newsletters, today, t))).toEqual([
      '/newsletters/shakyo-12/',
      '/newsletters/higashi-12/',
      '/newsletters/higashi-11/',
    ]);
  });

  it('groups practices under their first theme, in the order of the categories, each with its town', () => {
    const practices = [
      e('bosai', { title: '多文化防災', town: 'うみかぜ町', themes: ['disaster', 'multicultural'] }),
      e('mimamori', { title: '移動販売で見守り', town: 'やまびこ村', themes: ['watch', 'shopping'] }),
      e('ibasho', { title: '空き家の居場所', town: 'すずかけ市', themes: ['ibasho'] }),
    ];
    const index = collectionIndex('practices', practices, today, t);
    const sections = 'sections' in index ? index.sections : [];
    expect(sections.map((s) => [s.title, s.items.map((i) => [i.href, i.meta])])).toEqual([
      ['見守り', [['/practices/mimamori/', 'やまびこ村']]],
      ['居場所', [['/practices/ibasho/', 'すずかけ市']]],
      ['防災', [['/practices/bosai/', 'うみかぜ町']]],
    ]);
  });

  it('splits events as splitEvents does, lists salons by next date and the rest by title', () => {
    const events = collectionIndex('events', entries.events, today, t);
    expect('sections' in events && events.sections.map((s) => [s.id, s.items.length])).toEqual([
      ['upcoming-events', 3],
      ['past-events', 1],
    ]);
    expect(hrefs(collectionIndex('salons', entries.salons, today, t))).toEqual([
      '/salons/december/',
      '/salons/january/',
      '/salons/paused/',
    ]);
    // The home page takes the first lines of an index, sections in order.
    expect(indexItems(events).map((i) => i.href)).toEqual(
      'sections' in events ? events.sections.flatMap((s) => s.items.map((i) => i.href)) : [],
    );
    expect(indexItems(collectionIndex('salons', entries.salons, today, t)).map((i) => i.href)).toEqual([
      '/salons/december/',
      '/salons/january/',
      '/salons/paused/',
    ]);
    expect(items(collectionIndex('places', [...entries.places].reverse(), today, t))).toEqual([
      { href: '/places/hall-west/', title: '西会館', meta: '西1' },
      { href: '/places/hall-east/', title: '東会館', meta: '東1' },
    ]);
  });
});

describe('long lists on an index page', () => {
  const line = (n: number) => ({ href: `/reports/r${n}/`, title: `報告${n}` });
  const lines = (count: number) => Array.from({ length: count }, (_, i) => line(i));

  it('takes pages of LIST_PAGE_SIZE lines, none lost or repeated between them', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(LIST_PAGE_SIZE)).toBe(1);
    expect(pageCount(LIST_PAGE_SIZE + 1)).toBe(2);
    const items = lines(2 * LIST_PAGE_SIZE + 3);
    const pages = Array.from({ length: pageCount(items.length) }, (_, i) => pageItems(items, i + 1));
    expect(pages.map((p) => p.length)).toEqual([LIST_PAGE_SIZE, LIST_PAGE_SIZE, 3]);
    expect(pages.flat()).toEqual(items);
    expect(pageItems(items, 4)).toEqual([]);
  });

  it('pages each section of an index on its own, the first at its heading on the index page', () => {
    const index: CollectionIndex = {
      sections: [
        { id: 'upcoming-events', title: 'これからのイベント', items: lines(3) },
        { id: 'past-events', title: '終わったイベント', items: lines(LIST_PAGE_SIZE + 1) },
      ],
    };
    const [upcoming, past] = indexLists(index);
    expect(upcoming && pageCount(upcoming.items.length)).toBe(1);
    expect(past && pageCount(past.items.length)).toBe(2);
    expect(listPageHref('events', past!, 1)).toBe('/events/#past-events');
    expect(listPageHref('events', past!, 2)).toBe('/events/past-events/2/');
    // An index without sections is one list, `list`, whose first page is the index itself.
    const [all] = indexLists({ items: lines(5) });
    expect(all).toEqual({ id: 'list', title: undefined, items: lines(5) });
    expect(listPageHref('reports', all!, 1)).toBe('/reports/');
    expect(listPageHref('reports', all!, 3)).toBe('/reports/list/3/');
  });
});
