/** A collection's news as JSON Feed 1.1: /reports/feed.json, /events/feed.json, /recruitments/feed.json. */
import type { APIRoute } from 'astro';
import { newsFeedPaths, newsResponse } from '../../data/news.ts';

export const getStaticPaths = newsFeedPaths;

export const GET: APIRoute = ({ params }) => newsResponse(String(params.collection), 'json');
