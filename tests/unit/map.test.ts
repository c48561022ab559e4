import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapPagePolicy } from '../../src/lib/map/policy.ts';
import { CONTENT_SECURITY_POLICY, headersWithMapPolicy, MAP_PAGE_RULES } from '../../src/lib/seo/csp.ts';
import {
  boundsOf,
  distanceKm,
  formatDistance,
  mapPoints,
  nearestFirst,
  shelterPoints,
  tileOrigin,
} from '../../src/lib/map/points.ts';
import { DEFAULT_MAP, GSI_TILES, mapSchema } from '../../src/schemas/map.ts';

// Two real landmarks with a well-known distance: Tokyo Station to Shinjuku Station is about 6.1 km.
const TOKYO = { lat: 35.681236, lng: 139.767125 };
const SHINJUKU = { lat: 35.690921, lng: 139.700258 };

describe('map points', () => {
  const places = [
    { id: 'kominkan', data: { name: '東公民館', lat: 35.1, lng: 139.1, shelter: { kinds: ['designated'] } } },
    { id: 'engawa', data: { name: '縁側', lat: 35.2, lng: 139.2, ibasho: true } },
    { id: 'both', data: { name: '小学校', lat: 35.3, lng: 139.3, ibasho: true, shelter: {} } },
    { id: 'nowhere', data: { name: '座標なし', lat: 35.4 } },
  ];

  it('keeps only places with both coordinates, in the given order, with what each is', () => {
    expect(mapPoints(places, (id) => `/places/${id}/`)).toEqual([
      { id: 'kominkan', name: '東公民館', lat: 35.1, lng: 139.1, href: '/places/kominkan/', marks: ['shelter'] },
      { id: 'engawa', name: '縁側', lat: 35.2, lng: 139.2, href: '/places/engawa/', marks: ['ibasho'] },
      { id: 'both', name: '小学校', lat: 35.3, lng: 139.3, href: '/places/both/', marks: ['shelter', 'ibasho'] },
    ]);
  });

  it('puts a 防災 page’s shelters on its map with their place pages', () => {
    expect(shelterPoints(places).map((p) => p.href)).toEqual(['/places/kominkan/', '/places/engawa/', '/places/both/']);
  });

  it('measures great-circle distances', () => {
    expect(distanceKm(TOKYO, SHINJUKU)).toBeCloseTo(6.1, 1);
    expect(distanceKm(TOKYO, TOKYO)).toBe(0);
  });

  it('orders nearest first, ties and unknown positions keeping their order', () => {
    const items = [
      { name: 'far', lat: 35.5, lng: 139.5 },
      { name: 'unknown' },
      { name: 'near', lat: 35.0, lng: 139.0 },
      { name: 'near-too', lat: 35.0, lng: 139.0 },
    ];
    expect(nearestFirst(items, { lat: 35, lng: 139 }).map((i) => i.name)).toEqual([
      'near',
      'near-too',
      'far',
      'unknown',
    ]);
  });

  it('says distances as residents read them', () => {
    expect(formatDistance(0.004)).toBe('10 m');
    expect(formatDistance(0.347)).toBe('350 m');
    expect(formatDistance(1.26)).toBe('1.3 km');
    expect(formatDistance(12.4)).toBe('12 km');
  });

  it('finds the tile origin and the bounds', () => {
    expect(tileOrigin(GSI_TILES)).toBe('https://cyberjapandata.gsi.go.jp');
    expect(tileOrigin('https://tiles.example.jp:8443/{z}/{x}/{y}.png')).toBe('https://tiles.example.jp:8443');
    expect(boundsOf([])).toBeUndefined();
    expect(boundsOf([TOKYO, SHINJUKU])).toEqual([
      { lat: TOKYO.lat, lng: SHINJUKU.lng },
      { lat: SHINJUKU.lat, lng: TOKYO.lng },
    ]);
  });
});

describe('map settings', () => {
  it('defaults to 地理院タイル with its attribution', () => {
    expect(DEFAULT_MAP).toEqual({
      enabled: true,
      tiles: GSI_TILES,
      attribution: '地理院タイル',
      attributionUrl: 'https://maps.gsi.go.jp/development/ichiran.html',
      maxZoom: 18,
    });
  });

  it('refuses tiles that are not https or lack {z}, {x} or {y}', () => {
    for (const tiles of [
      'http://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png',
      'https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}.png',
      'javascript:alert(1)//{z}{x}{y}',
    ])
      expect(mapSchema.safeParse({ tiles }).success, tiles).toBe(false);
  });
});

describe('map pages’ policy', () => {
  it('widens img-src to the tile server only when the map is on and has points', () => {
    const widened = mapPagePolicy(DEFAULT_MAP, [{}]);
    expect(widened).toContain("img-src 'self' data: https://cyberjapandata.gsi.go.jp;");
    expect(mapPagePolicy(DEFAULT_MAP, [])).toBe(CONTENT_SECURITY_POLICY);
    expect(mapPagePolicy({ ...DEFAULT_MAP, enabled: false }, [{}])).toBe(CONTENT_SECURITY_POLICY);
  });

  it('writes the settings’ tile server into every map rule of _headers, and nowhere else', () => {
    const headers = readFileSync(join(import.meta.dirname, '../../public/_headers'), 'utf8');
    const written = headersWithMapPolicy(headers, 'https://tiles.example.jp');
    for (const rule of MAP_PAGE_RULES) {
      const block = written.split(/\n(?=\/)/).find((r) => r.startsWith(`${rule}\n`)) ?? '';
      expect(block, rule).toContain("img-src 'self' data: https://tiles.example.jp; font-src");
      expect(block, rule).toContain("frame-ancestors 'none'");
      expect(block, rule).toContain('geolocation=(self)');
    }
    expect(written.replace(/https:\/\/tiles\.example\.jp/g, 'https://cyberjapandata.gsi.go.jp')).toBe(headers);
  });

  it('gives the map pages in other languages (/en/places/ …) the same rules', () => {
    const headers = readFileSync(join(import.meta.dirname, '../../public/_headers'), 'utf8');
    const written = headersWithMapPolicy(headers, 'https://tiles.example.jp', ['/en', '/vi']);
    // A rule's own lines: the indented ones under its path.
    const body = (path: string) => {
      const lines = written.split('\n');
      const start = lines.indexOf(path);
      const end = lines.findIndex((line, k) => k > start && !line.startsWith(' '));
      return start < 0 ? '' : lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
    };
    for (const rule of MAP_PAGE_RULES)
      for (const prefix of ['/en', '/vi']) {
        expect(body(`${prefix}${rule}`), `${prefix}${rule}`).toBe(body(rule));
        expect(body(`${prefix}${rule}`)).toContain('https://tiles.example.jp');
      }
  });
});
