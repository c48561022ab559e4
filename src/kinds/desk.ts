/** A consultation desk: always current; residents need its phone and hours at a glance. */
import { entryHref } from '../lib/entries.ts';
import { text } from '../lib/facts.ts';
import type { Desk } from '../schemas/desk.ts';
import type { Kind } from './kind.ts';

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
  listLine: ({ id, data }) => ({
    href: entryHref('desks', id),
    title: data.name,
    meta: `${data.phone}（${data.hours}）`,
  }),
  lifecycle: () => 'current',
  searchDate: () => undefined,
  nav: true,
  flyer: null,
} satisfies Kind<Desk, null>;
