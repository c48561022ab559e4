/**
 * The frame of a flyer sheet: the header band with the headline and the title (shrunk to fit
 * its lines), and the footer with the QR code, the page address and the publisher.
 */
import type { FlyerModel } from '../model.ts';
import type { Size } from '../paper.ts';
import { fitText, type Measure } from '../text.ts';
import { setFitted, setLine } from './set.ts';
import { el, lines, separators, SLOT, splitWarning, TAG, tagged, TITLE_LINE, type El } from './elements.ts';
import type { Palette, Spec } from './templates.ts';

/** The footer's line naming the site and who publishes it. */
export const publisherLine = (model: Pick<FlyerModel, 'siteName' | 'publisher' | 'locale'>): string =>
  `${model.siteName}${separators(model.locale).space}${model.publisher}`;

export interface Frame {
  header: El;
  footer: El;
  /** Width of the text column (the sheet less its margins). */
  inner: number;
  /** Height in px between header and footer, less the body's own padding. */
  available: number;
  warnings: string[];
}

/**
 * The sheet's header (headline, title) and footer (QR code, address, publisher), and the
 * height left between them for the body.
 */
export function sheetFrame(model: FlyerModel, spec: Spec, palette: Palette, canvas: Size, measure: Measure): Frame {
  const inner = canvas.width - spec.margin * 2;
  const warnings: string[] = [];

  // Header: headline and title, the title shrinking to fit its lines.
  const onHeader = spec.filled ? '#fff' : palette.ink;
  const { block: title, fit: titleFit } = setFitted(
    model,
    model.title,
    {
      width: inner,
      fontSize: spec.title.size,
      minSize: spec.title.min,
      maxLines: spec.title.lines,
      bold: true,
      measure,
      locale: model.locale,
    },
    { fontWeight: 700, color: onHeader },
    TITLE_LINE,
  );
  if (titleFit.split) warnings.push(splitWarning(model.title));
  if (titleFit.overflow)
    warnings.push(
      `タイトルが長すぎてチラシに入りきりません（${spec.title.min}pxでも${spec.title.lines}行を超えます）。短くしてください / the title does not fit in ${spec.title.lines} lines even at ${spec.title.min}px; shorten it`,
    );
  const { block: headline } = setFitted(
    model,
    model.headline,
    { width: inner, fontSize: spec.headline, minSize: 10, maxLines: 1, bold: true, measure, locale: model.locale },
    { fontWeight: 700, color: onHeader },
  );
  const headerPad = spec.margin * 0.8;
  const headerHeight = headerPad * 2 + headline.height + 8 + title.height + (spec.filled ? 0 : 6);
  const header = el(
    'div',
    {
      flexDirection: 'column',
      flexShrink: 0,
      padding: `${headerPad}px ${spec.margin}px`,
      background: spec.filled ? palette.main : '#fff',
      ...(spec.filled ? {} : { borderBottom: `6px solid ${palette.ink}` }),
    },
    [tagged(headline.el, 'P'), el('div', { height: 8, flexShrink: 0 }), tagged(title.el, 'H1')],
  );

  // Footer: QR code to the page, the page address, who publishes.
  const qrBox = spec.qr;
  const footerText = inner - qrBox - 16;
  const qrLabel = setLine(
    model,
    model.labels.qr,
    { fontSize: spec.label + 2, bold: true, measure },
    { fontWeight: 700, color: palette.ink },
  );
  // The address breaks only after a / (…/salons/ hidamari-salon/), never inside a word: a
  // reader types it from the sheet. It shrinks to fit two lines rather than cut a name.
  const urlFit = fitText(model.url, {
    width: footerText,
    fontSize: spec.note - 1,
    minSize: 8,
    maxLines: 2,
    measure,
    locale: model.locale,
    units: model.url.split(/(?<=\/)(?=[^/])/),
  });
  const urlLines = lines(urlFit.lines, urlFit.fontSize, { color: palette.muted });
  const { block: publisher } = setFitted(
    model,
    publisherLine(model),
    { width: footerText, fontSize: spec.note, minSize: 9, maxLines: 2, measure, locale: model.locale },
    { color: palette.ink },
  );
  const footerHeight = qrBox + spec.margin * 0.6 * 2;
  const footer = el(
    'div',
    {
      flexShrink: 0,
      padding: `${spec.margin * 0.6}px ${spec.margin}px`,
      alignItems: 'center',
      background: spec.filled ? palette.tint : '#fff',
      borderTop: `${spec.filled ? 0 : 2}px solid ${palette.ink}`,
    },
    [
      el('div', { width: qrBox, height: qrBox, background: '#fff', flexShrink: 0 }, undefined, {
        [SLOT]: 'qr',
        [TAG]: 'Figure',
      }),
      el('div', { width: 16, flexShrink: 0 }),
      el('div', { flexDirection: 'column', width: footerText }, [
        tagged(qrLabel.el, 'P'),
        tagged(urlLines.el, 'P'),
        el('div', { height: 4 }),
        tagged(publisher.el, 'P'),
      ]),
    ],
  );
  return {
    header,
    footer,
    inner,
    available: canvas.height - headerHeight - footerHeight - spec.margin * 1.2,
    warnings,
  };
}
