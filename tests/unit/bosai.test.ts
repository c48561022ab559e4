/**
 * Shelters on places (issue 17): the schema refuses what a 防災 page could not show, the place
 * page marks a shelter in words, a district's 防災 page takes exactly its own shelters and those
 * of the districts inside it, and a place lists what meets there.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { factsFor, kinds, referrersOf } from '../../src/kinds/index.ts';
import {
  ancestorsOf,
  bosaiOrganizations,
  emergencyNumbers,
  listedOnTownPage,
  sheltersByHazard,
  TOWN_PAGE_LIST_LIMIT,
  sheltersIn,
  telHref,
  updatedAt,
} from '../../src/lib/bosai.ts';
import { districtWithDescendants } from '../../src/lib/calendar.ts';
import { entryLookup } from '../../src/lib/entries.ts';
import { placeSchema, type PlaceInput } from '../../src/schemas/place.ts';
import { emergencySchema } from '../../src/schemas/emergency.ts';
import { eventSchema } from '../../src/schemas/event.ts';

const place = (id: string, district: string, shelter?: PlaceInput['shelter']) => ({
  id,
  data: placeSchema.parse({ id, name: `${id}会館`, address: '架空市1-1', district, shelter }),
});

describe('shelter fields', () => {
  it('take the designation, hazards, capacity, notes and pets', () => {
    const { data } = place('a', 'higashi', {
      types: ['shelter', 'welfare'],
      hazards: ['flood', 'earthquake'],
      capacity: 120,
      pets: true,
    });
    expect(data.shelter).toEqual({
      types: ['shelter', 'welfare'],
      hazards: ['flood', 'earthquake'],
      capacity: 120,
      pets: true,
    });
  });
  it('read a group the CMS saved empty as "not a shelter"', () => {
    const data = placeSchema.parse({
      id: 'a',
      name: 'a',
      address: 'b',
      district: 'c',
      shelter: { types: [], hazards: [], pets: false },
    });
    expect(data.shelter).toBeUndefined();
  });
  it('refuse a hazard outside the national list, a capacity below 1 and a shelter without its kind', () => {
    const issues = (shelter: unknown) =>
      placeSchema
        .safeParse({ id: 'a', name: 'a', address: 'b', district: 'c', shelter })
        .error?.issues.map((i) => i.path.join('.'));
    expect(issues({ types: ['shelter'], hazards: ['typhoon'] })).toEqual(['shelter.hazards.0']);
    expect(issues({ types: ['shelter'], hazards: ['flood'], capacity: -30 })).toEqual(['shelter.capacity']);
    expect(issues({ types: ['shelter'], hazards: ['flood'], capacity: 2.5 })).toEqual(['shelter.capacity']);
    expect(issues({ hazards: ['flood'], pets: true })).toEqual(['shelter.types']);
    expect(issues({ types: ['emergency-site'], capacity: 10 })).toEqual(['shelter.hazards']);
  });
});

describe('a shelter on its place page', () => {
  it('comes first, marked in words, with hazards, capacity and pets', () => {
    const { data } = place('a', 'higashi', {
      types: ['emergency-site', 'shelter'],
      hazards: ['earthquake', 'fire'],
      capacity: 250,
    });
    const facts = factsFor('places', data, new Map(), t);
    expect(facts[0]).toEqual({
      label: '災害のとき',
      values: [{ text: '【避難所】指定緊急避難場所・指定避難所' }],
      mark: true,
    });
    expect(facts.slice(1, 4).map((f) => [f.label, f.values.map((v) => v.text).join('、')])).toEqual([
      ['使える災害', '地震、大規模な火事'],
      ['収容人数', '250人'],
      ['ペット', 'ペットと一緒には避難できません'],
    ]);
    expect(kinds.places.listLine({ id: 'a', data }, t, '2026-12-01').meta).toBe(
      '【避難所】指定緊急避難場所・指定避難所 架空市1-1',
    );
    expect(kinds.places.topics(data).categories).toEqual(['disaster']);
  });
  it('shows in the CMS preview while its lists are still empty', () => {
    const typing = { name: 'a', address: 'b', district: 'c', ibasho: true, shelter: { pets: true } };
    const facts = factsFor('places', typing, new Map(), t);
    expect(facts[0]?.values).toEqual([{ text: '【避難所】' }]);
    expect(facts.find((f) => f.label === 'ペット')?.values).toEqual([{ text: 'ペットと一緒に避難できます' }]);
  });
  it('is not claimed for a place that is not one', () => {
    const { data } = place('b', 'higashi');
    expect(factsFor('places', data, new Map(), t).some((f) => f.mark)).toBe(false);
    expect(kinds.places.topics(data).categories).toEqual([]);
  });
});

const districts = [
  { id: 'higashi', parent: undefined },
  { id: 'honcho', parent: 'higashi' },
  { id: 'asahi', parent: 'higashi' },
  { id: 'nishi', parent: undefined },
];
const places = [
  place('kominkan', 'higashi', { types: ['shelter'], hazards: ['flood', 'earthquake'] }),
  place('koen', 'honcho', { types: ['emergency-site'], hazards: ['earthquake'] }),
  place('engawa', 'honcho'),
  place('nishi-sho', 'nishi', { types: ['shelter'], hazards: ['flood'] }),
];

describe('a district’s shelters', () => {
  const ids = (list: { id: string }[]) => list.map((p) => p.id);
  it('are its own and its sub-districts’, never a neighbour’s or a place that is no shelter', () => {
    expect(ids(sheltersIn(places, districtWithDescendants(districts, 'higashi')))).toEqual(['koen', 'kominkan']);
    expect(ids(sheltersIn(places, districtWithDescendants(districts, 'honcho')))).toEqual(['koen']);
    expect(ids(sheltersIn(places, districtWithDescendants(districts, 'asahi')))).toEqual([]);
    expect(ids(sheltersIn(places, undefined))).toEqual(['koen', 'kominkan', 'nishi-sho']);
  });
  it('are grouped by hazard in the national order, hazards without one left out', () => {
    const groups = sheltersByHazard(sheltersIn(places, districtWithDescendants(districts, 'higashi')));
    expect(groups.map((g) => [g.hazard, ids(g.shelters)])).toEqual([
      ['flood', ['kominkan']],
      ['earthquake', ['koen', 'kominkan']],
    ]);
  });
});

describe('the town’s 防災 page', () => {
  it('lists shelters and groups one by one up to the limit, and counts them beyond', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(listedOnTownPage([])).toBe(true);
    expect(listedOnTownPage(items(TOWN_PAGE_LIST_LIMIT))).toBe(true);
    expect(listedOnTownPage(items(TOWN_PAGE_LIST_LIMIT + 1))).toBe(false);
  });
});

describe('自主防災組織 and numbers', () => {
  const org = (id: string, kind: string, d: string[]) => ({ id, data: { name: id, kind, districts: d } });
  const orgs = [
    org('higashi-bosai', 'bosai', ['higashi']),
    org('honcho-bosai', 'bosai', ['honcho']),
    org('shakyo', 'shakyo', ['higashi']),
    org('nishi-bosai', 'bosai', ['nishi']),
  ];
  it('a district turns to its own, its sub-districts’ and the one of the district it belongs to', () => {
    expect(ancestorsOf(districts, 'honcho')).toEqual(['higashi']);
    expect(
      ancestorsOf(
        [
          { id: 'a', parent: 'b' },
          { id: 'b', parent: 'a' },
        ],
        'a',
      ),
    ).toEqual(['b']);
    const names = (d: string) =>
      bosaiOrganizations(orgs, districtWithDescendants(districts, d), ancestorsOf(districts, d)).map((o) => o.id);
    expect(names('honcho')).toEqual(['higashi-bosai', 'honcho-bosai']);
    expect(names('higashi')).toEqual(['higashi-bosai', 'honcho-bosai']);
    expect(names('nishi')).toEqual(['nishi-bosai']);
    expect(bosaiOrganizations(orgs, undefined).map((o) => o.id)).toEqual([
      'higashi-bosai',
      'honcho-bosai',
      'nishi-bosai',
    ]);
  });
  it('119, 110 and 171 come before the town’s own, each dialled with one tap', () => {
    const numbers = emergencyNumbers([{ label: '危機管理課', phone: '0000-12-1120' }], t);
    expect(numbers.map((n) => n.phone)).toEqual(['119', '110', '171', '0000-12-1120']);
    expect(telHref('0000-12-1120')).toBe('tel:0000121120');
  });
});

describe('disaster mode', () => {
  it('is off unless switched on, and says when it was updated in Japan time', () => {
    expect(emergencySchema.parse({}).active).toBe(false);
    expect(updatedAt('2027-07-01T06:30', new Date())).toEqual({
      text: '2027年7月1日(木) 06:30',
      datetime: '2027-07-01T06:30+09:00',
    });
    // Without a time written, the build's: 21:00 UTC is the next morning in Japan.
    expect(updatedAt(undefined, new Date('2027-06-30T21:00:00Z')).datetime).toBe('2027-07-01T06:00+09:00');
  });
});

describe('what meets at a place', () => {
  const salonLike = { title: 'ひだまり', place: 'kominkan' };
  const past = eventSchema.parse({
    id: 'old',
    title: '去年の訓練',
    summary: 'x',
    start: '2020-01-01T10:00',
    end: '2020-01-01T12:00',
    place: 'kominkan',
    districts: ['higashi'],
    categories: ['disaster'],
    organizer: 'shakyo',
    status: 'scheduled',
  });
  const lookup = entryLookup([
    { collection: 'places', id: 'kominkan', data: { name: '東公民館', district: 'higashi' } },
    { collection: 'desks', id: 'soudan', data: { name: '相談', place: 'kominkan' } },
    { collection: 'events', id: 'old', data: past as unknown as Record<string, unknown> },
    {
      collection: 'salons',
      id: 'hidamari',
      data: {
        ...salonLike,
        status: 'active',
        schedule: { frequency: 'weekly', weekdays: ['wed'], start: '10:00', end: '12:00' },
      },
    },
  ]);
  it('is each entry that names it and is not past, by the registry’s order, with its type', () => {
    const referrers = referrersOf('places', 'kominkan', lookup, '2026-12-01');
    expect(referrers.map((r) => `${r.collection}/${r.id}`)).toEqual(['salons/hidamari', 'desks/soudan']);
    const links = kinds.places.links({ id: 'kominkan', data: {} as never }, t, { referrers });
    expect(links).toEqual([
      { href: '/salons/hidamari/', title: 'サロン・定期の集い「ひだまり」' },
      { href: '/desks/soudan/', title: '相談窓口「相談」' },
    ]);
    expect(kinds.places.links({ id: 'kominkan', data: {} as never }, t)).toEqual([]);
    // The same index serves every type: what names a district is what lies in it.
    expect(referrersOf('districts', 'higashi', lookup, '2026-12-01').map((r) => r.id)).toEqual(['kominkan']);
  });
});
