/** A fixed page (このサイトについて): only its body, always current. */
import { entryHref } from '../lib/entries.ts';
import type { Page } from '../schemas/page.ts';
import type { Kind } from './kind.ts';

export const pageKind = {
  facts() {},
  listLine: ({ id, data }) => ({ href: entryHref('pages', id), title: data.title }),
  lifecycle: () => 'current',
  searchDate: () => undefined,
  districts: () => [],
  topics: () => ({ categories: [] }),
  nav: false,
  flyer: null,
} satisfies Kind<Page, null>;
