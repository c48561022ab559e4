/**
 * 活動のまとめ (issue 18, item 2): the sums equal those computed by hand from the sample reports,
 * by district (with the districts inside it) and by month; every chart has its table.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTranslations } from '../../src/i18n/index.ts';
import { districtWithDescendants } from '../../src/lib/calendar.ts';
import {
  audienceTotals,
  fiscalYearOf,
  inDistricts,
  lastMonths,
  monthlyTotals,
  totalsOf,
  yearlyTotals,
  type CountedReport,
} from '../../src/lib/stats/activity.ts';
import { activitySummary, monthlyChart, summaryTable } from '../../src/lib/stats/summary.ts';
import { barChartSvg, chartKey } from '../../src/lib/stats/chart.ts';
import { AUDIENCES } from '../../src/schemas/vocabulary.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';

const t = useTranslations('ja');
const { entries } = validateContent(resolve(import.meta.dirname, '../..'));
// The ten sample reports the hand sums below were made from (another type's helper may add more).
const SAMPLE = [
  'fukushi-matsuri-2026-report',
  'hidamari-2026-11',
  'idohanbai-maruya-1year',
  'keiro-tsudoi-nishi-2026-report',
  'mimamori-zadankai-2026-10-report',
  'mogumogu-2026-11',
  'yasashii-nihongo-koza-2026-report',
  'hidamari-2026-10',
  'mogumogu-2026-10',
  'saimatsu-haishoku-nishi-2026-01',
];
const reports = (entries.get('reports') ?? [])
  .filter((e) => SAMPLE.includes(e.id))
  .map((e) => e.parsed as unknown as CountedReport);
const districts = (entries.get('districts') ?? []).map((e) => ({
  id: e.id,
  parent: (e.parsed as { parent?: string }).parent,
}));
const ofDistrict = (id: string) => inDistricts(reports, districtWithDescendants(districts, id));
const month = (rs: CountedReport[], m: string) => {
  const { reports: n, participants, volunteers, timesHeld } = totalsOf(rs.filter((r) => r.date.startsWith(m)));
  return [n, participants, volunteers, timesHeld];
};

describe('the sample reports added up by hand', () => {
  it('are all there', () => expect(reports).toHaveLength(SAMPLE.length));

  // [reports, participants, volunteers, times held]; 福祉まつり was held on 2 days and もぐもぐ's
  // October report covers 2 days, the others one each.
  it('for the whole town by month', () => {
    expect(month(reports, '2026-01')).toEqual([1, 82, 21, 1]);
    expect(month(reports, '2026-09')).toEqual([1, 98, 25, 1]);
    expect(month(reports, '2026-10')).toEqual([5, 18 + 27 + 35 + 22 + 88, 3 + 5 + 4 + 6 + 17, 6]);
    expect(month(reports, '2026-11')).toEqual([3, 850 + 24 + 46, 72 + 6 + 9, 4]);
  });

  it('for みどり野東小学校区 with 本町一丁目 and あさひ台', () => {
    const higashi = ofDistrict('midorino-higashi');
    expect(month(higashi, '2026-09')).toEqual([0, 0, 0, 0]);
    expect(month(higashi, '2026-10')).toEqual([3, 27 + 35 + 22, 5 + 4 + 6, 3]);
    expect(month(higashi, '2026-11')).toEqual([2, 850 + 24, 72 + 6, 3]);
  });

  it('for みどり野西小学校区 with 西町 and 川端', () => {
    const nishi = ofDistrict('midorino-nishi');
    expect(month(nishi, '2026-01')).toEqual([1, 82, 21, 1]);
    expect(month(nishi, '2026-09')).toEqual([1, 98, 25, 1]);
    expect(month(nishi, '2026-10')).toEqual([2, 35 + 88, 4 + 17, 3]);
    expect(month(nishi, '2026-11')).toEqual([2, 850 + 46, 72 + 9, 3]);
  });

  it('for 若葉小学校区 and for 西町町内会 alone', () => {
    expect(month(ofDistrict('wakaba'), '2026-10')).toEqual([2, 18 + 35, 3 + 4, 2]);
    expect(month(ofDistrict('wakaba'), '2026-11')).toEqual([1, 850, 72, 2]);
    expect(month(ofDistrict('nishimachi'), '2026-10')).toEqual([1, 88, 17, 2]);
    expect(month(ofDistrict('nishimachi'), '2026-11')).toEqual([1, 46, 9, 1]);
  });

  it('by fiscal year (April to March)', () => {
    expect(yearlyTotals(reports)).toEqual([
      { fiscalYear: 2025, reports: 1, participants: 82, volunteers: 21, timesHeld: 1 },
      { fiscalYear: 2026, reports: 9, participants: 98 + 190 + 920, volunteers: 25 + 35 + 87, timesHeld: 11 },
    ]);
  });

  it('by audience', () => {
    expect(audienceTotals(reports, AUDIENCES)).toEqual([
      { audience: 'elderly', count: 310 + 21 + 98 + 20 + 82 },
      { audience: 'children', count: 220 + 31 + 58 },
      { audience: 'parents', count: 12 + 24 },
      { audience: 'foreign', count: 6 },
      { audience: 'disability', count: 45 },
    ]);
  });
});

describe('months and fiscal years', () => {
  it('puts March in the year before and April in its own', () => {
    expect(fiscalYearOf('2027-03-31')).toBe(2026);
    expect(fiscalYearOf('2027-04-01')).toBe(2027);
  });
  it('counts 12 months back across the new year', () => {
    expect(lastMonths('2026-11-30')).toEqual({ from: '2025-12', to: '2026-11' });
    expect(lastMonths('2027-01-05', 3)).toEqual({ from: '2026-11', to: '2027-01' });
  });
  it('keeps months without reports as zeros', () => {
    const rows = monthlyTotals(reports, '2026-07', '2026-09');
    expect(rows.map((r) => [r.month, r.participants])).toEqual([
      ['2026-07', 0],
      ['2026-08', 0],
      ['2026-09', 98],
    ]);
  });
  it('counts a report without 開催回数 as once and without counts as nothing', () => {
    expect(totalsOf([{ date: '2026-05-01', districts: ['x'] }])).toEqual({
      reports: 1,
      timesHeld: 1,
      participants: 0,
      volunteers: 0,
    });
  });
});

describe('charts and their tables', () => {
  const summary = activitySummary(reports, '2026-11-30', t);

  it('give every chart a table with a row per bar group and the same numbers', () => {
    for (const chart of summary.charts) {
      expect(chart.svg, chart.table.id).toBeDefined();
      // One bar per series and row: participants and volunteers.
      expect(countTags(chart.svg ?? '', 'rect'), chart.table.id).toBe(chart.table.rows.length * 2);
      expect(chart.table.header).toHaveLength(5);
      for (const row of chart.table.rows) expect(row).toHaveLength(5);
    }
    const monthly = summaryTable(summary, 'monthly');
    expect(monthly.rows).toHaveLength(12);
    expect(monthly.rows[0]?.[0]).toBe('2025年12月');
    expect(monthly.rows.find((r) => r[0] === '2026年10月')).toEqual(['2026年10月', '190', '35', '6', '5']);
    expect(summaryTable(summary, 'yearly').rows).toEqual([
      ['2025年度', '82', '21', '1', '1'],
      ['2026年度', '1208', '147', '11', '9'],
    ]);
    expect(summaryTable(summary, 'audience').rows[0]).toEqual(['高齢の方', '531']);
  });

  it('draws the axes with Plot (ticks and a label), as SVG without script', () => {
    const svg = summary.charts[0]?.svg ?? '';
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('data-mark="x-axis tick"');
    expect(svg).not.toContain('aria-label=');
    expect(svg).toContain('2026年11月');
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });

  it('draws a chart once: a store given a chart drawn before is read, not drawn again', () => {
    const bars = [{ x: '2026年1月', series: '参加者', value: 7 }];
    const options = { domain: ['2026年1月'], series: [{ name: '参加者', colour: '#1d5e3a' }], unit: '人' };
    const written = new Map<string, string>();
    const store = {
      read: (key: string) => written.get(key),
      write: (key: string, svg: string) => written.set(key, svg),
    };
    const first = barChartSvg(bars, options, store);
    expect([...written.values()]).toEqual([first]);
    expect(barChartSvg(bars, options, store)).toBe(first);
    expect(written.size).toBe(1);
    // A later build (a chart this process has not drawn): what an earlier build kept is used as is.
    const other = [{ x: '2026年2月', series: '参加者', value: 3 }];
    const otherOptions = { ...options, domain: ['2026年2月'] };
    const kept = new Map([[chartKey(other, otherOptions), '<svg>kept</svg>']]);
    const fromStore = { read: (key: string) => kept.get(key), write: () => expect.unreachable('drawn again') };
    expect(barChartSvg(other, otherOptions, fromStore)).toBe('<svg>kept</svg>');
    // Another count is another chart.
    expect(chartKey(bars, options)).not.toBe(chartKey([{ ...bars[0]!, value: 8 }], options));
  });

  it('leaves out the picture when nothing was counted, keeping the table', () => {
    const chart = monthlyChart([], '2026-11-30', t);
    expect(chart.svg).toBeUndefined();
    expect(chart.table.rows).toHaveLength(12);
  });
});

/** Counts elements by tag name in an SVG string (enough for Plot's flat output). */
const countTags = (svg: string, tag: string): number => (svg.match(new RegExp(`<${tag}[\\s>/]`, 'g')) ?? []).length;
