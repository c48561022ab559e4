/** A good practice from another town: always current, dated by when it was posted. */
import { entryHref } from '../lib/entries.ts';
import { text } from '../lib/facts.ts';
import type { Practice } from '../schemas/practice.ts';
import { sdgsTopics } from '../lib/sdgs.ts';
import { CATEGORIES } from '../schemas/vocabulary.ts';
import { byTitle, listOf, noLinks, noPhotos, noStructuredData, type Kind } from './kind.ts';

export const practiceKind = {
  facts(data, f) {
    f.add('fact.town', text(data.town));
    f.add('fact.organizer', text(data.organization));
    f.topic('fact.themes', f.categories(data.themes));
    f.add('fact.background', text(data.background));
    f.add('fact.approach', text(data.approach));
    f.add('fact.results', text(data.results));
    f.add('fact.tips', text(data.tips));
    if (data.contact) f.add('fact.contact', text(data.contact));
  },
  listLine: ({ id, data }) => ({ href: entryHref('practices', id), title: data.title, meta: data.town }),
  lifecycle: () => 'current',
  searchDate: (data) => data.date,
  districts: () => [],
  // A practice's themes are categories under the name other towns use.
  topics: (data) => ({ categories: data.themes, ...sdgsTopics(listOf(data.sdgs)) }),
  // Under their first theme, in the order of the categories; by title within one.
  index(practices, _today, t) {
    const { entries } = byTitle((data: Practice) => data.title)(practices);
    const sections = CATEGORIES.map((category) => ({
      id: `theme-${category}`,
      title: t(`category.${category}`),
      entries: entries.filter((p) => p.data.themes[0] === category),
    }));
    return { sections: sections.filter((s) => s.entries.length > 0) };
  },
  nav: true,
  calendar: null,
  structuredData: noStructuredData,
  links: noLinks,
  flyer: null,
  // Other towns read the whole practice from the JSON Feed, not only its title and summary.
  feed: { date: (data) => data.date, summary: (data) => data.approach, shared: true },
  photos: noPhotos,
  // The practices and the reports by the SDGs goal they serve.
  indexLinks: (_entries, _today, t) => [{ title: t('fact.sdgs'), links: [{ href: '/sdgs/', text: t('sdgs.link') }] }],
} satisfies Kind<Practice, null>;
