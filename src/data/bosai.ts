/**
 * Loads what a 防災 page shows (src/pages/bosai/) in the shapes src/lib/bosai.ts takes: the
 * shelters, 自主防災組織, upcoming 防災 events, numbers and the registration desk of the town or
 * of one district with the districts inside it.
 */
import { getCollection } from 'astro:content';
import { t } from '../i18n/index.ts';
import { ancestorsOf, bosaiOrganizations, emergencyNumbers, sheltersByHazard, sheltersIn } from '../lib/bosai.ts';
import { districtWithDescendants } from '../lib/calendar.ts';
import { inCategory, inDistricts, splitEvents } from '../lib/listings.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import { NO_EMERGENCY } from '../schemas/emergency.ts';
import { loadDistricts, loadEntries } from './calendar.ts';
import { getSettings } from './entries.ts';

/** The site's 防災 settings, with nothing filled in when the settings have no such group. */
export async function getEmergency() {
  return (await getSettings()).emergency ?? NO_EMERGENCY;
}

/** Everything a 防災 page shows, for a district (with its sub-districts) or, without one, the town. */
export async function loadBosai(districtId?: string) {
  const [districts, entries, emergency] = await Promise.all([loadDistricts(), loadEntries(), getEmergency()]);
  const ids = districtId ? districtWithDescendants(districts, districtId) : undefined;
  const shelters = sheltersIn(entries.places, ids);
  const organizations = bosaiOrganizations(
    entries.organizations,
    ids,
    districtId ? ancestorsOf(districts, districtId) : [],
  );
  const here = ids ? inDistricts(entries, ids) : () => true;
  const disaster = inCategory('disaster');
  const events = splitEvents(
    entries.events.filter((e) => here('events', e) && disaster('events', e)),
    todayInJapan(),
    t,
  ).upcoming;
  return {
    districts,
    shelters,
    byHazard: sheltersByHazard(shelters),
    organizations,
    events,
    numbers: emergencyNumbers(emergency.numbers, t),
    supportDesk: emergency.supportDesk,
    supportPhone: emergency.supportPhone,
  };
}
export type Bosai = Awaited<ReturnType<typeof loadBosai>>;

/** The places whose id is listed, in that order (the shelters the town has opened). */
export async function placesById(ids: readonly string[]) {
  const places = await getCollection('places');
  return ids.flatMap((id) => places.filter((p) => p.id === id));
}
