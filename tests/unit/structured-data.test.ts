import { describe, expect, it } from 'vitest';
import {
  eventJsonLd,
  feePrice,
  gatheringLd,
  jsonForScript,
  salonJsonLd,
  scheduleJsonLd,
} from '../../src/lib/structured-data.ts';
import { scheduleSchema, type Schedule } from '../../src/schemas/salon.ts';

const schedule = (input: Record<string, unknown>): Schedule =>
  scheduleSchema.parse({ startTime: '10:00', endTime: '12:00', validFrom: '2026-04-01', ...input });

const gathering = {
  title: 'ひだまりサロン',
  summary: 'お茶を飲みながらおしゃべり',
  fee: '100円（お茶代）',
  url: 'https://example.jp/salons/hidamari/',
  place: { name: '団地集会所', address: '架空市あさひ台1-1' },
  organizer: { name: 'あさひ台団地自治会', url: 'https://example.jp/organizations/jichikai/' },
  image: 'https://example.jp/flyers/salons/hidamari-og.png',
};

describe('schema.org Event', () => {
  it('carries Japan time with its offset, the place, the image and a cancellation', () => {
    const ld = eventJsonLd(
      { start: '2026-12-27T10:00', end: '2026-12-27T12:00', status: 'cancelled' },
      { ...gathering, title: 'もちつき大会', fee: '無料' },
    );
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: 'もちつき大会',
      description: 'お茶を飲みながらおしゃべり',
      startDate: '2026-12-27T10:00+09:00',
      endDate: '2026-12-27T12:00+09:00',
      eventStatus: 'https://schema.org/EventCancelled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      image: ['https://example.jp/flyers/salons/hidamari-og.png'],
      location: {
        '@type': 'Place',
        name: '団地集会所',
        address: { '@type': 'PostalAddress', streetAddress: '架空市あさひ台1-1', addressCountry: 'JP' },
      },
      organizer: { '@type': 'Organization', name: 'あさひ台団地自治会' },
      offers: { '@type': 'Offer', price: 0, priceCurrency: 'JPY', description: '無料' },
    });
  });

  it('reads a price from the fee where it states one, and only words where it does not', () => {
    expect(feePrice('無料')).toBe(0);
    expect(feePrice('無料（お茶代のカンパ箱があります）')).toBe(0);
    expect(feePrice('300円')).toBe(300);
    expect(feePrice('１，０００円（材料費）')).toBe(1000);
    expect(feePrice('材料費のみ')).toBeUndefined();
    const offers = eventJsonLd(
      { start: '2026-12-27T10:00', end: '2026-12-27T12:00', status: 'scheduled' },
      { ...gathering, fee: '材料費のみ' },
    )['offers'];
    expect(offers).toEqual({ '@type': 'Offer', description: '材料費のみ', url: gathering.url });
  });

  it('looks up the place and organizer an entry refers to, and leaves out one that is missing', () => {
    const lookup = new Map([
      ['places/kominkan', { title: '東公民館', href: '/places/kominkan/', data: { address: '東町1-2' } }],
    ]);
    const data = { title: 'サロン', summary: 'お茶会', fee: '無料', place: 'kominkan', organizer: 'nobody' };
    expect(gatheringLd(data, { url: 'https://example.jp/salons/s/', lookup })).toEqual({
      title: 'サロン',
      summary: 'お茶会',
      fee: '無料',
      url: 'https://example.jp/salons/s/',
      place: { name: '東公民館', address: '東町1-2' },
      organizer: undefined,
      image: undefined,
    });
  });

  it('leaves out what it does not know, and reads an unknown status as scheduled', () => {
    const ld = eventJsonLd(
      { start: '2026-12-27T10:00', end: '2026-12-27T12:00', status: 'unknown' },
      { title: 'もちつき', summary: 'つきます', fee: '無料', url: gathering.url },
    );
    expect(ld).not.toHaveProperty('image');
    expect(ld).not.toHaveProperty('location');
    expect(ld).not.toHaveProperty('organizer');
    expect(ld['eventStatus']).toBe('https://schema.org/EventScheduled');
  });

  it('cannot be broken out of its script tag', () => {
    expect(jsonForScript({ name: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});

describe('a salon as a recurring Event', () => {
  const base = { '@type': 'Schedule', startTime: '10:00:00', endTime: '12:00:00', scheduleTimezone: 'Asia/Tokyo' };

  it('says a weekly rule with its validity, and its お休み a year ahead (skips and holidays) as exceptDate', () => {
    // Mondays; 2027-01-11 is 成人の日 (skipped under the default holidays: skip).
    const s = schedule({ frequency: 'weekly', weekdays: ['mon'], validUntil: '2027-03-31', skip: ['2026-12-28'] });
    expect(scheduleJsonLd(s, '2026-12-01')).toEqual([
      {
        ...base,
        repeatFrequency: 'P1W',
        byDay: ['https://schema.org/Monday'],
        startDate: '2026-04-01',
        endDate: '2027-03-31',
        // 成人の日, and 春分の日 (a Sunday) moved to Monday 2027-03-22.
        exceptDate: ['2026-12-28', '2027-01-11', '2027-03-22'],
      },
    ]);
  });

  it('says 第2・最終水曜 with byMonthWeek (the last week as -1), and 毎月15日 with byMonthDay', () => {
    const nth = schedule({ frequency: 'monthly-weekday', weekdays: ['wed'], weeks: ['2', 'last'], holidays: 'hold' });
    expect(scheduleJsonLd(nth, '2026-12-01')).toEqual([
      {
        ...base,
        repeatFrequency: 'P1M',
        byDay: ['https://schema.org/Wednesday'],
        byMonthWeek: [2, -1],
        startDate: '2026-04-01',
      },
    ]);
    const day = schedule({ frequency: 'monthly-date', day: 15, holidays: 'hold' });
    expect(scheduleJsonLd(day, '2026-12-01')).toEqual([
      { ...base, repeatFrequency: 'P1M', byMonthDay: [15], startDate: '2026-04-01' },
    ]);
  });

  it('gives a list of dates one Schedule per date still to come, without the skipped ones', () => {
    const s = schedule({ frequency: 'dates', dates: ['2026-11-20', '2026-12-10', '2026-12-24'], skip: ['2026-12-24'] });
    expect(scheduleJsonLd(s, '2026-12-01')).toEqual([{ ...base, startDate: '2026-12-10', endDate: '2026-12-10' }]);
  });

  it('names the next meeting in Japan time, postponed while paused, and none once ended', () => {
    const s = schedule({ frequency: 'weekly', weekdays: ['mon'], skip: ['2026-12-07'] });
    const active = salonJsonLd({ schedule: s, status: 'active' }, gathering, '2026-12-01');
    expect(active).toMatchObject({
      '@type': 'Event',
      name: 'ひだまりサロン',
      startDate: '2026-12-14T10:00+09:00',
      endDate: '2026-12-14T12:00+09:00',
      eventStatus: 'https://schema.org/EventScheduled',
      offers: { price: 100, priceCurrency: 'JPY' },
      eventSchedule: [{ repeatFrequency: 'P1W', exceptDate: expect.arrayContaining(['2026-12-07']) }],
    });
    expect(salonJsonLd({ schedule: s, status: 'paused' }, gathering, '2026-12-01')).toMatchObject({
      eventStatus: 'https://schema.org/EventPostponed',
    });
    expect(salonJsonLd({ schedule: s, status: 'ended' }, gathering, '2026-12-01')).toBeUndefined();
    const over = schedule({ frequency: 'weekly', weekdays: ['mon'], validUntil: '2026-06-30' });
    expect(salonJsonLd({ schedule: over, status: 'active' }, gathering, '2026-12-01')).toBeUndefined();
  });
});
