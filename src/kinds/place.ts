/** A venue or 居場所: its address, way there and barrier-free facts are what residents ask. */
import { entryHref } from '../lib/entries.ts';
import { phoneLink, text, type FactList, type T } from '../lib/facts.ts';
import type { Place } from '../schemas/place.ts';
import type { Shelter } from '../schemas/shelter.ts';
import type { PointMark } from '../lib/map/points.ts';
import {
  byTitle,
  noPhotos,
  noStructuredData,
  type Kind,
  type EntryCollection,
  type KindEntry,
  type LinkContext,
  type ListItem,
} from './kind.ts';

/**
 * A shelter's facts come first, under a mark in words (【避難所】), so that someone looking for
 * where to go sees it before the address, in print and read aloud as well as on screen.
 */
function shelterFacts(shelter: Shelter, f: FactList): void {
  const t = f.t;
  // The CMS preview passes what is being typed, before the schema's defaults fill the lists in.
  const { types = [], hazards = [] } = shelter as Partial<Shelter>;
  const names = types.map((type) => t(`shelterType.${type}`)).join(t('shelter.separator'));
  f.mark('fact.shelter', text(t('fact.shelterMark', { types: names })));
  f.add(
    'fact.hazards',
    hazards.map((h) => ({ text: t(`hazard.${h}`) })),
  );
  if (shelter.capacity) f.add('fact.shelterCapacity', text(t('fact.people', { count: shelter.capacity })));
  f.add('fact.pets', text(t(shelter.pets ? 'shelter.petsYes' : 'shelter.petsNo')));
  if (shelter.barrierFreeNotes) f.add('fact.shelterBarrierFree', text(shelter.barrierFreeNotes));
}

/** What a place is on a map: a shelter, a 居場所, both, or neither. */
const mapMarks = (data: Place): PointMark[] => [
  ...(data.shelter ? (['shelter'] as const) : []),
  ...(data.ibasho ? (['ibasho'] as const) : []),
];

/** What meets at the place (salons, events, desks that name it), each with its type's name. */
function meetsHere(_entry: KindEntry<Place>, t: T, context?: LinkContext): ListItem[] {
  return (context?.referrers ?? []).map((r) => ({
    href: r.href,
    // Referrers are entries of the registry's collections, each with its collection.* name.
    title: t('place.meetsItem', { kind: t(`collection.${r.collection as EntryCollection}`), title: r.title }),
  }));
}

export const placeKind = {
  facts(data, f) {
    if (data.shelter) shelterFacts(data.shelter, f);
    if (data.openHours) f.add('fact.openHours', text(data.openHours));
    f.placeDetails(data);
    f.add('fact.districts', f.ref('districts', data.district));
    if (data.ibasho)
      f.add(
        'fact.audience',
        // Absent in the CMS preview until the schema's default fills it in.
        (data.audience as Place['audience'] | undefined)?.map((a) => ({ text: f.t(`audience.${a}`) })),
      );
    if (data.phone) f.add('fact.phone', phoneLink(data.phone));
  },
  listLine: ({ id, data }, t) => ({
    href: entryHref('places', id),
    title: data.name,
    meta: data.shelter
      ? `${t('fact.shelterMark', { types: data.shelter.types.map((s) => t(`shelterType.${s}`)).join(t('shelter.separator')) })} ${data.address}`
      : data.address,
    ...(data.lat !== undefined && data.lng !== undefined
      ? { position: { lat: data.lat, lng: data.lng, marks: mapMarks(data) } }
      : {}),
  }),
  lifecycle: () => 'current',
  searchDate: () => undefined,
  districts: (data) => [data.district],
  // A shelter is found under 防災 and a 居場所 under 居場所, on their category pages and in search.
  topics: (data) => ({
    categories: [...(data.shelter ? (['disaster'] as const) : []), ...(data.ibasho ? (['ibasho'] as const) : [])],
  }),
  index: byTitle((data) => data.name),
  nav: false,
  calendar: null,
  structuredData: noStructuredData,
  links: meetsHere,
  flyer: null,
  feed: null,
  photos: noPhotos,
} satisfies Kind<Place, null>;
