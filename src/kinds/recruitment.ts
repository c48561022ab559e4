/** A call for helpers: open until it is closed or its deadline (a Japan date) has passed. */
import { entryHref } from '../lib/entries.ts';
import { formatDate, phoneLink, text } from '../lib/facts.ts';
import type { Recruitment } from '../schemas/recruitment.ts';
import { BY_ACTIVITY_HREF, applyActions, tagCounts, tagHref } from '../lib/helping.ts';
import { listOf, noLinks, entryImage, noStructuredData, type Kind, type FlyerPart } from './kind.ts';
import { compareByDeadline, deadlineEnds, deadlineLifecycle } from './deadline.ts';

/** When the reader's browser may hide a recruitment: the end of its deadline day in Japan. */
export const recruitmentEnds = deadlineEnds;

const lifecycle = deadlineLifecycle;

/**
 * Recruitments still taking helpers first, the deadline soonest first (those without one after
 * them); closed ones last, the latest deadline first (src/kinds/deadline.ts, shared with funding).
 */
export const compareRecruitments = (today: string) => compareByDeadline(today, (data: Recruitment) => data.title);

export const recruitmentKind = {
  facts(data, f) {
    f.add('fact.status', [{ text: f.t(`recruitmentStatus.${data.status}`) }]);
    f.add('fact.role', text(data.role));
    f.add('fact.tasks', text(data.tasks));
    f.add('fact.frequency', text(data.frequency));
    f.add('fact.welcome', text(data.welcome));
    f.where('fact.activityPlace', data.place);
    f.add('fact.related', f.ref('events', data.event));
    if (data.deadline) f.add('fact.deadline', text(formatDate(data.deadline, f.t)), data.deadline);
    f.add('fact.apply', text(data.howToApply));
    f.add(
      'fact.tags',
      listOf(data.tags).map((tag) => ({ text: f.t(`recruitmentTag.${tag}`), href: tagHref(tag) })),
    );
    f.add(
      'fact.activities',
      listOf(data.activities).map((a) => ({ text: f.t(`helperActivity.${a}`) })),
    );
    f.add('fact.organizer', f.ref('organizations', data.organizer));
    if (data.contact) f.add('fact.contact', phoneLink(data.contact));
    f.add('fact.districts', f.refs('districts', data.districts));
    f.topic('fact.categories', f.categories(data.categories));
  },

  listLine({ id, data }, t) {
    const ends = recruitmentEnds(data);
    return {
      ...(ends ? { ends } : {}),
      href: entryHref('recruitments', id),
      title: data.title,
      meta: [
        data.role,
        data.deadline ? t('list.deadline', { date: formatDate(data.deadline, t) }) : '',
        data.status === 'open' ? '' : `【${t('recruitmentStatus.closed')}】`,
      ]
        .filter(Boolean)
        .join(' '),
    };
  },

  lifecycle,
  pastNotice: 'status.closed',

  searchDate: (data) => data.deadline,

  districts: (data) => data.districts,
  topics: (data) => ({
    categories: data.categories,
    filters: [
      { name: 'fact.tags', values: listOf(data.tags).map((tag) => `recruitmentTag.${tag}` as const) },
      { name: 'fact.activities', values: listOf(data.activities).map((a) => `helperActivity.${a}` as const) },
    ],
  }),
  index: (recruitments, today) => ({ entries: [...recruitments].sort(compareRecruitments(today)) }),
  nav: true,
  calendar: null,
  structuredData: noStructuredData,
  links: noLinks,
  // Dated by its 掲載日; without one, the feed dates it by the build's day (src/data/news.ts).
  feed: { date: (data) => data.posted, summary: (data) => `${data.role}: ${data.tasks}` },
  flyer: {
    headline: (_data, t) => t('flyer.headline.recruitments'),
    sheet(data, f) {
      f.add('fact.role', data.role);
      f.add('fact.tasks', data.tasks);
      f.add('fact.frequency', data.frequency);
      f.add('fact.welcome', data.welcome);
      f.place(data.place);
      if (data.deadline) f.add('fact.deadline', formatDate(data.deadline, f.t));
      f.add('fact.apply', data.howToApply);
      f.contact(data.organizer, data.contact);
      f.districts(data.districts);
      return data.status === 'closed' ? { stamp: f.t('flyer.closed') } : {};
    },
    order: (data) => data.title,
    posted: () => true,
  },
  // No picture of its own: the photo chosen for its flyer, if any.
  photos: (data) => entryImage(undefined, data.flyer?.photo),
  // Applying is for open recruitments only; a closed one's page says 募集終了 in its facts.
  actions: (data, t, today) => (lifecycle(data, today) === 'past' ? [] : applyActions(data, t)),
  // One page per condition (no script: a link is what works on every phone), with its count of
  // open recruitments, and 「できることから探す」.
  indexLinks(recruitments, today, t) {
    const open = recruitments.filter((r) => lifecycle(r.data, today) !== 'past');
    return [
      { title: t('recruit.byActivity'), links: [{ href: BY_ACTIVITY_HREF, text: t('recruit.byActivity') }] },
      {
        title: t('recruit.filter.title'),
        lead: t('recruit.filter.lead'),
        links: tagCounts(open).map(([tag, count]) => ({
          href: tagHref(tag),
          text: t('recruit.filter.count', { label: t(`recruitmentTag.${tag}`), count }),
        })),
      },
    ];
  },
} satisfies Kind<Recruitment, FlyerPart<Recruitment>>;
