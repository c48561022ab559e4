/**
 * The blocks of a flyer sheet's body, top to bottom: the 中止 / 募集終了 stamp with its note, the
 * catch copy, the date box, the points beside the photo, and the facts table. Each is laid out
 * at the body's scale and returns its height, so the sheet can tell whether the body fits.
 */
import type { FlyerFact, FlyerModel } from '../model.ts';
import type { Measure } from '../text.ts';
import { el, LINE, separators, SLOT, TAG, tagged, type Block, type El } from './elements.ts';
import { setText } from './set.ts';
import type { Palette, Spec } from './templates.ts';

/** What every block is laid out with. */
export interface BlockContext {
  model: FlyerModel;
  spec: Spec;
  palette: Palette;
  /** Width of the text column. */
  inner: number;
  measure: Measure;
  /** A template size at the body's scale, to the half pixel. */
  s: (size: number) => number;
}

/**
 * The 中止 / 募集終了 stamp and its note. It sits in the flow, never over other text: a notice
 * board reader must still see what was cancelled, and when.
 */
export function stampBlock({ model, spec, palette, inner, measure, s }: BlockContext): Block | undefined {
  if (!model.stamp) return undefined;
  const size = s(spec.when * (spec.atLeastPoster ? 1.6 : 1.9));
  const border = Math.max(3, Math.round(size / 12));
  const stampWidth = Math.ceil(measure(model.stamp, size, true)) + size * 0.5 + border * 2;
  const stampHeight = Math.ceil(size * 1.2) + border * 2;
  const stamp = el(
    'div',
    {
      width: stampWidth,
      height: stampHeight,
      flexShrink: 0,
      alignItems: 'center',
      justifyContent: 'center',
      border: `${border}px solid ${palette.stamp}`,
      borderRadius: 10,
      color: palette.stamp,
      fontSize: size,
      fontWeight: 700,
      transform: 'rotate(-8deg)',
    },
    model.stamp,
    { [TAG]: 'P' },
  );
  const size2 = s(spec.value + 1);
  const noteWidth = inner - stampWidth - 24;
  const note = model.statusNote
    ? setText(
        model,
        model.statusNote,
        { width: noteWidth, fontSize: size2, bold: true, measure, locale: model.locale },
        { fontWeight: 700, color: palette.stamp },
      )
    : undefined;
  return {
    el: el('div', { flexShrink: 0, alignItems: 'center' }, [
      stamp,
      ...(note
        ? [el('div', { width: 24, flexShrink: 0 }), el('div', { width: noteWidth }, [tagged(note.el, 'P')])]
        : []),
    ]),
    height: Math.max(stampHeight + 12, note?.height ?? 0),
  };
}

export function catchCopyBlock({ model, palette, inner, measure }: BlockContext, size: number): Block | undefined {
  if (!model.catchCopy) return undefined;
  const copy = setText(
    model,
    model.catchCopy,
    { width: inner, fontSize: size, bold: true, measure, locale: model.locale },
    { fontWeight: 700, color: palette.dark },
  );
  return { ...copy, el: tagged(copy.el, 'P') };
}

/**
 * A salon's next dates as units of one line: each date with its weekday is one unit, and the
 * label another, so lines break between dates (次の開催日 11月27日(金)・/ 12月25日(金)), never
 * inside 次の開催日 or 1月29日(金).
 */
export function nextDatesUnits(model: Pick<FlyerModel, 'labels' | 'nextDates' | 'locale'>): string[] {
  const { space, dates } = separators(model.locale);
  return [
    `${model.labels.nextDates}${space}`,
    ...model.nextDates.map((d, i) => (i < model.nextDates.length - 1 ? `${d}${dates}` : d)),
  ];
}

/** The date line in a box, with a salon's next dates under it. */
export function whenBlock({ model, spec, palette, inner, measure, s }: BlockContext, size: number): Block | undefined {
  if (!model.when) return undefined;
  const pad = s(12);
  const whenText = setText(
    model,
    model.when,
    { width: inner - pad * 2 - 4, fontSize: size, bold: true, measure, locale: model.locale },
    { fontWeight: 700, color: palette.ink },
  );
  const parts: El[] = [tagged(whenText.el, 'P')];
  let height = whenText.height;
  if (model.nextDates.length) {
    const nsize = s(spec.next);
    const units = nextDatesUnits(model);
    const next = setText(
      model,
      units.join(''),
      { width: inner - pad * 2 - 4, fontSize: nsize, bold: true, measure, locale: model.locale, units },
      { fontWeight: 700, color: palette.dark },
    );
    parts.push(el('div', { height: 4, flexShrink: 0 }), tagged(next.el, 'P'));
    height += 4 + next.height;
  }
  return {
    el: el(
      'div',
      {
        flexDirection: 'column',
        flexShrink: 0,
        padding: pad,
        background: palette.tint,
        border: `2px solid ${palette.main}`,
        borderRadius: spec.filled ? 8 : 0,
      },
      parts,
    ),
    height: height + pad * 2 + 4,
  };
}

/**
 * Up to `count` points, beside the photo's slot if `photo` (the renderer puts the picture into
 * the slot after Satori, so the layout only reserves its box).
 */
export function pointsBlock(
  { model, spec, palette, inner, measure, s }: BlockContext,
  count: number,
  photo: boolean,
): Block | undefined {
  const points = model.points.slice(0, count);
  const photoWidth = model.photo && photo ? Math.round(inner * 0.42) : 0;
  if (!points.length && !photoWidth) return undefined;
  const size = s(spec.point);
  const pointsWidth = inner - (photoWidth ? photoWidth + 16 : 0);
  const bullet = size * 1.2;
  let height = 0;
  const items: El[] = [];
  for (const point of points) {
    const text = setText(
      model,
      point,
      { width: pointsWidth - bullet, fontSize: size, measure, locale: model.locale },
      { color: palette.ink },
    );
    items.push(
      el(
        'div',
        { flexShrink: 0, marginBottom: s(4) },
        [
          el(
            'div',
            {
              width: bullet,
              height: Math.ceil(size * LINE),
              fontSize: size * 0.8,
              color: palette.main,
              alignItems: 'center',
            },
            '●',
            { [TAG]: 'Lbl' },
          ),
          tagged(text.el, 'LBody'),
        ],
        { [TAG]: 'LI' },
      ),
    );
    height += text.height + s(4);
  }
  const photoHeight = photoWidth ? Math.round(photoWidth * 0.68) : 0;
  const row: El[] = [];
  if (photoWidth)
    row.push(
      el(
        'div',
        { width: photoWidth, height: photoHeight, flexShrink: 0, marginRight: 16, background: palette.tint },
        undefined,
        {
          [SLOT]: 'photo',
          [TAG]: 'Figure',
        },
      ),
    );
  if (items.length) row.push(el('div', { flexDirection: 'column', width: pointsWidth }, items, { [TAG]: 'L' }));
  else row.push(el('div', { flexDirection: 'column', width: pointsWidth }, items));
  return { el: el('div', { flexShrink: 0 }, row), height: Math.max(height, photoHeight) };
}

/**
 * The facts table: a label cell and a value cell (with its note) per fact. `extraPad` is spare
 * height given to each row's top and bottom when the body has room left.
 */
export function factsBlock(
  { model, spec, palette, inner, measure, s }: BlockContext,
  extraPad: number,
): (Block & { rows: number }) | undefined {
  const facts = spec.atLeastPoster ? compactFacts(model.facts, model.over, model.labels.organizerContact) : model.facts;
  if (!facts.length) return undefined;
  const labelWidth = s(spec.labelWidth);
  // Satori adds padding to a box's width: the label cell takes labelWidth + 12 and the value
  // cell its text width + 12. 2 px to spare: Satori rounds glyph advances up, never down.
  const valueWidth = inner - labelWidth - 26;
  const vsize = s(spec.value);
  const nsize = s(spec.note);
  const lsize = s(spec.label);
  const padY = s(5) + extraPad;
  let height = 0;
  const rows = facts.map((fact) => {
    const value = setText(
      model,
      fact.value,
      { width: valueWidth, fontSize: vsize, measure, locale: model.locale },
      { color: palette.ink },
    );
    const note = fact.note
      ? setText(
          model,
          fact.note,
          { width: valueWidth, fontSize: nsize, measure, locale: model.locale },
          { color: palette.muted },
        )
      : undefined;
    const label = setText(
      model,
      fact.label,
      { width: labelWidth - 12, fontSize: lsize, bold: true, measure, locale: model.locale },
      { fontWeight: 700, color: spec.filled ? '#fff' : palette.ink },
      Math.ceil(vsize * LINE) / lsize,
    );
    const rowHeight = Math.max(value.height + (note?.height ?? 0), label.height) + padY * 2 + 1;
    height += rowHeight;
    return el(
      'div',
      { flexShrink: 0, height: rowHeight, borderBottom: `1px solid ${spec.filled ? palette.main : '#000'}` },
      [
        el(
          'div',
          {
            width: labelWidth,
            flexShrink: 0,
            padding: `${padY}px 6px`,
            background: spec.filled ? palette.main : '#fff',
            ...(spec.filled ? {} : { borderRight: '1px solid #000' }),
          },
          [label.el],
          { [TAG]: 'TH' },
        ),
        el(
          'div',
          { flexDirection: 'column', width: valueWidth, padding: `${padY}px 0 ${padY}px 12px` },
          [value.el, ...(note ? [note.el] : [])],
          { [TAG]: 'TD' },
        ),
      ],
      { [TAG]: 'TR' },
    );
  });
  return {
    el: el(
      'div',
      { flexDirection: 'column', flexShrink: 0, borderTop: `1px solid ${spec.filled ? palette.main : '#000'}` },
      rows,
      { [TAG]: 'Table' },
    ),
    height: height + 1,
    rows: facts.length,
  };
}

/**
 * Large print says the same in fewer rows: the organizer and the phone number share a row
 * (主催・連絡先), a deadline the application text already gives (12月12日までに、…) is not
 * repeated in a row of its own, and a cancelled or closed notice does not say how to apply.
 */
export function compactFacts(facts: FlyerFact[], over = false, organizerContact = '主催・連絡先'): FlyerFact[] {
  const organizer = facts.find((f) => f.key === 'organizer');
  const contact = facts.find((f) => f.key === 'contact');
  const apply = facts.find((f) => f.key === 'apply');
  const deadline = facts.find((f) => f.key === 'deadline');
  const monthDay = /(\d+)年(\d+)月(\d+)日/.exec(deadline?.value ?? '');
  const repeated = monthDay && apply?.value.includes(`${monthDay[2]}月${monthDay[3]}日`);
  return facts.flatMap((fact) => {
    if (fact === deadline && (repeated || over)) return [];
    // Cancelled or closed: the stamp says so, and nobody should be told how to apply.
    if (fact === apply && over) return [];
    if (fact === organizer && contact) return [];
    if (fact === contact && organizer)
      return [{ ...fact, label: organizerContact, value: `${organizer.value}\u3000${fact.value}` }];
    return [fact];
  });
}
