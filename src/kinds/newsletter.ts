/** A monthly newsletter: archived (past) once its month is over a year ago. */
import { entryHref } from '../lib/entries.ts';
import { text } from '../lib/facts.ts';
import type { Newsletter } from '../schemas/newsletter.ts';
import { newestFirst, noLinks, noStructuredData, yearBefore, type Kind } from './kind.ts';

export const newsletterKind = {
  facts(data, f) {
    const issue = f.t('newsletter.issue', { year: Number(data.month.slice(0, 4)), month: Number(data.month.slice(5)) });
    f.add('fact.date', text(`${issue}（${f.t('newsletter.number', { number: data.number })}）`));
    f.add('fact.districts', f.ref('districts', data.district));
  },
  listLine: ({ id, data }) => ({ href: entryHref('newsletters', id), title: data.title }),
  lifecycle: (data, today) => (`${data.month}-01` < yearBefore(today) ? 'past' : 'current'),
  searchDate: (data) => `${data.month}-01`,
  // A town-wide issue has none.
  districts: (data) => (data.district ? [data.district] : []),
  topics: () => ({ categories: [] }),
  index: newestFirst(
    (data) => data.month,
    (data) => data.title,
  ),
  nav: true,
  ownPages: true,
  calendar: null,
  structuredData: noStructuredData,
  links: noLinks,
  flyer: null,
  feed: null,
  // Its cover photo; a photo without consent already fails validation, checked again here.
  photos: (data) =>
    data.cover
      .filter((photo) => photo.consent)
      .map(({ src, alt, caption }) => ({ src, alt, ...(caption ? { caption } : {}) })),
} satisfies Kind<Newsletter, null>;
