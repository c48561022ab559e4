import { z } from 'astro/zod';
import { YEAR_RANGE } from '../lib/dates.ts';
import { defineContentType } from './define.ts';
import {
  bilingualIssue,
  choiceField,
  choicesField,
  idField,
  lineText,
  longTextField,
  meta,
  refField,
  refListField,
  sdgsField,
  textField,
  translatable,
} from './fields.ts';

/** 未着手 / 進行中 / 達成: where an action stands at the end of (or during) a fiscal year. */
export const PLAN_STATUSES = ['not-started', 'in-progress', 'achieved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * When an action happens, as the seeds' 年次計画 write it: all year, a quarter of the fiscal
 * year (April first) or a month, in fiscal order.
 */
export const PLAN_TIMINGS = [
  'year-round',
  'q1',
  'q2',
  'q3',
  'q4',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
  '1',
  '2',
  '3',
] as const;
export type PlanTiming = (typeof PLAN_TIMINGS)[number];

/** A plan covers at most this many fiscal years: the seeds' plans run five years, some ten. */
export const PLAN_MAX_YEARS = 10;

/** A fiscal year (年度) as volunteers write it: 2026 for 2026年度 (April 2026 – March 2027). */
const fiscalYear = (label: string, hint: string) =>
  meta(z.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max), {
    label,
    hint,
    widget: 'number',
    format: {
      ja: `年度を西暦4桁の数字で書いてください（例: 2026 は 2026年度＝2026年4月〜2027年3月）`,
      en: 'write the fiscal year as a 4-digit number (e.g. 2026 for April 2026 – March 2027)',
    },
    cms: { value_type: 'int', min: YEAR_RANGE.min, max: YEAR_RANGE.max },
  });

const progressSchema = z.strictObject({
  /** The fiscal year this status is for. */
  year: fiscalYear('年度', '例: 2026（2026年度）'),
  /** 未着手 / 進行中 / 達成. */
  status: choiceField(PLAN_STATUSES, 'planStatus', '進み具合'),
  /** What was done or is planned that year: 現状把握, 講座内容の検討, チラシの作成. */
  note: meta(lineText().optional(), { label: 'この年度にしたこと', hint: '例: 講座内容の検討、チラシの作成' }),
});

const actionSchema = z.strictObject({
  /** 取組事業: what is done. */
  what: textField('取り組み', '例: ひとり暮らし高齢者の見守り訪問'),
  /** Who does it: 民生委員と福祉委員, 地区社協の見守り部会. */
  who: textField('だれが', '例: 民生委員・福祉委員'),
  /** When in the year, by quarter or month (fiscal year, April first). */
  when: choicesField(PLAN_TIMINGS, 'planTiming', 'いつ', '通年か、四半期か、月を選んでください（複数可）'),
  /** How the district will know it worked: 訪問世帯数 120世帯. */
  indicator: textField('指標（目安）', '例: 見守り訪問の対象世帯 120世帯'),
  /** Status per fiscal year of the plan's period (年次計画). */
  progress: meta(z.array(progressSchema).default([]), {
    label: '年度ごとの進み具合',
    hint: '計画の期間の年度ごとに、未着手・進行中・達成を選んでください',
  }),
  /**
   * Reports of activities that advanced this action. Kept on the action, not on the report:
   * whoever updates the plan's yearly status decides what advanced it, and Decap's relation
   * widget can pick a report by its title but not an action nested inside a plan.
   */
  reports: refListField(
    'reports',
    'この取り組みを進めた活動報告',
    '活動報告のタイトルで選べます（任意）',
    0,
  ).optional(),
});

const goalSchema = z.strictObject({
  /** 基本目標: what the district wants to become. */
  title: textField('目標', '例: 知り合い助け合える人づくり'),
  /** Why it matters, in a sentence or two (なぜ必要なのか). */
  why: longTextField(
    'なぜ必要なのか',
    '例: ひとり暮らしの高齢者が増え、近所で声をかけ合う機会が減っています',
  ).optional(),
  /** 取組事業, each with who, when, its indicator and its yearly status. */
  actions: meta(z.array(actionSchema).min(1), { label: '取り組み' }),
});

const scheduleItemSchema = z.strictObject({
  /** The month (1–12) it falls in; the schedule reads April to March. */
  month: meta(z.number().int().min(1).max(12), {
    label: '月',
    hint: '1〜12の数字。4月から翌年3月の順に並びます',
    widget: 'number',
    format: { ja: '1から12までの数字で書いてください（例: 4）', en: 'write a month number from 1 to 12 (e.g. 4)' },
    cms: { value_type: 'int', min: 1, max: 12 },
  }),
  /** 行事の名前: 敬老のつどい, 防災訓練. */
  title: textField('行事', '例: 敬老のつどい'),
  /** The salons that carry it (regular meetings). */
  salons: refListField('salons', 'このサロン・定期の集いで', undefined, 0).optional(),
  /** The events that carry it. */
  events: refListField('events', 'このイベントで', undefined, 0).optional(),
});

export const planSchema = z
  .strictObject({
    /** File name and URL. */
    id: idField(),
    /** The plan's name as printed: みどり野東地区 小地域福祉活動計画（第2期）. */
    title: translatable(textField('計画の名前', '例: みどり野東地区 小地域福祉活動計画（第2期）')),
    /** The district it is for; its area page links the plan. */
    district: refField('districts', '地区'),
    /** Who made it and keeps it up to date: 地区社協, 地域づくり協議会. */
    organizer: refField('organizations', '計画をつくった団体'),
    /** First fiscal year of the period (2024 for 2024〜2028年度). */
    startYear: fiscalYear('期間（はじめの年度）', '例: 2024（2024〜2028年度の計画なら 2024）'),
    /** Last fiscal year of the period. */
    endYear: fiscalYear('期間（おわりの年度）', '例: 2028（2024〜2028年度の計画なら 2028）'),
    /** 将来像: the district the plan works towards. */
    vision: translatable(
      longTextField('めざす地域の姿', '例: だれもが顔見知りで、困ったときに「助けて」と言える地区').optional(),
    ),
    /** The SDGs goals the plan works towards, as the seeds map their plans (a page per goal lists it). */
    sdgs: sdgsField(),
    /** 基本目標, each with its actions. */
    goals: meta(z.array(goalSchema).min(1), { label: '目標' }),
    /** 年間行事予定: what happens month by month, and the salons and events that carry it. */
    schedule: meta(z.array(scheduleItemSchema).default([]), { label: '年間行事予定' }),
  })
  .superRefine((plan, ctx) => {
    const { startYear: from, endYear: to } = plan;
    if (to < from) {
      bilingualIssue(ctx, ['endYear'], {
        ja: `おわりの年度（${to}年度）が、はじめの年度（${from}年度）より前です。${from}以降の年度にしてください`,
        en: `the last fiscal year ${to} is before the first ${from}; use ${from} or later`,
      });
      return;
    }
    if (to - from + 1 > PLAN_MAX_YEARS)
      bilingualIssue(ctx, ['endYear'], {
        ja: `期間が${to - from + 1}年あります（${from}〜${to}年度）。${PLAN_MAX_YEARS}年以内にするか、年度の書き間違いを確かめてください`,
        en: `the period covers ${to - from + 1} years (${from}–${to}); keep it within ${PLAN_MAX_YEARS} years or check for a typo`,
      });
    plan.goals.forEach((goal, g) =>
      goal.actions.forEach((action, a) => {
        const seen = new Set<number>();
        action.progress.forEach(({ year }, p) => {
          const path = ['goals', g, 'actions', a, 'progress', p, 'year'];
          if (year < from || year > to)
            bilingualIssue(ctx, path, {
              ja: `「${action.what}」の進み具合の年度（${year}年度）が、計画の期間（${from}〜${to}年度）の外です。期間内の年度にしてください`,
              en: `the progress year ${year} of "${action.what}" is outside the plan's period ${from}–${to}; use a year within it`,
            });
          else if (seen.has(year))
            bilingualIssue(ctx, path, {
              ja: `「${action.what}」の${year}年度の進み具合が2つあります。1つにまとめてください`,
              en: `"${action.what}" has two statuses for ${year}; keep one`,
            });
          seen.add(year);
        });
      }),
    );
  });
export type PlanInput = z.input<typeof planSchema>;
export type Plan = z.output<typeof planSchema>;
export type PlanAction = Plan['goals'][number]['actions'][number];

export const planType = defineContentType({
  name: 'plans',
  schema: planSchema,
  label: '地区の福祉活動計画',
  labelSingular: '福祉活動計画',
  description:
    '地区ごとの小地域福祉活動計画です。目標と取り組み、年度ごとの進み具合、年間行事予定を書きます。地区のページからリンクされます。',
  titleField: 'title',
  body: { label: '計画の説明', required: false },
});
