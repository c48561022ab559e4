/** A venue or 居場所: its address, way there and barrier-free facts are what residents ask. */
import { entryHref } from '../lib/entries.ts';
import { phoneLink } from '../lib/facts.ts';
import type { Place } from '../schemas/place.ts';
import { byTitle, noLinks, noPhotos, noStructuredData, type Kind } from './kind.ts';

export const placeKind = {
  facts(data, f) {
    f.placeDetails(data);
    f.add('fact.districts', f.ref('districts', data.district));
    if (data.phone) f.add('fact.phone', phoneLink(data.phone));
  },
  listLine: ({ id, data }) => ({ href: entryHref('places', id), title: data.name, meta: data.address }),
  lifecycle: () => 'current',
  searchDate: () => undefined,
  districts: (data) => [data.district],
  topics: () => ({ categories: [] }),
  index: byTitle((data) => data.name),
  nav: false,
  calendar: null,
  structuredData: noStructuredData,
  links: noLinks,
  flyer: null,
  feed: null,
  photos: noPhotos,
} satisfies Kind<Place, null>;
