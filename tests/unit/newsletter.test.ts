import { describe, expect, it } from 'vitest';
import { deskSchema } from '../../src/schemas/desk.ts';
import { eventSchema, type EventInput } from '../../src/schemas/event.ts';
import { newsletterSchema, type NewsletterInput } from '../../src/schemas/newsletter.ts';
import { recruitmentSchema, type RecruitmentInput } from '../../src/schemas/recruitment.ts';
import { reportSchema, type ReportInput } from '../../src/schemas/report.ts';
import { salonSchema, type SalonInput } from '../../src/schemas/salon.ts';
import {
  ITEM_LIMITS,
  TOWN_DAY_LIMIT,
  compileNewsletter,
  withinLimit,
  monthItems,
  type CompiledNewsletter,
  type NewsletterSources,
} from '../../src/lib/newsletter/compile.ts';
import { draftSlug, issuesByDistrict, nextMonthDrafts } from '../../src/lib/newsletter/archive.ts';
import { qrPath } from '../../src/flyers/qr.ts';

// East is a school district with one association below it (east-1); west is its neighbour.
const districts = [
  { id: 'east', name: '東小学校区', kana: 'ひがし' },
  { id: 'east-1', name: '東一丁目町内会', kana: 'ひがしいっちょうめ', parent: 'east' },
  { id: 'west', name: '西小学校区', kana: 'にし' },
];

const salon = (id: string, districts: string[], schedule: SalonInput['schedule'], extra: Partial<SalonInput> = {}) => ({
  id,
  data: salonSchema.parse({
    id,
    title: `サロン${id}`,
    kind: 'salon',
    summary: 'お茶を飲みながらおしゃべり',
    schedule,
    place: 'p-east',
    districts,
    categories: ['salon'],
    organizer: 'org',
    ...extra,
  }),
});
const event = (id: string, districts: string[], start: string, end: string, extra: Partial<EventInput> = {}) => ({
  id,
  data: eventSchema.parse({
    id,
    title: `行事${id}`,
    summary: 'どなたでもどうぞ',
    start,
    end,
    place: 'p-east',
    districts,
    categories: ['learning'],
    organizer: 'org',
    ...extra,
  }),
});
const recruitment = (id: string, districts: string[], extra: Partial<RecruitmentInput> = {}) => ({
  id,
  data: recruitmentSchema.parse({
    id,
    title: `募集${id}`,
    role: '見守り訪問員',
    tasks: '月に1回、お宅を訪ねます',
    frequency: '月1回',
    districts,
    categories: ['watch'],
    organizer: 'org',
    howToApply: '社協へお電話ください',
    ...extra,
  }),
});
const report = (id: string, districts: string[], date: string, extra: Partial<ReportInput> = {}) => ({
  id,
  data: reportSchema.parse({ id, title: `報告${id}`, date, districts, categories: ['salon'], ...extra }),
});
const desk = (id: string, place?: string) => ({
  id,
  data: deskSchema.parse({
    id,
    name: `窓口${id}`,
    helpsWith: ['介護のこと'],
    hours: '平日 9:00〜17:00',
    phone: '0000-12-3456',
    categories: ['elderly'],
    ...(place ? { place } : {}),
  }),
});
const issue = (id: string, input: Partial<NewsletterInput>) => ({
  id,
  data: newsletterSchema.parse({
    id,
    title: 'だより 1月号',
    month: '2027-01',
    number: 5,
    summary: '1月の予定',
    intro: 'あけましておめでとうございます。\n\n今年もよろしくお願いします。',
    ...input,
  }),
});

const mondays: SalonInput['schedule'] = {
  frequency: 'weekly',
  weekdays: ['mon'],
  startTime: '10:00',
  endTime: '12:00',
  validFrom: '2026-04-01',
  holidays: 'hold',
};

function sources(overrides: Partial<NewsletterSources> = {}): NewsletterSources {
  return {
    districts,
    siteUrl: 'https://example.jp/',
    places: [
      { id: 'p-east', data: { name: '東公民館', district: 'east-1' } },
      { id: 'p-west', data: { name: '西センター', district: 'west' } },
    ],
    salons: [
      // Mondays in east-1, held on holidays; 4 January off.
      salon('s-mon', ['east-1'], { ...mondays, skip: ['2027-01-04'] }),
      // The second Monday (成人の日 in January 2027) in east, off on holidays.
      salon('s-second', ['east'], {
        frequency: 'monthly-weekday',
        weekdays: ['mon'],
        weeks: ['2'],
        startTime: '13:30',
        endTime: '15:00',
        validFrom: '2026-04-01',
      }),
      salon('s-west', ['west'], { ...mondays, weekdays: ['sat'] }),
      salon('s-paused', ['east'], mondays, { status: 'paused' }),
    ],
    events: [
      event('e-jan', ['east'], '2027-01-16T10:00', '2027-01-16T12:00'),
      event('e-cancelled', ['east-1'], '2027-01-24T10:00', '2027-01-24T12:00', {
        status: 'cancelled',
        statusNote: 'インフルエンザのため中止します',
      }),
      event('e-span', ['east'], '2026-12-30T10:00', '2027-01-01T15:00'),
      event('e-feb', ['east'], '2027-02-06T13:30', '2027-02-06T15:00'),
      event('e-dec', ['east'], '2026-12-20T13:30', '2026-12-20T15:30'),
      event('e-west', ['west'], '2027-01-17T09:00', '2027-01-17T12:00'),
    ],
    recruitments: [
      recruitment('r-open', ['east']),
      recruitment('r-deadline', ['east-1'], { deadline: '2027-01-08' }),
      recruitment('r-expired', ['east'], { deadline: '2026-12-20' }),
      recruitment('r-closed', ['east'], { status: 'closed' }),
      recruitment('r-west', ['west']),
    ],
    reports: [
      report('rep-dec', ['east'], '2026-12-05', {
        photos: [
          { src: '/uploads/a.jpg', alt: '折り紙を折る参加者', consent: true },
          { src: '/uploads/b.jpg', alt: 'お茶の時間', consent: true },
        ],
      }),
      report('rep-nov', ['east-1'], '2026-11-21', { participants: 24, volunteers: 6 }),
      report('rep-oct', ['east'], '2026-10-10'),
      report('rep-jan', ['east'], '2027-01-05'),
      report('rep-west', ['west'], '2026-12-12'),
    ],
    desks: [desk('d-east', 'p-east'), desk('d-west', 'p-west'), desk('d-phone')],
    ...overrides,
  };
}

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);
/** Each calendar row as 'date entry:status', holidays as 'date (name)'. */
const rows = (compiled: CompiledNewsletter) =>
  compiled.calendar.flatMap((day) => [
    ...(day.holiday ? [`${day.date} (${day.holiday})`] : []),
    ...day.items.map((item) => `${day.date} ${item.id}:${item.status}${item.reason ? `/${item.reason}` : ''}`),
  ]);

describe('compileNewsletter', () => {
  const east = compileNewsletter({ entry: issue('east-2027-01', { district: 'east' }) }, sources());

  it('lays out every salon date and event day of the month in the district and below it, お休み and holidays marked', () => {
    expect(rows(east)).toEqual([
      '2027-01-01 (元日)',
      '2027-01-01 e-span:scheduled',
      '2027-01-04 s-mon:skipped/skip',
      '2027-01-11 (成人の日)',
      '2027-01-11 s-mon:scheduled',
      '2027-01-11 s-second:skipped/holiday',
      '2027-01-16 e-jan:scheduled',
      '2027-01-18 s-mon:scheduled',
      '2027-01-24 e-cancelled:cancelled',
      '2027-01-25 s-mon:scheduled',
    ]);
  });

  it('highlights the month’s events with their status, place and note, and nothing of another month or district', () => {
    expect(ids(east.events)).toEqual(['e-span', 'e-jan', 'e-cancelled']);
    expect(east.events[2]).toMatchObject({
      status: 'cancelled',
      statusNote: 'インフルエンザのため中止します',
      placeName: '東公民館',
      picked: false,
    });
  });

  it('lists recruitments open on the month’s first day, the deadline soonest first', () => {
    expect(ids(east.recruitments)).toEqual(['r-deadline', 'r-open']);
    expect(east.recruitments[0]).toMatchObject({ deadline: '2027-01-08', role: '見守り訪問員', picked: false });
  });

  it('carries the reports of the two months before, newest first, each with its first consented photo', () => {
    expect(ids(east.reports)).toEqual(['rep-dec', 'rep-nov']);
    expect(east.reports[0]?.photo).toEqual({ src: '/uploads/a.jpg', alt: '折り紙を折る参加者' });
    expect(east.reports[1]).toMatchObject({ participants: 24, volunteers: 6 });
    expect(east.reports[1]?.photo).toBeUndefined();
  });

  it('lists the desks whose place is in the district, with their phone numbers', () => {
    expect(east.desks).toEqual([
      {
        id: 'd-east',
        name: '窓口d-east',
        phone: '0000-12-3456',
        hours: '平日 9:00〜17:00',
        helpsWith: ['介護のこと'],
        picked: false,
      },
    ]);
  });

  it('points its QR code at the district’s page and keeps what the editor wrote', () => {
    expect(east.qr.url).toBe('https://example.jp/area/east/');
    expect(east.qr.d).toBe(qrPath('https://example.jp/area/east/').d);
    expect(east).toMatchObject({
      draft: false,
      id: 'east-2027-01',
      month: '2027-01',
      range: { from: '2027-01-01', to: '2027-01-31' },
      district: { id: 'east', name: '東小学校区' },
      number: 5,
      intro: ['あけましておめでとうございます。', '今年もよろしくお願いします。'],
    });
    expect([...east.covers].sort()).toEqual(['east', 'east-1']);
  });

  it('gives the neighbouring district only its own content', () => {
    const west = compileNewsletter({ entry: issue('west-2027-01', { district: 'west' }) }, sources());
    expect(rows(west)).toEqual([
      '2027-01-01 (元日)',
      '2027-01-02 s-west:scheduled',
      '2027-01-09 s-west:scheduled',
      '2027-01-11 (成人の日)',
      '2027-01-16 s-west:scheduled',
      '2027-01-17 e-west:scheduled',
      '2027-01-23 s-west:scheduled',
      '2027-01-30 s-west:scheduled',
    ]);
    expect(ids(west.events)).toEqual(['e-west']);
    expect(ids(west.recruitments)).toEqual(['r-west']);
    expect(ids(west.reports)).toEqual(['rep-west']);
    expect(ids(west.desks)).toEqual(['d-west']);
  });

  it('compiles a town-wide issue from every district, with the QR code to the home page', () => {
    const town = compileNewsletter({ entry: issue('town-2027-01', {}) }, sources());
    expect(ids(town.events)).toEqual(['e-span', 'e-jan', 'e-west', 'e-cancelled']);
    expect(ids(town.desks)).toEqual(['d-east', 'd-phone', 'd-west']);
    expect(town.district).toBeUndefined();
    expect(town.covers).toEqual([]);
    expect(town.qr.url).toBe('https://example.jp/');
  });

  it('lists at most a few dates a day on a town-wide issue, events first, and says how many more; a district’s lists all', () => {
    const busy = sources();
    busy.salons = [
      ...busy.salons,
      ...Array.from({ length: TOWN_DAY_LIMIT }, (_, i) =>
        salon(`s-extra-${i}`, ['east'], { ...mondays, weekdays: ['sun'] }),
      ),
    ];
    busy.events = [...busy.events, event('e-sunday', ['west'], '2027-01-17T13:00', '2027-01-17T14:00')];
    const town = compileNewsletter({ entry: issue('town-2027-01', {}) }, busy);
    const sunday = town.calendar.find((d) => d.date === '2027-01-17');
    // e-west, e-sunday and eight salons: the two events are kept (shown in time order), two salon dates left out.
    expect(sunday?.items.length).toBe(TOWN_DAY_LIMIT);
    expect(sunday?.items.filter((i) => i.collection === 'events').map((i) => i.id)).toEqual(['e-west', 'e-sunday']);
    expect(town.hidden['2027-01-17']).toBe(2);
    const east = compileNewsletter({ entry: issue('east-2027-01', { district: 'east' }) }, busy);
    expect(east.calendar.find((d) => d.date === '2027-01-17')?.items.length).toBe(TOWN_DAY_LIMIT);
    expect(east.hidden).toEqual({});
  });

  it('lists at most ITEM_LIMITS compiled events, recruitments and desks, keeps every pick, and says how many more', () => {
    const busy = sources();
    const extra = (n: number) => Array.from({ length: n }, (_, i) => String(i).padStart(2, '0'));
    busy.events = [
      ...busy.events,
      ...extra(ITEM_LIMITS.events).map((i) =>
        event(`e-more-${i}`, ['east'], `2027-01-2${i.slice(1)}T13:00`, `2027-01-2${i.slice(1)}T14:00`),
      ),
    ];
    busy.recruitments = [
      ...busy.recruitments,
      ...extra(ITEM_LIMITS.recruitments).map((i) =>
        recruitment(`r-more-${i}`, ['east'], { deadline: `2027-03-${i.replace(/^0/, '1')}` }),
      ),
    ];
    busy.desks = [...busy.desks, ...extra(ITEM_LIMITS.desks).map((i) => desk(`d-more-${i}`, 'p-east'))];
    const east = compileNewsletter(
      {
        entry: issue('east-2027-01', {
          district: 'east',
          picks: { events: ['e-feb'], recruitments: ['r-west'], desks: ['d-phone'] },
        }),
      },
      busy,
    );
    // The month's events in date order: the first eight; the rest are on the district's calendar.
    expect(east.events.filter((e) => !e.picked)).toHaveLength(ITEM_LIMITS.events);
    expect(ids(east.events).slice(0, 3)).toEqual(['e-span', 'e-jan', 'e-more-00']);
    expect(east.events.filter((e) => e.picked).map((e) => e.id)).toEqual(['e-feb']);
    // e-span, e-jan, e-cancelled and eight more are compiled: three left out.
    expect(east.more.events).toBe(3);
    // The deadline soonest first: r-deadline (8 January), then the March ones; r-open (none) is left out.
    expect(ids(east.recruitments)).toEqual([
      'r-deadline',
      ...extra(ITEM_LIMITS.recruitments - 1).map((i) => `r-more-${i}`),
      'r-west',
    ]);
    expect(east.more.recruitments).toBe(2);
    expect(east.desks.filter((d) => !d.picked)).toHaveLength(ITEM_LIMITS.desks);
    expect(east.desks.at(-1)).toMatchObject({ id: 'd-phone', picked: true });
    expect(east.more.desks).toBe(1);
    // Within the limits nothing is left out, and nothing is said.
    expect(compileNewsletter({ entry: issue('east-2027-01', { district: 'east' }) }, sources()).more).toEqual({
      events: 0,
      recruitments: 0,
      desks: 0,
    });
  });

  it('keeps the order and counts what a limit leaves out, picks never among them', () => {
    const items = ['d', 'Q', 'x', 'c', 'P', 'b', 'a'];
    const compiled = (x: string) => x !== 'x' && x === x.toLowerCase();
    const picked = (x: string) => x === x.toUpperCase() || x === 'd';
    const order = (a: string, b: string) => '(aPbcQdx'.indexOf(a) - '(aPbcQdx'.indexOf(b);
    expect(withinLimit(items, { compiled, picked, order, limit: 2 })).toEqual({
      kept: ['a', 'P', 'b', 'Q', 'd'],
      more: 1,
    });
    expect(withinLimit(items, { compiled, picked, order, limit: 10 })).toEqual({
      kept: ['a', 'P', 'b', 'c', 'Q', 'd'],
      more: 0,
    });
    expect(withinLimit(items, { compiled, picked: () => false, order, limit: 0 })).toEqual({ kept: [], more: 4 });
  });

  it('takes the month’s calendar items from the caller when it keeps them between issues', () => {
    const base = sources();
    const seen: string[] = [];
    const kept = {
      ...base,
      calendarOf: (range: { from: string; to: string }) => {
        seen.push(range.from);
        return monthItems(base, range);
      },
    };
    expect(rows(compileNewsletter({ entry: issue('east-2027-01', { district: 'east' }) }, kept))).toEqual(rows(east));
    expect(seen).toEqual(['2027-01-01']);
  });

  it('follows a changed skip date on the next compile: the salon entry is the only place it is written', () => {
    const changed = sources();
    changed.salons = changed.salons.map((s) =>
      s.id === 's-mon' ? salon('s-mon', ['east-1'], { ...mondays, skip: ['2027-01-18'] }) : s,
    );
    const after = rows(compileNewsletter({ entry: issue('east-2027-01', { district: 'east' }) }, changed));
    expect(after).toContain('2027-01-04 s-mon:scheduled');
    expect(after).toContain('2027-01-18 s-mon:skipped/skip');
    expect(after).not.toContain('2027-01-18 s-mon:scheduled');
  });

  it('adds what the editor picked from another month or district, marked as picked, and on the calendar when in the month', () => {
    const picked = compileNewsletter(
      {
        entry: issue('east-2027-01', {
          district: 'east',
          picks: { events: ['e-feb', 'e-west'], recruitments: ['r-west'], reports: ['rep-oct'], desks: ['d-phone'] },
        }),
      },
      sources(),
    );
    expect(ids(picked.events)).toEqual(['e-span', 'e-jan', 'e-west', 'e-cancelled', 'e-feb']);
    expect(picked.events.filter((e) => e.picked).map((e) => e.id)).toEqual(['e-west', 'e-feb']);
    expect(rows(picked)).toContain('2027-01-17 e-west:scheduled');
    expect(picked.recruitments.find((r) => r.id === 'r-west')?.picked).toBe(true);
    expect(ids(picked.reports)).toEqual(['rep-dec', 'rep-nov', 'rep-oct']);
    expect(picked.reports[2]?.picked).toBe(true);
    expect(picked.desks.map((d) => [d.id, d.picked])).toEqual([
      ['d-east', false],
      ['d-phone', true],
    ]);
  });

  it('compiles a draft for a month and district that has no entry yet', () => {
    const draft = compileNewsletter({ draft: { month: '2027-01', district: 'east' } }, sources());
    expect(draft.draft).toBe(true);
    expect(draft.id).toBeUndefined();
    expect(draft.title).toBeUndefined();
    expect(draft.intro).toEqual([]);
    expect(rows(draft)).toEqual(rows(east));
    expect(ids(draft.recruitments)).toEqual(ids(east.recruitments));
    const withDesk = compileNewsletter(
      { draft: { month: '2027-01', district: 'west', picks: { desks: ['d-phone'] } } },
      sources(),
    );
    expect(withDesk.desks.map((d) => [d.id, d.picked])).toEqual([
      ['d-west', false],
      ['d-phone', true],
    ]);
  });

  it('carries the cover photo with its alt text and caption', () => {
    const withCover = compileNewsletter(
      {
        entry: issue('east-2027-01', {
          district: 'east',
          cover: [{ src: '/uploads/c.jpg', alt: '公民館の前で', caption: '表紙', consent: true }],
        }),
      },
      sources(),
    );
    expect(withCover.cover).toEqual({ src: '/uploads/c.jpg', alt: '公民館の前で', caption: '表紙' });
    expect(east.cover).toBeUndefined();
  });

  it('names the newsletter when its district does not exist', () => {
    expect(() => compileNewsletter({ entry: issue('x-2027-01', { district: 'nowhere' }) }, sources())).toThrow(
      'newsletter x-2027-01: no district "nowhere"',
    );
  });
});

describe('newsletter schema', () => {
  it('refuses a cover photo without consent, as a report’s photo', () => {
    const result = newsletterSchema.safeParse({
      id: 'a',
      title: 'だより',
      month: '2027-01',
      number: 1,
      summary: 's',
      intro: 'i',
      cover: [{ src: '/uploads/c.jpg', alt: '写真' }],
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('掲載同意');
  });

  it('takes one cover photo at most', () => {
    const photo = { src: '/uploads/c.jpg', alt: '写真', consent: true };
    const base = { id: 'a', title: 'だより', month: '2027-01', number: 1, summary: 's', intro: 'i' };
    expect(newsletterSchema.safeParse({ ...base, cover: [photo] }).success).toBe(true);
    expect(newsletterSchema.safeParse({ ...base, cover: [photo, photo] }).success).toBe(false);
    expect(newsletterSchema.parse(base).cover).toEqual([]);
  });

  it('needs the issue number and はじめに', () => {
    const result = newsletterSchema.safeParse({ id: 'a', title: 'だより', month: '2027-01', summary: 's' });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['intro', 'number']);
  });
});

describe('newsletter archive', () => {
  const issues = [
    issue('east-12', { district: 'east', month: '2026-12', number: 4 }),
    issue('east-01', { district: 'east', month: '2027-01', number: 5 }),
    issue('west-12', { district: 'west', month: '2026-12', number: 1, picks: { desks: ['d-phone'] } }),
    issue('town-12', { month: '2026-12', number: 100 }),
  ];

  it('groups issues by district, town-wide first, districts in reading order, newest first', () => {
    expect(issuesByDistrict(issues, districts)).toEqual([
      { issues: [{ id: 'town-12', title: 'だより 1月号', month: '2026-12', number: 100 }] },
      // にし before ひがし, as in the 50音 order of a printed index.
      {
        district: { id: 'west', name: '西小学校区' },
        issues: [{ id: 'west-12', title: 'だより 1月号', month: '2026-12', number: 1 }],
      },
      {
        district: { id: 'east', name: '東小学校区' },
        issues: [
          { id: 'east-01', title: 'だより 1月号', month: '2027-01', number: 5 },
          { id: 'east-12', title: 'だより 1月号', month: '2026-12', number: 4 },
        ],
      },
    ]);
  });

  it('orders districts without a reading by their name, and leaves out districts without issues', () => {
    const plain = [
      { id: 'west', name: 'b西' },
      { id: 'east', name: 'a東' },
      { id: 'north', name: 'c北' },
    ];
    expect(issuesByDistrict(issues, plain).map((g) => g.district?.id)).toEqual([undefined, 'east', 'west']);
    expect(issuesByDistrict([], plain)).toEqual([]);
  });

  it('names a draft page after its district, the town’s “town”', () => {
    expect(draftSlug('east')).toBe('east');
    expect(draftSlug(undefined)).toBe('town');
  });

  it('offers next month’s draft to every publisher without an entry for it, with the desks its last issue added', () => {
    expect(nextMonthDrafts(issues, '2026-12-15')).toEqual([
      { month: '2027-01' },
      { month: '2027-01', district: 'west', picks: { desks: ['d-phone'] } },
    ]);
    expect(nextMonthDrafts(issues, '2027-01-31')).toEqual([
      { month: '2027-02' },
      { month: '2027-02', district: 'east' },
      { month: '2027-02', district: 'west', picks: { desks: ['d-phone'] } },
    ]);
  });
});
