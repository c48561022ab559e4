/**
 * A place's designation as a shelter under 災害対策基本法: which kind (指定緊急避難場所,
 * 指定避難所, 福祉避難所), for which hazards, how many people, and what residents ask before
 * going (steps, pets). Part of the place schema (src/schemas/place.ts): a shelter is a place.
 */
import { z } from 'astro/zod';
import { bilingualIssue, choicesField, meta, paragraphText, translatable } from './fields.ts';
import { HAZARDS, SHELTER_TYPES } from './vocabulary.ts';

/**
 * The CMS saves an untouched group as empty lists and `false`: that is "not a shelter", not a
 * shelter missing its kind.
 */
function unsetIfEmpty(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const empty = (v: unknown) =>
    v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0);
  return Object.values(value).every(empty) ? undefined : value;
}

export const shelterObject = z
  .strictObject({
    /** 指定緊急避難場所 and/or 指定避難所 and/or 福祉避難所, as the town designated it. */
    types: choicesField(
      SHELTER_TYPES,
      'shelterType',
      '指定の種類',
      '市町村の指定のとおりに選びます（いくつでも）',
      0,
    ).default([]),
    /** The hazards it is designated for; residents look up their shelter by hazard. */
    hazards: choicesField(
      HAZARDS,
      'hazard',
      '使える災害',
      '市町村のハザードマップ・避難所一覧で「○」の付いた災害を選びます',
      0,
    ).default([]),
    /** 収容人数 from the town's list. */
    capacity: meta(z.number().int().positive().optional(), {
      label: '収容人数（人）',
      widget: 'number',
      hint: '市町村の避難所一覧にある人数。例: 300',
      cms: { value_type: 'int' },
    }),
    /** Steps, slopes, rooms for people who need care: what the place's own barrier-free facts do not say. */
    barrierFreeNotes: translatable(
      meta(paragraphText().optional(), {
        label: '避難するときのバリアフリー',
        widget: 'text',
        hint: '例: 体育館の東側にスロープがあります。和室を配慮が必要な方の部屋にします',
      }),
    ),
    /** Whether pets may come (同行避難): families decide whether to flee by this. */
    pets: meta(z.boolean().default(false), { label: 'ペットと避難できる', widget: 'boolean' }),
  })
  .superRefine((shelter, ctx) => {
    if (shelter.types.length === 0)
      bilingualIssue(ctx, ['types'], {
        ja: '避難所の情報がありますが「指定の種類」が選ばれていません。指定緊急避難場所・指定避難所・福祉避難所から選ぶか、避難所でなければ避難所の項目を空にしてください',
        en: 'shelter information without types; choose emergency-site, shelter or welfare, or empty the shelter fields',
      });
    if (shelter.hazards.length === 0)
      bilingualIssue(ctx, ['hazards'], {
        ja: '避難所の「使える災害」が選ばれていません。市町村の避難所一覧で「○」の付いた災害（洪水、地震など）を選んでください',
        en: 'no hazards chosen; choose those the town designated the shelter for (flood, earthquake …)',
      });
  });
export type Shelter = z.output<typeof shelterObject>;

/** The place's shelter group: optional, so a place that is not a shelter leaves it empty. */
export const shelterField = () =>
  meta(z.preprocess(unsetIfEmpty, shelterObject.optional()), { label: '避難所（災害のとき）' });
