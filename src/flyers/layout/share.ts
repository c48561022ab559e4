/**
 * The 1200×630 share image (og:image): what, when and where, large enough to read as a LINE
 * or social-media thumbnail, with the 中止 / 募集終了 stamp beside the title.
 */
import type { FlyerFact, FlyerModel } from '../model.ts';
import { FLYER_SIZES } from '../paths.ts';
import { fitText, type Measure } from '../text.ts';
import {
  el,
  LINE,
  lines,
  separators,
  splitWarning,
  STAMP_ANGLE,
  stampEl,
  TITLE_LINE,
  type El,
  type Layout,
  type Style,
} from './elements.ts';
import { PALETTES } from './templates.ts';

/** The share image's stamp: font size, and its distance from the card's top and right edges, in px. */
const OG_STAMP = { size: 88, inset: 28 } as const;

/**
 * Where the share image's stamp goes: stampEl's box (text, padding, border) turned by its 12°
 * about its centre, placed so that the turned box stays inside the card (48 px from the image's
 * edges) near its top right corner. `reach` is the turned box's left edge, which the title keeps
 * clear of. (The stamp is placed by left and top: Satori adds the image's 48 px padding to its
 * width, so `right` would count from 1296 px, past the image's edge.)
 */
function ogStamp(text: string, size: number, measure: Measure) {
  const border = Math.round(size / 10);
  const width = measure(text, size, true) + 2 * (Math.round(size / 4) + border);
  const height = size + 2 * (Math.round(size / 6) + border);
  const angle = (STAMP_ANGLE * Math.PI) / 180;
  const halfW = (width * Math.cos(angle) + height * Math.sin(angle)) / 2;
  const halfH = (width * Math.sin(angle) + height * Math.cos(angle)) / 2;
  const cx = FLYER_SIZES.og.width - 48 - OG_STAMP.inset - halfW;
  const cy = 48 + OG_STAMP.inset + halfH;
  return { left: Math.round(cx - width / 2), top: Math.round(cy - height / 2), reach: cx - halfW };
}

/** The 1200×630 share image: what, when, where, big enough to read as a LINE thumbnail. */
export function ogLayout(model: FlyerModel, measure: Measure): Layout {
  const { width: W, height: H } = FLYER_SIZES.og;
  const palette = PALETTES[model.theme];
  const pad = 56;
  const inner = W - 48 * 2 - pad * 2;
  const warnings: string[] = [];
  const headline = lines([model.headline], 30, { fontWeight: 700, color: palette.dark });
  // Leave room for the stamp beside the title rather than over it: a fixed 240 px was enough
  // for 中止 but let 募集終了 cover two characters of the title.
  const titleLeft = 48 + pad;
  const titleWidth = model.stamp
    ? Math.min(inner, ogStamp(model.stamp, OG_STAMP.size, measure).reach - 16 - titleLeft)
    : inner;
  // One line at a slightly smaller size reads better than two at full size.
  const oneLine = fitText(model.title, {
    width: titleWidth,
    fontSize: 68,
    minSize: 56,
    maxLines: 1,
    bold: true,
    measure,
    locale: model.locale,
  });
  let titleFit = oneLine.overflow
    ? fitText(model.title, {
        width: titleWidth,
        fontSize: 68,
        minSize: 44,
        maxLines: 2,
        bold: true,
        measure,
        locale: model.locale,
      })
    : oneLine;
  // Beside a stamp the title is narrower; a third line (there is room below) beats cutting it.
  if (titleFit.overflow && model.stamp)
    titleFit = fitText(model.title, {
      width: titleWidth,
      fontSize: 44,
      minSize: 40,
      maxLines: 3,
      bold: true,
      measure,
      locale: model.locale,
    });
  if (titleFit.split) warnings.push(`共有画像: ${splitWarning(model.title)}`);
  if (titleFit.overflow) warnings.push('共有画像のタイトルが長すぎます / the title does not fit the share image');
  const title = lines(titleFit.lines, titleFit.fontSize, { fontWeight: 700, color: palette.ink }, TITLE_LINE);
  const info: El[] = [];
  // Room below the title for what, when and where: the card's content box less the headline,
  // the title and the site name.
  let room = H - 96 - pad * 2 - headline.height - 10 - title.height - 12 - Math.ceil(24 * LINE) - 16;
  const add = (text: string, size: number, min: number, maxLines: number, style: Style) => {
    const fit = fitText(text, {
      width: inner,
      fontSize: size,
      minSize: min,
      maxLines,
      bold: style['fontWeight'] === 700,
      measure,
      locale: model.locale,
    });
    const block = lines(fit.lines, fit.fontSize, style);
    if (fit.overflow || block.height > room) return;
    info.push(block.el);
    room -= block.height;
  };
  const fact = (key: string) => model.facts.find((f) => f.key === key);
  if (model.when) add(model.when, 36, 26, 1, { fontWeight: 700, color: palette.dark });
  const where = fact('where');
  if (model.when && where) add(where.value, 30, 22, 1, { color: palette.ink });
  const organizer = fact('organizer');
  if (model.when && organizer)
    add(`${organizer.label}${separators(model.locale).space}${organizer.value}`, 24, 20, 1, { color: palette.muted });
  if (!model.when) {
    // A recruitment has no date: what the helper does, how often, by when and for whom fill
    // the card instead (a half-empty card reads as a mistake in a LINE chat).
    const role = fact('role');
    const tasks = fact('tasks');
    if (role && !model.title.includes(role.value)) add(role.value, 34, 26, 1, { fontWeight: 700, color: palette.dark });
    if (tasks) add(tasks.value, 28, 22, role && !model.title.includes(role.value) ? 1 : 2, { color: palette.ink });
    if (where) add(`${where.label}\u3000${where.value}`, 26, 20, 1, { color: palette.ink });
    const frequency = fact('frequency');
    if (frequency) add(`${frequency.label}\u3000${frequency.value}`, 26, 20, 1, { color: palette.ink });
    const closing = [fact('deadline'), fact('organizer')].filter((f): f is FlyerFact => Boolean(f));
    if (closing.length)
      add(closing.map((f) => `${f.label}\u3000${f.value}`).join('\u3000\u3000'), 26, 20, 1, {
        fontWeight: 700,
        color: palette.dark,
      });
  }
  const site = lines([model.siteName], 24, { color: palette.muted });
  const card = el(
    'div',
    {
      flexDirection: 'column',
      justifyContent: 'space-between',
      // Satori sizes the content box: the padding comes on top of width and height.
      width: W - 96 - pad * 2,
      height: H - 96 - pad * 2,
      padding: pad,
      background: '#fff',
      borderRadius: 28,
    },
    [
      el('div', { flexDirection: 'column' }, [headline.el, el('div', { height: 10 }), title.el]),
      el('div', { flexDirection: 'column', gap: 2 }, info),
      site.el,
    ],
  );
  return {
    element: el('div', { width: W, height: H, padding: 48, background: palette.main, position: 'relative' }, [
      card,
      ...(model.stamp
        ? [
            (({ top, left }) => stampEl(model.stamp as string, palette.stamp, OG_STAMP.size, top, left))(
              ogStamp(model.stamp, OG_STAMP.size, measure),
            ),
          ]
        : []),
    ]),
    width: W,
    height: H,
    warnings,
  };
}
