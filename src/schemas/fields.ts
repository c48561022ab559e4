/**
 * Field builders shared by the content types. Each returns a zod schema carrying the
 * CMS-facing metadata (`FieldMeta`): the Japanese label volunteers see in Decap, a hint, the
 * widget, and — for references — the collection it points to. The Decap config, the
 * reference checker and the error messages all read this metadata; nothing restates a field.
 */
import { z } from 'astro/zod';
import {
  DATE_RE,
  DATETIME_RE,
  TIME_RE,
  YEAR_RANGE,
  dateFromYaml,
  parseDate,
  parseDateTime,
  yearInRange,
} from '../lib/dates.ts';
import type { UIKey } from '../i18n/ja.ts';
import { IMAGE_NAME_PATTERN, IMAGE_SRC_HINT, imageSrcProblem } from '../lib/media/paths.ts';
import { SDG_GOALS } from './sdgs.ts';
import { AUDIENCES, CATEGORIES } from './vocabulary.ts';

/** A message in Japanese (what volunteers read first) and English. */
export interface Bilingual {
  ja: string;
  en: string;
}

export interface FieldMeta {
  /** Japanese label shown in the CMS and named in error messages. */
  label: string;
  /** One-line help under the field in the CMS. */
  hint?: string;
  /** How to write the value, used in the CMS pattern message and in build errors. */
  format?: Bilingual;
  /** Decap widget; inferred from the schema type when absent. */
  widget?: string;
  /** For ids that point at another entry: the collection they point into. */
  relation?: string;
  /** Dictionary prefix for the labels of an enum's values (`category` → `category.watch`). */
  options?: string;
  /** Further Decap options passed through unchanged (e.g. datetime formats). */
  cms?: Record<string, unknown>;
  /**
   * Free text residents read (a title, a summary, opening hours in words): a translation
   * `<id>.<locale>.md` may hold it, and the CMS edits it per language. Everything else (ids,
   * dates, schedules, references, phones, choices, numbers) is shared from the Japanese original
   * (src/lib/content/translations.ts). An object field is translatable through its marked fields.
   */
  translatable?: boolean;
}

export const meta = <T extends z.ZodType>(schema: T, fieldMeta: FieldMeta): T =>
  schema.meta(fieldMeta as unknown as Record<string, unknown>);

/** Marks a field as text a translation replaces (FieldMeta.translatable); its other metadata kept. */
export const translatable = <T extends z.ZodType>(schema: T): T =>
  schema.meta({ ...(schema.meta() ?? {}), translatable: true }) as T;

/** Reads the FieldMeta attached to one layer of a schema (not its wrappers). */
export function fieldMetaOf(schema: z.ZodType): Partial<FieldMeta> {
  return (schema.meta() ?? {}) as Partial<FieldMeta>;
}

/** Raises a custom issue whose message exists in both languages. */
export function bilingualIssue(
  ctx: { addIssue: (issue: z.core.$ZodRawIssue) => void } | z.RefinementCtx,
  path: (string | number)[],
  message: Bilingual,
): void {
  ctx.addIssue({ code: 'custom', path, message: message.en, params: message, input: undefined });
}

export const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_FORMAT: Bilingual = {
  ja: '半角の小文字英字・数字とハイフンで書いてください（例: hidamari-salon）',
  en: 'use lowercase ASCII letters, digits and hyphens (e.g. hidamari-salon)',
};

/** The entry's id: its file name and its URL. ASCII so that links and file names stay simple. */
export const idField = () =>
  meta(z.string().regex(ID_RE), {
    label: 'ID（ファイル名・URL）',
    hint: '半角の小文字英字・数字・ハイフン。一度決めたら変えないでください。例: hidamari-salon',
    format: ID_FORMAT,
  });

/**
 * How long volunteers' free text may be, in characters as zod and Decap count them (UTF-16 code
 * units). Without limits a 10,000-character title made an 8-page flyer and a 5 MB body a
 * 5.8 MB page. Chosen from the longest sample entries and real municipal pages; the figures
 * are in docs/CONTENT.md.
 * - line: titles, names, addresses, hours, fees (longest sample 63; a real 戸塚区 notice title 59)
 * - paragraph: multi-line fields such as 活動内容, 応募方法 (longest sample 129)
 * - body: the Markdown body below the front matter (longest sample 480)
 */
export const TEXT_LIMITS = { line: 80, paragraph: 400, body: 20_000 } as const;

/** One line of text: a title, a name, an address. */
export const lineText = () => z.string().trim().min(1).max(TEXT_LIMITS.line);
/** A few sentences in a multi-line box. */
export const paragraphText = () => z.string().trim().min(1).max(TEXT_LIMITS.paragraph);

export const textField = (label: string, hint?: string) => meta(lineText(), { label, ...(hint ? { hint } : {}) });

export const longTextField = (label: string, hint?: string) =>
  meta(paragraphText(), { label, widget: 'text', ...(hint ? { hint } : {}) });

const DATE_FORMAT: Bilingual = {
  ja: '年-月-日 の形で書いてください（例: 2026-12-05）',
  en: 'write it as YYYY-MM-DD (e.g. 2026-12-05)',
};
const DATETIME_FORMAT: Bilingual = {
  ja: '年-月-日T時:分 の形で書いてください（例: 2026-12-05T10:00）',
  en: 'write it as YYYY-MM-DDTHH:mm in Japan time (e.g. 2026-12-05T10:00)',
};
const TIME_FORMAT: Bilingual = {
  ja: '時:分 の形で、24時間制で書いてください（例: 13:30）',
  en: 'write it as HH:mm, 24-hour clock (e.g. 13:30)',
};

const notARealDate = (value: string): Bilingual => ({
  ja: `「${value}」という日付はカレンダーにありません。日付を確かめてください`,
  en: `${value} is not a real calendar date; check the day and month`,
});

/**
 * A year outside YEAR_RANGE (src/lib/dates.ts) is refused in every date, date-time and month
 * field: 0026 is a typo for 2026, and years below 100 would be shown as 1900–1999.
 */
export function checkYear(value: string, ctx: z.RefinementCtx): boolean {
  if (yearInRange(value)) return true;
  bilingualIssue(ctx, [], {
    ja: `「${value}」の年（${value.slice(0, 4)}年）は扱えません。${YEAR_RANGE.min}年から${YEAR_RANGE.max}年までの年を西暦4桁で書いてください`,
    en: `the year ${value.slice(0, 4)} is out of range; write a year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}`,
  });
  return false;
}

/** A calendar date in Japan ('2026-12-05'). */
export const dateField = (label: string, hint?: string) =>
  meta(
    z.preprocess(
      dateFromYaml,
      z
        .string()
        .regex(DATE_RE)
        .superRefine((value, ctx) => {
          if (DATE_RE.test(value) && checkYear(value, ctx) && !parseDate(value))
            bilingualIssue(ctx, [], notARealDate(value));
        }),
    ),
    {
      label,
      ...(hint ? { hint } : {}),
      format: DATE_FORMAT,
      widget: 'datetime',
      cms: { format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false },
    },
  );

/** A wall-clock date and time in Japan ('2026-12-05T10:00'). */
export const dateTimeField = (label: string, hint?: string) =>
  meta(
    z
      .string()
      .regex(DATETIME_RE)
      .superRefine((value, ctx) => {
        if (DATETIME_RE.test(value) && checkYear(value, ctx) && !parseDateTime(value))
          bilingualIssue(ctx, [], notARealDate(value));
      }),
    {
      label,
      ...(hint ? { hint } : {}),
      format: DATETIME_FORMAT,
      widget: 'datetime',
      cms: { format: 'YYYY-MM-DDTHH:mm', date_format: 'YYYY-MM-DD', time_format: 'HH:mm' },
    },
  );

/** A time of day in Japan ('10:00'). */
export const timeField = (label: string, hint?: string) =>
  meta(z.string().regex(TIME_RE), { label, hint: hint ?? '例: 10:00（24時間制）', format: TIME_FORMAT });

/** An id of an entry in another collection, checked at build time. */
export const refField = (collection: string, label: string, hint?: string) =>
  meta(z.string().regex(ID_RE), { label, relation: collection, format: ID_FORMAT, ...(hint ? { hint } : {}) });

/** Several ids of entries in another collection. */
export const refListField = (collection: string, label: string, hint?: string, min = 1) =>
  meta(z.array(z.string().regex(ID_RE)).min(min), { label, relation: collection, ...(hint ? { hint } : {}) });

/** One value of a fixed vocabulary whose labels live in the dictionary under `options.<id>`. */
export const choiceField = <const T extends readonly [string, ...string[]]>(
  values: T,
  options: string,
  label: string,
  hint?: string,
) => meta(z.enum(values), { label, options, ...(hint ? { hint } : {}) });

/** Several values of a fixed vocabulary. */
export const choicesField = <const T extends readonly [string, ...string[]]>(
  values: T,
  options: string,
  label: string,
  hint?: string,
  min = 1,
) => meta(z.array(z.enum(values)).min(min), { label, options, ...(hint ? { hint } : {}) });

export const categoriesField = () =>
  choicesField(CATEGORIES, 'category', '分類', '当てはまるものをすべて選んでください（1つ以上）');

export const audienceField = () =>
  meta(z.array(z.enum(AUDIENCES)).min(1).default(['everyone']), {
    label: '対象',
    options: 'audience',
    hint: 'どなたでも参加できる場合は「どなたでも」',
  });

/**
 * A count of people or times (参加者数, 開催回数): a whole number of at least 0, empty when it was
 * not counted. The CMS offers a number box that refuses decimals; YAML's quoted '18' or 十八
 * get the Japanese-first messages of src/lib/validation/messages.ts.
 */
export const countField = (label: string, hint?: string) =>
  meta(z.number().int().min(0).optional(), {
    label,
    widget: 'number',
    ...(hint ? { hint } : {}),
    cms: { value_type: 'int', min: 0 },
  });

/**
 * The SDGs goals (1–17) an entry serves, for the /sdgs/ pages and the badges (src/schemas/sdgs.ts).
 * Shared by practices, reports and plans. The CMS writes the numbers as text ('3'); a number
 * written by hand (3) is read the same.
 */
export const sdgsField = () =>
  meta(
    z.preprocess(
      (value) => (Array.isArray(value) ? value.map((v) => (typeof v === 'number' ? String(v) : v)) : value),
      z.array(z.enum(SDG_GOALS)).default([]),
    ),
    {
      label: 'SDGs（持続可能な開発目標）',
      options: 'sdg',
      hint: '関係する目標を選んでください（なければ空のまま）。目標ごとのページに載ります',
    },
  );

/**
 * Consent to the private data a body holds (a mobile number, an address, 要支援者 next to a
 * name): whose consent, in the volunteer's words. Filled in, it stops the warning that check,
 * the build and the CMS give for that body (src/lib/validation/privacy.ts).
 */
export const privacyConsentField = () =>
  meta(lineText().optional(), {
    label: '個人の情報を載せる了解',
    hint: '本文に携帯電話の番号・番地までの住所・要支援者や見守り対象の方の名前を書いたときだけ、だれの了解を得たかを書いてください（例: 山田さん本人の了解を得た）。ふだんは空のまま',
  });

export const PHONE_RE = /^0\d{1,4}-\d{1,4}-\d{3,4}$/;
export const phoneField = (label = '電話番号') =>
  meta(z.string().regex(PHONE_RE), {
    label,
    hint: 'ハイフンを入れて半角で。例: 0123-45-6789',
    format: {
      ja: 'ハイフン入りの半角数字で書いてください（例: 0123-45-6789）',
      en: 'write it with hyphens (e.g. 0123-45-6789)',
    },
  });

export const emailField = () =>
  meta(z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/), {
    label: 'メールアドレス',
    format: {
      ja: 'メールアドレスの形で書いてください（例: info@example.jp）',
      en: 'write an e-mail address (e.g. info@example.jp)',
    },
  });

export const urlField = (label = 'ウェブサイト') =>
  meta(z.string().regex(/^https?:\/\/\S+$/), {
    label,
    format: {
      ja: 'http:// か https:// で始まるアドレスを書いてください',
      en: 'write an address starting with http:// or https://',
    },
  });

/**
 * An e-mail address that becomes a mailto: link: letters, digits and . _ % + - before the @, a
 * domain after it. Stricter than emailField, since a link with ?, spaces or quotes in it would
 * open the mail program with words the volunteer did not write.
 */
export const emailFieldStrict = (label = 'メールアドレス') =>
  meta(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/),
    {
      label,
      hint: '例: info@example.jp（mailto: は付けずに）',
      format: {
        ja: 'メールアドレスの形で書いてください（例: info@example.jp。mailto: や空白、全角文字は入れません）',
        en: 'write an e-mail address (e.g. info@example.jp), without mailto:, spaces or full-width characters',
      },
    },
  );

/**
 * A LINE official account's friend-add URL, the forms LINE gives out: https://lin.ee/<id>,
 * https://line.me/R/ti/p/@<id> (or %40<id>) and https://page.line.me/<id>. Anything else
 * (a personal account's QR image, javascript:) is refused.
 */
export const lineUrlField = (label = 'LINE公式アカウントのURL') =>
  meta(
    z
      .string()
      .trim()
      .regex(
        /^https:\/\/(?:lin\.ee\/[A-Za-z0-9_-]+|line\.me\/R\/ti\/p\/(?:@|%40)[A-Za-z0-9._-]+|page\.line\.me\/[A-Za-z0-9._-]+)\/?$/,
      ),
    {
      label,
      hint: '例: https://lin.ee/abcdEFG（LINE公式アカウントの「友だち追加」のURL）',
      format: {
        ja: 'LINE公式アカウントの友だち追加のURL（https://lin.ee/… か https://line.me/R/ti/p/@… ）を書いてください',
        en: "write the LINE official account's friend-add URL (https://lin.ee/… or https://line.me/R/ti/p/@…)",
      },
    },
  );

/**
 * Where a picture is: `/uploads/<file>` of a JPEG, PNG, WebP or AVIF uploaded into media/
 * (src/lib/media/paths.ts). Decap checks the same pattern before saving; the build also checks
 * that the file exists and really is such a picture (src/lib/media/gate.ts).
 */
export const imageSrcField = (label: string) =>
  meta(
    z
      .string()
      .min(1)
      .superRefine((src, ctx) => {
        const problem = imageSrcProblem(src);
        if (problem) bilingualIssue(ctx, [], problem);
      }),
    { label, widget: 'image', cms: { pattern: [IMAGE_NAME_PATTERN, IMAGE_SRC_HINT] } },
  );

/**
 * An optional image with its alternative text. Both parts are optional to the CMS (Decap
 * demands the sub-fields of an object even when the object itself is optional), and the rule
 * "a picture needs its description" is checked here, at build time.
 */
export const imageField = (label = '画像') =>
  meta(
    z.preprocess(
      (value) => {
        if (!value || typeof value !== 'object') return value;
        if (Object.values(value).every((v) => v === undefined || v === null || v === '')) return undefined;
        // A removed picture leaves src empty: one message (alt without image), not two.
        return 'src' in value && value.src === '' ? { ...value, src: undefined } : value;
      },
      z
        .strictObject({
          /** The uploaded picture: /uploads/<file>, a JPEG, PNG, WebP or AVIF in media/. */
          src: imageSrcField('画像ファイル').optional(),
          /** What the picture shows, read out to residents who cannot see it. */
          alt: meta(paragraphText().optional(), {
            translatable: true,
            label: '画像の説明（代替テキスト）',
            hint: '画像を選んだら必ず書いてください。目の不自由な方のために、写っているものを一文で。例: 公民館で体操をする参加者',
          }),
        })
        .superRefine((image, ctx) => {
          if (image.src && !image.alt)
            bilingualIssue(ctx, ['alt'], {
              ja: `画像「${image.src}」に説明（代替テキスト）がありません。写っているものを一文で書いてください`,
              en: `image ${image.src} has no alternative text; describe it in one sentence`,
            });
          if (!image.src && image.alt)
            bilingualIssue(ctx, ['src'], {
              ja: '説明はありますが画像ファイルがありません。画像を選ぶか、説明を消してください',
              en: 'alt text without an image; choose the image or remove the text',
            });
        })
        .optional(),
    ),
    { label },
  );

/** How to take part: whether to apply, how, and by when. */
export const applicationField = () =>
  meta(
    z.strictObject({
      /** Residents must apply before coming. */
      required: meta(z.boolean().default(false), { label: '事前申し込みが必要', widget: 'boolean' }),
      /** How to apply, in words (phone, counter, form). */
      how: meta(paragraphText().optional(), {
        translatable: true,
        label: '申し込み方法',
        widget: 'text',
        hint: '例: 12月1日までに社協へ電話（0123-45-6789）でお申し込みください',
      }),
      /** Last day to apply; not after the event starts. */
      deadline: dateField('申し込み締め切り').optional(),
    }),
    { label: '申し込み' },
  );

export type DictionaryKey = UIKey;
