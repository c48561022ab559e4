import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import {
  CALENDAR_COLLECTIONS,
  FLYER_COLLECTIONS as REGISTRY_FLYER_COLLECTIONS,
  OWN_PAGE_COLLECTIONS,
  factsFor,
  kinds,
  lifecycleOf,
  photosFor,
  type Kind,
  type Registry,
} from '../../src/kinds/index.ts';
import { FlyerFacts } from '../../src/flyers/facts.ts';
import { ENTRY_COLLECTIONS } from '../../src/lib/entries.ts';
import { LOCALIZED_PATHS } from '../../src/lib/i18n/paths.ts';
import { contentTypes } from '../../src/schemas/index.ts';
import { eventSchema } from '../../src/schemas/event.ts';
import { salonSchema, type SalonInput } from '../../src/schemas/salon.ts';
import { recruitmentSchema } from '../../src/schemas/recruitment.ts';
import type { Page } from '../../src/schemas/page.ts';
import { FLYER_COLLECTIONS } from '../../src/flyers/paths.ts';
import { isCurrentFlyer } from '../../src/flyers/list.ts';
import { searchBundleOf } from '../../src/lib/search/document.ts';
import { openRecruitments } from '../../src/lib/listings.ts';

const event = (start: string, end: string, status = 'scheduled') =>
  eventSchema.parse({
    id: 'e',
    title: '防災訓練',
    summary: '体験します',
    start,
    end,
    place: 'kominkan',
    districts: ['higashi'],
    categories: ['disaster'],
    organizer: 'shakyo',
    status,
  });
const salon = (schedule: Partial<SalonInput['schedule']>, status = 'active') =>
  salonSchema.parse({
    id: 's',
    title: 'ひだまり',
    kind: 'salon',
    summary: 'お茶会',
    schedule: { frequency: 'weekly', weekdays: ['mon'], startTime: '10:00', endTime: '12:00', ...schedule },
    place: 'kominkan',
    districts: ['higashi'],
    categories: ['salon'],
    organizer: 'shakyo',
    status,
  });
const recruitment = (fields: Record<string, string>) =>
  recruitmentSchema.parse({
    id: 'r',
    title: '見守り訪問員を募集',
    role: '見守り訪問員',
    tasks: '月に1回訪ねます',
    frequency: '月1回',
    districts: ['higashi'],
    categories: ['watch'],
    organizer: 'shakyo',
    howToApply: 'お電話ください',
    ...fields,
  });

describe('the registry of kinds', () => {
  it('has a kind for every content type with entries, in the order pages are built', () => {
    const names = contentTypes.map((type) => type.name).filter((name) => name !== 'settings');
    expect(Object.keys(kinds).sort()).toEqual([...names].sort());
    expect(Object.keys(kinds)).toEqual([...ENTRY_COLLECTIONS]);
  });

  it('gives a flyer part to exactly the types that get flyers', () => {
    const withFlyer = Object.entries(kinds).flatMap(([name, kind]) => (kind.flyer ? [name] : []));
    expect(withFlyer).toEqual([...FLYER_COLLECTIONS]);
    // The list the flyer step and pages read is the registry's, not a second statement of it.
    expect(FLYER_COLLECTIONS).toBe(REGISTRY_FLYER_COLLECTIONS);
    expect(FLYER_COLLECTIONS).toEqual(['events', 'salons', 'recruitments']);
  });

  it('puts exactly the dated types on the calendar', () => {
    expect(CALENDAR_COLLECTIONS).toEqual(['events', 'salons']);
    expect(kinds.events.calendar?.recurring).toBe(false);
    expect(kinds.salons.calendar?.recurring).toBe(true);
  });

  it('knows the types laying out their own pages, which the shared routes and other languages leave out', () => {
    expect([...OWN_PAGE_COLLECTIONS]).toEqual(['newsletters']);
    expect(LOCALIZED_PATHS.has('/newsletters/')).toBe(false);
    expect(LOCALIZED_PATHS.has('/reports/')).toBe(true);
  });

  it('refuses a kind without a part and a registry without a type (checked by npm run typecheck)', () => {
    // @ts-expect-error a kind without its lifecycle
    const partial: Kind<Page, null> = {
      facts() {},
      listLine: kinds.pages.listLine,
      searchDate: () => undefined,
      flyer: null,
    };
    const { calendar, ...withoutCalendar } = kinds.pages;
    // @ts-expect-error a kind that does not say whether it is on the calendar (null if not)
    const undated: Kind<Page, null> = withoutCalendar;
    expect(calendar).toBeNull();
    expect(undated).not.toHaveProperty('calendar');
    const { index, ...withoutIndex } = kinds.pages;
    // @ts-expect-error a kind without its index order
    const unordered: Kind<Page, null> = withoutIndex;
    expect(index).toBeTypeOf('function');
    expect(unordered).not.toHaveProperty('index');
    const withoutPages: Omit<Registry, 'pages'> = kinds;
    // @ts-expect-error a registry without the pages' kind
    const registry: Registry = withoutPages;
    expect(partial.flyer).toBeNull();
    expect(registry.events).toBe(kinds.events);
  });
});

describe('lifecycle on a Japan-time day', () => {
  it('makes an event upcoming before its first day, current through its last, past after', () => {
    const multiDay = event('2027-02-19T10:00', '2027-02-21T15:00');
    expect(kinds.events.lifecycle(multiDay, '2027-02-18')).toBe('upcoming');
    expect(kinds.events.lifecycle(multiDay, '2027-02-19')).toBe('current');
    expect(kinds.events.lifecycle(multiDay, '2027-02-21')).toBe('current');
    expect(kinds.events.lifecycle(multiDay, '2027-02-22')).toBe('past');
    // A cancellation changes the wording, not when it is over.
    expect(kinds.events.lifecycle(event('2027-02-19T10:00', '2027-02-19T12:00', 'cancelled'), '2027-02-19')).toBe(
      'current',
    );
  });

  it('makes a salon past when ended or when its schedule has run out, not when paused', () => {
    expect(kinds.salons.lifecycle(salon({ validFrom: '2027-04-01' }), '2027-03-31')).toBe('upcoming');
    expect(kinds.salons.lifecycle(salon({ validFrom: '2026-04-01' }), '2026-11-24')).toBe('current');
    expect(kinds.salons.lifecycle(salon({ validFrom: '2026-04-01' }, 'paused'), '2026-11-24')).toBe('current');
    expect(kinds.salons.lifecycle(salon({ validFrom: '2026-04-01' }, 'ended'), '2026-11-24')).toBe('past');
    const until = salon({ validFrom: '2026-04-01', validUntil: '2026-11-23' });
    expect(kinds.salons.lifecycle(until, '2026-11-23')).toBe('current');
    expect(kinds.salons.lifecycle(until, '2026-11-24')).toBe('past');
  });

  it('keeps a recruitment current through its deadline day unless closed', () => {
    expect(kinds.recruitments.lifecycle(recruitment({ deadline: '2026-11-24' }), '2026-11-24')).toBe('current');
    expect(kinds.recruitments.lifecycle(recruitment({ deadline: '2026-11-24' }), '2026-11-25')).toBe('past');
    expect(kinds.recruitments.lifecycle(recruitment({}), '2030-01-01')).toBe('current');
    expect(kinds.recruitments.lifecycle(recruitment({ status: 'closed' }), '2026-01-01')).toBe('past');
  });

  it('archives reports and newsletters after a year, keeps the rest current', () => {
    expect(lifecycleOf('reports', { date: '2025-11-24' }, '2026-11-24')).toBe('current');
    expect(lifecycleOf('reports', { date: '2025-11-23' }, '2026-11-24')).toBe('past');
    expect(lifecycleOf('newsletters', { month: '2025-12' }, '2026-11-24')).toBe('current');
    expect(lifecycleOf('newsletters', { month: '2025-11' }, '2026-11-24')).toBe('past');
    for (const collection of ['places', 'organizations', 'districts', 'desks', 'practices', 'pages'])
      expect(lifecycleOf(collection, {}, '2026-11-24')).toBe('current');
  });

  it('is the one answer search, the flyers and the lists give', () => {
    const today = '2026-11-24';
    // Before, this salon was past for the flyers and current for search.
    const runOut = salon({ validFrom: '2026-04-01', validUntil: '2026-11-23' });
    expect(searchBundleOf('salons', runOut, today)).toBe('past');
    expect(isCurrentFlyer('salons', runOut, today)).toBe(false);
    const closed = recruitment({ status: 'closed', deadline: '2026-12-01' });
    expect(searchBundleOf('recruitments', closed, today)).toBe('past');
    expect(isCurrentFlyer('recruitments', closed, today)).toBe(false);
    expect(openRecruitments([{ id: 'r', data: closed }], today)).toEqual([]);
    // A paused salon is current, but its flyer is not put up.
    const paused = salon({ validFrom: '2026-04-01' }, 'paused');
    expect(searchBundleOf('salons', paused, today)).toBe('current');
    expect(isCurrentFlyer('salons', paused, today)).toBe(false);
  });
});

describe('list lines', () => {
  it('marks a past event without a time for the browser to hide it', () => {
    const line = kinds.events.listLine(
      { id: 'e', data: event('2026-11-01T10:00', '2026-11-01T12:00') },
      t,
      '2026-11-24',
    );
    expect(line).toEqual({ href: '/events/e/', title: '防災訓練', meta: '2026年11月1日(日) 10:00〜12:00' });
  });
});

describe('the other parts of a kind', () => {
  const lookup = new Map([
    ['salons/hidamari', { title: 'ひだまりサロン', href: '/salons/hidamari/' }],
    ['districts/higashi', { title: '東小学校区', href: '/districts/higashi/' }],
  ]);

  it('dates a report, links what it reports on and counts who came', () => {
    const data = { date: '2026-11-08', salon: 'hidamari', participants: 12, districts: ['higashi'], categories: [] };
    const facts = factsFor('reports', data, lookup, t, '2026-11-24');
    expect(facts.map((f) => [f.label, f.values.map((v) => v.text).join('、')])).toEqual([
      ['日付', '2026年11月8日(日)'],
      ['関連', 'ひだまりサロン'],
      ['参加者', '12人'],
      ['地区', '東小学校区'],
    ]);
    expect(facts[0]?.values[0]?.datetime).toBe('2026-11-08');
  });

  it('leaves out the words a draft does not have yet, for the CMS preview as for the pages', () => {
    // A new report in the CMS with its title and district chosen, no date yet: its kind reads the
    // date as undefined (the preview's pane threw on that fact value without text). The kind
    // leaves it out; what has words stays.
    const draft = { title: '夏まつり', categories: [], districts: ['higashi'] };
    const facts = factsFor('reports', draft, new Map(), t, '2026-11-24');
    expect(facts.map((f) => [f.label, f.values.map((v) => v.text)])).toEqual([['地区', ['higashi']]]);
  });

  it("names a newsletter's month and district", () => {
    const facts = factsFor(
      'newsletters',
      { month: '2026-12', number: 38, district: 'higashi' },
      lookup,
      t,
      '2026-11-24',
    );
    expect(facts.map((f) => f.values.map((v) => v.text).join())).toEqual(['2026年12月号（第38号）', '東小学校区']);
  });

  it("shows a newsletter's cover photo with consent on its page, none without a cover", () => {
    const cover = { src: '/uploads/a.jpg', alt: 'お茶の時間', caption: '11月のサロン', consent: true };
    expect(photosFor('newsletters', { cover: [cover] })).toEqual([
      { src: '/uploads/a.jpg', alt: 'お茶の時間', caption: '11月のサロン' },
    ]);
    expect(photosFor('newsletters', { cover: [{ ...cover, consent: false }] })).toEqual([]);
    expect(photosFor('newsletters', { cover: [] })).toEqual([]);
  });

  it('places a desk in the district of its place, a town-wide newsletter in none', () => {
    const places = new Map([['kominkan', 'higashi']]);
    expect(kinds.desks.districts({ place: 'kominkan' } as never, places)).toEqual(['higashi']);
    expect(kinds.desks.districts({} as never, places)).toEqual([]);
    expect(kinds.newsletters.districts({} as never, places)).toEqual([]);
    expect(kinds.places.districts({ district: 'higashi' } as never, places)).toEqual(['higashi']);
  });

  it("reads a practice's themes as its categories", () => {
    expect(kinds.practices.topics({ themes: ['watch'] } as never)).toEqual({ categories: ['watch'] });
  });

  it('stamps a paused salon and prints no next dates for it', () => {
    const paused = salon({ validFrom: '2026-04-01' }, 'paused');
    const part = kinds.salons.flyer;
    const sheet = part.sheet(paused, new FlyerFacts(new Map(), t), '2026-11-24');
    expect(sheet.stamp).toBe('お休み中');
    expect(sheet.nextDates).toEqual([]);
    expect(part.headline(paused, t)).toBe(t('salonKind.salon'));
    const active = part.sheet(salon({ validFrom: '2026-04-01' }), new FlyerFacts(new Map(), t), '2026-11-24');
    expect(active.nextDates).toEqual(['11月30日(月)', '12月7日(月)', '12月14日(月)']);
    expect(active.stamp).toBeUndefined();
  });

  it("lists a recruitment's role and deadline, hidden by the browser after its deadline day", () => {
    const line = kinds.recruitments.listLine({ id: 'r', data: recruitment({ deadline: '2026-12-01' }) }, t, '');
    expect(line).toEqual({
      href: '/recruitments/r/',
      title: '見守り訪問員を募集',
      meta: '見守り訪問員 締め切り 2026年12月1日(火)',
      ends: '2026-12-01T23:59:59+09:00',
    });
  });
});

describe('calendar parts', () => {
  const december = { from: '2026-12-01', to: '2026-12-31' };

  it('puts an event on each of its days, called off ones marked, and nothing outside the range', () => {
    const part = kinds.events.calendar;
    if (!part) throw new Error('events have a calendar part');
    const days = part.occurrences(event('2026-11-30T10:00', '2026-12-02T15:00', 'postponed'), december);
    expect(days.map((d) => [d.date, d.status, d.day, d.days])).toEqual([
      ['2026-12-01', 'postponed', 2, 3],
      ['2026-12-02', 'postponed', 3, 3],
    ]);
    expect(days[0]).toMatchObject({ start: '2026-11-30T10:00', end: '2026-12-02T15:00' });
    expect(part.occurrences(event('2026-11-07T10:00', '2026-11-07T12:00'), december)).toEqual([]);
    expect(part.label).toBe('calendar.event');
  });

  it("puts an active salon's meetings within its schedule on the calendar, お休み marked; a paused one none", () => {
    const part = kinds.salons.calendar;
    if (!part) throw new Error('salons have a calendar part');
    // Mondays of December 2026: 7, 14, 21, 28; the schedule runs out on the 20th.
    const meetings = part.occurrences(
      salon({ validFrom: '2026-04-01', validUntil: '2026-12-20', skip: ['2026-12-14'] }),
      december,
    );
    expect(meetings.map((m) => [m.date, m.status, m.reason])).toEqual([
      ['2026-12-07', 'scheduled', undefined],
      ['2026-12-14', 'skipped', 'skip'],
    ]);
    expect(part.occurrences(salon({ validFrom: '2026-04-01' }, 'paused'), december)).toEqual([]);
    expect(part.occurrences(salon({ validFrom: '2026-04-01' }, 'ended'), december)).toEqual([]);
    expect(part.label).toBe('calendar.salon');
  });

  it('leaves the other types off the calendar', () => {
    for (const collection of [
      'recruitments',
      'reports',
      'desks',
      'practices',
      'newsletters',
      'places',
      'districts',
    ] as const)
      expect(kinds[collection].calendar).toBeNull();
  });
});

describe('entry page parts', () => {
  it("gives an event's and a salon's page their JSON-LD, with place, organizer and share image", () => {
    const lookup = new Map([
      ['places/kominkan', { title: '東公民館', href: '/places/kominkan/', data: { address: '東町1-2' } }],
      ['organizations/shakyo', { title: 'みどり野市社協', href: '/organizations/shakyo/' }],
    ]);
    const page = {
      url: 'https://example.jp/events/e/',
      lookup,
      today: '2026-11-30',
      image: 'https://example.jp/flyers/events/e-og.png',
    };
    const data = kinds.events.structuredData(event('2026-12-05T10:00', '2026-12-05T12:00', 'cancelled'), page);
    expect(data).toMatchObject({
      '@type': 'Event',
      name: '防災訓練',
      startDate: '2026-12-05T10:00+09:00',
      eventStatus: 'https://schema.org/EventCancelled',
      url: 'https://example.jp/events/e/',
      image: ['https://example.jp/flyers/events/e-og.png'],
      location: { name: '東公民館', address: { streetAddress: '東町1-2' } },
      organizer: { name: 'みどり野市社協', url: 'https://example.jp/organizations/shakyo/' },
      offers: { price: 0, priceCurrency: 'JPY' },
    });
    // 2026-11-30 is a Monday: the salon's next meeting is that day.
    expect(kinds.salons.structuredData(salon({ validFrom: '2026-04-01' }), page)).toMatchObject({
      '@type': 'Event',
      startDate: '2026-11-30T10:00+09:00',
      endDate: '2026-11-30T12:00+09:00',
      eventSchedule: [{ repeatFrequency: 'P1W', byDay: ['https://schema.org/Monday'] }],
      location: { name: '東公民館' },
    });
    expect(kinds.salons.structuredData(salon({ validFrom: '2026-04-01' }, 'ended'), page)).toBeUndefined();
    expect(kinds.pages.structuredData({} as never, page)).toBeUndefined();
  });

  it("links a district's page to its area listing, calendar and 防災 page, an event or salon to its calendar file", () => {
    const district = { id: 'higashi', data: { name: '東小学校区' } as never };
    expect(kinds.districts.links(district, t)).toEqual([
      { href: '/area/higashi/', title: t('area.title', { district: '東小学校区' }) },
      { href: '/area/higashi/calendar/', title: t('area.calendar', { district: '東小学校区' }) },
      { href: '/bosai/higashi/', title: '東小学校区の防災' },
    ]);
    const once = { id: 'e', data: event('2026-12-05T10:00', '2026-12-05T12:00') };
    expect(kinds.events.links(once, t)).toEqual([{ href: '/events/e.ics', title: 'カレンダーに追加' }]);
    // Until it is over: on its last day still, the day after no more (a page built that day).
    const on = (today: string) => kinds.events.links(once, t, { referrers: [], today });
    expect(on('2026-12-05')).toEqual([{ href: '/events/e.ics', title: 'カレンダーに追加' }]);
    expect(on('2026-12-06')).toEqual([]);
    // A salon only while it meets: a paused one has no dates to add.
    const salon = (status: string) => ({ id: 's', data: { status } as never });
    expect(kinds.salons.links(salon('active'), t)).toEqual([{ href: '/salons/s.ics', title: 'カレンダーに追加' }]);
    expect(kinds.salons.links(salon('paused'), t)).toEqual([]);
    expect(kinds.reports.links({ id: 'r', data: {} as never }, t)).toEqual([]);
  });
});

describe('index orders', () => {
  const titles = (order: { entries: { data: { title?: string; name?: string } }[] } | object) =>
    'entries' in order ? order.entries.map((e) => e.data.title ?? e.data.name) : [];

  it('orders places, desks and the other undated types by name in Japanese reading order', () => {
    const places = ['さくら会館', 'あおば公民館', 'かもめ集会所'].map((name, i) => ({
      id: `p${i}`,
      data: { name } as never,
    }));
    expect(titles(kinds.places.index(places, '2026-11-24', t))).toEqual(['あおば公民館', 'かもめ集会所', 'さくら会館']);
  });

  it('orders reports newest first, the same day by title', () => {
    const reports = [
      { id: 'a', data: { title: 'い', date: '2026-10-01' } as never },
      { id: 'b', data: { title: 'あ', date: '2026-11-01' } as never },
      { id: 'c', data: { title: 'う', date: '2026-11-01' } as never },
    ];
    expect(titles(kinds.reports.index(reports, '2026-11-24', t))).toEqual(['あ', 'う', 'い']);
  });
});

describe('districts, organizations and pages', () => {
  const lookup = new Map([['districts/higashi', { title: '東小学校区', href: '/districts/higashi/' }]]);
  const texts = (facts: ReturnType<typeof factsFor>) =>
    facts.map((f) => [f.label, f.values.map((v) => v.text).join('、')]);

  it("names a district's kind and the district it belongs to, and lists it by name", () => {
    const data = { name: '東一丁目町内会', kind: 'association', parent: 'higashi' } as never;
    expect(texts(factsFor('districts', data, lookup, t, '2026-11-24'))).toEqual([
      ['種類', t('districtKind.association')],
      [t('fact.parent'), '東小学校区'],
    ]);
    expect(kinds.districts.listLine({ id: 'higashi-1', data }, t, '2026-11-24')).toEqual({
      href: '/districts/higashi-1/',
      title: '東一丁目町内会',
    });
    // A district is not itself in a district or a category: its page is the area's.
    expect(kinds.districts.districts(data, new Map())).toEqual([]);
    expect(kinds.districts.topics(data)).toEqual({ categories: [] });
  });

  it("names an organization's kind and districts; a fixed page has no facts", () => {
    const data = { name: '東地区社協', kind: 'district-shakyo', districts: ['higashi'] } as never;
    expect(texts(factsFor('organizations', data, lookup, t, '2026-11-24')).slice(0, 2)).toEqual([
      ['種類', t('orgKind.district-shakyo')],
      ['地区', '東小学校区'],
    ]);
    expect(kinds.organizations.districts(data, new Map())).toEqual(['higashi']);
    expect(kinds.organizations.listLine({ id: 'o', data }, t, '')).toEqual({
      href: '/organizations/o/',
      title: '東地区社協',
    });
    expect(factsFor('pages', { title: 'このサイトについて' }, lookup, t)).toEqual([]);
    expect(kinds.pages.listLine({ id: 'about', data: { title: 'このサイトについて' } as never }, t, '')).toEqual({
      href: '/pages/about/',
      title: 'このサイトについて',
    });
  });
});
