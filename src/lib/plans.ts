/**
 * A district plan (小地域福祉活動計画) read for its page: which fiscal year to show, where each
 * action stands that year, the goals' progress counted for the at-a-glance bar, the yearly
 * schedule in fiscal order (April first), and which plan is a district's current one. Pure:
 * the pages load the plans and pass them in.
 */
import type { Plan, PlanAction, PlanStatus } from '../schemas/plan.ts';

/** Where an action stands in a year: its recorded status, or nothing recorded for that year. */
export type ProgressState = PlanStatus | 'unrecorded';

/** The states in the order the bar and the text show them: done first, not yet written last. */
export const PROGRESS_STATES = ['achieved', 'in-progress', 'not-started', 'unrecorded'] as const;

/** The fiscal year (年度, April to March) a Japan date falls in: 2027-03-31 is in 2026年度. */
export function fiscalYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

/** The fiscal years of the plan's period, first to last. */
export const planYears = (plan: Pick<Plan, 'startYear' | 'endYear'>): number[] =>
  Array.from({ length: Math.max(0, plan.endYear - plan.startYear + 1) }, (_, i) => plan.startYear + i);

/**
 * The year a plan's page shows progress for on `today`: this fiscal year while the plan runs,
 * its first year before it starts, its last year once it has ended.
 */
export function shownYear(plan: Pick<Plan, 'startYear' | 'endYear'>, today: string): number {
  return Math.min(plan.endYear, Math.max(plan.startYear, fiscalYearOf(today)));
}

/**
 * The action's status recorded for `year`. Nothing is carried over from an earlier year: a plan
 * keeper who has not yet written this year's status has not said it is still 進行中.
 */
export function statusIn(action: Pick<PlanAction, 'progress'>, year: number): ProgressState {
  return action.progress.find((p) => p.year === year)?.status ?? 'unrecorded';
}

export type ProgressCount = Record<ProgressState, number> & { total: number };

export function countProgress(actions: readonly Pick<PlanAction, 'progress'>[], year: number): ProgressCount {
  const count: ProgressCount = { achieved: 0, 'in-progress': 0, 'not-started': 0, unrecorded: 0, total: 0 };
  for (const action of actions) {
    count[statusIn(action, year)] += 1;
    count.total += 1;
  }
  return count;
}

/** The share of each state with at least one action, in percent summing to 100, for the bar. */
export function progressShares(count: ProgressCount): { state: ProgressState; count: number; percent: number }[] {
  if (count.total === 0) return [];
  const shares = PROGRESS_STATES.filter((s) => count[s] > 0).map((state) => ({
    state,
    count: count[state],
    percent: Math.round((count[state] / count.total) * 1000) / 10,
  }));
  // Rounding can leave 99.9 or 100.1: the last segment takes up the difference so the bar is full.
  const last = shares.at(-1);
  if (last) last.percent = Math.round((100 - shares.slice(0, -1).reduce((sum, s) => sum + s.percent, 0)) * 10) / 10;
  return shares;
}

export interface GoalProgress {
  title: string;
  count: ProgressCount;
}

/** Each goal's actions counted by their status in `year`, and all of them together. */
export function planProgress(
  plan: Pick<Plan, 'goals'>,
  year: number,
): { overall: ProgressCount; goals: GoalProgress[] } {
  return {
    overall: countProgress(
      plan.goals.flatMap((g) => g.actions),
      year,
    ),
    goals: plan.goals.map((g) => ({ title: g.title, count: countProgress(g.actions, year) })),
  };
}

/** A month's place in the fiscal year: April 0 … March 11. */
export const fiscalMonthIndex = (month: number): number => (month + 8) % 12;

/** The yearly schedule from April to March; items of one month keep the order they were written in. */
export function scheduleInFiscalOrder<S extends { month: number }>(schedule: readonly S[]): S[] {
  return [...schedule].sort((a, b) => fiscalMonthIndex(a.month) - fiscalMonthIndex(b.month));
}

/**
 * The plan a district's page shows on `today`, of those made for it: the one whose period holds
 * this fiscal year (the later start when two overlap), else the latest that has ended, else the
 * first still to come.
 */
export function currentPlan<P extends { data: Pick<Plan, 'startYear' | 'endYear'> }>(
  plans: readonly P[],
  today: string,
): P | undefined {
  const year = fiscalYearOf(today);
  const byStart = [...plans].sort((a, b) => b.data.startYear - a.data.startYear);
  return (
    byStart.find((p) => p.data.startYear <= year && year <= p.data.endYear) ??
    byStart.find((p) => p.data.endYear < year) ??
    byStart.at(-1)
  );
}
