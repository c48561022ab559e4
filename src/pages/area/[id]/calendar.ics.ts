/** A district's calendar feed, with the districts inside it, as its calendar page lists them. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDistricts } from '../../../data/calendar.ts';
import { calendarResponse, inAnyDistrict } from '../../../data/feeds.ts';
import { districtWithDescendants } from '../../../lib/calendar.ts';
import { pageKeys } from '../../../data/page-keys.ts';

export const getStaticPaths = (async () => {
  const districts = await loadDistricts();
  const keys = await pageKeys();
  return districts.map((district) => ({
    params: { id: district.id },
    props: { name: district.name, ids: districtWithDescendants(districts, district.id) },
    ...keys.all,
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; ids: Set<string> }> = ({ props }) =>
  calendarResponse(inAnyDistrict(props.ids), props.name);
