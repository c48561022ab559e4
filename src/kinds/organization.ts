/** A group that runs events and salons: named on their pages, reachable from its own. */
import { entryHref } from '../lib/entries.ts';
import type { Organization } from '../schemas/organization.ts';
import { byTitle, noLinks, noPhotos, noStructuredData, type Kind } from './kind.ts';

export const organizationKind = {
  facts(data, f) {
    f.add('fact.kind', [{ text: f.t(`orgKind.${data.kind}`) }]);
    f.add('fact.districts', f.refs('districts', data.districts));
    f.reach(data);
  },
  listLine: ({ id, data }) => ({ href: entryHref('organizations', id), title: data.name }),
  lifecycle: () => 'current',
  searchDate: () => undefined,
  districts: (data) => data.districts,
  topics: () => ({ categories: [] }),
  index: byTitle((data) => data.name),
  nav: false,
  calendar: null,
  structuredData: noStructuredData,
  links: noLinks,
  flyer: null,
  feed: null,
  photos: noPhotos,
} satisfies Kind<Organization, null>;
