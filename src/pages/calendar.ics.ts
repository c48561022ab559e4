/** The whole site's calendar feed (カレンダーに登録 on /calendar/). */
import type { APIRoute } from 'astro';
import { calendarResponse } from '../data/feeds.ts';

export const GET: APIRoute = () => calendarResponse(() => true);
