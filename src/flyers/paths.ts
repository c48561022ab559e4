/**
 * Where a flyer's files live, for the pages that link them and for the script that writes
 * them. Pure (so are paper.ts and the kinds, its imports) so that Astro pages can import it
 * without pulling the renderer (Satori, resvg) into Vite.
 */
import type { LocaleCode } from '../i18n/locales.ts';
import { FLYER_TEMPLATES, type FlyerTemplate } from '../schemas/flyer.ts';
import { FLYER_PAPER, PAPER, previewOf } from './paper.ts';

// Which collections get flyers is said once, by the kinds that have a flyer part.
export { FLYER_COLLECTIONS, isFlyerCollection, type FlyerCollection } from '../kinds/index.ts';

/**
 * The print choice beside the templates: 大きな文字 with ふりがな over the kanji, for readers
 * still learning kanji (children, residents from abroad). A choice rather than a fourth
 * template: an editor does not make it the flyer's own (its preview and share image stay
 * without readings), it exists only where readings do (Japanese and やさしい日本語, not the
 * translations), and its layout is the large print's, with the readings added.
 */
export const RUBY_CHOICE = 'large-ruby' as const;

/** A way to print the flyer: one of the templates, or the large print with ふりがな. */
export type FlyerChoiceName = FlyerTemplate | typeof RUBY_CHOICE;

/** Whether a flyer in `locale` offers the ふりがな choice: Japanese and やさしい日本語 only. */
export const offersRuby = (locale?: LocaleCode): boolean => !locale || locale === 'ja' || locale === 'ja-easy';

/** The template a choice is laid out in. */
export const templateOfChoice = (choice: FlyerChoiceName): FlyerTemplate => (choice === RUBY_CHOICE ? 'large' : choice);

/** One way to print the flyer: colour, 白黒, 大きな文字 or 大きな文字・ふりがな付き, as its own A4 PDF. */
export interface FlyerChoice {
  /** The choice's name: its labels (`flyer.choice.<choice>`) and its file (`<id>.<choice>.pdf`). */
  choice: FlyerChoiceName;
  /** The template it is laid out in. */
  template: FlyerTemplate;
  pdf: string;
  /** The template the editor chose: its PDF is the flyer's own `<id>.pdf`, with the preview. */
  isDefault: boolean;
}

export interface FlyerPaths {
  /** A4 PDF to print in the editor's template: `/flyers/<collection>/<id>.pdf`. */
  pdf: string;
  /** PNG preview of the page (FLYER_SIZES.png: for the web page; the PDF is for printing). */
  png: string;
  /** 1200×630 share image for og:image. */
  og: string;
  /**
   * Every template once, in FLYER_TEMPLATES order (the default's PDF and the two others), then
   * the large print with ふりがな where the flyer's language has readings (offersRuby); the
   * default's alone when the flyer is not `current`.
   */
  choices: FlyerChoice[];
  /**
   * Whether it is a flyer to put up now (src/flyers/list.ts, isCurrentFlyer): not past, not a
   * paused salon's. Only such a flyer has the printing choices; one that is not stays, with its
   * preview and share image, as the record of what was put up.
   */
  current: boolean;
}

/** The template an entry's flyer is made in unless the person printing picks another. */
export function flyerTemplateOf(data: unknown): FlyerTemplate {
  const flyer = data && typeof data === 'object' ? (data as { flyer?: { template?: unknown } }).flyer : undefined;
  const template = flyer?.template;
  return FLYER_TEMPLATES.find((t) => t === template) ?? 'poster';
}

/** The templates printed as extra PDFs beside the default one (PDF only: no preview). */
export const alternativesOf = (template: FlyerTemplate): FlyerTemplate[] =>
  FLYER_TEMPLATES.filter((t) => t !== template);

/** Every extra PDF of a flyer in `locale`: the other templates, and the ふりがな choice where offered. */
export const choicesOf = (template: FlyerTemplate, locale?: LocaleCode): FlyerChoiceName[] => [
  ...alternativesOf(template),
  ...(offersRuby(locale) ? [RUBY_CHOICE] : []),
];

/**
 * Where a flyer's files start: `/flyers/<collection>/<id>` in Japanese, `<id>.<locale>` in
 * another language (`hidamari-salon.vi`). A dot, as for the templates: no id holds one, and
 * no locale code is a template's name (poster, bw, large).
 */
const flyerBase = (collection: string, id: string, locale?: LocaleCode) =>
  `/flyers/${collection}/${id}${locale && locale !== 'ja' ? `.${locale}` : ''}`;

/**
 * An alternative template's PDF: `/flyers/<collection>/<id>.<template>.pdf` (a translation's
 * `<id>.<locale>.<template>.pdf`). A dot, not a hyphen: entry ids are `[a-z0-9-]` (ID_RE), so
 * `<id>-large.pdf` could be the default PDF of an entry whose id ends in -large; no id holds a dot.
 */
export const variantPdf = (collection: string, id: string, choice: FlyerChoiceName, locale?: LocaleCode): string =>
  `${flyerBase(collection, id, locale)}.${choice}.pdf`;

/**
 * Site-root-relative URLs; under dist/ they are also the file paths (`dist` + url). A
 * translation's flyer (`locale`) has the same files with `.<locale>` after the id. `current`
 * (default true) as the flyer step decides it for the same entry and day.
 */
export function flyerPaths(
  collection: string,
  id: string,
  template: FlyerTemplate = 'poster',
  locale?: LocaleCode,
  { current = true }: { current?: boolean } = {},
): FlyerPaths {
  const base = flyerBase(collection, id, locale);
  const pdf = `${base}.pdf`;
  const choices: FlyerChoice[] = [
    ...FLYER_TEMPLATES.map((choice) =>
      choice === template
        ? { choice, template: choice, pdf, isDefault: true }
        : { choice, template: choice, pdf: variantPdf(collection, id, choice, locale), isDefault: false },
    ),
    ...(offersRuby(locale)
      ? [
          {
            choice: RUBY_CHOICE,
            template: templateOfChoice(RUBY_CHOICE),
            pdf: variantPdf(collection, id, RUBY_CHOICE, locale),
            isDefault: false,
          },
        ]
      : []),
  ];
  return {
    pdf,
    png: `${base}.png`,
    og: `${base}-og.png`,
    choices: current ? choices : choices.filter((c) => c.isDefault),
    current,
  };
}

/** Width and height of the outputs, for <img width height> and og:image:width/height. */
export const FLYER_SIZES = {
  /** The paper in PDF points (A4 portrait). */
  pdf: PAPER[FLYER_PAPER],
  /**
   * The preview on the entry page (FlyerBox.astro), which shows it at most 16rem wide: 288 CSS px
   * in normal text, up to the phone's width (~320 px) in large text. 640 px is twice that, sharp
   * on the phones residents use, where the 794 px of 96 dpi were over three times it: 43 % more
   * pixels to download (~110 kB a preview) and for resvg to draw: `node scripts/bench-flyers.ts`,
   * alternated, the preview 31.5 and 35.6 ms of CPU at 640 px against 39.6 and 51.1 ms at 794.
   */
  png: previewOf(PAPER[FLYER_PAPER], 640),
  og: { width: 1200, height: 630 },
} as const;
