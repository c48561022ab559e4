/**
 * 「わが家の防災メモ」: what the printed A4 sheet of a 防災 page holds (src/flyers/bosai/), for
 * the town and for each district — the same shelters, 自主防災組織 and numbers the page shows
 * (bosai.ts), shortened for paper: under each hazard only the shelters' names. Pure: the build
 * passes in the validated entries. Who is on the 避難行動要支援者 list is never part of it;
 * the sheet explains how to register, nothing more.
 */
import { ancestorsOf, bosaiOrganizations, emergencyNumbers, sheltersByHazard, sheltersIn } from './bosai.ts';
import type { PhoneNumber } from './bosai.ts';
import { districtWithDescendants } from './calendar.ts';
import type { T } from './facts.ts';
import type { Shelter } from '../schemas/shelter.ts';

export interface MemoDistrict {
  id: string;
  name: string;
  parent?: string | undefined;
}
export interface MemoPlace {
  id: string;
  data: { name: string; district: string; shelter?: Shelter | undefined };
}
export interface MemoOrganization {
  id: string;
  data: { name: string; kind: string; districts: readonly string[]; phone?: string | undefined };
}

export interface BosaiMemoSources {
  districts: readonly MemoDistrict[];
  places: readonly MemoPlace[];
  organizations: readonly MemoOrganization[];
  /** The town's own numbers, the registration desk and its phone (site settings' emergency group). */
  townNumbers: readonly PhoneNumber[];
  supportDesk?: string | undefined;
  supportPhone?: string | undefined;
  /** The town's name as the sheet says it ("みどり野市"). */
  townName: string;
  /** The site's address, for the line saying where the full page is. */
  siteUrl: string;
  /** The day the sheet's facts are from, YYYY-MM-DD in Japan. */
  today: string;
}

export interface BosaiMemo {
  /** The district's id; none for the whole town's sheet. */
  districtId?: string;
  /** Whose sheet it is: the district's name, or the town's. */
  area: string;
  /** The 防災 page the sheet comes from, as a full address. */
  pageUrl: string;
  /**
   * The shelters to go to by name, under the hazards they serve; hazards with the same shelters
   * share a line (地震・大規模な火事), so a district's list stays a few lines long.
   */
  shelters: { hazards: string[]; names: string[] }[];
  organizations: { name: string; phone?: string }[];
  /**
   * Lists left to the page because the sheet could not hold them (shortenings), with how many
   * the page has: the sheet says so and where to look, instead of running off the paper.
   */
  elsewhere?: { shelters?: number; organizations?: number };
  numbers: PhoneNumber[];
  supportDesk?: string;
  supportPhone?: string;
  today: string;
}

/** The sheet of one district (with the districts inside it), or of the whole town without one. */
export function bosaiMemo(sources: BosaiMemoSources, t: T, districtId?: string): BosaiMemo {
  const district = districtId ? sources.districts.find((d) => d.id === districtId) : undefined;
  if (districtId && !district) throw new Error(`bosai memo: no district ${districtId}`);
  const ids = districtId ? districtWithDescendants(sources.districts, districtId) : undefined;
  const shelters = sheltersIn(sources.places, ids);
  const organizations = bosaiOrganizations(
    sources.organizations,
    ids,
    districtId ? ancestorsOf(sources.districts, districtId) : [],
  );
  const base = sources.siteUrl.replace(/\/+$/, '');
  return {
    ...(districtId ? { districtId } : {}),
    area: district?.name ?? sources.townName,
    pageUrl: `${base}/bosai/${districtId ? `${districtId}/` : ''}`,
    shelters: shareLines(
      sheltersByHazard(shelters).map((g) => ({
        hazard: t(`bosaiMemo.hazard.${g.hazard}`),
        names: g.shelters.map((s) => s.data.name),
      })),
    ),
    organizations: organizations.map((o) => ({ name: o.data.name, ...(o.data.phone ? { phone: o.data.phone } : {}) })),
    numbers: emergencyNumbers(sources.townNumbers, t),
    ...(sources.supportDesk ? { supportDesk: sources.supportDesk } : {}),
    ...(sources.supportPhone ? { supportPhone: sources.supportPhone } : {}),
    today: sources.today,
  };
}

/** Hazards with the same list of shelters on one line, in the order each list first comes. */
export function shareLines(groups: readonly { hazard: string; names: string[] }[]): BosaiMemo['shelters'] {
  const lines = new Map<string, BosaiMemo['shelters'][number]>();
  for (const { hazard, names } of groups) {
    const key = JSON.stringify(names);
    const line = lines.get(key);
    if (line) line.hazards.push(hazard);
    else lines.set(key, { hazards: [hazard], names });
  }
  return [...lines.values()];
}

/**
 * The sheet as it is, then with its lists left to the page one by one — the 自主防災組織 first,
 * then the shelters too — for a sheet that does not fit one A4 page even in its smallest type:
 * a town-wide sheet of a town with dozens of shelters and organizations. The lines to write on
 * (わが家の避難先) stay, and the sheet points to the page that lists them all.
 */
export function shortenings(memo: BosaiMemo): BosaiMemo[] {
  const variants = [memo];
  let last = memo;
  if (last.organizations.length) {
    last = { ...last, organizations: [], elsewhere: { ...last.elsewhere, organizations: last.organizations.length } };
    variants.push(last);
  }
  if (last.shelters.length) {
    const shelters = new Set(last.shelters.flatMap((line) => line.names)).size;
    variants.push({ ...last, shelters: [], elsewhere: { ...last.elsewhere, shelters } });
  }
  return variants;
}

/** The town's sheet first, then every district's. */
export const bosaiMemos = (sources: BosaiMemoSources, t: T): BosaiMemo[] => [
  bosaiMemo(sources, t),
  ...sources.districts.map((d) => bosaiMemo(sources, t, d.id)),
];

/**
 * Where a sheet is published: beside its 防災 page, in the page's own folder, so no district id
 * can collide with the town's file.
 */
export const bosaiMemoPdfPath = (districtId?: string): string =>
  districtId ? `/bosai/${districtId}/bosai-memo.pdf` : '/bosai/bosai-memo.pdf';
