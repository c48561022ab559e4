/** A school district or neighbourhood: its page links its area listing and calendar. */
import { entryHref } from '../lib/entries.ts';
import type { District } from '../schemas/district.ts';
import type { Kind } from './kind.ts';

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
  nav: false,
  flyer: null,
} satisfies Kind<District, null>;
