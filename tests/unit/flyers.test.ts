/**
 * The pure parts of the flyers: Japanese line breaking, shrink-to-fit, the model derived from
 * an entry, the cache key, the paths and the list of current flyers.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { cacheKey } from '../../src/flyers/cache.ts';
import { flyersIn, listFlyers, isCurrentFlyer } from '../../src/flyers/list.ts';
import { buildFlyerModel, pointsFromBody, type FlyerContext } from '../../src/flyers/model.ts';
import { flyerPaths } from '../../src/flyers/paths.ts';
import { qrPath } from '../../src/flyers/qr.ts';
import { breakLines, fitText, type Measure } from '../../src/flyers/text.ts';
import { phrases } from '../../src/lib/phrases.ts';
import { eventSchema } from '../../src/schemas/event.ts';
import { salonSchema } from '../../src/schemas/salon.ts';

/** Full-width characters 1 em, ASCII half: close enough to BIZ UDPGothic to reason about. */
const measure: Measure = (text, size) => [...text].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0) * size;

describe('line breaking', () => {
  it('breaks at phrase boundaries, not inside words', () => {
    const lines = breakLines('公民館の和室でお茶を飲みながらおしゃべり。', { width: 11, fontSize: 1, measure });
    expect(lines).toEqual(['公民館の和室でお茶を', '飲みながらおしゃべり。']);
    for (const line of lines) expect(measure(line, 1, false)).toBeLessThanOrEqual(11);
  });

  it('never starts a line with 、。」 or a small kana, never ends one with 「', () => {
    const text = '「ひだまり」では、みんなでちょっとした体操をします。お茶もあります。';
    for (const width of [3, 4, 5, 6, 7, 9, 11]) {
      const lines = breakLines(text, { width, fontSize: 1, measure });
      expect(lines.join('')).toBe(text);
      for (const line of lines.slice(1))
        expect(line, `width ${width}: ${lines.join('|')}`).not.toMatch(/^[、。」ょっ]/);
      for (const line of lines.slice(0, -1)) expect(line, `width ${width}`).not.toMatch(/「$/);
    }
  });

  it('keeps a weekday with its date', () => {
    expect(phrases('2026年11月8日(日) 15:00').some((p) => p.includes('8日(日)'))).toBe(true);
  });

  it('wraps Latin text at spaces and cuts a long URL by characters', () => {
    const lines = breakLines('https://tsunagari.example.jp/recruitments/mimamori-homonin/', {
      width: 12,
      fontSize: 1,
      measure,
    });
    expect(lines.join('')).toBe('https://tsunagari.example.jp/recruitments/mimamori-homonin/');
    for (const line of lines) expect(measure(line, 1, false)).toBeLessThanOrEqual(12);
  });

  it('breaks only where it is told to: between dates, after each / of an address', () => {
    const units = ['次の開催日\u3000', '11月27日(金)・', '12月25日(金)・', '1月29日(金)'];
    const lines = breakLines(units.join(''), { width: 16, fontSize: 1, measure, units });
    expect(lines).toEqual(['次の開催日\u300011月27日(金)・', '12月25日(金)・1月29日(金)']);
  });

  it('keeps a date with its time and breaks a period after 〜', () => {
    const lines = breakLines('2027年2月19日(金) 10:00〜2027年2月21日(日) 15:00', { width: 14, fontSize: 1, measure });
    expect(lines).toEqual(['2027年2月19日(金) 10:00〜', '2027年2月21日(日) 15:00']);
  });

  it('does not cut NPO法 / 人 where the line could take the name whole', () => {
    const lines = breakLines('申し込みは12月12日までに、NPO法人つなぐ手みどり野へ。', {
      width: 18,
      fontSize: 1,
      measure,
    });
    expect(lines.some((l) => l.includes('NPO法人'))).toBe(true);
  });

  it('keeps explicit line breaks', () => {
    expect(breakLines('一行目\n二行目', { width: 100, fontSize: 1, measure })).toEqual(['一行目', '二行目']);
  });
});

describe('shrink to fit', () => {
  const options = { width: 300, fontSize: 40, minSize: 24, maxLines: 2, bold: true, measure };

  it('keeps the preferred size when the text fits', () => {
    expect(fitText('ひだまりサロン', options)).toEqual({ fontSize: 40, lines: ['ひだまりサロン'], overflow: false });
  });

  it('shrinks a long title until it fits its lines', () => {
    const fitted = fitText('みどり野ふれあい福祉まつり秋の大感謝祭', options);
    expect(fitted.overflow).toBe(false);
    expect(fitted.fontSize).toBeLessThan(40);
    expect(fitted.fontSize).toBeGreaterThanOrEqual(24);
    expect(fitted.lines.length).toBeLessThanOrEqual(2);
    for (const line of fitted.lines) expect(measure(line, fitted.fontSize, true)).toBeLessThanOrEqual(300);
  });

  // Large print: 539 px wide, 50 px down to 32 px, three lines.
  const large = { width: 539, fontSize: 50, minSize: 32, maxLines: 3, bold: true, measure };

  it('shrinks rather than cut a word between characters (ふれあいいきいきサロ / ン)', () => {
    expect(fitText('ふれあいいきいきサロン「ひだまり」', large)).toEqual({
      fontSize: 48,
      lines: ['ふれあいいきいきサロン', '「ひだまり」'],
      overflow: false,
    });
  });

  it('keeps a quoted name whole when a slightly smaller size allows it (「わた / したちの…」)', () => {
    const fitted = fitText('サロン作品展「わたしたちの手しごと」', large);
    expect(fitted.lines).toEqual(['サロン作品展', '「わたしたちの手しごと」']);
    expect(fitted.fontSize).toBeGreaterThanOrEqual(42);
  });

  it('keeps words BudouX cuts in two (まる / や商店前, 年末も / ちつき)', () => {
    expect(fitText('移動スーパー「みどり号」まるや商店前', large).lines).toEqual([
      '移動スーパー',
      '「みどり号」',
      'まるや商店前',
    ]);
    expect(
      fitText('移動スーパー「みどり号」まるや商店前', { ...large, width: 531, fontSize: 40, minSize: 24 }).lines,
    ).toEqual(['移動スーパー「みどり号」', 'まるや商店前']);
    expect(fitText('あさひ台 年末もちつき大会', large).lines).toEqual(['あさひ台', '年末もちつき大会']);
    // After a particle a new word starts: no glue there.
    expect(fitText('世界の家庭料理でおしゃべり会', { ...large, width: 400 }).lines).toEqual([
      '世界の家庭料理で',
      'おしゃべり会',
    ]);
  });

  it('starts a long quoted title on its own line rather than cut its first word', () => {
    const lines = fitText('見守り座談会「気になるあの人に、どう声をかける？」', large).lines;
    expect(lines[0]).toBe('見守り座談会');
    expect(lines[1]?.startsWith('「気になる')).toBe(true);
  });

  it('cuts between characters only when even the smallest size needs it, and says so', () => {
    const fitted = fitText('Tsunagari-Midorino-Volunteer-Recruitment-2026', { ...options, maxLines: 3 });
    expect(fitted.split).toBe(true);
    expect(fitted.overflow).toBe(false);
    expect(fitText('ひだまりサロン', options).split).toBeUndefined();
  });

  it('beyond the smallest size, cuts with … and reports the overflow', () => {
    const fitted = fitText('あ'.repeat(60), options);
    expect(fitted).toMatchObject({ fontSize: 24, overflow: true });
    expect(fitted.lines).toHaveLength(2);
    expect(fitted.lines[1]).toMatch(/…$/);
    for (const line of fitted.lines) expect(measure(line, 24, true)).toBeLessThanOrEqual(300);
  });
});

const context: FlyerContext = {
  lookup: new Map<string, Record<string, unknown>>([
    ['places/kominkan', { name: '東公民館', address: '架空市本町3-8-2' }],
    ['organizations/shakyo', { name: '社会福祉協議会' }],
    ['districts/higashi', { name: '東小学校区' }],
  ]),
  site: { url: 'https://example.jp/', siteName: 'つながり', publisher: '社協' },
  today: '2026-11-23',
  t,
};

const salon = salonSchema.parse({
  id: 'hidamari',
  title: 'ひだまりサロン',
  kind: 'salon',
  summary: 'お茶を飲みながらおしゃべり。',
  schedule: {
    frequency: 'monthly-weekday',
    weekdays: ['wed'],
    weeks: ['2'],
    startTime: '10:00',
    endTime: '12:00',
    validFrom: '2026-04-01',
  },
  place: 'kominkan',
  districts: ['higashi'],
  categories: ['salon'],
  organizer: 'shakyo',
});

const event = eventSchema.parse({
  id: 'mochitsuki',
  title: 'もちつき大会',
  summary: 'もちをつきます。',
  start: '2026-12-27T10:00',
  end: '2026-12-27T12:00',
  place: 'kominkan',
  districts: ['higashi'],
  categories: ['disaster'],
  organizer: 'shakyo',
  status: 'cancelled',
  statusNote: '中止します。',
  flyer: { template: 'bw', headline: '年末のおしらせ', points: ['つきたて'] },
});

describe('the flyer model', () => {
  it('derives defaults from the entry when there are no flyer settings', () => {
    const model = buildFlyerModel(
      { collection: 'salons', id: 'hidamari', data: salon, body: '- お茶\n- 体操\n' },
      context,
    );
    expect(model).toMatchObject({
      template: 'poster',
      theme: 'orange',
      headline: 'ふれあいサロン',
      catchCopy: 'お茶を飲みながらおしゃべり。',
      points: ['お茶', '体操'],
      when: '毎月第2水曜日 10:00〜12:00',
      nextDates: ['12月9日(水)', '1月13日(水)', '2月10日(水)'],
      url: 'https://example.jp/salons/hidamari/',
    });
    expect(model.facts[0]).toEqual({ key: 'where', label: '会場', value: '東公民館', note: '架空市本町3-8-2' });
    expect(model.stamp).toBeUndefined();
  });

  it('uses the volunteer settings and stamps a cancelled event 中止', () => {
    const model = buildFlyerModel({ collection: 'events', id: 'mochitsuki', data: event, body: '' }, context);
    expect(model).toMatchObject({
      template: 'bw',
      theme: 'blue',
      headline: '年末のおしらせ',
      points: ['つきたて'],
      stamp: '中止',
      statusNote: '中止します。',
      when: '2026年12月27日(日) 10:00〜12:00',
    });
  });

  it('takes points from the top-level bullets of the body, without markup, at most four', () => {
    expect(pointsFromBody('**見出し**\n\n- **豚汁**の販売\n- [体験](/x)\n  - 入れ子\n* 三\n+ 四\n- 五\n')).toEqual([
      '豚汁の販売',
      '体験',
      '三',
      '四',
    ]);
  });

  it('never prints what is inside an HTML comment as a point', () => {
    expect(pointsFromBody('- 持ち物<!-- 090-1234-5678 -->\n<!--\n- 合鍵は 1234\n-->\n- 上履き\n')).toEqual([
      '持ち物',
      '上履き',
    ]);
  });
});

describe('the cache key', () => {
  const model = buildFlyerModel({ collection: 'salons', id: 'hidamari', data: salon, body: '' }, context);
  const base = cacheKey({ model, fontsHash: 'f1' });

  it('is stable for the same inputs, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(model).reverse()) as typeof model;
    expect(cacheKey({ model: reordered, fontsHash: 'f1' })).toBe(base);
  });

  it('changes with the content, the fonts, the photo and the code version', () => {
    expect(cacheKey({ model: { ...model, title: 'ひだまり' }, fontsHash: 'f1' })).not.toBe(base);
    expect(cacheKey({ model: { ...model, nextDates: ['1月13日(水)'] }, fontsHash: 'f1' })).not.toBe(base);
    expect(cacheKey({ model, fontsHash: 'f2' })).not.toBe(base);
    expect(cacheKey({ model, fontsHash: 'f1', photoHash: 'p' })).not.toBe(base);
    expect(cacheKey({ model, fontsHash: 'f1', codeVersion: 'next' })).not.toBe(base);
  });
});

describe('paths and lists for the pages', () => {
  it('puts the three files under /flyers/<collection>/', () => {
    expect(flyerPaths('events', 'mochitsuki')).toMatchObject({
      pdf: '/flyers/events/mochitsuki.pdf',
      png: '/flyers/events/mochitsuki.png',
      og: '/flyers/events/mochitsuki-og.png',
    });
  });

  it('lists current flyers only: upcoming events, active salons, open recruitments', () => {
    const list = listFlyers(
      [
        {
          collection: 'events',
          id: 'past',
          data: { title: '済んだ会', start: '2026-10-01T10:00', end: '2026-10-01T12:00' },
        },
        { collection: 'events', id: 'mochitsuki', data: event },
        { collection: 'salons', id: 'hidamari', data: salon },
        { collection: 'salons', id: 'ended', data: { ...salon, status: 'ended' } },
        { collection: 'recruitments', id: 'closed', data: { title: '締切', status: 'closed' } },
        {
          collection: 'recruitments',
          id: 'open',
          data: { title: '募集', status: 'open', deadline: '2026-12-01', districts: [] },
        },
        { collection: 'reports', id: 'r', data: { title: '報告' } },
      ],
      '2026-11-23',
    );
    expect(list.map((f) => `${f.collection}/${f.id}`)).toEqual([
      'events/mochitsuki',
      'salons/hidamari',
      'recruitments/open',
    ]);
    expect(list[0]?.paths.pdf).toBe('/flyers/events/mochitsuki.pdf');
    expect(isCurrentFlyer('recruitments', { status: 'open', deadline: '2026-11-22' }, '2026-11-23')).toBe(false);
  });

  it('gives each district the flyers of entries that name it or a district inside it', () => {
    const list = listFlyers(
      [
        { collection: 'events', id: 'a', data: { ...event, districts: ['honcho'] } },
        { collection: 'salons', id: 'b', data: { ...salon, districts: ['wakaba', 'honcho'] } },
        { collection: 'recruitments', id: 'c', data: { title: '募集', status: 'open', districts: ['asahi'] } },
      ],
      '2026-11-23',
    );
    expect(list.map((f) => f.districts)).toEqual([['honcho'], ['wakaba', 'honcho'], ['asahi']]);
    expect(flyersIn(list, new Set(['honcho'])).map((f) => f.id)).toEqual(['a', 'b']);
    expect(flyersIn(list, new Set(['midori', 'asahi'])).map((f) => f.id)).toEqual(['c']);
    expect(flyersIn(list, new Set(['nowhere']))).toEqual([]);
  });
});

describe('the QR code', () => {
  it('is one path of whole modules with the three finder patterns', () => {
    const { modules, d } = qrPath('https://example.jp/salons/hidamari/');
    expect(modules).toBeGreaterThanOrEqual(25);
    expect(d).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    // The top-left finder pattern's first row is a run of 7 dark modules.
    expect(d.startsWith('M0 0h7v1h-7z')).toBe(true);
  });
});
