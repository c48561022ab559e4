/**
 * Fixed vocabularies shared by several content types. Only the ids live in content files;
 * their labels come from the i18n dictionary (`category.<id>`, `audience.<id>` …) so that
 * every language can translate them without touching content.
 */

/** 分類 — the fixed, translated list of categories (PRODUCT.md). */
export const CATEGORIES = [
  'watch', // 見守り
  'salon', // サロン
  'ibasho', // 居場所
  'childcare', // 子育て
  'elderly', // 高齢者
  'disability', // 障がい
  'multicultural', // 多文化共生
  'disaster', // 防災
  'shopping', // 買い物支援
  'health', // 健康
  'learning', // 学び
  'volunteer', // ボランティア
  'food', // 食（子ども食堂・会食）
] as const;
export type Category = (typeof CATEGORIES)[number];

/** 対象 — who an event or salon is for. */
export const AUDIENCES = [
  'everyone',
  'elderly',
  'children',
  'parents',
  'foreign',
  'disability',
  'volunteers',
  // 若い世代・働く世代: every seed looks for 担い手 among them (evening and weekend gatherings).
  'working-age',
] as const;
export type Audience = (typeof AUDIENCES)[number];

/** 曜日 — ISO order, Monday first, as Japanese calendars print them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** 第n週 — 'last' is 最終週 (the last such weekday of the month). */
export const WEEKS_OF_MONTH = ['1', '2', '3', '4', '5', 'last'] as const;
export type WeekOfMonth = (typeof WEEKS_OF_MONTH)[number];

/** How a salon repeats. */
export const FREQUENCIES = ['weekly', 'monthly-weekday', 'monthly-date', 'dates'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** What a salon does on a national holiday (祝日). */
export const HOLIDAY_POLICIES = ['skip', 'hold'] as const;

/** Kinds of recurring gathering (PRODUCT.md glossary: salon). */
export const SALON_KINDS = [
  'salon', // ふれあいサロン
  'cafe', // ふれあい喫茶・カフェ
  'childcare', // 子育てサロン
  'meal', // 食事会
  'exercise', // 体操・健康教室
  'kodomo-shokudo', // 子ども食堂
  'mobile-shop', // 移動販売
  'ibasho', // 居場所・たまり場
  'dementia-cafe', // 認知症カフェ (オレンジカフェ): people with dementia, their families and neighbours
  'kyosei', // 共生型サロン: elderly, children and people with disabilities at one table
  'other',
] as const;

/** Kinds of district: a school district holds neighbourhood associations. */
export const DISTRICT_KINDS = ['school', 'association', 'area'] as const;

/** Kinds of organization (団体). */
export const ORGANIZATION_KINDS = [
  'shakyo', // 社会福祉協議会
  'district-shakyo', // 地区社協
  'minsei', // 民生委員児童委員協議会
  'association', // 自治会・町内会
  'npo', // NPO法人
  'volunteer', // ボランティア団体
  'municipality', // 市役所・町役場
  'business', // 事業者
  'community-council', // 地域づくり協議会 (地域運営組織: associations, shakyo and schools of a district together)
  'machizukuri-center', // まちづくりセンター (the intermediary that supports district councils)
  'bosai', // 自主防災組織: residents' own disaster-preparedness group, listed on the 防災 pages
  'other',
] as const;

export const EVENT_STATUSES = ['scheduled', 'cancelled', 'postponed'] as const;
export const SALON_STATUSES = ['active', 'paused', 'ended'] as const;
export const RECRUITMENT_STATUSES = ['open', 'closed'] as const;

/** Languages a consultation desk can answer in. `ja-easy` is やさしい日本語. */
export const LANGUAGES = ['ja', 'ja-easy', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne'] as const;

/**
 * How a place is designated for disasters under 災害対策基本法: 指定緊急避難場所 (a safe spot
 * to flee to, art. 49-4), 指定避難所 (to stay in, art. 49-7) and 福祉避難所 (a 指定避難所 for
 * people who need care).
 */
export const SHELTER_TYPES = ['emergency-site', 'shelter', 'welfare'] as const;
export type ShelterType = (typeof SHELTER_TYPES)[number];

/**
 * The hazards a 指定緊急避難場所 is designated for (災害対策基本法施行令 第20条の4, as the
 * national 指定緊急避難場所データ lists them): 洪水, 崖崩れ・土石流及び地滑り, 高潮, 地震, 津波,
 * 大規模な火事, 内水氾濫, 火山現象. Kept in that order, which is the order residents see.
 */
export const HAZARDS = [
  'flood', // 洪水
  'landslide', // 崖崩れ、土石流及び地滑り（土砂災害）
  'storm-surge', // 高潮
  'earthquake', // 地震
  'tsunami', // 津波
  'fire', // 大規模な火事
  'inland-flood', // 内水氾濫
  'volcano', // 火山現象
] as const;
export type Hazard = (typeof HAZARDS)[number];
