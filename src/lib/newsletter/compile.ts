/**
 * A district's newsletter (だより) for a month, compiled from the content: what a volunteer
 * used to retype by hand — the salon dates with their お休み, the events with their 中止・延期,
 * the open recruitments, the latest reports, the desks — read from the same entries and the same
 * calendar logic (src/lib/calendar.ts, the kinds' calendar parts, src/lib/recurrence.ts) as the
 * rest of the site. Change a salon's skip date and the next build's newsletter changes with it.
 *
 * Pure data, no wording: the web page and a print renderer both lay out this one model, and
 * format dates and statuses through the dictionary themselves.
 */
import type { Desk } from '../../schemas/desk.ts';
import type { Event } from '../../schemas/event.ts';
import type { Newsletter } from '../../schemas/newsletter.ts';
import type { Place } from '../../schemas/place.ts';
import type { Recruitment } from '../../schemas/recruitment.ts';
import type { Report } from '../../schemas/report.ts';
import type { Salon } from '../../schemas/salon.ts';
import { kinds, type KindEntry } from '../../kinds/index.ts';
import { compareRecruitments } from '../../kinds/recruitment.ts';
import { qrPath, type QrPath } from '../../flyers/qr.ts';
import {
  addMonths,
  agenda,
  buildCalendarItems,
  districtWithDescendants,
  limitPerDay,
  monthRange,
  type AgendaDay,
  type CalendarItem,
  type DateRange,
} from '../calendar.ts';
import { compareJa } from '../collate.ts';
import { dayNumber, fromDayNumber, weekdayOf } from '../dates.ts';
import { holidayName } from '../holidays.ts';
import type { PagePhoto } from '../media/photos.ts';

/** What the compiler reads: the entries of the site, as the loader validated them. */
export interface NewsletterSources {
  events: readonly KindEntry<Event>[];
  salons: readonly KindEntry<Salon>[];
  recruitments: readonly KindEntry<Recruitment>[];
  reports: readonly KindEntry<Report>[];
  desks: readonly KindEntry<Desk>[];
  places: readonly KindEntry<Pick<Place, 'name' | 'district'>>[];
  districts: readonly { id: string; name: string; parent?: string | undefined }[];
  /** The site's public address, for the QR code (site settings' url). */
  siteUrl: string;
  /**
   * Every calendar item of a month, when the caller keeps them between issues: a build with
   * hundreds of issues otherwise expands every salon's schedule again for each.
   */
  calendarOf?: (range: DateRange) => CalendarItem[];
}

/** Which issue: an entry, or a draft for a month and district that has no entry yet. */
export type IssueRequest =
  | { entry: KindEntry<Newsletter> }
  | { draft: { month: string; district?: string | undefined; picks?: Newsletter['picks'] } };

export interface EventHighlight {
  id: string;
  title: string;
  summary: string;
  start: string;
  end: string;
  status: Event['status'];
  statusNote?: string;
  placeName?: string;
  fee: string;
  /** Last day to apply, when the event asks for applications. */
  deadline?: string;
  contact?: string;
  /** Chosen by the editor rather than compiled for the month and district. */
  picked: boolean;
}

export interface RecruitmentItem {
  id: string;
  title: string;
  role: string;
  deadline?: string;
  howToApply: string;
  contact?: string;
  picked: boolean;
}

export interface ReportItem {
  id: string;
  title: string;
  date: string;
  participants?: number;
  volunteers?: number;
  /** Its first photo with publication consent, if any. */
  photo?: PagePhoto;
  picked: boolean;
}

export interface DeskItem {
  id: string;
  name: string;
  phone: string;
  hours: string;
  helpsWith: readonly string[];
  picked: boolean;
}

export interface CompiledNewsletter {
  /** True when no entry exists yet: printed 下書き, kept out of the sitemap. */
  draft: boolean;
  /** The entry's id; undefined for a draft. */
  id?: string;
  /** 'YYYY-MM'. */
  month: string;
  range: DateRange;
  /** The publishing district; undefined for a town-wide issue. */
  district?: { id: string; name: string };
  /** The districts whose content is compiled: the district and every one below it; empty = the whole town. */
  covers: readonly string[];
  title?: string;
  number?: number;
  /** はじめに, as paragraphs. */
  intro: readonly string[];
  cover?: PagePhoto;
  /** The month's days that have a salon date or an event, and every holiday: a table, day by day. */
  calendar: readonly AgendaDay[];
  /** 'YYYY-MM-DD' → how many items a town-wide issue left out that day (the district calendars have them). */
  hidden: Readonly<Record<string, number>>;
  events: readonly EventHighlight[];
  recruitments: readonly RecruitmentItem[];
  reports: readonly ReportItem[];
  desks: readonly DeskItem[];
  /**
   * How many compiled items each list left out for its limit (ITEM_LIMITS): the issue says so
   * and points to the site, where every one of them is.
   */
  more: Readonly<Record<keyof typeof ITEM_LIMITS, number>>;
  /** The QR code to the district's page (the home page for a town-wide issue). */
  qr: QrPath & { url: string };
}

/** Dates a day on a town-wide issue's calendar, events first (the town calendar's DAY_LIMIT). */
export const TOWN_DAY_LIMIT = 8;

/** Every event day and salon date of the month, through the kinds' calendar parts. */
export function monthItems(sources: Pick<NewsletterSources, 'events' | 'salons' | 'places'>, range: DateRange) {
  const calendarSources = [
    ...sources.events.map(({ id, data }) => ({ collection: 'events', id, data })),
    ...sources.salons.map(({ id, data }) => ({ collection: 'salons', id, data })),
  ];
  return buildCalendarItems(calendarSources, range, new Map(sources.places.map((p) => [p.id, p.data.district])));
}

/**
 * The sources with each month's calendar items made once for all its issues (every district's,
 * the town's, the drafts): the site's issue pages and the print step both compile hundreds of
 * issues from one set of entries, and each month's items otherwise expanded every salon's
 * schedule again for each (3.5 s of a warm 10,000-entry build's print step).
 */
export function withMonthCalendars(sources: Omit<NewsletterSources, 'calendarOf'>): NewsletterSources {
  const months = new Map<string, CalendarItem[]>();
  return {
    ...sources,
    calendarOf(range) {
      let items = months.get(range.from);
      if (!items) months.set(range.from, (items = monthItems(sources, range)));
      return items;
    },
  };
}

/** How many reports an issue carries: a page of a 4-page A4 issue at most. */
export const REPORT_LIMIT = 4;

/**
 * How many compiled events, open recruitments and desks an issue lists at most, the editor's picks
 * besides. Without a limit a busy district's issue ran to 9–20 A4 pages (a town-wide issue of a
 * 10,000-entry town listed 1,337 open recruitments) — more than a 4-page issue holds and nothing
 * the editor could shorten. The rest are on the site, which the issue points to.
 */
export const ITEM_LIMITS = { events: 8, recruitments: 8, desks: 8 } as const;

/**
 * A list of the issue: the compiled and the picked items of `items` in `order`, the compiled ones
 * only up to `limit` (a picked one is always kept); and how many compiled ones were left out.
 */
export function withinLimit<T>(
  items: readonly T[],
  rule: { compiled: (item: T) => boolean; picked: (item: T) => boolean; order: (a: T, b: T) => number; limit: number },
): { kept: T[]; more: number } {
  let compiled = 0;
  let more = 0;
  const kept = items
    .filter((item) => rule.compiled(item) || rule.picked(item))
    .sort(rule.order)
    .filter((item) => {
      if (rule.compiled(item) && compiled < rule.limit) return ++compiled > 0;
      if (rule.picked(item)) return true;
      more++;
      return false;
    });
  return { kept, more };
}
/** Reports of the two months before the issue's month: "latest", not last year's. */
const REPORT_MONTHS = 2;

/** `{ [key]: value }` when there is a value: an optional property stays absent, never undefined. */
const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/** The month's days with something on, plus every holiday (a reader checks 成人の日 even when nothing is on). */
function calendarRows(items: readonly CalendarItem[], range: DateRange): AgendaDay[] {
  const days = new Map(agenda(items).map((day) => [day.date, day]));
  for (let n = dayNumber(range.from), last = dayNumber(range.to); n <= last; n++) {
    const date = fromDayNumber(n);
    const holiday = holidayName(date);
    if (holiday && !days.has(date)) days.set(date, { date, weekday: weekdayOf(date), holiday, items: [] });
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export function compileNewsletter(request: IssueRequest, sources: NewsletterSources): CompiledNewsletter {
  const entry = 'entry' in request ? request.entry : undefined;
  const month = entry ? entry.data.month : 'draft' in request ? request.draft.month : '';
  const districtId = entry ? entry.data.district : 'draft' in request ? request.draft.district : undefined;
  const range = monthRange(month);
  const firstDay = range.from;

  const districtEntry = districtId ? sources.districts.find((d) => d.id === districtId) : undefined;
  if (districtId && !districtEntry) throw new Error(`newsletter ${entry?.id ?? month}: no district "${districtId}"`);
  const covers = districtId ? districtWithDescendants(sources.districts, districtId) : undefined;
  const inArea = (districts: readonly string[]) => !covers || districts.some((d) => covers.has(d));

  const picks = (entry ? entry.data.picks : 'draft' in request ? request.draft.picks : undefined) ?? {};
  const pickedSet = (ids: readonly string[] | undefined) => new Set(ids ?? []);
  const pickedEvents = pickedSet(picks.events);
  const pickedRecruitments = pickedSet(picks.recruitments);
  const pickedReports = pickedSet(picks.reports);
  const pickedDesks = pickedSet(picks.desks);

  const places = new Map(sources.places.map((p) => [p.id, p.data]));
  const placeDistricts = new Map(sources.places.map((p) => [p.id, p.data.district]));

  // The calendar: every salon date and event day of the month in the area, through the kinds'
  // calendar parts (お休み, holidays, 中止・延期 as everywhere else on the site).
  const all = sources.calendarOf?.(range) ?? monthItems(sources, range);
  const items = all.filter(
    (item) => inArea(item.districts) || (item.collection === 'events' && pickedEvents.has(item.id)),
  );
  // A town-wide issue lists one-off events first and at most a few dates a day, as the town's
  // calendar does: a region of thousands of salons would otherwise print every salon date.
  const shown = covers ? { items, hidden: {} } : limitPerDay(items, TOWN_DAY_LIMIT);

  // The month's events in the area; a picked one may be of another district or month.
  const compiledEvents = new Set(
    items.filter((i) => i.collection === 'events' && inArea(i.districts)).map((i) => i.id),
  );
  const eventsIn = withinLimit(sources.events, {
    compiled: (e) => compiledEvents.has(e.id),
    picked: (e) => pickedEvents.has(e.id),
    order: (a, b) => a.data.start.localeCompare(b.data.start) || compareJa(a.data.title, b.data.title),
    limit: ITEM_LIMITS.events,
  });
  const events = eventsIn.kept.map(({ id, data }): EventHighlight => ({
    id,
    title: data.title,
    summary: data.summary,
    start: data.start,
    end: data.end,
    status: data.status,
    ...opt('statusNote', data.statusNote),
    ...opt('placeName', places.get(data.place)?.name),
    fee: data.fee,
    ...opt('deadline', data.application?.deadline),
    ...opt('contact', data.contact),
    picked: !compiledEvents.has(id),
  }));

  // Open on the month's first day: a past deadline or a closed recruitment is not advertised.
  const openInArea = (r: KindEntry<Recruitment>) =>
    inArea(r.data.districts) && kinds.recruitments.lifecycle(r.data, firstDay) !== 'past';
  const recruitmentsIn = withinLimit(sources.recruitments, {
    compiled: openInArea,
    picked: (r) => pickedRecruitments.has(r.id),
    order: compareRecruitments(firstDay),
    limit: ITEM_LIMITS.recruitments,
  });
  const recruitments = recruitmentsIn.kept.map((r): RecruitmentItem => ({
    id: r.id,
    title: r.data.title,
    role: r.data.role,
    ...opt('deadline', r.data.deadline),
    howToApply: r.data.howToApply,
    ...opt('contact', r.data.contact),
    picked: !openInArea(r),
  }));

  const reportsFrom = `${addMonths(month, -REPORT_MONTHS)}-01`;
  const recent = (r: KindEntry<Report>) => r.data.date >= reportsFrom && r.data.date < firstDay;
  const newestFirst = (a: KindEntry<Report>, b: KindEntry<Report>) =>
    b.data.date.localeCompare(a.data.date) || compareJa(a.data.title, b.data.title);
  const compiledReports = sources.reports
    .filter((r) => inArea(r.data.districts) && recent(r))
    .sort(newestFirst)
    .slice(0, REPORT_LIMIT);
  const reports = [
    ...compiledReports,
    ...sources.reports.filter((r) => pickedReports.has(r.id) && !compiledReports.includes(r)).sort(newestFirst),
  ].map(({ id, data }): ReportItem => {
    const [photo] = kinds.reports.photos(data);
    return {
      id,
      title: data.title,
      date: data.date,
      ...opt('participants', data.participants),
      ...opt('volunteers', data.volunteers),
      ...opt('photo', photo),
      picked: !compiledReports.some((r) => r.id === id),
    };
  });

  // A desk is where its place is; the editor adds the town-wide ones a district relies on.
  const deskInArea = (d: KindEntry<Desk>) => inArea(kinds.desks.districts(d.data, placeDistricts));
  const desksIn = withinLimit(sources.desks, {
    compiled: deskInArea,
    picked: (d) => pickedDesks.has(d.id),
    order: (a, b) => Number(!deskInArea(a)) - Number(!deskInArea(b)) || compareJa(a.data.name, b.data.name),
    limit: ITEM_LIMITS.desks,
  });
  const desks = desksIn.kept.map(({ id, data }): DeskItem => ({
    id,
    name: data.name,
    phone: data.phone,
    hours: data.hours,
    helpsWith: data.helpsWith,
    picked: !deskInArea({ id, data }),
  }));

  const url = new URL(districtId ? `/area/${districtId}/` : '/', sources.siteUrl).href;
  const [cover] = entry ? kinds.newsletters.photos(entry.data) : [];
  return {
    draft: !entry,
    ...opt('id', entry?.id),
    month,
    range,
    ...opt('district', districtEntry && { id: districtEntry.id, name: districtEntry.name }),
    covers: covers ? [...covers] : [],
    ...opt('title', entry?.data.title),
    ...opt('number', entry?.data.number),
    intro: entry ? entry.data.intro.split(/\n\s*\n/).map((p) => p.trim()) : [],
    ...opt('cover', cover),
    calendar: calendarRows(shown.items, range),
    hidden: shown.hidden,
    events,
    recruitments,
    reports,
    desks,
    more: { events: eventsIn.more, recruitments: recruitmentsIn.more, desks: desksIn.more },
    qr: { ...qrPath(url), url },
  };
}
