/** A fixed page (このサイトについて): only its body, always current. */
import { entryHref } from '../lib/entries.ts';
import type { Page } from '../schemas/page.ts';
import { byTitle, noLinks, noPhotos, noStructuredData, type Kind } from './kind.ts';

export const pageKind = {
  facts() {},
  listLine: ({ id, data }) => ({ href: entryHref('pages', id), title: data.title }),
  lifecycle: () => 'current',
  searchDate: () => undefined,
  districts: () => [],
  topics: () => ({ categories: [] }),
  index: byTitle((data) => data.title),
  nav: false,
  calendar: null,
  structuredData: noStructuredData,
  links: noLinks,
  flyer: null,
  feed: null,
  photos: noPhotos,
} satisfies Kind<Page, null>;
