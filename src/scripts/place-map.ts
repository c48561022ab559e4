/**
 * The map of a map page (src/components/PlaceMap.astro), in the browser: Leaflet over the tiles
 * the site settings name, one pin per place, and 「近い順」, which asks for the reader's position
 * only when pressed and re-orders the page's list by distance. The list is the page's content;
 * without this script (or without tiles) it is all there, in its own order.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { boundsOf, distanceKm, formatDistance, type MapPoint } from '../lib/map/points.ts';

interface MapData {
  points: MapPoint[];
  tiles: string;
  maxZoom: number;
  attribution: string;
  attributionUrl: string;
  labels: {
    shelter: string;
    ibasho: string;
    here: string;
    sorted: string;
    distance: string;
    failed: string;
    asking: string;
  };
}

/** Text for HTML that Leaflet writes as markup (the attribution): the settings are typed by people. */
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A pin that says what the place is in a word, not by colour alone. */
function pin(point: MapPoint, labels: MapData['labels']): L.DivIcon {
  const word = point.marks.includes('shelter') ? labels.shelter : point.marks.includes('ibasho') ? labels.ibasho : '';
  const span = document.createElement('span');
  span.className = `place-map__pin${point.marks.map((m) => ` place-map__pin--${m}`).join('')}`;
  span.textContent = word || '●';
  return L.divIcon({ html: span, className: '', iconSize: [30, 30], iconAnchor: [15, 15] });
}

function popup(point: MapPoint): HTMLElement {
  const link = document.createElement('a');
  link.href = point.href;
  link.textContent = point.name;
  return link;
}

function drawMap(root: HTMLElement, data: MapData): L.Map | undefined {
  const figure = root.querySelector<HTMLElement>('.place-map__figure');
  const canvas = root.querySelector<HTMLElement>('.place-map__canvas');
  if (!figure || !canvas) return undefined;
  figure.hidden = false;
  // The page scrolls under a finger or a wheel; the map moves with its buttons or two fingers.
  const map = L.map(canvas, { scrollWheelZoom: false, attributionControl: false });
  L.control.attribution({ prefix: false }).addTo(map);
  L.tileLayer(data.tiles, {
    maxZoom: data.maxZoom,
    attribution: `<a href="${escapeHtml(data.attributionUrl)}">${escapeHtml(data.attribution)}</a>`,
  }).addTo(map);
  for (const point of data.points) {
    const marks = point.marks.map((m) => data.labels[m]).join('・');
    L.marker([point.lat, point.lng], {
      icon: pin(point, data.labels),
      title: marks ? `${point.name}（${marks}）` : point.name,
      alt: point.name,
      keyboard: true,
    })
      .bindPopup(popup(point))
      .addTo(map);
  }
  const bounds = boundsOf(data.points);
  if (data.points.length === 1 && data.points[0]) map.setView([data.points[0].lat, data.points[0].lng], 16);
  else if (bounds)
    map.fitBounds(
      [
        [bounds[0].lat, bounds[0].lng],
        [bounds[1].lat, bounds[1].lng],
      ],
      { padding: [32, 32], maxZoom: 16 },
    );
  root.dataset['ready'] = 'true';
  return map;
}

/** 「近い順」: the list's items that have a position, nearest first, each with its distance. */
function offerNearest(root: HTMLElement, data: MapData, map: L.Map | undefined) {
  const button = root.querySelector<HTMLButtonElement>('[data-near]');
  const status = root.querySelector<HTMLElement>('[data-near-status]');
  const listId = root.dataset['list'];
  const list = listId ? document.getElementById(listId) : null;
  if (!button || !status || !list || !('geolocation' in navigator)) return;
  button.hidden = false;
  let here: L.CircleMarker | undefined;
  button.addEventListener('click', () => {
    status.textContent = data.labels.asking;
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const from = { lat: coords.latitude, lng: coords.longitude };
        const items = [...list.querySelectorAll<HTMLElement>(':scope > li')].map((li) => {
          const lat = Number(li.dataset['lat']);
          const lng = Number(li.dataset['lng']);
          const known = li.dataset['lat'] !== undefined && li.dataset['lng'] !== undefined;
          return { li, km: known ? distanceKm(from, { lat, lng }) : Infinity };
        });
        items.sort((a, b) => a.km - b.km);
        for (const { li, km } of items) {
          let note = li.querySelector<HTMLElement>('.place-map__distance');
          if (Number.isFinite(km)) {
            note ??= li.appendChild(
              Object.assign(document.createElement('span'), { className: 'place-map__distance' }),
            );
            note.textContent = data.labels.distance.replace('{distance}', formatDistance(km));
          }
          list.appendChild(li);
        }
        status.textContent = data.labels.sorted;
        if (map) {
          here?.remove();
          here = L.circleMarker([from.lat, from.lng], { radius: 9, weight: 3 })
            .bindTooltip(data.labels.here)
            .addTo(map);
        }
      },
      (error) => {
        status.textContent = data.labels.failed.replace('{reason}', error.message || String(error.code));
      },
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 300_000 },
    );
  });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-place-map]')) {
  const data = JSON.parse(root.dataset['placeMap'] ?? '{}') as MapData;
  let map: L.Map | undefined;
  try {
    map = drawMap(root, data);
  } catch (error) {
    // The list is still there, and 「近い順」 still works on it; the map is an extra.
    root.querySelector<HTMLElement>('.place-map__figure')?.setAttribute('hidden', '');
    console.error(error);
  }
  offerNearest(root, data, map);
}
