import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { kinds, lifecycleOf, type Kind, type Registry } from '../../src/kinds/index.ts';
import { ENTRY_COLLECTIONS } from '../../src/lib/entries.ts';
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
  });

  it('refuses a kind without a part and a registry without a type (checked by npm run typecheck)', () => {
    // @ts-expect-error a kind without its lifecycle
    const partial: Kind<Page, null> = {
      facts() {},
      listLine: kinds.pages.listLine,
      searchDate: () => undefined,
      flyer: null,
    };
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
