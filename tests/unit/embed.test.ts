/**
 * The embeddable list (src/lib/embed.ts): the coming dates are the calendar's own items from the
 * build day on, at most a dozen, with the count of the rest; and the snippet another site pastes.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildCalendarItems, type CalendarItem } from '../../src/lib/calendar.ts';
import {
  EMBED_DAYS,
  EMBED_HEIGHT,
  EMBED_LIMIT,
  embedHref,
  embedList,
  embedRange,
  embedSnippet,
} from '../../src/lib/embed.ts';

const salon = {
  collection: 'salons',
  id: 'hidamari',
  data: {
    title: 'ひだまりサロン',
    districts: ['wakaba'],
    schedule: {
      frequency: 'weekly',
      weekdays: ['mon', 'wed'],
      startTime: '13:30',
      endTime: '15:30',
      validFrom: '2026-04-01',
      holidays: 'skip',
      skip: [],
      extra: [],
    },
    status: 'active',
  },
};
const event = {
  collection: 'events',
  id: 'matsuri',
  data: {
    title: '福祉まつり',
    districts: ['wakaba'],
    start: '2026-11-29T10:00',
    end: '2026-12-01T15:00',
    status: 'scheduled',
  },
};

describe('embed list', () => {
  it('looks two months ahead from the build day', () => {
    expect(embedRange('2026-11-30')).toEqual({ from: '2026-11-30', to: '2027-01-28' });
    expect(EMBED_DAYS).toBe(60);
  });

  it('shows the calendar’s items from today on, the first dozen, and counts the rest', () => {
    const today = '2026-11-30';
    const items = buildCalendarItems([salon, event], { from: '2026-11-29', to: embedRange(today).to });
    const list = embedList(items, today);
    const shown = list.days.flatMap((d) => d.items);
    expect(shown).toHaveLength(EMBED_LIMIT);
    // The festival's first day (yesterday) is gone; its remaining days stay (all day, so first on
    // their day), beside the salon's Mondays and Wednesdays.
    expect(shown.slice(0, 4).map((i) => [i.date, i.title])).toEqual([
      ['2026-11-30', '福祉まつり'],
      ['2026-11-30', 'ひだまりサロン'],
      ['2026-12-01', '福祉まつり'],
      ['2026-12-02', 'ひだまりサロン'],
    ]);
    expect(shown.every((i) => i.date >= today)).toBe(true);
    const coming = items.filter((i) => i.date >= today).length;
    expect(list.more).toBe(coming - EMBED_LIMIT);
    expect(list.more).toBeGreaterThan(0);
    // Days in order, each day once, as the calendar's agenda gives them.
    expect(list.days.map((d) => d.date)).toEqual([...new Set(shown.map((i) => i.date))]);
  });

  it('shows everything and counts nothing more when there are few, and an empty list when there is none', () => {
    const items: CalendarItem[] = buildCalendarItems([event], { from: '2026-11-29', to: '2026-12-31' });
    expect(embedList(items, '2026-11-30')).toMatchObject({ more: 0 });
    expect(embedList(items, '2026-11-30').days).toHaveLength(2);
    expect(embedList(items, '2026-12-02')).toEqual({ days: [], more: 0 });
    expect(embedList(items, '2026-11-29', 1).more).toBe(2);
  });
});

describe('embed snippet', () => {
  it('names the embed pages beside the district and the town', () => {
    expect([embedHref('wakaba'), embedHref()]).toEqual(['/embed/districts/wakaba/', '/embed/']);
  });

  it('is an iframe with a title, loaded lazily, sandboxed to open its links in a new tab', () => {
    const html = embedSnippet(
      'https://tsunagari.example.jp/embed/districts/wakaba/',
      '若葉地区のこれからの予定（"つながり" & <ネット>）',
    );
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const frames = document.querySelectorAll('iframe');
    expect(frames).toHaveLength(1);
    const frame = frames[0]!;
    expect(frame.getAttribute('src')).toBe('https://tsunagari.example.jp/embed/districts/wakaba/');
    // Quotes and markup in a district's or site's name stay text inside the attribute.
    expect(frame.getAttribute('title')).toBe('若葉地区のこれからの予定（"つながり" & <ネット>）');
    expect(frame.getAttribute('loading')).toBe('lazy');
    expect(frame.getAttribute('height')).toBe(String(EMBED_HEIGHT));
    expect(frame.getAttribute('sandbox')?.split(' ').sort()).toEqual([
      'allow-popups',
      'allow-popups-to-escape-sandbox',
    ]);
    expect(document.body.children).toHaveLength(1);
    expect(html).not.toContain('\n');
  });
});
