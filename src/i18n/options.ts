/**
 * The dictionary keys of the values of every fixed vocabulary a schema field names by its
 * `options` prefix (src/schemas/fields.ts: `choiceField(CATEGORIES, 'category', …)`): the CMS
 * select lists and the validation messages label a value through here. Each key is built from
 * its vocabulary's type, so a value without a label in src/i18n/ja.ts is a compile error rather
 * than a crash when a volunteer opens the CMS. tests/unit/options.test.ts checks that every
 * `options` prefix the schemas use is listed here with the values its field takes.
 */
import { GIT_HOSTS } from '../lib/cms/backend.ts';
import { FLYER_TEMPLATES, FLYER_THEMES } from '../schemas/flyer.ts';
import {
  AUDIENCES,
  CATEGORIES,
  DISTRICT_KINDS,
  EVENT_STATUSES,
  FREQUENCIES,
  HAZARDS,
  HOLIDAY_POLICIES,
  LANGUAGES,
  ORGANIZATION_KINDS,
  RECRUITMENT_STATUSES,
  SALON_KINDS,
  SALON_STATUSES,
  SHELTER_TYPES,
  WEEKDAYS,
  WEEKS_OF_MONTH,
} from '../schemas/vocabulary.ts';
import { HELPER_ACTIVITIES, RECRUITMENT_TAGS } from '../schemas/helping.ts';
import { SDG_GOALS } from '../schemas/sdgs.ts';
import { PLAN_STATUSES, PLAN_TIMINGS } from '../schemas/plan.ts';
import { SERVICE_FEES, SERVICE_TASKS } from '../schemas/service.ts';
import type { UIKey } from './ja.ts';

interface Vocabulary {
  readonly values: readonly string[];
  /** The key of a value's label, undefined for a value not in the vocabulary. */
  keyOf(value: string): UIKey | undefined;
}

const vocabulary = <const V extends string>(values: readonly V[], key: (value: V) => UIKey): Vocabulary => ({
  values,
  keyOf: (value) => {
    const known = values.find((v) => v === value);
    return known === undefined ? undefined : key(known);
  },
});

/** `options` prefix → its vocabulary, each label key checked against the dictionary. */
export const OPTION_VOCABULARIES: Readonly<Record<string, Vocabulary>> = {
  category: vocabulary(CATEGORIES, (v) => `category.${v}`),
  audience: vocabulary(AUDIENCES, (v) => `audience.${v}`),
  language: vocabulary(LANGUAGES, (v) => `language.${v}`),
  weekday: vocabulary(WEEKDAYS, (v) => `weekday.${v}`),
  week: vocabulary(WEEKS_OF_MONTH, (v) => `week.${v}`),
  frequency: vocabulary(FREQUENCIES, (v) => `frequency.${v}`),
  holidayPolicy: vocabulary(HOLIDAY_POLICIES, (v) => `holidayPolicy.${v}`),
  salonKind: vocabulary(SALON_KINDS, (v) => `salonKind.${v}`),
  salonStatus: vocabulary(SALON_STATUSES, (v) => `salonStatus.${v}`),
  eventStatus: vocabulary(EVENT_STATUSES, (v) => `eventStatus.${v}`),
  recruitmentStatus: vocabulary(RECRUITMENT_STATUSES, (v) => `recruitmentStatus.${v}`),
  districtKind: vocabulary(DISTRICT_KINDS, (v) => `districtKind.${v}`),
  orgKind: vocabulary(ORGANIZATION_KINDS, (v) => `orgKind.${v}`),
  flyerTemplate: vocabulary(FLYER_TEMPLATES, (v) => `flyerTemplate.${v}`),
  flyerTheme: vocabulary(FLYER_THEMES, (v) => `flyerTheme.${v}`),
  gitHost: vocabulary(GIT_HOSTS, (v) => `gitHost.${v}`),
  planStatus: vocabulary(PLAN_STATUSES, (v) => `planStatus.${v}`),
  planTiming: vocabulary(PLAN_TIMINGS, (v) => `planTiming.${v}`),
  serviceTask: vocabulary(SERVICE_TASKS, (v) => `serviceTask.${v}`),
  serviceFee: vocabulary(SERVICE_FEES, (v) => `serviceFee.${v}`),
  shelterType: vocabulary(SHELTER_TYPES, (v) => `shelterType.${v}`),
  hazard: vocabulary(HAZARDS, (v) => `hazard.${v}`),
  sdg: vocabulary(SDG_GOALS, (v) => `sdg.${v}`),
  recruitmentTag: vocabulary(RECRUITMENT_TAGS, (v) => `recruitmentTag.${v}`),
  helperActivity: vocabulary(HELPER_ACTIVITIES, (v) => `helperActivity.${v}`),
};

/**
 * The dictionary key of a value of the vocabulary `prefix` names, or undefined when there is
 * no such vocabulary or value (a field without `options` shows its values as they are).
 */
export const optionKey = (prefix: string | undefined, value: string): UIKey | undefined =>
  prefix !== undefined && Object.hasOwn(OPTION_VOCABULARIES, prefix)
    ? OPTION_VOCABULARIES[prefix]?.keyOf(value)
    : undefined;
