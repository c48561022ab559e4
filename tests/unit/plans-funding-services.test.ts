/**
 * Issue 18: district plans (小地域福祉活動計画), grants (助成金・交付金) and local help services
 * (まちともサービス) — the pure plan logic, each kind's parts, and every new field's message as a
 * volunteer reads it (file, field, value, fix; Japanese first).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { factsFor, kinds, referrersOf } from '../../src/kinds/index.ts';
import { entryLookup } from '../../src/lib/entries.ts';
import { compareFunding } from '../../src/kinds/funding.ts';
import { districtPlanHref, progressText } from '../../src/kinds/plan.ts';
import { serviceFee, serviceHelps } from '../../src/kinds/service.ts';
import {
  countProgress,
  currentPlan,
  fiscalMonthIndex,
  fiscalYearOf,
  planProgress,
  planYears,
  progressShares,
  scheduleInFiscalOrder,
  shownYear,
  statusIn,
} from '../../src/lib/plans.ts';
import { searchDocument, searchFilters } from '../../src/lib/search/document.ts';
import { formatProblem } from '../../src/lib/validation/messages.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import type { Funding } from '../../src/schemas/funding.ts';
import type { Plan } from '../../src/schemas/plan.ts';
import type { Service } from '../../src/schemas/service.ts';
import { fixtureCopy, removeFixtureCopies } from '../helpers/fixture.ts';

afterEach(removeFixtureCopies);

const SAMPLES = resolve(import.meta.dirname, '../fixtures/issue18');
const sample = (name: string) => readFileSync(join(SAMPLES, name), 'utf8');
const PLAN = 'content/plans/higashi-plan.ja.md';
const FUNDING = 'content/funding/kyodo-bokin-2027.ja.md';
const SERVICE = 'content/services/machitomo-higashi.ja.md';

function edited(name: string, from: string, to: string): string {
  const text = sample(name);
  if (!text.includes(from)) throw new Error(`${name} does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}
const validate = (files: Record<string, string>) => validateContent(fixtureCopy(files));
const problemsOf = (files: Record<string, string>) => validate(files).problems.map(formatProblem);

/** The three samples as the validator parses them (defaults filled in). */
function parsedSamples(): { plan: Plan; funding: Funding; service: Service } {
  const result = validate({
    [PLAN]: sample('plan.ja.md'),
    [FUNDING]: sample('funding.ja.md'),
    [SERVICE]: sample('service.ja.md'),
  });
  expect(result.problems).toEqual([]);
  const one = (collection: string) => result.entries.get(collection)?.[0]?.parsed;
  return { plan: one('plans') as Plan, funding: one('funding') as Funding, service: one('services') as Service };
}

describe('plan logic (src/lib/plans.ts)', () => {
  it('reads the fiscal year from April to March in Japan dates', () => {
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearOf('2027-03-31')).toBe(2026);
    expect(fiscalYearOf('2026-11-24')).toBe(2026);
    expect(fiscalYearOf('2027-01-10')).toBe(2026);
  });

  it("shows this year's progress while the plan runs, its first or last year outside it", () => {
    const plan = { startYear: 2024, endYear: 2028 };
    expect(planYears(plan)).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(shownYear(plan, '2026-11-24')).toBe(2026);
    expect(shownYear(plan, '2023-05-01')).toBe(2024);
    expect(shownYear(plan, '2030-05-01')).toBe(2028);
  });

  it('counts each action by the status written for the year, never carrying an earlier one over', () => {
    const actions = [
      { progress: [{ year: 2025, status: 'achieved' as const }] },
      { progress: [{ year: 2026, status: 'in-progress' as const }] },
      { progress: [{ year: 2026, status: 'achieved' as const }] },
      { progress: [] },
    ];
    expect(statusIn(actions[0]!, 2026)).toBe('unrecorded');
    expect(countProgress(actions, 2026)).toEqual({
      achieved: 1,
      'in-progress': 1,
      'not-started': 0,
      unrecorded: 2,
      total: 4,
    });
    expect(progressText(countProgress(actions, 2026), t)).toBe('達成 1・進行中 1・未記入 2（全4件）');
  });

  it('gives the bar one segment per state present, in percent that fill it', () => {
    const thirds = { achieved: 1, 'in-progress': 1, 'not-started': 1, unrecorded: 0, total: 3 };
    const shares = progressShares(thirds);
    expect(shares.map((s) => s.state)).toEqual(['achieved', 'in-progress', 'not-started']);
    expect(shares.map((s) => s.percent)).toEqual([33.3, 33.3, 33.4]);
    expect(progressShares({ achieved: 0, 'in-progress': 0, 'not-started': 0, unrecorded: 0, total: 0 })).toEqual([]);
  });

  it('orders the yearly schedule from April to March, keeping the written order within a month', () => {
    expect([4, 12, 1, 3].map(fiscalMonthIndex)).toEqual([0, 8, 9, 11]);
    const schedule = [
      { month: 1, title: '新年会' },
      { month: 12, title: '防災訓練' },
      { month: 4, title: '総会' },
      { month: 12, title: 'もちつき' },
    ];
    expect(scheduleInFiscalOrder(schedule).map((s) => s.title)).toEqual(['総会', '防災訓練', 'もちつき', '新年会']);
  });

  it("picks a district's current plan, else the latest ended one, else the first to come", () => {
    const plan = (id: string, startYear: number, endYear: number) => ({ id, data: { startYear, endYear } });
    const first = plan('first', 2019, 2023);
    const second = plan('second', 2024, 2028);
    const third = plan('third', 2029, 2033);
    expect(currentPlan([first, second, third], '2026-11-24')?.id).toBe('second');
    expect(currentPlan([first, third], '2026-11-24')?.id).toBe('first');
    expect(currentPlan([third], '2026-11-24')?.id).toBe('third');
    expect(currentPlan([], '2026-11-24')).toBeUndefined();
  });
});

describe('the plan, funding and service kinds', () => {
  const lookup = new Map([
    ['districts/higashi', { title: '東小学校区', href: '/districts/higashi/' }],
    ['organizations/shakyo', { title: '架空市社協', href: '/organizations/shakyo/' }],
  ]);
  const texts = (facts: ReturnType<typeof factsFor>) =>
    facts.map((f) => [f.label, f.values.map((v) => v.text).join('、')]);

  it("lists a plan's district, period, goals and this year's progress, and links the district's plan page", () => {
    const { plan } = parsedSamples();
    expect(texts(factsFor('plans', plan, lookup, t, '2025-06-01'))).toEqual([
      ['地区', '東小学校区'],
      ['期間', '2024〜2028年度'],
      ['計画をつくった団体', '架空市社協'],
      ['目標', '知り合い助け合える人づくり'],
      ['主な取り組み', 'ひとり暮らし高齢者の見守り訪問、見守りの研修'],
      ['進み具合', '2025年度 達成 1・未着手 1（全2件）'],
    ]);
    // Progress changes through the year: left out of search.
    expect(factsFor('plans', plan, lookup, t, '2025-06-01').at(-1)?.indexed).toBe(false);
    expect(planProgress(plan, 2024).goals[0]?.count).toMatchObject({ 'in-progress': 1, unrecorded: 1, total: 2 });
    expect(kinds.plans.listLine({ id: 'higashi-plan', data: plan }, t, '2025-06-01')).toEqual({
      href: '/plans/higashi-plan/',
      title: '東地区 小地域福祉活動計画',
      meta: '2024〜2028年度・目標1つ・取り組み2件',
    });
    expect(kinds.plans.links({ id: 'higashi-plan', data: plan }, t)).toEqual([
      { href: districtPlanHref('higashi'), title: t('plan.fullPage') },
    ]);
    expect(districtPlanHref('higashi')).toBe('/area/higashi/plan/');
    expect(kinds.plans.districts(plan, new Map())).toEqual(['higashi']);
    expect(kinds.plans.searchDate(plan)).toBe('2024-04-01');
    expect(['2024-03-31', '2024-04-01', '2029-03-31', '2029-04-01'].map((d) => kinds.plans.lifecycle(plan, d))).toEqual(
      ['upcoming', 'current', 'current', 'past'],
    );
  });

  it("leads a report's page to the plan whose action it advanced", () => {
    const { plan } = parsedSamples();
    const lookup = entryLookup([
      { collection: 'plans', id: 'higashi-plan', data: plan as unknown as Record<string, unknown> },
      { collection: 'salons', id: 'hidamari', data: { title: 'ひだまり', place: 'kominkan' } },
    ]);
    const referrers = referrersOf('reports', 'hidamari-2026-11', lookup, '2026-11-24');
    expect(referrers.map((r) => r.href)).toEqual(['/plans/higashi-plan/']);
    const report = { id: 'hidamari-2026-11', data: {} as never };
    expect(kinds.reports.links(report, t, { referrers })).toEqual([
      { href: '/plans/higashi-plan/', title: 'この活動が進めた計画: 東地区 小地域福祉活動計画' },
    ]);
    // Only plans: a report named by something else (a newsletter) is not "advanced" by it.
    expect(kinds.reports.links(report, t, { referrers: [{ ...referrers[0]!, collection: 'newsletters' }] })).toEqual(
      [],
    );
    expect(kinds.reports.links(report, t)).toEqual([]);
    // Once the plan has ended, its report no longer points to it.
    expect(referrersOf('reports', 'hidamari-2026-11', lookup, '2029-04-01')).toEqual([]);
  });

  it('lists grants open soonest deadline first, undated (随時) after them, and the past ones below', () => {
    const { funding } = parsedSamples();
    const entry = (id: string, data: Partial<Funding>) => ({ id, data: { ...funding, ...data } });
    const list = [
      entry('later', { title: 'あと', deadline: '2027-02-01' }),
      entry('anytime', { title: '随時', deadline: undefined }),
      entry('sooner', { title: 'さき', deadline: '2026-12-01' }),
      entry('expired', { title: 'きのう', deadline: '2026-11-23' }),
      entry('closed', { title: '予算終了', deadline: '2027-03-01', status: 'closed' }),
    ];
    const order = kinds.funding.index(list, '2026-11-24', t);
    expect('sections' in order && order.sections.map((s) => [s.title, s.entries.map((e) => e.id)])).toEqual([
      ['受け付け中', ['sooner', 'later', 'anytime']],
      // Past ones below their own heading, the latest deadline first, so their pages stay linked.
      ['締め切りを過ぎたもの', ['closed', 'expired']],
    ]);
    const none = kinds.funding.index([], '2026-11-24', t);
    expect('sections' in none && none.sections).toEqual([]);
    // The same order as recruitments, closed ones last, when a list keeps them.
    expect([...list].sort(compareFunding('2026-11-24')).map((e) => e.id)).toEqual([
      'sooner',
      'later',
      'anytime',
      'closed',
      'expired',
    ]);
    expect(kinds.funding.lifecycle(funding, '2027-01-31')).toBe('current');
    expect(kinds.funding.lifecycle(funding, '2027-02-01')).toBe('past');
    expect(kinds.funding.listLine({ id: 'k', data: funding }, t, '2026-11-24')).toEqual({
      ends: '2027-01-31T23:59:59+09:00',
      href: '/funding/k/',
      title: '共同募金 地域福祉活動助成金',
      meta: '架空市共同募金委員会 1団体あたり上限10万円 締め切り 2027年1月31日(日)',
    });
    const undated = { ...funding, deadline: undefined };
    expect(kinds.funding.listLine({ id: 'k', data: undated }, t, '')).not.toHaveProperty('ends');
    expect(texts(factsFor('funding', undated, lookup, t))).toContainEqual(['締め切り', '随時受け付け']);
    expect(texts(factsFor('funding', funding, lookup, t)).slice(0, 4)).toEqual([
      ['状況', '募集中'],
      ['実施する団体', '架空市共同募金委員会'],
      ['金額', '1団体あたり上限10万円'],
      ['応募できる団体', '市内で見守りやサロンを行う住民グループ'],
    ]);
    expect(kinds.funding.districts(funding, new Map())).toEqual([]);
  });

  it('says what a service helps with, what it costs and whom to call; lists it under each thing it helps with', () => {
    const { service } = parsedSamples();
    expect(serviceHelps({ helpsWith: ['garbage', 'other'], otherHelp: ['網戸の張り替え'] }, t)).toEqual([
      'ごみ出し',
      '網戸の張り替え',
    ]);
    expect(serviceFee({ feeType: 'free' }, t)).toBe('無料');
    expect(serviceFee(service, t)).toBe('1回ごと（1回300円（30分まで））');
    const facts = factsFor('services', service, lookup, t);
    expect(texts(facts).slice(0, 3)).toEqual([
      ['手伝えること', 'ごみ出し、電球交換などの簡単な作業'],
      ['料金', '1回ごと（1回300円（30分まで））'],
      ['利用できる方', '地区に住む65歳以上の方'],
    ]);
    // What it helps with is what residents type into search.
    expect(facts[0]?.weight).toBeGreaterThan(1);
    expect(facts.find((f) => f.label === '問い合わせ')?.values[0]?.href).toBe('tel:0123456789');
    expect(kinds.services.districts(service, new Map())).toEqual(['higashi']);
    // Search: filtered by what it helps with and where, and found by those words.
    expect(searchFilters('services', service, ['東小学校区'], t)).toEqual({
      種類: ['住民の助け合いサービス'],
      分類: ['高齢者'],
      地区: ['東小学校区'],
      手伝えること: ['ごみ出し', '電球交換などの簡単な作業'],
    });
    const { url, html } = searchDocument(
      {
        collection: 'services',
        id: 'machitomo-higashi',
        title: service.name,
        data: service as unknown as Record<string, unknown>,
        facts,
        districts: ['東小学校区'],
        bodyHtml: '',
      },
      t,
    );
    expect(url).toBe('/services/machitomo-higashi/');
    expect(html).toContain('ごみ出し');
    const order = kinds.services.index([{ id: 'm', data: service }], '', t);
    expect('sections' in order && order.sections.map((s) => [s.title, s.entries.map((e) => e.id)])).toEqual([
      ['ごみ出し', ['m']],
      ['電球交換などの簡単な作業', ['m']],
    ]);
  });
});

describe('new fields are refused with the file, the field, the value and the fix', () => {
  it('accepts the samples as written', () => {
    parsedSamples();
  });

  const cases: { name: string; files: Record<string, string>; expected: string[] }[] = [
    {
      name: 'a plan status that is not one of 未着手 / 進行中 / 達成',
      files: { [PLAN]: edited('plan.ja.md', 'status: achieved', 'status: 完了') },
      expected: [
        'content/plans/higashi-plan.ja.md: goals[1].actions[1].progress[2].status（進み具合）: 「完了」 — 選べる値ではありません。次のどれかにしてください: not-started（未着手）、in-progress（進行中）、achieved（達成）。 / not an allowed value; use one of: not-started, in-progress, achieved.',
      ],
    },
    {
      name: 'a progress year outside the plan period',
      files: {
        [PLAN]: edited(
          'plan.ja.md',
          'year: 2025\n            status: achieved',
          'year: 2030\n            status: achieved',
        ),
      },
      expected: [
        'content/plans/higashi-plan.ja.md: goals[1].actions[1].progress[2].year（年度）: 「2030」 — 「ひとり暮らし高齢者の見守り訪問」の進み具合の年度（2030年度）が、計画の期間（2024〜2028年度）の外です。期間内の年度にしてください。 / the progress year 2030 of "ひとり暮らし高齢者の見守り訪問" is outside the plan\'s period 2024–2028; use a year within it.',
      ],
    },
    {
      name: 'two statuses for one year',
      files: {
        [PLAN]: edited(
          'plan.ja.md',
          'year: 2025\n            status: achieved',
          'year: 2024\n            status: achieved',
        ),
      },
      expected: [
        'content/plans/higashi-plan.ja.md: goals[1].actions[1].progress[2].year（年度）: 「2024」 — 「ひとり暮らし高齢者の見守り訪問」の2024年度の進み具合が2つあります。1つにまとめてください。 / "ひとり暮らし高齢者の見守り訪問" has two statuses for 2024; keep one.',
      ],
    },
    {
      name: 'a period that ends before it starts',
      files: { [PLAN]: edited('plan.ja.md', 'endYear: 2028', 'endYear: 2023') },
      expected: [
        'content/plans/higashi-plan.ja.md: endYear（期間（おわりの年度））: 「2023」 — おわりの年度（2023年度）が、はじめの年度（2024年度）より前です。2024以降の年度にしてください。 / the last fiscal year 2023 is before the first 2024; use 2024 or later.',
      ],
    },
    {
      name: 'a period written in 和暦 instead of a 4-digit year',
      files: { [PLAN]: edited('plan.ja.md', 'startYear: 2024', 'startYear: 令和6') },
      expected: [
        'content/plans/higashi-plan.ja.md: startYear（期間（はじめの年度））: 「令和6」 — 数字で書いてください。年度を西暦4桁の数字で書いてください（例: 2026 は 2026年度＝2026年4月〜2027年3月）。 / expected a number; write the fiscal year as a 4-digit number (e.g. 2026 for April 2026 – March 2027).',
      ],
    },
    {
      name: 'a schedule item in a month that does not exist',
      files: { [PLAN]: edited('plan.ja.md', 'month: 12', 'month: 13') },
      expected: [
        'content/plans/higashi-plan.ja.md: schedule[1].month（月）: 「13」 — 12以下にしてください。 / must be at most 12.',
      ],
    },
    {
      name: 'a plan action linked to a report that does not exist',
      files: { [PLAN]: edited('plan.ja.md', '- hidamari-2026-11', '- hidamari-2099-01') },
      expected: [
        'content/plans/higashi-plan.ja.md: goals[1].actions[1].reports[1]（この取り組みを進めた活動報告）: 「hidamari-2099-01」 — 「活動報告」にこのIDはありません。content/reports/ にあるファイル名（.ja.md を除いた部分）から選ぶか、先にその活動報告を作ってください。 / no entry with this id in reports; use the name of a file in content/reports/ (without .ja.md) or create it first.',
      ],
    },
    {
      name: 'a funding deadline that is not a date',
      files: { [FUNDING]: edited('funding.ja.md', "deadline: '2027-01-31'", 'deadline: 1月末') },
      expected: [
        'content/funding/kyodo-bokin-2027.ja.md: deadline（締め切り）: 「1月末」 — 書き方が違います。年-月-日 の形で書いてください（例: 2026-12-05）。 / wrong format; write it as YYYY-MM-DD (e.g. 2026-12-05).',
      ],
    },
    {
      name: 'a funding link that is not a web address',
      files: { [FUNDING]: edited('funding.ja.md', 'categories:', 'url: www.example.jp\ncategories:') },
      expected: [
        'content/funding/kyodo-bokin-2027.ja.md: url（詳しい案内（募集要項））: 「www.example.jp」 — 書き方が違います。http:// か https:// で始まるアドレスを書いてください。 / wrong format; write an address starting with http:// or https://.',
      ],
    },
    {
      name: 'a paid service without its fee',
      files: { [SERVICE]: edited('service.ja.md', 'fee: 1回300円（30分まで）\n', '') },
      expected: [
        'content/services/machitomo-higashi.ja.md: fee（料金）: 料金の種類が「1回ごとに払う」なのに、料金が書かれていません。金額を書いてください（例: 1回300円）。 / the fee type is per-use but no fee is given; write the amount (e.g. 1回300円).',
      ],
    },
    {
      name: 'a service help that is not in the list',
      files: { [SERVICE]: edited('service.ja.md', '  - light-bulb', '  - 電球交換') },
      expected: [
        'content/services/machitomo-higashi.ja.md: helpsWith[2]（手伝えること）: 「電球交換」 — 選べる値ではありません。次のどれかにしてください: garbage（ごみ出し）、shopping（買い物・買い物代行）、hospital（通院の付き添い・送迎）、light-bulb（電球交換などの簡単な作業）、chat（話し相手）、cleaning（掃除・片付け）、garden（草取り・庭の手入れ）、cooking（食事づくり・配食）、paperwork（書類の読み書き・手続き）、childcare（子どもの預かり・送り迎え）、other（その他）。 / not an allowed value; use one of: garbage, shopping, hospital, light-bulb, chat, cleaning, garden, cooking, paperwork, childcare, other.',
      ],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const problems = problemsOf({
        [PLAN]: sample('plan.ja.md'),
        [FUNDING]: sample('funding.ja.md'),
        [SERVICE]: sample('service.ja.md'),
        ...c.files,
      });
      expect(problems).toEqual(c.expected);
    });
});
