/** A school district or neighbourhood: its page links its area listing and calendar. */
import { entryHref } from '../lib/entries.ts';
import type { District } from '../schemas/district.ts';
import type { T } from '../lib/facts.ts';
import { byTitle, noStructuredData, noPhotos, type Kind, type KindEntry, type ListItem } from './kind.ts';

// Its page leads to everything in the district and to its calendar (src/pages/area/).
const districtLinks = ({ id, data }: KindEntry<District>, t: T): ListItem[] => [
  { href: `/area/${id}/`, title: t('area.title', { district: data.name }) },
  { href: `/area/${id}/calendar/`, title: t('area.calendar', { district: data.name }) },
  { href: `/bosai/${id}/`, title: t('bosai.areaLink', { district: data.name }) },
];

export const districtKind = {
  facts(data, f) {
    f.add('fact.kind', [{ text: f.t(`districtKind.${data.kind}`) }]);
    f.add('fact.parent', f.ref('districts', data.parent));
  },
  listLine: ({ id, data }) => ({ href: entryHref('districts', id), title: data.name }),
  lifecycle: () => 'current',
  searchDate: () => undefined,
  districts: () => [],
  topics: () => ({ categories: [] }),
  index: byTitle((data) => data.name),
  nav: false,
  calendar: null,
  structuredData: noStructuredData,
  links: districtLinks,
  flyer: null,
  feed: null,
  photos: noPhotos,
} satisfies Kind<District, null>;
