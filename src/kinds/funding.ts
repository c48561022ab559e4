/**
 * A grant or subsidy a group can apply for: open until it is closed or its deadline has passed,
 * listed soonest deadline first like a recruitment (src/kinds/deadline.ts).
 */
import { entryHref } from '../lib/entries.ts';
import { formatDate, phoneLink, text } from '../lib/facts.ts';
import type { Funding } from '../schemas/funding.ts';
import { compareByDeadline, deadlineEnds, deadlineLifecycle } from './deadline.ts';
import { noLinks, noPhotos, noStructuredData, type Kind } from './kind.ts';

export const compareFunding = (today: string) => compareByDeadline(today, (data: Funding) => data.title);

export const fundingKind = {
  facts(data, f) {
    f.add('fact.status', [{ text: f.t(`recruitmentStatus.${data.status}`) }]);
    f.add('fact.provider', text(data.provider));
    f.add('fact.amount', text(data.amount));
    f.add('fact.eligibility', text(data.eligibility));
    if (data.covers) f.add('fact.covers', text(data.covers));
    f.add(
      'fact.deadline',
      text(data.deadline ? formatDate(data.deadline, f.t) : f.t('funding.anyTime')),
      data.deadline,
    );
    f.add('fact.apply', text(data.howToApply));
    if (data.url) f.add('fact.guidelines', [{ text: data.url, href: data.url }]);
    if (data.contact) f.add('fact.contact', phoneLink(data.contact));
    f.topic('fact.categories', f.categories(data.categories));
  },

  listLine({ id, data }, t) {
    const ends = deadlineEnds(data);
    return {
      ...(ends ? { ends } : {}),
      href: entryHref('funding', id),
      title: data.title,
      meta: [
        data.provider,
        data.amount,
        data.deadline ? t('list.deadline', { date: formatDate(data.deadline, t) }) : t('funding.anyTime'),
        data.status === 'open' ? '' : `【${t('recruitmentStatus.closed')}】`,
      ]
        .filter(Boolean)
        .join(' '),
    };
  },

  lifecycle: deadlineLifecycle,
  pastNotice: 'status.closed',
  searchDate: (data) => data.deadline,
  // Town-wide: a grant is for any group that qualifies, wherever it works.
  districts: () => [],
  topics: (data) => ({ categories: data.categories }),
  // Open ones soonest deadline first; past ones drop below, under their own heading (as closed
  // recruitments sort last), so their pages stay reachable while district lists leave them out.
  index(funding, today, t) {
    const sorted = [...funding].sort(compareFunding(today));
    const past = (f: (typeof sorted)[number]) => deadlineLifecycle(f.data, today) === 'past';
    const sections = [
      { id: 'open', title: t('funding.open'), entries: sorted.filter((f) => !past(f)) },
      { id: 'past', title: t('funding.past'), entries: sorted.filter(past) },
    ];
    return { sections: sections.filter((s) => s.entries.length > 0) };
  },
  nav: true,
  calendar: null,
  structuredData: noStructuredData,
  links: noLinks,
  flyer: null,
  feed: null,
  photos: noPhotos,
} satisfies Kind<Funding, null>;
