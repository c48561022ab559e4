/**
 * A local help service (まちともサービス, 住民参加型在宅福祉サービス): always current; listed in
 * the districts it serves, searchable by what it helps with.
 */
import { entryHref } from '../lib/entries.ts';
import { phoneLink, text } from '../lib/facts.ts';
import type { T } from '../lib/facts.ts';
import { byTitle, noLinks, noPhotos, noStructuredData, type Kind } from './kind.ts';
import { SERVICE_TASKS, type Service } from '../schemas/service.ts';

/** ごみ出し、買い物、話し相手 … and the volunteer's own lines, in the order written. */
export const serviceHelps = (data: Pick<Service, 'helpsWith' | 'otherHelp'>, t: T): string[] => [
  ...data.helpsWith.filter((h) => h !== 'other').map((h) => t(`serviceTask.${h}`)),
  ...(data.otherHelp ?? []),
];

/** 無料, or the amount as written (1回300円, 年会費1,000円). */
export const serviceFee = (data: Pick<Service, 'feeType' | 'fee'>, t: T): string =>
  data.feeType === 'free'
    ? t('serviceFee.free')
    : t('text.aside', { text: t(`serviceFee.${data.feeType}`), aside: data.fee ?? '' });

export const serviceKind = {
  facts(data, f) {
    // What it helps with is what residents search for (ごみ出し, 電球): weighed as a topic, like
    // categories; as much as a kind it buried the other pages about 買い物 below three services.
    f.topic(
      'fact.serviceHelps',
      serviceHelps(data, f.t).map((h) => ({ text: h })),
    );
    f.add('fact.serviceFee', text(serviceFee(data, f.t)));
    f.add('fact.whoCanAsk', text(data.whoCanAsk));
    f.add('fact.apply', text(data.howToAsk));
    if (data.hours) f.add('fact.hours', text(data.hours));
    f.add('fact.contact', phoneLink(data.contact));
    f.add('fact.serviceProvider', f.ref('organizations', data.provider));
    f.add('fact.districts', f.refs('districts', data.districts));
    f.add('fact.serviceHelpers', f.ref('recruitments', data.recruitment));
    f.topic('fact.categories', f.categories(data.categories));
  },
  listLine: ({ id, data }, t) => ({
    href: entryHref('services', id),
    title: data.name,
    meta: `${t('text.aside', { text: serviceHelps(data, t).join(t('text.listJoin')), aside: serviceFee(data, t) })} ${data.contact}`,
  }),
  lifecycle: () => 'current',
  searchDate: () => undefined,
  districts: (data) => data.districts,
  // Search's 手伝えること filter: a resident looking for help with ごみ出し narrows to it.
  topics: (data) => ({
    categories: data.categories,
    filters: [{ name: 'fact.serviceHelps', values: data.helpsWith.map((h) => `serviceTask.${h}` as const) }],
  }),
  // Under each thing it helps with (ごみ出し, 買い物 …), as a resident looks for help; by name within one.
  index(services, _today, t) {
    const { entries } = byTitle((data: Service) => data.name)(services);
    const sections = SERVICE_TASKS.map((task) => ({
      id: `task-${task}`,
      title: t(`serviceTask.${task}`),
      entries: entries.filter((s) => s.data.helpsWith.includes(task)),
    }));
    return { sections: sections.filter((s) => s.entries.length > 0) };
  },
  nav: true,
  calendar: null,
  structuredData: noStructuredData,
  links: noLinks,
  flyer: null,
  feed: null,
  photos: noPhotos,
} satisfies Kind<Service, null>;
