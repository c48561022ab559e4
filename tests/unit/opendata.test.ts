import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { t } from '../../src/i18n/index.ts';
import { toCsv } from '../../src/lib/opendata/csv.ts';
import { EVENT_COLUMNS, eventRows, salonRange } from '../../src/lib/opendata/events.ts';
import { checkDigit, isMunicipalCode } from '../../src/lib/opendata/municipal-code.ts';
import { PLACE_COLUMNS, placeRows } from '../../src/lib/opendata/places.ts';
import { eventSchema } from '../../src/schemas/event.ts';
import { placeSchema } from '../../src/schemas/place.ts';
import { salonSchema } from '../../src/schemas/salon.ts';
import { settingsSchema } from '../../src/schemas/settings.ts';

// Written out here rather than imported: the data set's list, as the issue quotes it.
const DATASET_HEADER =
  '都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,イベント名,イベント名_カナ,イベント名_英語,開始日,終了日,開始時間,終了時間,開始日時特記事項,説明,料金(基本),料金(詳細),連絡先名称,連絡先電話番号,連絡先内線番号,主催者,場所名称,住所,方書,緯度,経度,アクセス方法,駐車場情報,定員,参加申込終了日,参加申込終了時間,参加申込方法,URL,備考';

const site = { code: '999016', prefecture: '架空県', municipality: 'みどり野市', url: 'https://example.jp' };

const refs = new Map([
  [
    'places/kominkan',
    {
      title: '東公民館',
      href: '/places/kominkan/',
      data: {
        address: '架空市東町1-2',
        lat: 35.5,
        lng: 139.5,
        access: 'バス停から徒歩3分',
        barrierFree: { parking: true },
      },
    },
  ],
  [
    'organizations/shakyo',
    { title: 'みどり野市社協', href: '/organizations/shakyo/', data: { phone: '0000-12-3456' } },
  ],
]);

const event = (input: Record<string, unknown> = {}) =>
  eventSchema.parse({
    id: 'bosai',
    title: '防災訓練',
    summary: '体験します',
    start: '2026-12-05T10:00',
    end: '2026-12-05T12:00',
    place: 'kominkan',
    districts: ['higashi'],
    categories: ['disaster'],
    organizer: 'shakyo',
    ...input,
  });

const salon = (input: Record<string, unknown> = {}) =>
  salonSchema.parse({
    id: 'hidamari',
    title: 'ひだまりサロン',
    kind: 'salon',
    summary: 'お茶会',
    // 第2水曜; 2027-01-13 is skipped below.
    schedule: {
      frequency: 'monthly-weekday',
      weekdays: ['wed'],
      weeks: ['2'],
      startTime: '13:30',
      endTime: '15:00',
      validFrom: '2026-04-01',
      skip: ['2027-01-13'],
    },
    place: 'kominkan',
    districts: ['higashi'],
    categories: ['salon'],
    organizer: 'shakyo',
    fee: '100円（お茶代）',
    contact: '0000-99-0000',
    ...input,
  });

const column = (row: string[], name: (typeof EVENT_COLUMNS)[number]) => row[EVENT_COLUMNS.indexOf(name)];

describe('全国地方公共団体コード', () => {
  it('checks the check digit against real codes', () => {
    for (const code of ['011002', '130001', '131016', '110001', '090000', '271004'])
      expect(isMunicipalCode(code)).toBe(true);
    expect(isMunicipalCode('131017')).toBe(false);
    expect(isMunicipalCode('13101')).toBe(false);
    expect(checkDigit('99901')).toBe(6);
    expect(() => checkDigit('1310')).toThrow(RangeError);
  });

  it('is refused in the site settings with the digit it should end in', () => {
    const base = {
      siteName: 'テスト',
      town: '架空市',
      tagline: 'テスト',
      description: 'テスト用',
      url: 'https://example.jp',
      publisher: '架空市社協',
      phone: '0000-12-3456',
    };
    const result = settingsSchema.safeParse({ ...base, openData: { municipalityCode: '131017' } });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0] as { path: unknown[]; params?: { ja: string } } | undefined;
    expect(issue?.path).toEqual(['openData', 'municipalityCode']);
    expect(issue?.params?.ja).toContain('13101 なら最後は 6');
    // Unquoted in YAML a code is a number and loses its leading zero; the schema puts it back.
    const parsed = settingsSchema.parse({ ...base, openData: { municipalityCode: 11002 } });
    expect(parsed.openData).toEqual({
      municipalityCode: '011002',
      license: 'CC BY 4.0',
      licenseUrl: 'https://creativecommons.org/licenses/by/4.0/deed.ja',
    });
  });
});

describe('イベント一覧 CSV', () => {
  const rows = eventRows({
    site,
    events: [
      { id: 'bosai', data: event() },
      {
        id: 'mochi',
        data: event({
          title: 'もちつき',
          summary: '杵と臼で、"本物の"もちを,つきます\n雨天決行',
          start: '2026-12-27T10:00',
          end: '2026-12-27T12:00',
          status: 'cancelled',
          statusNote: '会場の工事のため',
          capacity: 30,
          application: { required: true, deadline: '2026-12-20' },
        }),
      },
    ],
    salons: [
      { id: 'hidamari', data: salon() },
      { id: 'yasumi', data: salon({ status: 'paused' }) },
    ],
    refs,
    today: '2026-12-01',
    t,
  });
  const csv = toCsv(EVENT_COLUMNS, rows);

  it('has exactly the data set header, after a BOM, with CRLF line ends', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe(DATASET_HEADER);
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false);
    // Bare LF only inside the quoted description.
    expect(csv.split('\r\n').length).toBe(rows.length + 2);
  });

  it('reads back with an independent parser, every row with the header’s column count, quotes and all', () => {
    const records = parse(csv, { bom: true, relax_column_count: false }) as string[][];
    expect(records[0]).toEqual(DATASET_HEADER.split(','));
    expect(records.slice(1)).toEqual(rows);
    for (const record of records) expect(record).toHaveLength(32);
    const mochi = records.find((r) => column(r, 'イベント名') === 'もちつき') ?? [];
    expect(column(mochi, '説明')).toBe('杵と臼で、"本物の"もちを,つきます\n雨天決行');
  });

  it('gives one row per event and per upcoming salon date (six months, お休み and paused salons left out)', () => {
    expect(salonRange('2026-12-01')).toEqual({ from: '2026-12-01', to: '2027-06-30' });
    const salonDates = rows.filter((r) => column(r, 'イベント名') === 'ひだまりサロン').map((r) => column(r, '開始日'));
    // 第2水曜 from December to June, without the skipped 2027-01-13.
    expect(salonDates).toEqual(['2026-12-09', '2027-02-10', '2027-03-10', '2027-04-14', '2027-05-12', '2027-06-09']);
    expect(rows.map((r) => column(r, 'NO'))).toContain('salons-hidamari-20261209');
    expect(rows).toHaveLength(2 + 6);
    // In date order.
    const starts = rows.map((r) => `${column(r, '開始日')}T${column(r, '開始時間')}`);
    expect(starts).toEqual([...starts].sort());
  });

  it('fills the columns from the entry, its place and organizer, in the data set’s formats', () => {
    const bosai = rows.find((r) => column(r, 'NO') === 'events-bosai') ?? [];
    expect(Object.fromEntries(EVENT_COLUMNS.map((c, i) => [c, bosai[i]]).filter(([, v]) => v !== ''))).toEqual({
      都道府県コード又は市区町村コード: '999016',
      NO: 'events-bosai',
      都道府県名: '架空県',
      市区町村名: 'みどり野市',
      イベント名: '防災訓練',
      開始日: '2026-12-05',
      終了日: '2026-12-05',
      開始時間: '10:00',
      終了時間: '12:00',
      説明: '体験します',
      '料金(基本)': '無料',
      '料金(詳細)': '無料',
      連絡先名称: 'みどり野市社協',
      連絡先電話番号: '0000-12-3456',
      主催者: 'みどり野市社協',
      場所名称: '東公民館',
      住所: '架空市東町1-2',
      緯度: '35.5',
      経度: '139.5',
      アクセス方法: 'バス停から徒歩3分',
      駐車場情報: '駐車場あり',
      URL: 'https://example.jp/events/bosai/',
    });
    const mochi = rows.find((r) => column(r, 'NO') === 'events-mochi') ?? [];
    expect(column(mochi, '開始日時特記事項')).toBe('中止：会場の工事のため');
    expect(column(mochi, '定員')).toBe('30');
    expect(column(mochi, '参加申込終了日')).toBe('2026-12-20');
    expect(column(mochi, '参加申込方法')).toBe('事前申し込みが必要');
    const first = rows.find((r) => column(r, 'NO') === 'salons-hidamari-20261209') ?? [];
    expect(column(first, '開始時間')).toBe('13:30');
    expect(column(first, '終了時間')).toBe('15:00');
    expect(column(first, '料金(基本)')).toBe('有料');
    expect(column(first, '連絡先電話番号')).toBe('0000-99-0000');
    expect(column(first, '開始日時特記事項')).toMatch(/^定期開催（.+）$/);
    expect(column(first, 'URL')).toBe('https://example.jp/salons/hidamari/');
  });

  it('leaves a column empty where the entry or what it refers to says nothing', () => {
    const [row = []] = eventRows({
      site: { ...site, code: '' },
      events: [
        { id: 'x', data: event({ place: 'nowhere', organizer: 'nobody', fee: '材料費のみ', status: 'postponed' }) },
      ],
      salons: [],
      refs: new Map([['places/bare', { title: '集会所', href: '/places/bare/', data: {} }]]),
      today: '2026-12-01',
      t,
    });
    for (const name of [
      '都道府県コード又は市区町村コード',
      '料金(基本)',
      '連絡先名称',
      '場所名称',
      '住所',
      '緯度',
      '駐車場情報',
    ] as const)
      expect(column(row, name), name).toBe('');
    expect(column(row, '料金(詳細)')).toBe('材料費のみ');
    expect(column(row, '開始日時特記事項')).toBe('延期');
  });

  it('refuses a row whose length differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow('CSV row 1 has 1 fields, the header 2');
  });
});

describe('公共施設一覧 CSV', () => {
  it('lists each place with its address, position and barrier-free facts', () => {
    const place = placeSchema.parse({
      id: 'kominkan',
      name: '東公民館',
      address: '架空市東町1-2',
      district: 'higashi',
      ibasho: true,
      barrierFree: { wheelchair: true, parking: true, notes: '入口に、段差があります' },
      lat: 35.5,
      lng: 139.5,
    });
    const bare = placeSchema.parse({ id: 'ba', name: '集会所', address: '架空市1', district: 'higashi' });
    const rows = placeRows(
      site,
      [
        { id: 'kominkan', data: place },
        { id: 'ba', data: bare },
      ],
      t,
    );
    // By id; a place that states nothing more leaves those columns empty.
    expect(rows.map((r) => r[1])).toEqual(['places-ba', 'places-kominkan']);
    expect(rows[0]?.filter(Boolean)).toEqual([
      '999016',
      'places-ba',
      '架空県',
      'みどり野市',
      '集会所',
      '架空市1',
      'https://example.jp/places/ba/',
    ]);
    const records = parse(toCsv(PLACE_COLUMNS, rows), { bom: true }) as string[][];
    expect(records[0]).toEqual([...PLACE_COLUMNS]);
    const row = Object.fromEntries(PLACE_COLUMNS.map((c, i) => [c, records[2]?.[i]]));
    expect(row).toMatchObject({
      都道府県コード又は市区町村コード: '999016',
      NO: 'places-kominkan',
      名称: '東公民館',
      住所: '架空市東町1-2',
      緯度: '35.5',
      経度: '139.5',
      説明: 'だれでも立ち寄れる居場所',
      バリアフリー情報: '車いすで入れる、駐車場あり、入口に、段差があります',
      URL: 'https://example.jp/places/kominkan/',
    });
  });
});
