/**
 * 「わが家の防災メモ」 as one A4 Satori sheet (render.ts draws it into a PDF): the numbers to
 * call in large figures, the shelters under each hazard, the 自主防災組織, how to register for
 * help to evacuate, and labelled lines to write on by hand. Black on white with rules, never
 * fills: it goes round on the 回覧板 as a photocopy and is read by older residents, so the body
 * is set at 12.5 pt and more (scaled down only as far as a town-wide sheet needs to fit).
 */
import { t } from '../../i18n/index.ts';
import type { BosaiMemo } from '../../lib/bosai-memo.ts';
import { formatDate } from '../../lib/facts.ts';
import { canvasOf, PAPER } from '../paper.ts';
import { breakLines, type Measure } from '../text.ts';
import { el, LINE, SLOT, tagged, type El, type Style } from '../layout/elements.ts';
import { TEXT_LINE } from '../text-svg.ts';

export const SHEET = canvasOf(PAPER.a4);
const MARGIN = 34;
export const INNER = SHEET.width - 2 * MARGIN;
/** The height the content may take: the sheet less its margins and the footer line. */
const FOOTER = 20;
export const CAPACITY = SHEET.height - 2 * MARGIN - FOOTER;
/** Labels of the shelters' hazards and of the lines to write on. */
const LABEL_WIDTH = 150;

const BASE = { title: 28, area: 18, h2: 15, body: 12, number: 26, small: 10.5 };

interface Ctx {
  measure: Measure;
  size: typeof BASE;
}

/** Lines of text at a known width, each line a box of known height. */
function text(
  ctx: Ctx,
  value: string,
  options: { size?: number; bold?: boolean; width?: number; tag?: string; style?: Style } = {},
): El {
  const size = options.size ?? ctx.size.body;
  const bold = options.bold ?? false;
  const h = Math.ceil(size * LINE);
  const lines = breakLines(value, { width: options.width ?? INNER, fontSize: size, bold, measure: ctx.measure });
  const element = el(
    'div',
    { flexDirection: 'column', flexShrink: 0, ...options.style },
    lines.map((line) =>
      el(
        'div',
        { height: h, fontSize: size, lineHeight: `${h}px`, whiteSpace: 'nowrap', fontWeight: bold ? 700 : 400 },
        line,
        // Written after Satori has placed the line (text-svg.ts), as a flyer's lines are.
        { [TEXT_LINE]: true },
      ),
    ),
  );
  return options.tag ? tagged(element, options.tag) : element;
}

const column = (children: El[], style: Style = {}): El =>
  el('div', { flexDirection: 'column', flexShrink: 0, ...style }, children);
const row = (children: El[], style: Style = {}): El =>
  el('div', { flexDirection: 'row', flexShrink: 0, ...style }, children);

function heading(ctx: Ctx, title: string): El {
  return column([text(ctx, title, { size: ctx.size.h2, bold: true, tag: 'H2' })], {
    borderBottom: '2px solid #000',
    paddingLeft: 8,
    borderLeft: '7px solid #000',
    marginTop: 6 * (ctx.size.body / BASE.body),
    marginBottom: 3,
  });
}

/** 119, 110, 171 as large figures in boxes, the town's own numbers as lines below them. */
function numbers(ctx: Ctx, memo: BosaiMemo): El[] {
  const [national, town] = [memo.numbers.slice(0, 3), memo.numbers.slice(3)];
  const gap = 8;
  // Satori's boxes are content-box: the border and padding come on top of the width.
  const outer = (INNER - 2 * gap) / 3;
  const inner = outer - 2 * 2 - 2 * 6;
  const figure = Math.ceil(Math.max(...national.map((n) => ctx.measure(n.phone, ctx.size.number, true)))) + 6;
  const boxes = row(
    national.map((n, i) =>
      tagged(
        row(
          [
            text(ctx, n.phone, {
              size: ctx.size.number,
              bold: true,
              width: figure,
              tag: 'Lbl',
              style: { width: figure },
            }),
            text(ctx, n.label, {
              size: ctx.size.small,
              width: inner - figure - 4,
              tag: 'LBody',
              style: { marginLeft: 4 },
            }),
          ],
          {
            width: inner,
            alignItems: 'center',
            border: '2px solid #000',
            borderRadius: 6,
            padding: '2px 6px',
            marginLeft: i ? gap : 0,
          },
        ),
        'LI',
      ),
    ),
  );
  const lines = town.map((n) =>
    tagged(
      row(
        [
          text(ctx, n.phone, { bold: true, width: LABEL_WIDTH, tag: 'Lbl', style: { width: LABEL_WIDTH } }),
          text(ctx, n.label, { width: INNER - LABEL_WIDTH, tag: 'LBody' }),
        ],
        { marginTop: 2 },
      ),
      'LI',
    ),
  );
  return [tagged(column([boxes, ...lines]), 'L')];
}

/** A term and its text side by side (a hazard and its shelters, an organization and its phone). */
function pair(ctx: Ctx, label: string, value: string): El {
  return tagged(
    row(
      [
        text(ctx, label, { bold: true, width: LABEL_WIDTH - 8, tag: 'Lbl', style: { width: LABEL_WIDTH } }),
        text(ctx, value, { width: INNER - LABEL_WIDTH, tag: 'LBody' }),
      ],
      { borderBottom: '1px solid #000', paddingTop: 2, paddingBottom: 2 },
    ),
    'LI',
  );
}

function shelters(ctx: Ctx, memo: BosaiMemo): El[] {
  const elsewhere = memo.elsewhere?.shelters;
  if (elsewhere)
    return [text(ctx, t('bosaiMemo.sheltersElsewhere', { count: elsewhere, url: memo.pageUrl }), { tag: 'P' })];
  if (!memo.shelters.length) return [text(ctx, t('bosaiMemo.noShelters'), { tag: 'P' })];
  return [
    text(ctx, t('bosaiMemo.sheltersNote'), { size: ctx.size.small, tag: 'P' }),
    tagged(
      column(
        memo.shelters.map((g) =>
          pair(
            ctx,
            t('bosaiMemo.hazard', { hazard: g.hazards.join(t('bosaiMemo.hazardSeparator')) }),
            g.names.join('、'),
          ),
        ),
        { borderTop: '1px solid #000' },
      ),
      'L',
    ),
  ];
}

function organizations(ctx: Ctx, memo: BosaiMemo): El[] {
  const elsewhere = memo.elsewhere?.organizations;
  if (elsewhere)
    return [text(ctx, t('bosaiMemo.organizationsElsewhere', { count: elsewhere, url: memo.pageUrl }), { tag: 'P' })];
  if (!memo.organizations.length) return [text(ctx, t('bosaiMemo.noOrganizations'), { tag: 'P' })];
  return [
    tagged(
      column(
        memo.organizations.map((o) =>
          tagged(
            row([
              text(ctx, o.name, { bold: true, width: INNER - 190, tag: 'Lbl', style: { width: INNER - 180 } }),
              text(ctx, o.phone ? t('bosaiMemo.phone', { phone: o.phone }) : '', { width: 180, tag: 'LBody' }),
            ]),
            'LI',
          ),
        ),
      ),
      'L',
    ),
  ];
}

function support(ctx: Ctx, memo: BosaiMemo): El[] {
  const desk = !memo.supportDesk
    ? t('bosaiMemo.supportNoDesk')
    : memo.supportPhone
      ? t('bosaiMemo.supportDeskPhone', { desk: memo.supportDesk, phone: memo.supportPhone })
      : t('bosaiMemo.supportDesk', { desk: memo.supportDesk });
  return [text(ctx, t('bosaiMemo.supportText'), { tag: 'P' }), text(ctx, desk, { bold: true, tag: 'P' })];
}

/** A label and the lines under it to write on by hand, tall enough for handwriting. */
function blank(ctx: Ctx, label: string, width: number, lines = 1, hint = ''): El {
  const height = Math.round(28 * (ctx.size.body / BASE.body));
  const line = () =>
    row(hint ? [text(ctx, hint, { size: ctx.size.small, width, tag: 'P', style: { marginLeft: 4 } })] : [], {
      width,
      height,
      alignItems: 'flex-end',
      borderBottom: '1.5px solid #000',
      paddingBottom: 1,
    });
  return column(
    [
      text(ctx, label, { bold: true, width, tag: 'P', style: { marginTop: 6 } }),
      ...Array.from({ length: lines }, line),
    ],
    {
      width,
    },
  );
}

/** Two columns of blanks: where and what (left), whom to call (right). */
function blanks(ctx: Ctx): El[] {
  const gap = 18;
  const half = (INNER - gap) / 2;
  const contact = t('bosaiMemo.blank.contactLine');
  return [
    row([
      column(
        [
          blank(ctx, t('bosaiMemo.blank.meeting'), half),
          blank(ctx, t('bosaiMemo.blank.shelter'), half),
          blank(ctx, t('bosaiMemo.blank.illness'), half, 2),
        ],
        { width: half },
      ),
      column(
        [
          blank(ctx, t('bosaiMemo.blank.contact'), half, 3, contact),
          blank(ctx, t('bosaiMemo.blank.far'), half, 1, contact),
        ],
        { width: half, marginLeft: gap },
      ),
    ]),
    row([
      column([blank(ctx, t('bosaiMemo.blank.doctor'), half)], { width: half }),
      column([blank(ctx, t('bosaiMemo.blank.allergy'), half)], { width: half, marginLeft: gap }),
    ]),
  ];
}

/** The sheet's content column (its box is the `content` slot, measured by render.ts). */
export function memoContent(memo: BosaiMemo, measure: Measure, scale: number): El {
  const size = Object.fromEntries(
    Object.entries(BASE).map(([k, v]) => [k, Math.round(v * scale * 2) / 2]),
  ) as typeof BASE;
  const ctx: Ctx = { measure, size };
  const header = row(
    [
      text(ctx, t('bosaiMemo.title'), { size: size.title, bold: true, tag: 'H1' }),
      text(ctx, memo.area, { size: size.area, bold: true, width: INNER - 260, tag: 'P', style: { marginLeft: 16 } }),
    ],
    { alignItems: 'flex-end', borderBottom: '4px double #000', paddingBottom: 4 },
  );
  const children = [
    header,
    text(ctx, t('bosaiMemo.intro'), { tag: 'P', style: { marginTop: 4 } }),
    heading(ctx, t('bosaiMemo.numbers')),
    ...numbers(ctx, memo),
    heading(ctx, t('bosaiMemo.shelters')),
    ...shelters(ctx, memo),
    heading(ctx, t('bosaiMemo.organizations')),
    ...organizations(ctx, memo),
    heading(ctx, t('bosaiMemo.support')),
    ...support(ctx, memo),
    heading(ctx, t('bosaiMemo.write')),
    ...blanks(ctx),
  ];
  return column(children, { width: INNER });
}

/** The whole sheet: the content, then the footer line (the date and where the full page is). */
export function memoSheet(memo: BosaiMemo, measure: Measure, scale: number, family: string): El {
  const footer = text(
    { measure, size: BASE },
    t('bosaiMemo.footer', { date: formatDate(memo.today), url: memo.pageUrl }),
    { size: BASE.small, tag: 'P' },
  );
  return el(
    'div',
    { width: SHEET.width, height: SHEET.height, backgroundColor: '#fff', color: '#000', fontFamily: family },
    [
      el(
        'div',
        { position: 'absolute', top: MARGIN, left: MARGIN, width: INNER, flexDirection: 'column' },
        [memoContent(memo, measure, scale)],
        { [SLOT]: 'content' },
      ),
      el('div', { position: 'absolute', top: SHEET.height - MARGIN - FOOTER + 4, left: MARGIN, width: INNER }, [
        footer,
      ]),
    ],
  );
}
