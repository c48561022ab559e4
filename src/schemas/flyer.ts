/**
 * チラシ settings an event, salon or recruitment may carry. Everything is optional: a notice
 * with no `flyer` block still gets a complete flyer, whose headline, catch copy, points, colour
 * and photo are derived from the entry (src/flyers/model.ts). These fields only let a
 * volunteer override what was derived.
 */
import { z } from 'astro/zod';
import { choiceField, imageField, meta } from './fields.ts';

/** poster: colour A4 for notice boards; bw: black and white for 回覧板 and photocopiers; large: 大きな文字. */
export const FLYER_TEMPLATES = ['poster', 'bw', 'large'] as const;
export type FlyerTemplate = (typeof FLYER_TEMPLATES)[number];

/** Colour themes of the colour templates; each keeps white text on its main colour at WCAG AA. */
export const FLYER_THEMES = ['green', 'orange', 'blue', 'pink', 'purple', 'brown'] as const;
export type FlyerTheme = (typeof FLYER_THEMES)[number];

/** Limits that keep a flyer readable at A4 in large type; the layout shrinks within them. */
export const FLYER_LIMITS = { headline: 20, catchCopy: 60, point: 40, points: 4 } as const;

const limitedText = (max: number, label: string, hint: string) =>
  meta(z.string().trim().min(1).max(max).optional(), { label, hint });

export const flyerField = () =>
  meta(
    z.preprocess(
      // Decap writes an empty object when a volunteer opens the section and changes nothing.
      (value) =>
        value &&
        typeof value === 'object' &&
        Object.values(value).every((v) => v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length))
          ? undefined
          : value,
      z
        .strictObject({
          /** Which layout; the colour poster unless the volunteer picks another. */
          template: choiceField(
            FLYER_TEMPLATES,
            'flyerTemplate',
            'チラシの種類',
            '回覧板やコピー機で配るなら「白黒（回覧板・コピー用）」、高齢の方向けなら「大きな文字」',
          ).default('poster'),
          /** Main colour of the colour templates; empty = chosen from the first category. */
          theme: choiceField(
            FLYER_THEMES,
            'flyerTheme',
            'チラシの色',
            '空のままなら分類に合わせて選ばれます。白黒のチラシでは使いません',
          ).optional(),
          /** A short line above the title (お知らせ, 参加者募集 …); empty = from the kind of entry. */
          headline: limitedText(
            FLYER_LIMITS.headline,
            '見出し',
            `タイトルの上に小さく載ります。${FLYER_LIMITS.headline}字まで。空のままなら「イベントのお知らせ」など`,
          ),
          /** The one sentence that makes someone come; empty = the entry's ひとこと紹介. */
          catchCopy: limitedText(
            FLYER_LIMITS.catchCopy,
            'キャッチコピー',
            `${FLYER_LIMITS.catchCopy}字まで。空のままなら「ひとこと紹介」が載ります`,
          ),
          /** What to look forward to, as short bullet points; empty = the list in the body text. */
          points: meta(
            z
              .array(meta(z.string().trim().min(1).max(FLYER_LIMITS.point), { label: 'おすすめポイント' }))
              .max(FLYER_LIMITS.points)
              .default([]),
            {
              label: 'おすすめポイント',
              hint: `${FLYER_LIMITS.points}つまで、1つ${FLYER_LIMITS.point}字まで。空のままなら本文の箇条書きから選ばれます`,
            },
          ),
          /** A photo for the flyer; empty = the entry's own photo. */
          photo: imageField('チラシの写真').optional(),
        })
        .optional(),
    ),
    { label: 'チラシ', hint: '印刷用チラシの設定です。何も変えなければ、内容から自動で作られます' },
  );
export type FlyerSettings = NonNullable<z.output<ReturnType<typeof flyerField>>>;
