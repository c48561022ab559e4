/**
 * 「わが家の防災メモ」's model (issue 17, item 2): a district's sheet takes its own shelters and
 * those of the districts inside it, never another district's; hazards with the same shelters
 * share a line; the 自主防災組織 of the district and of the districts it belongs to; the
 * numbers 119, 110, 171 before the town's; and where each sheet is published.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import {
  bosaiMemo,
  bosaiMemoPdfPath,
  bosaiMemos,
  shareLines,
  shortenings,
  type BosaiMemoSources,
} from '../../src/lib/bosai-memo.ts';
import type { Shelter } from '../../src/schemas/shelter.ts';

const shelter = (hazards: Shelter['hazards']): Shelter => ({ types: ['shelter'], hazards, pets: false });

const sources: BosaiMemoSources = {
  districts: [
    { id: 'higashi', name: '東小学校区' },
    { id: 'higashi-1', name: '東一丁目', parent: 'higashi' },
    { id: 'nishi', name: '西地区' },
  ],
  places: [
    { id: 'gym', data: { name: '東小学校 体育館', district: 'higashi', shelter: shelter(['flood', 'earthquake']) } },
    { id: 'hall', data: { name: '東一丁目集会所', district: 'higashi-1', shelter: shelter(['earthquake']) } },
    { id: 'park', data: { name: '東公園', district: 'higashi-1', shelter: shelter(['fire']) } },
    { id: 'nishi-hall', data: { name: '西会館', district: 'nishi', shelter: shelter(['flood']) } },
    { id: 'cafe', data: { name: 'えんがわ', district: 'higashi' } },
  ],
  organizations: [
    { id: 'h', data: { name: '東自主防災会', kind: 'bosai', districts: ['higashi'], phone: '0000-11-2222' } },
    { id: 'n', data: { name: '西自主防災会', kind: 'bosai', districts: ['nishi'] } },
    { id: 'salon', data: { name: '東サロンの会', kind: 'volunteer', districts: ['higashi'] } },
  ],
  townNumbers: [{ label: '市役所 危機管理課', phone: '0000-12-1120' }],
  supportDesk: '市役所 福祉課',
  supportPhone: '0000-12-1150',
  townName: '架空市',
  siteUrl: 'https://example.jp/',
  today: '2026-11-23',
};

describe('bosaiMemo', () => {
  it("lists a district's shelters with those of the districts inside it, by hazard, and not another's", () => {
    const memo = bosaiMemo(sources, t, 'higashi');
    expect(memo.area).toBe('東小学校区');
    expect(memo.districtId).toBe('higashi');
    expect(memo.pageUrl).toBe('https://example.jp/bosai/higashi/');
    expect(memo.shelters).toEqual([
      { hazards: ['洪水'], names: ['東小学校 体育館'] },
      { hazards: ['地震'], names: ['東一丁目集会所', '東小学校 体育館'] },
      { hazards: ['大きな火事'], names: ['東公園'] },
    ]);
    expect(JSON.stringify(memo)).not.toContain('西会館');
  });

  it('takes the 自主防災組織 of the district and of the district it belongs to, with their phones', () => {
    expect(bosaiMemo(sources, t, 'higashi-1').organizations).toEqual([{ name: '東自主防災会', phone: '0000-11-2222' }]);
    expect(bosaiMemo(sources, t, 'nishi').organizations).toEqual([{ name: '西自主防災会' }]);
  });

  it("puts 119, 110 and 171 before the town's own numbers, and the registration desk", () => {
    const memo = bosaiMemo(sources, t, 'nishi');
    expect(memo.numbers.map((n) => n.phone)).toEqual(['119', '110', '171', '0000-12-1120']);
    expect(memo.supportDesk).toBe('市役所 福祉課');
    expect(memo.supportPhone).toBe('0000-12-1150');
  });

  it("makes the town's sheet first with every shelter, then one per district", () => {
    const memos = bosaiMemos(sources, t);
    expect(memos.map((m) => m.districtId)).toEqual([undefined, 'higashi', 'higashi-1', 'nishi']);
    const town = memos[0];
    expect(town?.area).toBe('架空市');
    expect(town?.pageUrl).toBe('https://example.jp/bosai/');
    expect(town?.shelters.flatMap((s) => s.names)).toContain('西会館');
    expect(town?.organizations).toHaveLength(2);
  });

  it('refuses a district that does not exist', () => {
    expect(() => bosaiMemo(sources, t, 'minami')).toThrow('no district minami');
  });

  it('leaves the desk out when the settings have none', () => {
    const memo = bosaiMemo({ ...sources, supportDesk: undefined, supportPhone: undefined }, t);
    expect(memo).not.toHaveProperty('supportDesk');
    expect(memo).not.toHaveProperty('supportPhone');
  });
});

describe('shareLines', () => {
  it('puts hazards with the same shelters on one line, in the order each list first comes', () => {
    expect(
      shareLines([
        { hazard: '洪水', names: ['A'] },
        { hazard: '地震', names: ['A', 'B'] },
        { hazard: '内水氾濫', names: ['A'] },
      ]),
    ).toEqual([
      { hazards: ['洪水', '内水氾濫'], names: ['A'] },
      { hazards: ['地震'], names: ['A', 'B'] },
    ]);
  });
});

describe('shortenings', () => {
  it('leaves the organizations to the page first, then the shelters too, counting each shelter once', () => {
    const town = bosaiMemo(sources, t);
    const [whole, noOrganizations, neither, ...rest] = shortenings(town);
    expect(rest).toEqual([]);
    expect(whole).toBe(town);
    expect(noOrganizations).toMatchObject({ organizations: [], elsewhere: { organizations: 2 } });
    expect(noOrganizations?.shelters).toEqual(town.shelters);
    // 東小学校 体育館 serves two hazards (two lines) but is one shelter: four in all.
    expect(neither).toMatchObject({ shelters: [], organizations: [], elsewhere: { organizations: 2, shelters: 4 } });
    // What the sheet keeps either way.
    expect(neither?.numbers).toEqual(town.numbers);
    expect(neither?.supportDesk).toBe('市役所 福祉課');
  });

  it('has nothing to leave out of a sheet without lists', () => {
    const bare = bosaiMemo({ ...sources, places: [], organizations: [] }, t);
    expect(shortenings(bare)).toEqual([bare]);
    const onlyShelters = bosaiMemo({ ...sources, organizations: [] }, t, 'nishi');
    expect(shortenings(onlyShelters).map((m) => m.elsewhere)).toEqual([undefined, { shelters: 1 }]);
  });
});

describe('bosaiMemoPdfPath', () => {
  it("puts a district's sheet in its 防災 page's folder and the town's beside /bosai/", () => {
    expect(bosaiMemoPdfPath('higashi')).toBe('/bosai/higashi/bosai-memo.pdf');
    expect(bosaiMemoPdfPath()).toBe('/bosai/bosai-memo.pdf');
  });
});
