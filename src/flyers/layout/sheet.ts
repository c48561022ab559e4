/**
 * The printed flyer sheet. Every text is broken into lines (text.ts) and every line has a
 * known height, so the height of the whole sheet is known before Satori runs: the body shrinks
 * step by step until it fits between the header and the footer, and what still does not fit is
 * reported instead of running off the page.
 */
import { hasKanji } from '../../lib/furigana/segments.ts';
import type { FlyerModel } from '../model.ts';
import { canvasOf, FLYER_PAPER, PAPER, type Size } from '../paper.ts';
import type { Measure } from '../text.ts';
import { bodySizes, fitBody, SCALE_STEP, type Content, type FittedBody } from './body.ts';
import { rubyMeasure } from '../ruby.ts';
import { compactFacts, nextDatesUnits } from './blocks.ts';
import { el, type Layout } from './elements.ts';
import { publisherLine, sheetFrame, type Frame } from './frame.ts';
import { paletteOf, SPECS } from './templates.ts';

/** The smallest body scale of a flyer with ふりがな that does not fit otherwise (a dense recruitment: its facts at about 10.5 px, the poster's smallest). */
const RUBY_MIN_SCALE = 0.5;

export interface SheetLayout extends Layout {
  /** Body scale chosen (1 = the template's sizes), for tests and the samples. */
  scale: number;
  /** Height in px left empty between the body and the footer. */
  spare: number;
  sizes: ReturnType<typeof bodySizes>;
}

/**
 * The printed sheet: header, body and footer on the paper (A4 unless another row of paper.ts
 * is given), the body scaled down until it fits between header and footer.
 */
export function sheetLayout(model: FlyerModel, plainMeasure: Measure, paper: Size = PAPER[FLYER_PAPER]): SheetLayout {
  // With ふりがな, a word whose reading is wider than it takes the reading's width (ruby.ts).
  const measure = model.furigana ? rubyMeasure(plainMeasure, model.furigana) : plainMeasure;
  const spec = SPECS[model.template];
  const palette = paletteOf(spec, model.theme);
  const { width: W, height: H } = canvasOf(paper);
  let frame = sheetFrame(model, spec, palette, { width: W, height: H }, measure);
  const { warnings } = frame;

  // Body: everything else, scaled down until it fits between header and footer.
  const full: Content = { points: spec.maxPoints, photo: spec.photo };
  let fitted: FittedBody;
  if (spec.atLeastPoster) {
    // Large print is only large if it is larger than the poster of the same entry (the poster
    // as printed: without ふりがな, whose taller lines would let the large print shrink more).
    const posterSpec = SPECS.poster;
    const posterPalette = paletteOf(posterSpec, model.theme);
    const plain: FlyerModel = { ...model };
    delete plain.furigana;
    const posterFrame = sheetFrame(plain, posterSpec, posterPalette, { width: W, height: H }, plainMeasure);
    const poster = fitBody(
      plain,
      posterSpec,
      posterPalette,
      posterFrame.inner,
      posterFrame.available,
      plainMeasure,
      posterSpec.minScale,
      { points: posterSpec.maxPoints, photo: posterSpec.photo },
    );
    const ps = bodySizes(posterSpec, poster.scale);
    // The catch copy and the date line never smaller than the poster's; the rest of the body
    // (already larger at the same scale) not smaller either.
    const floor = { catchCopy: ps.catchCopy, when: ps.when };
    const minScale = Math.ceil(Math.max(spec.minScale, ps.value / spec.value) / SCALE_STEP - 1e-6) * SCALE_STEP;
    const variants: Content[] = [
      { ...full, floor },
      { ...full, floor, points: 1 },
      { ...full, floor, points: 0 },
      { points: 0, photo: false, floor },
      { points: 0, photo: false, floor, noCatchCopy: true },
    ];
    const fitIn = (f: Frame, scale: number, content: Content) =>
      fitBody(model, spec, palette, f.inner, f.available, measure, scale, content);
    const tryVariants = (f: Frame) => {
      let best = fitIn(f, minScale, variants[0] as Content);
      for (const variant of variants.slice(1)) {
        if (best.fits) break;
        best = fitIn(f, minScale, variant);
      }
      return best;
    };
    fitted = tryVariants(frame);
    if (!fitted.fits && model.furigana) {
      // ふりがな makes every line a third taller, and a title of three lines takes a fifth of
      // the sheet: before the body is set smaller than large print allows, the title is (at
      // its own smallest size).
      frame = sheetFrame(
        model,
        { ...spec, title: { ...spec.title, size: spec.title.min } },
        palette,
        { width: W, height: H },
        measure,
      );
      fitted = tryVariants(frame);
    }
    if (!fitted.fits) fitted = fitIn(frame, spec.minScale, variants[4] as Content);
    // Rather than run off the sheet, a dense flyer with ふりがな may be set smaller still.
    if (!fitted.fits && model.furigana) fitted = fitIn(frame, RUBY_MIN_SCALE, variants[4] as Content);
  } else fitted = fitBody(model, spec, palette, frame.inner, frame.available, measure, spec.minScale, full);
  const { body, scale } = fitted;
  if (!fitted.fits)
    warnings.push(
      `内容が多すぎてチラシに入りきりません。おすすめポイントや申し込み方法を短くしてください / the flyer's text does not fit on the page even at ${Math.round(scale * 100)}%; shorten the points or the application text`,
    );

  const element = el(
    'div',
    {
      width: W,
      height: H,
      flexDirection: 'column',
      background: '#fff',
      color: palette.ink,
      position: 'relative',
    },
    [
      frame.header,
      el('div', { flexDirection: 'column', flexGrow: 1, padding: `${spec.margin * 0.6}px ${spec.margin}px 0` }, [
        body.el,
      ]),
      frame.footer,
    ],
  );
  return {
    element,
    width: W,
    height: H,
    warnings,
    scale,
    spare: frame.available - body.height,
    sizes: bodySizes(spec, scale, fitted.content.floor),
  };
}

/**
 * Every text the sheet sets in lines, as the layout sets it (the footer's site and publisher
 * line, the next dates as one line, large print's joined facts): the texts a flyer with
 * ふりがな needs readings for (readings.ts). Texts without kanji need none and are left out.
 */
export function rubyTexts(model: FlyerModel): string[] {
  const spec = SPECS[model.template];
  const facts = spec.atLeastPoster ? compactFacts(model.facts, model.over, model.labels.organizerContact) : model.facts;
  const texts = [
    model.headline,
    model.title,
    model.catchCopy,
    model.when ?? '',
    model.nextDates.length ? nextDatesUnits(model).join('') : '',
    ...model.points,
    ...facts.flatMap((f) => [f.label, f.value, f.note ?? '']),
    model.statusNote ?? '',
    model.labels.qr,
    publisherLine(model),
  ];
  return [...new Set(texts)].filter((text) => hasKanji(text));
}
