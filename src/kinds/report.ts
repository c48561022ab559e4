/** An activity report: a record of a day, archived (past) once it is over a year old. */
import { entryHref } from '../lib/entries.ts';
import { formatDate, text, type T } from '../lib/facts.ts';
import type { PagePhoto } from '../lib/media/photos.ts';
import type { Report } from '../schemas/report.ts';
import { sdgsTopics } from '../lib/sdgs.ts';
import {
  listOf,
  newestFirst,
  noStructuredData,
  yearBefore,
  type Kind,
  type LinkContext,
  type ListItem,
} from './kind.ts';

/**
 * The district plans whose actions this report advanced (an action names its reports,
 * src/schemas/plan.ts), so a reader of the report finds the plan it belongs to.
 */
const advancedPlans = (_entry: unknown, t: T, context?: LinkContext): ListItem[] =>
  (context?.referrers ?? [])
    .filter((r) => r.collection === 'plans')
    .map((r) => ({ href: r.href, title: t('plan.advances', { title: r.title }) }));

// A photo without consent already fails validation; checked again so none can slip onto a page.
const reportPhotos = (data: Report): PagePhoto[] =>
  data.photos
    .filter((photo) => photo.consent)
    .map(({ src, alt, caption }) => ({ src, alt, ...(caption ? { caption } : {}) }));

export const reportKind = {
  facts(data, f) {
    const t = f.t;
    f.add('fact.date', text(formatDate(data.date, f.t)), data.date);
    f.add('fact.related', [...(f.ref('salons', data.salon) ?? []), ...(f.ref('events', data.event) ?? [])]);
    if (data.participants !== undefined)
      f.add('fact.participants', text(t('fact.people', { count: data.participants })));
    if (data.volunteers !== undefined) f.add('fact.volunteers', text(t('fact.people', { count: data.volunteers })));
    if (data.timesHeld !== undefined) f.add('fact.timesHeld', text(t('fact.times', { count: data.timesHeld })));
    f.add(
      'fact.audienceCounts',
      listOf(data.audienceCounts).map(({ audience, count }) => ({
        text: t('fact.audienceCount', { audience: t(`audience.${audience}`), count }),
      })),
    );
    f.add('fact.districts', f.refs('districts', data.districts));
    f.topic('fact.categories', f.categories(data.categories));
  },
  listLine({ id, data }, t) {
    // Its first photo beside the line: a list of reports is read by what happened.
    const [photo] = reportPhotos(data);
    return {
      href: entryHref('reports', id),
      title: data.title,
      meta: formatDate(data.date, t),
      ...(photo ? { photo } : {}),
    };
  },
  lifecycle: (data, today) => (data.date < yearBefore(today) ? 'past' : 'current'),
  searchDate: (data) => data.date,
  districts: (data) => data.districts,
  topics: (data) => ({ categories: data.categories, ...sdgsTopics(listOf(data.sdgs)) }),
  index: newestFirst(
    (data) => data.date,
    (data) => data.title,
  ),
  nav: true,
  calendar: null,
  structuredData: noStructuredData,
  links: advancedPlans,
  // The body begins the summary: a report has no summary field.
  feed: { date: (data) => data.date, summary: () => undefined },
  flyer: null,
  photos: reportPhotos,
  // The counts of these reports, added up by month and year.
  indexLinks: (_entries, _today, t) => [
    {
      title: t('stats.title'),
      links: [
        { href: '/summary/', text: t('stats.link') },
        { href: '/sdgs/', text: t('sdgs.link') },
      ],
    },
  ],
} satisfies Kind<Report, null>;
