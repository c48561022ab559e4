/** Where the feeds are published, for the routes (src/pages/) and the links to them alike. */
import type { T } from '../facts.ts';

/** One entry's calendar file: '/events/bosai-kunren.ics' beside its page '/events/bosai-kunren/'. */
export const entryIcsHref = (collection: string, id: string): string => `/${collection}/${id}.ics`;

/** The whole site's calendar feed. */
export const SITE_ICS_HREF = '/calendar.ics';

/** A district's calendar feed, beside its calendar page (with the districts inside it). */
export const districtIcsHref = (district: string): string => `/area/${district}/calendar.ics`;

/** A category's calendar feed. */
export const categoryIcsHref = (category: string): string => `/categories/${category}.ics`;

/**
 * A calendar feed's subscribe link: webcal:// makes an iPhone, iPad or Mac offer to subscribe
 * (照会するカレンダー, updated by itself) where an https:// link only imports the dates once.
 * Google Calendar takes the https:// address instead (URL で追加), shown beside the link.
 * @param href the feed's path on this site ('/calendar.ics'); @param siteUrl the published address.
 */
export const webcalHref = (href: string, siteUrl: string): string => {
  const url = new URL(href, siteUrl);
  return `webcal://${url.host}${url.pathname}`;
};

/** A collection's news feeds (RSS 2.0, JSON Feed and Atom). */
export const newsFeedHrefs = (collection: string): { rss: string; json: string; atom: string } => ({
  rss: `/${collection}/feed.xml`,
  json: `/${collection}/feed.json`,
  atom: `/${collection}/atom.xml`,
});

/** A feed named in a page's head (<link rel="alternate">), so feed readers find it from the page. */
export interface FeedLink {
  href: string;
  type: string;
  title: string;
}

/** The autodiscovery links of a collection's news feeds; `name` is the collection's name (活動報告). */
export const newsFeedLinks = (collection: string, name: string, t: T): FeedLink[] => {
  const { rss, json, atom } = newsFeedHrefs(collection);
  return [
    { href: rss, type: 'application/rss+xml', title: t('feeds.rss', { collection: name }) },
    { href: json, type: 'application/feed+json', title: t('feeds.json', { collection: name }) },
    { href: atom, type: 'application/atom+xml', title: t('feeds.atom', { collection: name }) },
  ];
};
