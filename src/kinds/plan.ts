/**
 * A district plan (小地域福祉活動計画): current during its fiscal years, upcoming before them,
 * past after. Its entry page lists the goals and this year's progress in words; the district's
 * plan page (src/pages/area/[id]/plan.astro) lays out every action, the progress bar and the
 * yearly schedule.
 */
import { entryHref } from '../lib/entries.ts';
import { text, type T } from '../lib/facts.ts';
import { countProgress, fiscalYearOf, PROGRESS_STATES, shownYear, type ProgressCount } from '../lib/plans.ts';
import type { Plan } from '../schemas/plan.ts';
import { sdgsTopics } from '../lib/sdgs.ts';
import { byTitle, listOf, noPhotos, noStructuredData, type Kind, type KindEntry, type Lifecycle } from './kind.ts';

/** 2024〜2028年度. */
export const planPeriod = (data: Pick<Plan, 'startYear' | 'endYear'>, t: T): string =>
  t('plan.period', { from: data.startYear, to: data.endYear });

/** 達成 1・進行中 3・未着手 1（全5件）: the states with actions, done first. */
export function progressText(count: ProgressCount, t: T): string {
  const parts = PROGRESS_STATES.filter((s) => count[s] > 0).map((s) => `${t(`planStatus.${s}`)} ${count[s]}`);
  return t('plan.progressText', { parts: parts.join(t('text.listJoin')), total: count.total });
}

const lifecycle = (data: Plan, today: string): Lifecycle => {
  const year = fiscalYearOf(today);
  return year < data.startYear ? 'upcoming' : year > data.endYear ? 'past' : 'current';
};

/** Where a district's plan is laid out in full: goals, every action's progress, the year's schedule. */
export const districtPlanHref = (district: string): string => `/area/${district}/plan/`;

export const planKind = {
  facts(data, f, today) {
    f.add('fact.districts', f.ref('districts', data.district));
    f.add('fact.planPeriod', text(planPeriod(data, f.t)));
    f.add('fact.planOrganizer', f.ref('organizations', data.organizer));
    if (data.vision) f.add('fact.planVision', text(data.vision));
    f.topic(
      'fact.planGoals',
      data.goals.map((g) => ({ text: g.title })),
    );
    f.add(
      'fact.planActions',
      data.goals.flatMap((g) => g.actions.map((a) => ({ text: a.what }))),
    );
    const year = shownYear(data, today);
    const count = countProgress(
      data.goals.flatMap((g) => g.actions),
      year,
    );
    // Changes as statuses are written through the year: not words anyone searches for.
    f.unindexed('fact.planProgress', text(`${f.t('plan.yearLabel', { year })} ${progressText(count, f.t)}`));
  },
  listLine: ({ id, data }: KindEntry<Plan>, t: T) => ({
    href: entryHref('plans', id),
    title: data.title,
    meta: t('plan.listMeta', {
      period: planPeriod(data, t),
      goals: data.goals.length,
      actions: data.goals.reduce((n, g) => n + g.actions.length, 0),
    }),
  }),
  lifecycle,
  searchDate: (data) => `${data.startYear}-04-01`,
  districts: (data) => [data.district],
  topics: (data) => ({ categories: [], ...sdgsTopics(listOf(data.sdgs)) }),
  index: byTitle((data) => data.title),
  // Reached from its district's page, as a district's other pages are.
  nav: false,
  calendar: null,
  structuredData: noStructuredData,
  links: ({ data }, t) => [{ href: districtPlanHref(data.district), title: t('plan.fullPage') }],
  flyer: null,
  feed: null,
  photos: noPhotos,
} satisfies Kind<Plan, null>;
