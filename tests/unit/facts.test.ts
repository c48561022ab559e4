import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { formatPeriod } from '../../src/lib/facts.ts';
import { factsFor } from '../../src/kinds/index.ts';
import { eventSchema } from '../../src/schemas/event.ts';
import { salonSchema } from '../../src/schemas/salon.ts';
import { deskSchema } from '../../src/schemas/desk.ts';
import { recruitmentSchema } from '../../src/schemas/recruitment.ts';
import { organizationSchema } from '../../src/schemas/organization.ts';
import type { Fact } from '../../src/lib/facts.ts';

/** label → "text<href>" pairs, so a test sees both what is shown and where it links. */
const shown = (facts: Fact[]) =>
  Object.fromEntries(facts.map((f) => [f.label, f.values.map((v) => (v.href ? `${v.text}<${v.href}>` : v.text))]));

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

  it('makes phone numbers tappable and shows e-mail and website of a desk, with its place', () => {
    const desk = deskSchema.parse({
      id: 'hokatsu',
      name: '地域包括支援センター',
      helpsWith: ['介護'],
      hours: '平日 8:30〜17:15',
      phone: '0123-45-6789',
      email: 'hokatsu@example.jp',
      url: 'https://example.jp/hokatsu/',
      place: 'kominkan',
      categories: ['elderly'],
    });
    const facts = shown(factsFor('desks', desk, lookup, t, '2026-11-23'));
    expect(facts['電話']).toEqual(['0123-45-6789<tel:0123456789>']);
    expect(facts['メール']).toEqual(['hokatsu@example.jp<mailto:hokatsu@example.jp>']);
    expect(facts['ホームページ']).toEqual(['https://example.jp/hokatsu/<https://example.jp/hokatsu/>']);
    expect(facts['場所']).toEqual(['東公民館</places/kominkan/>']);
    expect(facts['住所']).toEqual(['架空市本町1-2-3']);
    expect(facts['交通']).toEqual(['市民バス「本町」下車 徒歩2分']);
    expect(facts['バリアフリー']).toEqual(['車いすで入れます', '入口にスロープ']);
    expect(facts['分類']).toEqual(['高齢者</categories/elderly/>']);
  });

  it('leaves out e-mail and website a desk does not have', () => {
    const desk = deskSchema.parse({
      id: 'd',
      name: '窓口',
      helpsWith: ['何でも'],
      hours: '平日',
      phone: '0123-45-6789',
      categories: ['elderly'],
    });
    const facts = shown(factsFor('desks', desk, lookup, t));
    expect(Object.keys(facts)).not.toContain('メール');
    expect(Object.keys(facts)).not.toContain('ホームページ');
    expect(Object.keys(facts)).not.toContain('住所');
  });

  it("shows a recruitment's place with address, access and barrier-free notes, and a tappable contact", () => {
    const recruitment = recruitmentSchema.parse({
      id: 'mimamori',
      title: '見守り訪問員を募集',
      role: '見守り訪問員',
      tasks: '月に1回訪ねます',
      frequency: '月1回',
      districts: ['higashi'],
      categories: ['watch'],
      place: 'kominkan',
      organizer: 'shakyo',
      howToApply: 'お電話ください',
      contact: '0123-45-0000',
    });
    const facts = shown(factsFor('recruitments', recruitment, lookup, t));
    expect(facts['活動場所']).toEqual(['東公民館</places/kominkan/>']);
    expect(facts['住所']).toEqual(['架空市本町1-2-3']);
    expect(facts['交通']).toEqual(['市民バス「本町」下車 徒歩2分']);
    expect(facts['バリアフリー']).toEqual(['車いすで入れます', '入口にスロープ']);
    expect(facts['問い合わせ']).toEqual(['0123-45-0000<tel:0123450000>']);
    expect(facts['分類']).toEqual(['見守り</categories/watch/>']);
  });

  it("links an organization's phone, e-mail and website", () => {
    const org = organizationSchema.parse({
      id: 'npo',
      name: 'NPO法人つなぐ手',
      kind: 'npo',
      phone: '0123-45-1111',
      email: 'info@example.jp',
      url: 'https://example.jp/',
    });
    const facts = shown(factsFor('organizations', org, lookup, t));
    expect(facts['電話']).toEqual(['0123-45-1111<tel:0123451111>']);
    expect(facts['メール']).toEqual(['info@example.jp<mailto:info@example.jp>']);
    expect(facts['ホームページ']).toEqual(['https://example.jp/<https://example.jp/>']);
  });

  it('weighs what an entry is about more in search', () => {
    const event = eventSchema.parse({
      id: 'e',
      title: '防災訓練',
      summary: '体験します',
      start: '2026-12-05T10:00',
      end: '2026-12-05T12:00',
      place: 'kominkan',
      districts: ['higashi'],
      categories: ['disaster'],
      organizer: 'shakyo',
    });
    const facts = factsFor('events', event, lookup, t);
    expect(facts.find((f) => f.label === '分類')?.weight).toBe(2);
    expect(facts.find((f) => f.label === '会場')?.weight).toBeUndefined();
  });
});
