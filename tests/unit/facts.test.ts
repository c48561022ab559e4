import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { factsFor, formatPeriod } from '../../src/lib/facts.ts';
import { eventSchema } from '../../src/schemas/event.ts';
import { salonSchema } from '../../src/schemas/salon.ts';

const lookup = new Map([
  [
    'places/kominkan',
    {
      title: '東公民館',
      href: '/places/kominkan/',
      data: {
        address: '架空市本町1-2-3',
        access: '市民バス「本町」下車 徒歩2分',
        barrierFree: { wheelchair: true, notes: '入口にスロープ' },
      },
    },
  ],
  ['districts/higashi', { title: '東小学校区', href: '/districts/higashi/' }],
  ['organizations/shakyo', { title: '架空市社協', href: '/organizations/shakyo/' }],
]);

describe('facts a resident needs to act', () => {
  it('formats one-day and multi-day periods in Japan time', () => {
    expect(formatPeriod('2026-12-05T10:00', '2026-12-05T12:00')).toBe('2026年12月5日(土) 10:00〜12:00');
    expect(formatPeriod('2027-02-19T10:00', '2027-02-21T15:00')).toBe(
      '2027年2月19日(金) 10:00〜2027年2月21日(日) 15:00',
    );
  });

  it('lists when, where (linked), cost, who, how to apply and who runs an event', () => {
    const event = eventSchema.parse({
      id: 'bousai',
      title: '防災訓練',
      summary: '体験します',
      start: '2026-12-05T10:00',
      end: '2026-12-05T12:00',
      place: 'kominkan',
      districts: ['higashi'],
      categories: ['disaster'],
      organizer: 'shakyo',
      capacity: 30,
      application: { required: true, deadline: '2026-12-01' },
    });
    const facts = factsFor('events', event, lookup, t, '2026-11-23');
    expect(facts.map((f) => [f.label, f.values.map((v) => v.text).join('、')])).toEqual([
      ['日時', '2026年12月5日(土) 10:00〜12:00'],
      ['会場', '東公民館'],
      ['住所', '架空市本町1-2-3'],
      ['交通', '市民バス「本町」下車 徒歩2分'],
      ['バリアフリー', '車いすで入れます、入口にスロープ'],
      ['参加費', '無料'],
      ['定員', '30人'],
      ['対象', 'どなたでも'],
      ['申し込み', '事前の申し込みが必要です'],
      ['締め切り', '2026年12月1日(火)'],
      ['主催', '架空市社協'],
      ['地区', '東小学校区'],
      ['分類', '防災'],
    ]);
    expect(facts[0]?.values[0]?.datetime).toBe('2026-12-05T10:00+09:00');
    expect(facts[1]?.values[0]?.href).toBe('/places/kominkan/');
  });

  it("lists a salon's next dates from the build day, skipping holidays", () => {
    const salon = salonSchema.parse({
      id: 'hidamari',
      title: 'ひだまり',
      kind: 'salon',
      summary: 'お茶会',
      schedule: {
        frequency: 'weekly',
        weekdays: ['mon'],
        startTime: '10:00',
        endTime: '12:00',
        validFrom: '2026-09-01',
      },
      place: 'kominkan',
      districts: ['higashi'],
      categories: ['salon'],
      organizer: 'shakyo',
    });
    const next = factsFor('salons', salon, lookup, t, '2026-09-14').find((f) => f.label === '次の開催日');
    // 2026-09-21 is 敬老の日: the salon rests.
    expect(next?.values.map((v) => v.text)).toEqual([
      '2026年9月14日(月)',
      '2026年9月28日(月)',
      '2026年10月5日(月)',
      '2026年10月19日(月)',
    ]);
    expect(next?.values[0]?.datetime).toBe('2026-09-14T10:00+09:00');
  });
});
