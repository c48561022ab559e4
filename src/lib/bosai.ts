/**
 * What the 防災 pages (/bosai/, /bosai/<district>/) and the emergency page show, worked out from
 * the entries: a district's shelters (its own and its sub-districts', as district pages count
 * them), grouped by hazard; the 自主防災組織 that cover it; the numbers to call. Pure: the
 * pages load the collections and pass them in.
 */
import { compareJa } from './collate.ts';
import { formatDateJa, formatTimeJa, parseDateTime, toJstIso } from './dates.ts';
import type { T } from './facts.ts';
import { HAZARDS, type Hazard } from '../schemas/vocabulary.ts';
import type { Shelter } from '../schemas/shelter.ts';

export interface PlaceLike {
  id: string;
  data: { name: string; district: string; shelter?: Shelter | undefined };
}
export type ShelterPlace<P extends PlaceLike> = P & { data: { shelter: Shelter } };

const isShelter = <P extends PlaceLike>(place: P): place is ShelterPlace<P> => place.data.shelter !== undefined;

/**
 * The shelters in the districts (pass a district with its descendants, or undefined for the
 * whole town), by name in Japanese reading order.
 */
export function sheltersIn<P extends PlaceLike>(
  places: readonly P[],
  districtIds: ReadonlySet<string> | undefined,
): ShelterPlace<P>[] {
  return places
    .filter(isShelter)
    .filter((p) => !districtIds || districtIds.has(p.data.district))
    .sort((a, b) => compareJa(a.data.name, b.data.name));
}

/** The shelters under each hazard they serve, in the national list's order; hazards with none left out. */
export function sheltersByHazard<P extends PlaceLike>(
  shelters: readonly ShelterPlace<P>[],
): { hazard: Hazard; shelters: ShelterPlace<P>[] }[] {
  return HAZARDS.map((hazard) => ({
    hazard,
    shelters: shelters.filter((s) => s.data.shelter.hazards.includes(hazard)),
  })).filter((group) => group.shelters.length > 0);
}

/** The districts above `id`, nearest first (a 町内会's 小学校区). Stops at a loop in the parents. */
export function ancestorsOf(districts: readonly { id: string; parent?: string | undefined }[], id: string): string[] {
  const byId = new Map(districts.map((d) => [d.id, d]));
  const found: string[] = [];
  let parent = byId.get(id)?.parent;
  while (parent && !found.includes(parent) && parent !== id) {
    found.push(parent);
    parent = byId.get(parent)?.parent;
  }
  return found;
}

export interface OrganizationLike {
  id: string;
  data: { name: string; kind: string; districts: readonly string[] };
}

/**
 * The 自主防災組織 a district's residents turn to: those working in it, in a district inside it,
 * or in a district it belongs to (a school district's 自主防災会 covers its 町内会). For the
 * whole town (no districts given), every one.
 */
export function bosaiOrganizations<O extends OrganizationLike>(
  organizations: readonly O[],
  districtIds: ReadonlySet<string> | undefined,
  ancestors: readonly string[] = [],
): O[] {
  const covers = (o: O) => !districtIds || o.data.districts.some((d) => districtIds.has(d) || ancestors.includes(d));
  return organizations
    .filter((o) => o.data.kind === 'bosai' && covers(o))
    .sort((a, b) => compareJa(a.data.name, b.data.name));
}

export interface PhoneNumber {
  label: string;
  /** As dialled: 119, 0000-12-3456. */
  phone: string;
}

/** 119, 110 and 171 (災害用伝言ダイヤル), then the town's own numbers from the site settings. */
export function emergencyNumbers(townNumbers: readonly PhoneNumber[], t: T): PhoneNumber[] {
  return [
    { label: t('bosai.number119'), phone: '119' },
    { label: t('bosai.number110'), phone: '110' },
    { label: t('bosai.number171'), phone: '171' },
    ...townNumbers,
  ];
}

/** A phone number as a tel: link. */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;

/**
 * When the emergency message was last updated, in Japan time: the time staff wrote, else when
 * the site was built (the page is at least that fresh). Returns the text and the ISO value for
 * <time datetime>.
 */
export function updatedAt(updated: string | undefined, built: Date): { text: string; datetime: string } {
  const instant = (updated && parseDateTime(updated)) || built;
  return { text: `${formatDateJa(instant)} ${formatTimeJa(instant)}`, datetime: toJstIso(instant) };
}

/**
 * How many shelters, or 自主防災組織, the town's 防災 page lists in full. A town with more gives
 * their number (shelters under each hazard) and leaves the lists to the districts' pages, which
 * the town page links first: every shelter with its details was 3.4 MB of HTML for a town of 800
 * shelters (the 10,000-entry bench town), a page to be read on a phone on a congested disaster
 * day. The district pages always list theirs. わが家の防災メモ does the same on paper
 * (./bosai-memo.ts, `shortenings`).
 */
export const TOWN_PAGE_LIST_LIMIT = 60;

/** Whether the town's 防災 page lists these (shelters or organizations) one by one. */
export const listedOnTownPage = (items: readonly unknown[]): boolean => items.length <= TOWN_PAGE_LIST_LIMIT;
