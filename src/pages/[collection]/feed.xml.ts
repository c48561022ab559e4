/** A collection's news as RSS 2.0: /reports/feed.xml, /events/feed.xml, /recruitments/feed.xml. */
import type { APIRoute } from 'astro';
import { newsFeedPaths, newsResponse } from '../../data/news.ts';

export const getStaticPaths = newsFeedPaths;

export const GET: APIRoute = ({ params }) => newsResponse(String(params.collection), 'rss');
