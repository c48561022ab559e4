/**
 * What a map page shows, worked out from the places: the points (only places with both
 * coordinates), what each point is (shelter, 居場所, or a place where things happen), and for
 * 「近い順」 the distance from the reader. Pure: the pages pass the places in, the browser's
 * script (src/components/PlaceMap.astro) uses the same distance and order.
 */

export interface MapPlace {
  id: string;
  data: { name: string; lat?: number | undefined; lng?: number | undefined; ibasho?: boolean; shelter?: unknown };
}

/** What a point stands for; a place may be both a shelter and a 居場所. */
export type PointMark = 'shelter' | 'ibasho';

export interface MapPoint {
  id: string;
  name: string;
  lat: number;
  lng: number;
  /** The place's own page. */
  href: string;
  marks: PointMark[];
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** A list line that may say where it is (a place's: src/kinds/place.ts). */
export interface PositionedLine {
  href: string;
  title: string;
  position?: LatLng & { marks?: PointMark[] };
}

/** The points of a page's list lines that have a position, in the list's order. */
export function pointsOfList(items: readonly PositionedLine[]): MapPoint[] {
  return items.flatMap(({ href, title, position }) =>
    position
      ? [{ id: href, name: title, lat: position.lat, lng: position.lng, href, marks: position.marks ?? [] }]
      : [],
  );
}

/** The places that can be put on a map, in the order given (the page's list order). */
export function mapPoints(places: readonly MapPlace[], hrefOf: (id: string) => string): MapPoint[] {
  return places.flatMap(({ id, data }) =>
    data.lat === undefined || data.lng === undefined
      ? []
      : [
          {
            id,
            name: data.name,
            lat: data.lat,
            lng: data.lng,
            href: hrefOf(id),
            marks: [...(data.shelter ? (['shelter'] as const) : []), ...(data.ibasho ? (['ibasho'] as const) : [])],
          },
        ],
  );
}

/** A 防災 page's shelters on its map, each linking its place page. */
export const shelterPoints = (shelters: readonly MapPlace[]): MapPoint[] =>
  mapPoints(shelters, (id) => `/places/${id}/`);

const EARTH_RADIUS_KM = 6371.0088;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine): well within a metre at a town's scale. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** `items` nearest first from `from`; those without a position keep their order after the rest. */
export function nearestFirst<T extends Partial<LatLng>>(items: readonly T[], from: LatLng): T[] {
  const known = (item: T): item is T & LatLng => item.lat !== undefined && item.lng !== undefined;
  const placed = items.filter(known).map((item, index) => ({ item, index, km: distanceKm(from, item) }));
  placed.sort((a, b) => a.km - b.km || a.index - b.index);
  return [...placed.map((p) => p.item), ...items.filter((item) => !known(item))];
}

/** How far, as a resident reads it: 350 m, 1.2 km, 12 km. */
export function formatDistance(km: number): string {
  if (km < 1) return `${Math.max(10, Math.round((km * 1000) / 10) * 10)} m`;
  return km < 10 ? `${km.toFixed(1)} km` : `${Math.round(km)} km`;
}

/** The origin a tile address fetches from, for the map pages' Content-Security-Policy. */
export function tileOrigin(template: string): string {
  return new URL(template.replace(/\{[a-z]\}/g, '0')).origin;
}

/** The square that holds every point (south-west, north-east), for the map's first view. */
export function boundsOf(points: readonly LatLng[]): [LatLng, LatLng] | undefined {
  if (!points.length) return undefined;
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  return [
    { lat: Math.min(...lats), lng: Math.min(...lngs) },
    { lat: Math.max(...lats), lng: Math.max(...lngs) },
  ];
}
