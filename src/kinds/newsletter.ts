/** A monthly newsletter: archived (past) once its month is over a year ago. */
import { entryHref } from '../lib/entries.ts';
import { text } from '../lib/facts.ts';
import type { Newsletter } from '../schemas/newsletter.ts';
import { newestFirst, noLinks, noPhotos, noStructuredData, yearBefore, type Kind } from './kind.ts';

export const newsletterKind = {
  facts(data, f) {
    f.add('fact.date', text(`${Number(data.month.slice(0, 4))}年${Number(data.month.slice(5))}月号`));
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
  calendar: null,
  structuredData: noStructuredData,
  links: noLinks,
  flyer: null,
  feed: null,
  photos: noPhotos,
} satisfies Kind<Newsletter, null>;
