/** A consultation desk: always current; residents need its phone and hours at a glance. */
import { entryHref } from '../lib/entries.ts';
import { text } from '../lib/facts.ts';
import type { Desk } from '../schemas/desk.ts';
import { byTitle, noLinks, noPhotos, noStructuredData, type Kind } from './kind.ts';

export const deskKind = {
  facts(data, f) {
    f.add(
      'fact.helpsWith',
      data.helpsWith.map((h) => ({ text: h })),
    );
    f.add('fact.hours', text(data.hours));
    f.reach(data);
    f.where('fact.deskPlace', data.place);
    f.add(
      'fact.languages',
      data.languages.map((l) => ({ text: f.t(`language.${l}`) })),
    );
    f.topic('fact.categories', f.categories(data.categories));
  },
  listLine: ({ id, data }, t) => ({
    href: entryHref('desks', id),
    title: data.name,
    meta: t('text.aside', { text: data.phone, aside: data.hours }),
  }),
  lifecycle: () => 'current',
  searchDate: () => undefined,
  // A desk has no district of its own: it is where its place is, so 地域包括支援センター shows in its area.
  districts(data, placeDistricts) {
    const district = data.place === undefined ? undefined : placeDistricts.get(data.place);
    return district ? [district] : [];
  },
  topics: (data) => ({ categories: data.categories }),
  index: byTitle((data) => data.name),
  nav: true,
  calendar: null,
  structuredData: noStructuredData,
  links: noLinks,
  flyer: null,
  feed: null,
  photos: noPhotos,
} satisfies Kind<Desk, null>;
