/**
 * The print edition of a newsletter (だより) as Satori blocks: the compiled issue
 * (src/lib/newsletter/compile.ts) read into a masthead, はじめに, the month's calendar as a
 * table, the events, recruitments, reports, free articles, desks and the QR code — each a block
 * of lines broken as the flyers break Japanese text (text.ts), for pagination (paginate.ts) to
 * place on A4 pages. Wording through the dictionary, as the web page words it. The colour
 * edition uses the issue's accent colour; the black-and-white one (回覧板) black on white with
 * rules instead of fills, so a photocopy keeps every line.
 */
import { t } from '../../i18n/index.ts';
import { kindOf } from '../../kinds/index.ts';
import { timeOn, type AgendaDay, type CalendarItem } from '../../lib/calendar.ts';
import { weekdayKey } from '../../lib/dates.ts';
import { formatDate, formatPeriod } from '../../lib/facts.ts';
import type { CompiledNewsletter } from '../../lib/newsletter/compile.ts';
import type { PagePhoto } from '../../lib/media/photos.ts';
import { canvasOf, PAPER } from '../paper.ts';
import type { Measure } from '../text.ts';
import { breakLines } from '../text.ts';
import { snapBorder } from '../layout/borders.ts';
import { el, LINE, SLOT, tagged, type El, type Style } from '../layout/elements.ts';
import { TEXT_LINE } from '../text-svg.ts';
import type { PageBlock, PlainBlock } from './paginate.ts';
import type { Edition } from './paths.ts';

export const PAGE = canvasOf(PAPER.a4);
const MARGIN_X = 40;
const MARGIN_TOP = 36;
/** Below the content: the page number line. */
const FOOTER = 44;
export const INNER_WIDTH = PAGE.width - 2 * MARGIN_X;
/** Height the blocks of one page may take. */
export const CAPACITY = PAGE.height - MARGIN_TOP - FOOTER;
/** Space between blocks on a page. */
export const GAP = 9;

export type { Edition } from './paths.ts';

interface Ink {
  accent: string;
  /** Light fill behind headings and the table header; white in black and white. */
  tint: string;
  ink: string;
  muted: string;
  /** 中止・お休み and Sundays/holidays: red in colour, black (and in words) in black and white. */
  alert: string;
}

const COLOUR: Ink = { accent: '#1b6e3a', tint: '#e7f3ea', ink: '#1a1a1a', muted: '#4a4a4a', alert: '#b3261e' };

/** The ideographic space, between the parts of a line of Japanese. */
const SPACE = '\u3000';

/** Type sizes in pt at scale 1; a full month is set smaller (render.ts) to stay within 4 pages. */
interface Sizes {
  title: number;
  h2: number;
  h3: number;
  body: number;
  small: number;
  table: number;
}

/**
 * An edition as data, as the flyers' templates are (layout/templates.ts): its inks, type sizes
 * and the widths that follow from them. The blocks read these and never the edition's name.
 */
interface EditionSpec {
  ink: Ink;
  size: Sizes;
  /** The calendar's day column: 「31日（水）」 and a holiday's name under it. */
  dayWidth: number;
  /** The counts table's first column: 「ボランティア」. */
  labelWidth: number;
}

const STANDARD: Sizes = { title: 24, h2: 14.5, h3: 12, body: 10.5, small: 9, table: 10 };

const SPECS: Record<Edition, EditionSpec> = {
  color: { ink: COLOUR, size: STANDARD, dayWidth: 92, labelWidth: 92 },
  bw: {
    ink: { accent: '#000', tint: '#fff', ink: '#000', muted: '#000', alert: '#000' },
    size: STANDARD,
    dayWidth: 92,
    labelWidth: 92,
  },
  // About 1.45 times the standard, as the flyers' 大きな文字 sets its facts (21 pt against 14):
  // the body at 15 pt and nothing under 13 pt, the size large-print guidance asks for at least.
  large: {
    ink: COLOUR,
    size: { title: 32, h2: 20, h3: 17, body: 15, small: 13, table: 14.5 },
    dayWidth: 124,
    labelWidth: 118,
  },
};

/**
 * A laid-out block: its element and how pagination sees it. Pagination takes `block`'s heights
 * as they are, so each must be the room Satori gives the element — lines of fixed height, rules
 * as Satori lays them out (snapBorder), pictures of a stated size; tests/unit/newsletter-pdf.test.ts
 * lays every sample block out in Satori to check it.
 */
export interface PrintBlock {
  block: PageBlock;
  /** The whole block, or for a table: the header row and the rows, picked per page. */
  el?: El;
  head?: El;
  rows?: El[];
  /** Rows that are a paragraph's lines: each page's part is a P, not a Table. */
  paragraph?: boolean;
}

/** A block kept whole on a page (not a table's rows). */
type PlainPrintBlock = PrintBlock & { block: PlainBlock; el: El };

interface Ctx {
  ink: Ink;
  measure: Measure;
  edition: Edition;
  size: Sizes;
  dayWidth: number;
  labelWidth: number;
  photos: ReadonlyMap<string, string>;
}

/** Data attribute carrying a Figure's alternative text to the PDF's tags (render.ts). */
export const ALT = 'data-alt';

/** A photo as a Figure of a fixed size, cropped to fill it; undefined if its picture is missing. */
function photoEl(ctx: Ctx, photo: PagePhoto | undefined, width: number, height: number): El | undefined {
  const uri = photo && ctx.photos.get(photo.src);
  if (!photo || !uri) return undefined;
  const img: El = {
    type: 'img',
    props: { src: uri, alt: photo.alt, width, height, style: { width, height, objectFit: 'cover' } },
  };
  return tagged(el('div', { width, height, flexShrink: 0 }, [img], { [ALT]: photo.alt }), 'Figure');
}

/** Lines of text as one element of known height; `tag` names it in the PDF's structure. */
function text(
  ctx: Ctx,
  value: string,
  options: { size?: number; bold?: boolean; color?: string; width?: number; tag?: string; indent?: number } = {},
): { el: El; height: number } {
  const size = options.size ?? ctx.size.body;
  const bold = options.bold ?? false;
  const width = (options.width ?? INNER_WIDTH) - (options.indent ?? 0);
  const lineHeight = Math.ceil(size * LINE);
  const lines = value
    .split('\n')
    .flatMap((part) => (part.trim() ? breakLines(part, { width, fontSize: size, bold, measure: ctx.measure }) : []));
  const element = el(
    'div',
    { flexDirection: 'column', flexShrink: 0, marginLeft: options.indent ?? 0 },
    lines.map((line) =>
      el(
        'div',
        {
          height: lineHeight,
          fontSize: size,
          lineHeight: `${lineHeight}px`,
          whiteSpace: 'nowrap',
          fontWeight: bold ? 700 : 400,
          color: options.color ?? ctx.ink.ink,
          flexShrink: 0,
        },
        line,
        // Written after Satori has placed the line (text-svg.ts), as a flyer's lines are.
        { [TEXT_LINE]: true },
      ),
    ),
  );
  return { el: options.tag ? tagged(element, options.tag) : element, height: lineHeight * lines.length };
}

const column = (children: El[], style: Style = {}): El =>
  el('div', { flexDirection: 'column', flexShrink: 0, ...style }, children);

function heading(ctx: Ctx, id: string, title: string): PrintBlock {
  const bw = ctx.edition === 'bw';
  const line = text(ctx, title, { size: ctx.size.h2, bold: true, color: bw ? '#000' : ctx.ink.accent, tag: 'H2' });
  const rule = bw ? 1.5 : 1;
  const element = column([line.el], {
    paddingLeft: 8,
    paddingBottom: 2,
    borderLeft: `6px solid ${ctx.ink.accent}`,
    borderBottom: `${rule}px solid ${ctx.ink.accent}`,
    backgroundColor: ctx.ink.tint,
  });
  return { block: { id, height: line.height + 2 + snapBorder(rule), keepWithNext: true }, el: element };
}

/**
 * A paragraph that may break between its lines at a page's end, as a table does between rows
 * (no header; at least two lines on either side): a long article never runs past a page.
 */
function paragraphBlock(ctx: Ctx, id: string, value: string): PrintBlock {
  const whole = text(ctx, value);
  const lines = (whole.el.props.children as El[]) ?? [];
  const lineHeight = lines.length ? whole.height / lines.length : 0;
  return {
    block: { id, head: 0, rows: lines.map(() => lineHeight), minRows: 2 },
    rows: lines,
    paragraph: true,
  };
}

/** A stack of texts as one block (an event, a desk): kept whole on a page. */
function stack(id: string, parts: { el: El; height: number }[], style: Style = {}, extra = 0): PlainPrintBlock {
  return {
    block: { id, height: parts.reduce((sum, p) => sum + p.height, 0) + extra },
    el: column(
      parts.map((p) => p.el),
      style,
    ),
  };
}

function masthead(ctx: Ctx, issue: CompiledNewsletter, title: string): PrintBlock[] {
  const [year, month] = issue.month.split('-').map(Number);
  const issueLine = [
    t('newsletter.publisher', { publisher: issue.district?.name ?? t('newsletter.town') }),
    t('newsletter.issue', { year: year ?? '', month: month ?? '' }),
    ...(issue.number ? [t('newsletter.number', { number: issue.number })] : []),
  ].join(SPACE);
  const bw = ctx.edition === 'bw';
  const parts = [
    text(ctx, issueLine, { size: ctx.size.body, bold: true, color: bw ? '#000' : ctx.ink.accent }),
    text(ctx, issue.draft ? `${title}（${t('newsletter.draft')}）` : title, {
      size: ctx.size.title,
      bold: true,
      tag: 'H1',
    }),
  ];
  const blocks = [stack('masthead', parts, { paddingBottom: 6, borderBottom: `4px double ${ctx.ink.accent}` }, 10)];
  if (issue.draft) {
    const note = text(ctx, `${t('newsletter.draft')}${SPACE}${t('newsletter.draftNote')}`, {
      bold: true,
      color: ctx.ink.alert,
      width: INNER_WIDTH - 16,
      tag: 'P',
    });
    blocks.push(stack('draft', [note], { padding: 6, border: `2px solid ${ctx.ink.alert}` }, 16));
  }
  return blocks;
}

function calendarEntry(item: CalendarItem): string {
  const { from, to } = timeOn(item);
  const time = from || to ? `${from ?? ''}〜${to ?? ''} ` : '';
  const badge =
    item.status === 'skipped'
      ? item.holiday
        ? t('calendar.skippedHoliday', { holiday: item.holiday })
        : t('calendar.skipped')
      : item.status === 'cancelled'
        ? t('calendar.cancelled')
        : item.status === 'postponed'
          ? t('calendar.postponed')
          : '';
  const label = kindOf(item.collection).calendar?.label;
  return `${time}${badge ? `【${badge}】` : ''}${label ? `［${t(label)}］` : ''}${item.title}`;
}

const CELL_PAD = 4;

function calendarTable(ctx: Ctx, days: readonly AgendaDay[], hidden: Readonly<Record<string, number>>): PrintBlock {
  const cell = (children: El, width: number, tag: string, style: Style = {}) =>
    tagged(
      el('div', { width, flexShrink: 0, flexDirection: 'column', padding: `${CELL_PAD}px 6px`, ...style }, [children]),
      tag,
    );
  const headRow = (): { el: El; height: number } => {
    const day = text(ctx, t('newsletter.day'), { bold: true, size: ctx.size.table, width: ctx.dayWidth - 12 });
    const what = text(ctx, t('newsletter.what'), {
      bold: true,
      size: ctx.size.table,
      width: INNER_WIDTH - ctx.dayWidth - 12,
    });
    return {
      el: tagged(
        el(
          'div',
          {
            flexDirection: 'row',
            flexShrink: 0,
            backgroundColor: ctx.ink.tint,
            borderBottom: `1.5px solid ${ctx.ink.ink}`,
          },
          [cell(day.el, ctx.dayWidth, 'TH'), cell(what.el, INNER_WIDTH - ctx.dayWidth, 'TH')],
        ),
        'TR',
      ),
      height: Math.max(day.height, what.height) + 2 * CELL_PAD + snapBorder(1.5),
    };
  };
  const rows = days.map((day) => {
    const red = day.weekday === 0 || !!day.holiday;
    const dayText = t('newsletter.dayCell', {
      day: Number(day.date.slice(8)),
      weekday: t(`weekday.${weekdayKey(day.weekday)}`),
    });
    const dayCell = text(ctx, day.holiday ? `${dayText}\n${day.holiday}` : dayText, {
      size: ctx.size.table,
      bold: true,
      color: red ? ctx.ink.alert : ctx.ink.ink,
      width: ctx.dayWidth - 12,
    });
    const more = hidden[day.date];
    const entries = [...day.items.map(calendarEntry), ...(more ? [t('newsletterPdf.more', { count: more })] : [])];
    const what = text(ctx, entries.join('\n') || '―', { size: ctx.size.table, width: INNER_WIDTH - ctx.dayWidth - 12 });
    const height = Math.max(dayCell.height, what.height) + 2 * CELL_PAD + snapBorder(0.75);
    return {
      el: tagged(
        el('div', { flexDirection: 'row', flexShrink: 0, borderBottom: `0.75px solid ${ctx.ink.muted}` }, [
          cell(dayCell.el, ctx.dayWidth, 'TH', { borderRight: `0.75px solid ${ctx.ink.muted}` }),
          cell(what.el, INNER_WIDTH - ctx.dayWidth, 'TD'),
        ]),
        'TR',
      ),
      height,
    };
  });
  const head = headRow();
  return {
    block: { id: 'calendar-table', head: head.height, rows: rows.map((r) => r.height), minRows: 3 },
    head: head.el,
    rows: rows.map((r) => r.el),
  };
}

const INDENT = 10;
/** Below an item's lines: its padding and its rule, as Satori lays the rule out (snapBorder). */
const ITEM_BELOW = 4 + snapBorder(0.5);

/** An item of a section: a title line, then its facts, indented under it. */
function item(
  ctx: Ctx,
  id: string,
  title: string,
  lines: (string | undefined)[],
  titleColor?: string,
  width = INNER_WIDTH,
): PlainPrintBlock {
  const parts = [
    text(ctx, title, { size: ctx.size.h3, bold: true, tag: 'H3', width, ...(titleColor ? { color: titleColor } : {}) }),
    ...lines.filter((l): l is string => !!l).map((l) => text(ctx, l, { indent: INDENT, tag: 'P', width })),
  ];
  return stack(id, parts, { paddingBottom: 4, borderBottom: `0.5px solid ${ctx.ink.muted}` }, ITEM_BELOW);
}

/** Free articles (the entry's Markdown body): its headings and paragraphs, as plain text. */
/** Under a list the issue shortened (ITEM_LIMITS): how many more, on the site the QR code opens. */
const moreLine = (ctx: Ctx, id: string, count: number): PrintBlock =>
  stack(id, [text(ctx, t('newsletterPdf.moreOnline', { count }), { bold: true, tag: 'P' })], { paddingTop: 4 }, 4);

function articles(ctx: Ctx, body: string): PrintBlock[] {
  const blocks: PrintBlock[] = [];
  body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .forEach((paragraph, i) => {
      const heading2 = /^#{1,3}\s+(.*)$/.exec(paragraph);
      if (heading2) blocks.push(heading(ctx, `article-${i}`, heading2[1] as string));
      else {
        const plain = paragraph
          .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
          .replace(/[*_`]/g, '')
          .replace(/^[-*]\s+/gm, '・');
        blocks.push(paragraphBlock(ctx, `article-${i}`, plain));
      }
    });
  return blocks;
}

export interface MonthCount {
  /** 'YYYY-MM'. */
  month: string;
  participants: number;
  volunteers: number;
}

const CHART_HEIGHT = 56;

/**
 * The district's participants and volunteers per month as bars drawn with boxes (vector, as
 * crisp as the text), and the same numbers as a table beneath — what a screen reader reads; the
 * bars are one Figure whose alt points to it. Black and white: filled and outlined bars, which a
 * photocopy keeps apart. Undefined when nothing was counted.
 */
function countsBlock(ctx: Ctx, counts: readonly MonthCount[]): PrintBlock | undefined {
  const max = Math.max(0, ...counts.flatMap((c) => [c.participants, c.volunteers]));
  if (!counts.length || max === 0) return undefined;
  const col = (INNER_WIDTH - ctx.labelWidth) / counts.length;
  const barWidth = Math.max(4, Math.floor((col - 8) / 2));
  const fillP = ctx.edition === 'bw' ? '#000' : ctx.ink.accent;
  // No bar at all for a zero: an outlined box of no height would still print as a line.
  const bar = (value: number, filled: boolean): El =>
    el('div', {
      width: barWidth,
      height: value ? Math.max(1, Math.round((value / max) * CHART_HEIGHT)) : 0,
      flexShrink: 0,
      ...(value
        ? { backgroundColor: filled ? fillP : '#fff', border: filled ? 'none' : `1px solid ${ctx.ink.ink}` }
        : {}),
    });
  const first = counts[0] as MonthCount;
  const last = counts[counts.length - 1] as MonthCount;
  const monthName = (m: string) => t('stats.monthLabel', { year: Number(m.slice(0, 4)), month: Number(m.slice(5, 7)) });
  const range = t('stats.monthly', { from: monthName(first.month), to: monthName(last.month) });
  // The legend in words beside the title: filled for participants, outlined for volunteers.
  const caption = text(ctx, `${range}${SPACE}■ ${t('stats.participants')}${SPACE}□ ${t('stats.volunteers')}`, {
    size: ctx.size.small,
    tag: 'P',
  });
  const figure = tagged(
    el(
      'div',
      { flexDirection: 'row', alignItems: 'flex-end', height: CHART_HEIGHT, flexShrink: 0 },
      [
        el('div', { width: ctx.labelWidth, height: CHART_HEIGHT, flexShrink: 0 }),
        ...counts.map((c) =>
          el('div', { width: col, justifyContent: 'center', alignItems: 'flex-end', flexShrink: 0 }, [
            bar(c.participants, true),
            el('div', { width: 2, height: 1, flexShrink: 0 }),
            bar(c.volunteers, false),
          ]),
        ),
      ],
      {
        [ALT]: t('newsletterPdf.chartAlt', {
          title: t('newsletter.counts'),
          range: `${monthName(first.month)}〜${monthName(last.month)}`,
        }),
      },
    ),
    'Figure',
  );
  const cellText = (value: string, bold = false, width = col) =>
    text(ctx, value, { size: ctx.size.small, bold, width });
  const ROW_RULE = 0.5;
  const row = (head: string, values: string[], header = false): { el: El; height: number } => {
    const label = cellText(head, true, ctx.labelWidth - 2);
    const cells = values.map((v) => cellText(v, header));
    return {
      el: tagged(
        el('div', { flexDirection: 'row', flexShrink: 0, borderTop: `${ROW_RULE}px solid ${ctx.ink.muted}` }, [
          tagged(el('div', { width: ctx.labelWidth, flexShrink: 0 }, [label.el]), 'TH'),
          ...cells.map((cell) =>
            tagged(el('div', { width: col, justifyContent: 'center', flexShrink: 0 }, [cell.el]), header ? 'TH' : 'TD'),
          ),
        ]),
        'TR',
      ),
      // As tall as its tallest cell, under its rule.
      height: Math.max(label.height, ...cells.map((c) => c.height)) + snapBorder(ROW_RULE),
    };
  };
  const rows = [
    row(
      t('stats.month'),
      counts.map((c) => t('newsletterPdf.monthShort', { month: Number(c.month.slice(5, 7)) })),
      true,
    ),
    row(
      t('stats.participants'),
      counts.map((c) => String(c.participants)),
    ),
    row(
      t('stats.volunteers'),
      counts.map((c) => String(c.volunteers)),
    ),
  ];
  const table = tagged(column(rows.map((r) => r.el)), 'Table');
  const SPACING = 4;
  return {
    block: {
      id: 'counts',
      height: caption.height + SPACING + CHART_HEIGHT + SPACING + rows.reduce((sum, r) => sum + r.height, 0),
    },
    el: column([caption.el, column([figure], { marginTop: SPACING }), column([table], { marginTop: SPACING })]),
  };
}

export const QR_SIZE = 96;
/** The cover photo (3:2) and a report's photo, in pt. */
const COVER = { width: 240, height: 160 };
const THUMB = { width: 120, height: 80 };

function qrBlock(ctx: Ctx, issue: CompiledNewsletter): PrintBlock {
  const place = issue.district?.name;
  const label = place ? t('newsletter.qr', { place }) : t('newsletter.qrHome');
  const width = INNER_WIDTH - QR_SIZE - 16;
  const parts = [
    text(ctx, label, { bold: true, size: ctx.size.h3, width }),
    text(ctx, t('newsletter.qrNote'), { width }),
    text(ctx, issue.qr.url, { width, size: ctx.size.small, color: ctx.ink.muted }),
  ];
  const textHeight = parts.reduce((s, p) => s + p.height, 0);
  const alt = t('newsletter.qrAlt', { place: place ?? t('newsletter.qrHome'), url: issue.qr.url });
  const element = el(
    'div',
    { flexDirection: 'row', flexShrink: 0, alignItems: 'center', border: `1px solid ${ctx.ink.muted}`, padding: 6 },
    [
      tagged(
        el('div', { width: QR_SIZE, height: QR_SIZE, flexShrink: 0 }, undefined, { [SLOT]: 'qr', 'data-alt': alt }),
        'Figure',
      ),
      tagged(
        column(
          parts.map((p) => p.el),
          { marginLeft: 14 },
        ),
        'P',
      ),
    ],
  );
  return { block: { id: 'qr', height: Math.max(QR_SIZE, textHeight) + 14 }, el: element };
}

/** Every block of the issue, in reading order. */
export function newsletterBlocks(
  issue: CompiledNewsletter,
  options: {
    title: string;
    body?: string;
    edition: Edition;
    measure: Measure;
    scale?: number;
    /** The photos' pictures as data: URIs by their src (render.ts reads them through the media gate). */
    photos?: ReadonlyMap<string, string>;
    /** False to leave the reports' photos out (a full month that would not fit in 4 pages). */
    reportPhotos?: boolean;
    /** Participants and volunteers per month, the last 12 months (sources.ts: monthlyCounts). */
    counts?: readonly MonthCount[];
  },
): PrintBlock[] {
  const scale = options.scale ?? 1;
  const spec = SPECS[options.edition];
  const size = Object.fromEntries(Object.entries(spec.size).map(([k, v]) => [k, Math.round(v * scale * 2) / 2]));
  const ctx: Ctx = {
    photos: options.photos ?? new Map(),
    ink: spec.ink,
    measure: options.measure,
    edition: options.edition,
    size: size as unknown as Sizes,
    dayWidth: spec.dayWidth,
    labelWidth: spec.labelWidth,
  };

  const [, month] = issue.month.split('-').map(Number);
  const blocks: PrintBlock[] = [...masthead(ctx, issue, options.title)];

  if (issue.intro.length) {
    blocks.push(heading(ctx, 'intro-h', t('newsletter.intro')));
    issue.intro.forEach((p, i) => blocks.push(paragraphBlock(ctx, `intro-${i}`, p)));
  }
  const cover = photoEl(ctx, issue.cover, COVER.width, COVER.height);
  if (cover && issue.cover) {
    const caption = text(ctx, issue.cover.caption ?? '', {
      size: ctx.size.small,
      width: INNER_WIDTH - COVER.width - 14,
      color: ctx.ink.muted,
      tag: 'P',
    });
    blocks.push({
      // The caption beside the photo, at its foot: a long one makes the row taller.
      block: { id: 'cover', height: Math.max(COVER.height, caption.height) },
      el: el('div', { flexDirection: 'row', alignItems: 'flex-end', flexShrink: 0 }, [
        cover,
        column([caption.el], { marginLeft: 14 }),
      ]),
    });
  }

  blocks.push(heading(ctx, 'calendar-h', t('newsletter.calendar', { month: month ?? '' })));
  blocks.push(stack('calendar-lead', [text(ctx, t('newsletter.calendarLead'), { size: ctx.size.small, tag: 'P' })]));
  if (issue.calendar.length) blocks.push(calendarTable(ctx, issue.calendar, issue.hidden ?? {}));
  else blocks.push(stack('calendar-empty', [text(ctx, t('newsletter.calendarEmpty'), { tag: 'P' })]));

  if (issue.events.length) {
    blocks.push(heading(ctx, 'events-h', t('newsletter.events')));
    for (const event of issue.events) {
      const off = event.status !== 'scheduled';
      blocks.push(
        item(
          ctx,
          `event-${event.id}`,
          `${off ? `【${t(`eventStatus.${event.status}`)}】` : ''}${event.picked ? `［${t('newsletter.picked')}］` : ''}${event.title}`,
          [
            event.statusNote,
            formatPeriod(event.start, event.end),
            [event.placeName && `${t('newsletter.place')}: ${event.placeName}`, `${t('newsletter.fee')}: ${event.fee}`]
              .filter(Boolean)
              .join(SPACE),
            event.summary,
            event.deadline && t('newsletter.applyBy', { date: formatDate(event.deadline) }),
            event.contact && t('newsletterPdf.contact', { contact: event.contact }),
          ],
          off ? ctx.ink.alert : undefined,
        ),
      );
    }
    if (issue.more.events) blocks.push(moreLine(ctx, 'events-more', issue.more.events));
  }

  if (issue.recruitments.length) {
    blocks.push(heading(ctx, 'recruitments-h', t('newsletter.recruitments')));
    for (const r of issue.recruitments)
      blocks.push(
        item(ctx, `recruitment-${r.id}`, r.title, [
          t('newsletterPdf.role', { role: r.role }),
          r.deadline ? t('newsletter.deadline', { date: formatDate(r.deadline) }) : t('newsletter.noDeadline'),
          r.howToApply,
          r.contact && t('newsletterPdf.contact', { contact: r.contact }),
        ]),
      );
    if (issue.more.recruitments) blocks.push(moreLine(ctx, 'recruitments-more', issue.more.recruitments));
  }

  if (issue.reports.length) {
    blocks.push(heading(ctx, 'reports-h', t('newsletter.reports')));
    for (const r of issue.reports) {
      const counts =
        r.participants !== undefined && r.volunteers !== undefined
          ? t('newsletter.reportCounts', { participants: r.participants, volunteers: r.volunteers })
          : r.participants !== undefined
            ? t('newsletter.reportParticipants', { participants: r.participants })
            : undefined;
      const photo = options.reportPhotos === false ? undefined : photoEl(ctx, r.photo, THUMB.width, THUMB.height);
      const report = item(
        ctx,
        `report-${r.id}`,
        r.title,
        [[formatDate(r.date), counts].filter(Boolean).join(SPACE), r.photo?.caption],
        undefined,
        photo ? INNER_WIDTH - THUMB.width - 12 : INNER_WIDTH,
      );
      if (photo && report.el) {
        // The photo beside the report's lines: the block is as tall as the taller of the two.
        const inner = report.el.props.children as El[];
        const lines = report.block.height - ITEM_BELOW;
        report.block = { ...report.block, height: Math.max(THUMB.height, lines) + ITEM_BELOW };
        report.el = el(
          'div',
          { flexDirection: 'row', flexShrink: 0, paddingBottom: 4, borderBottom: `0.5px solid ${ctx.ink.muted}` },
          [photo, column(inner, { marginLeft: 12 })],
        );
      }
      blocks.push(report);
    }
  }

  const counts = options.counts && countsBlock(ctx, options.counts);
  if (counts) blocks.push(heading(ctx, 'counts-h', t('newsletter.counts')), counts);

  if (options.body?.trim()) {
    blocks.push(...articles(ctx, options.body));
  }

  blocks.push(heading(ctx, 'desks-h', t('newsletter.desks')));
  if (issue.desks.length)
    for (const d of issue.desks)
      blocks.push(
        item(ctx, `desk-${d.id}`, d.name, [
          t('newsletter.phone', { phone: d.phone }),
          `${t('newsletter.hours')}: ${d.hours}`,
          d.helpsWith.join('・'),
        ]),
      );
  else blocks.push(stack('desks-empty', [text(ctx, t('newsletter.desksEmpty'), { tag: 'P' })]));
  if (issue.more.desks) blocks.push(moreLine(ctx, 'desks-more', issue.more.desks));

  blocks.push(qrBlock(ctx, issue));
  return blocks;
}

/** One page: the pieces stacked from the top margin, the page number at the foot. */
export function pageElement(children: El[], footer: string, edition: Edition, fontFamily: string): El {
  const { ink, size } = SPECS[edition];
  return el(
    'div',
    {
      width: PAGE.width,
      height: PAGE.height,
      flexDirection: 'column',
      backgroundColor: '#fff',
      color: ink.ink,
      fontFamily,
      position: 'relative',
    },
    [
      el(
        'div',
        { position: 'absolute', top: MARGIN_TOP, left: MARGIN_X, width: INNER_WIDTH, flexDirection: 'column' },
        children,
        { [SLOT]: 'content' },
      ),
      tagged(
        el(
          'div',
          {
            position: 'absolute',
            left: MARGIN_X,
            width: INNER_WIDTH,
            top: PAGE.height - FOOTER + 14,
            height: Math.ceil(size.small * LINE),
            justifyContent: 'center',
            fontSize: size.small,
            color: ink.muted,
          },
          footer,
        ),
        'Artifact',
      ),
    ],
  );
}

/** The blocks of one page: pieces placed by pagination, a gap between them. */
export function pageChildren(
  blocks: ReadonlyMap<string, PrintBlock>,
  pieces: readonly { id: string; rows?: [number, number] }[],
): El[] {
  return pieces.map((piece, i) => {
    const b = blocks.get(piece.id) as PrintBlock;
    const style: Style = i ? { marginTop: GAP } : {};
    if (piece.rows && b.paragraph && b.rows)
      return tagged(column(b.rows.slice(piece.rows[0], piece.rows[1]), style), 'P');
    if (piece.rows && b.head && b.rows)
      return tagged(column([b.head, ...b.rows.slice(piece.rows[0], piece.rows[1])], style), 'Table');
    return column([b.el as El], style);
  });
}
