/**
 * Finding a way to help (issue 18, item 5): the ways a recruitment can be answered, as large
 * buttons, and the open recruitments by condition (tag) and by what the helper would do. Pure;
 * the recruitment kind and the pages pass the entries in.
 */
import type { T } from './facts.ts';
import type { Action, KindEntry } from '../kinds/kind.ts';
import { HELPER_ACTIVITIES, RECRUITMENT_TAGS, type HelperActivity, type RecruitmentTag } from '../schemas/helping.ts';
import type { Recruitment } from '../schemas/recruitment.ts';

export { HELPER_ACTIVITIES, RECRUITMENT_TAGS, type HelperActivity, type RecruitmentTag };

/**
 * The page of the open recruitments with a tag: /join/<tag>/ (参加する). Not under /recruitments/,
 * where every folder is an entry's page and an entry's id could take the same name.
 */
export const tagHref = (tag: RecruitmentTag): string => `/join/${tag}/`;
/** 「できることから探す」. */
export const BY_ACTIVITY_HREF = '/join/';

/**
 * Every way the group takes applications, in the order most residents find easiest to start
 * with: the phone (its own number, else the contact number), a form, LINE, e-mail, then in
 * person. None while the recruitment is closed: its page says so instead.
 */
export function applyActions(data: Pick<Recruitment, 'applyBy' | 'contact'>, t: T): Action[] {
  const by = data.applyBy ?? {};
  const phone = by.phone ?? data.contact;
  const actions: Action[] = [];
  if (phone)
    actions.push({ way: 'tel', text: t('apply.phone', { phone }), href: `tel:${phone.replace(/[^\d+]/g, '')}` });
  if (by.form) actions.push({ way: 'web', text: t('apply.form'), href: by.form });
  if (by.line) actions.push({ way: 'line', text: t('apply.line'), href: by.line });
  if (by.email) actions.push({ way: 'mail', text: t('apply.email', { email: by.email }), href: `mailto:${by.email}` });
  if (by.inPerson) actions.push({ way: 'visit', text: t('apply.inPerson'), note: by.inPerson });
  return actions;
}

/** The recruitments among `open` that carry `tag`, in the order given. */
export const withTag = <E extends KindEntry<Pick<Recruitment, 'tags'>>>(open: readonly E[], tag: RecruitmentTag): E[] =>
  open.filter((r) => r.data.tags.includes(tag));

/** How many of `open` carry each tag, in the vocabulary's order. */
export const tagCounts = (open: readonly KindEntry<Pick<Recruitment, 'tags'>>[]): [RecruitmentTag, number][] =>
  RECRUITMENT_TAGS.map((tag) => [tag, withTag(open, tag).length]);

/**
 * The open recruitments under each thing a helper would do, in the vocabulary's order, an entry
 * under every activity it names; those naming none under `other`. Activities nobody asks for
 * are left out, so the page lists only what can be answered today.
 */
export function byActivity<E extends KindEntry<Pick<Recruitment, 'activities'>>>(
  open: readonly E[],
): { activity: HelperActivity | 'other'; entries: E[] }[] {
  const groups: { activity: HelperActivity | 'other'; entries: E[] }[] = HELPER_ACTIVITIES.map((activity) => ({
    activity,
    entries: open.filter((r) => r.data.activities.includes(activity)),
  }));
  groups.push({ activity: 'other', entries: open.filter((r) => r.data.activities.length === 0) });
  return groups.filter((g) => g.entries.length > 0);
}
