/** A collection's news as Atom: /reports/atom.xml, /events/atom.xml, /recruitments/atom.xml. */
import type { APIRoute } from 'astro';
import { newsFeedPaths, newsResponse } from '../../data/news.ts';

export const getStaticPaths = newsFeedPaths;

export const GET: APIRoute = ({ params }) => newsResponse(String(params.collection), 'atom');
