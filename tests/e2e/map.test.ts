/**
 * Maps (issue 17, item 5), in Chromium on the built sample site: the places on 地理院タイル
 * (answered here by a stand-in: no machine in CI reaches the tile server), the list still the
 * page's content with the map blocked, 「近い順」 asking for the position only when pressed, the
 * tile server allowed only on map pages, axe clean, and nothing of the map in print.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium, recordViolations } from './helpers/browser.ts';
import { sampleSite } from './helpers/sample-site.ts';
import { serveDirectory } from './helpers/serve.ts';
import { GSI_TILES } from '../../src/schemas/map.ts';
import { tileOrigin } from '../../src/lib/map/points.ts';
import { withoutReadings } from './helpers/readings.ts';

const TILES = tileOrigin(GSI_TILES);
// A 1×1 transparent PNG for every tile.
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
/** みどり野西小学校 体育館 in the sample: the reader stands beside it. */
const NEAR_NISHI = { latitude: 35.6763, longitude: 139.384 };

let dir: string;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;
const placesWithCoordinates = () =>
  withoutReadings(readFileSync(join(dir, 'dist/places/index.html'), 'utf8')).match(/<li[^>]*data-lat=/g)?.length ?? 0;

beforeAll(async () => {
  dir = await sampleSite();
  [server, browser] = await Promise.all([serveDirectory(join(dir, 'dist')), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A context whose tile requests are answered by a blank tile, counted. */
async function withTiles(options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, ...options });
  const tiles: string[] = [];
  await context.route(`${TILES}/**`, (route) => {
    tiles.push(route.request().url());
    return route.fulfill({ body: TILE, contentType: 'image/png' });
  });
  return { context, tiles };
}

async function openMap(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await recordViolations(page);
  await page.goto(`${server.url}${path}`);
  await page.locator('[data-place-map][data-ready="true"]').waitFor({ timeout: 60_000 });
  return page;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

describe('the places page', () => {
  it('shows every place with coordinates on 地理院タイル, each pin named, with the attribution', async () => {
    const { context, tiles } = await withTiles();
    const page = await openMap(context, '/places/');
    expect(placesWithCoordinates()).toBeGreaterThanOrEqual(10);
    await expect.poll(() => page.locator('.leaflet-marker-icon').count()).toBe(placesWithCoordinates());
    // A shelter's pin says so in words, on the pin and in its name for the keyboard and screen readers.
    const shelter = page.locator('.leaflet-marker-icon[title^="みどり野西小学校 体育館"]');
    await expect.poll(() => shelter.getAttribute('title')).toBe('みどり野西小学校 体育館（避難）');
    expect(await shelter.textContent()).toBe('避難');
    await expect.poll(() => page.locator('.leaflet-marker-icon[title^="居場所「えんがわ」"]').textContent()).toBe('居');
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.every((url) => url.startsWith(`${TILES}/xyz/std/`))).toBe(true);
    const attribution = page.locator('.leaflet-control-attribution a');
    expect(await attribution.textContent()).toBe('地理院タイル');
    expect(await attribution.getAttribute('href')).toBe('https://maps.gsi.go.jp/development/ichiran.html');
    // A pin leads to the place's page.
    await shelter.click();
    expect(await page.locator('.leaflet-popup-content a').getAttribute('href')).toBe('/places/nishi-sho-taiikukan/');
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('orders the list nearest first only when 「近い順」 is pressed, with each distance', async () => {
    const { context } = await withTiles({ geolocation: NEAR_NISHI, permissions: ['geolocation'] });
    const page = await openMap(context, '/places/');
    // allInnerTexts: the names as shown (textContent would include the hidden ふりがな readings).
    const titles = () => page.locator('#entry-list > li > a').allInnerTexts();
    const before = await titles();
    expect(before[0]).not.toBe('みどり野西小学校 体育館');
    await page.getByRole('button', { name: '現在地から近い順に並べる' }).click();
    await page.getByRole('status').filter({ hasText: '現在地から近い順に並べました。' }).waitFor();
    const after = await titles();
    expect(after[0]).toBe('みどり野西小学校 体育館');
    expect(after[1]).toBe('みどり野西地区センター');
    expect([...after].sort()).toEqual([...before].sort());
    const first = await page.locator('#entry-list > li').first().locator('.place-map__distance').textContent();
    expect(first).toMatch(/^（ここから約\d+ m）$/);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('says so, and keeps the order, when the position is refused', async () => {
    const { context } = await withTiles();
    const page = await openMap(context, '/places/');
    const before = await page.locator('#entry-list > li > a').allTextContents();
    await page.getByRole('button', { name: '現在地から近い順に並べる' }).click();
    await page.getByRole('status').filter({ hasText: '現在地がわかりませんでした' }).waitFor();
    expect(await page.locator('#entry-list > li > a').allTextContents()).toEqual(before);
    await context.close();
  });

  it('is all there with the map blocked: without script, or without the map script and tiles', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${server.url}/places/`);
    expect(await page.locator('#entry-list > li').count()).toBeGreaterThanOrEqual(placesWithCoordinates());
    expect(await page.locator('.place-map__figure').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '現在地から近い順に並べる' }).isVisible()).toBe(false);
    await noScript.close();

    const blocked = await browser.newContext();
    await blocked.route(`${TILES}/**`, (route) => route.abort());
    await blocked.route('**/_astro/*.js', (route) => route.abort());
    const other = await blocked.newPage();
    await other.goto(`${server.url}/places/`);
    await other.locator('#entry-list > li').first().waitFor();
    expect(await other.locator('#entry-list > li').count()).toBeGreaterThanOrEqual(placesWithCoordinates());
    expect(await other.locator('.place-map__figure').isVisible()).toBe(false);
    await blocked.close();
  });

  it('has nothing of the map in print', async () => {
    const { context } = await withTiles();
    const page = await openMap(context, '/places/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.place-map').isVisible()).toBe(false);
    expect(await page.locator('#entry-list').isVisible()).toBe(true);
    await context.close();
  });
});

describe('the 防災, 居場所 and district pages', () => {
  it('show their own shelters and places, with 近い順 on the shelters’ details', async () => {
    const { context } = await withTiles({ geolocation: NEAR_NISHI, permissions: ['geolocation'] });
    for (const [path, list] of [
      ['/bosai/', '#shelter-list'],
      ['/bosai/midorino-nishi/', '#shelter-list'],
      ['/area/midorino-higashi/', '#places-list'],
    ] as const) {
      const page = await openMap(context, path);
      const positioned = await page.locator(`${list} > li[data-lat]`).count();
      expect(positioned, path).toBeGreaterThan(0);
      await expect.poll(() => page.locator('.leaflet-marker-icon').count(), { message: path }).toBe(positioned);
      expect(await violations(page), path).toEqual([]);
      if (path.startsWith('/bosai/')) {
        await page.getByRole('button', { name: '現在地から近い順に並べる' }).click();
        await page.getByRole('status').filter({ hasText: '現在地から近い順に並べました。' }).waitFor();
        expect(await page.locator(`${list} > li a strong`).first().innerText(), path).toBe('みどり野西小学校 体育館');
      }
      await page.close();
    }
    const ibasho = await openMap(context, '/ibasho/');
    expect(await ibasho.locator('.leaflet-marker-icon').count()).toBe(
      await ibasho.locator('main section h2 a').count(),
    );
    await context.close();
  });
});

describe('a place page', () => {
  it('shows the place on a small map, and axe finds nothing on it or on the list', async () => {
    const { context } = await withTiles({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    for (const path of ['/places/ibasho-engawa/', '/places/', '/bosai/', '/ibasho/', '/area/midorino-higashi/']) {
      const page = await openMap(context, path);
      if (path.startsWith('/places/') && path !== '/places/')
        expect(await page.locator('.leaflet-marker-icon').count()).toBe(1);
      const found = await axeViolations(page);
      expect(found, path).toEqual([]);
    }
    await context.close();
  });
});

describe('the map’s script', () => {
  const scripts = (file: string) =>
    [...readFileSync(join(dir, 'dist', file), 'utf8').matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? '');

  it('is loaded by map pages only, at about 42 kB gzipped (Leaflet)', () => {
    const [map] = scripts('places/index.html').filter((src) => src.startsWith('/_astro/'));
    expect(map).toBeDefined();
    expect(gzipSync(readFileSync(join(dir, 'dist', map ?? ''))).length).toBeLessThanOrEqual(50 * 1024);
    for (const file of ['index.html', 'events/index.html', 'salons/hidamari-salon/index.html', 'reports/index.html'])
      expect(scripts(file), file).not.toContain(map);
  });
});

describe('the tile server is allowed only where a map is', () => {
  const metaPolicy = (file: string) =>
    withoutReadings(readFileSync(join(dir, 'dist', file), 'utf8')).match(
      /http-equiv="Content-Security-Policy" content="([^"]*)"/,
    )?.[1] ?? '';

  it('in the pages’ meta tags', () => {
    expect(metaPolicy('places/index.html')).toContain(`img-src 'self' data: ${TILES};`);
    for (const file of [
      'places/ibasho-engawa/index.html',
      'bosai/index.html',
      'ibasho/index.html',
      'area/wakaba/index.html',
    ])
      expect(metaPolicy(file), file).toContain(TILES);
    for (const file of ['index.html', 'events/index.html', 'salons/hidamari-salon/index.html', 'search/index.html'])
      expect(metaPolicy(file), file).not.toContain(TILES);
  });

  it('in the headers the build wrote, with the position allowed on map pages only', () => {
    const headers = readFileSync(join(dir, 'dist/_headers'), 'utf8');
    const rule = (path: string) => headers.split(/\n(?=\/)/).find((r) => r.startsWith(`${path}\n`)) ?? '';
    // /en/places/*: the same pages in other languages draw the same map.
    for (const path of ['/places/*', '/area/*', '/bosai/*', '/ibasho/*', '/en/places/*', '/vi/places/*']) {
      expect(rule(path), path).toContain(`img-src 'self' data: ${TILES};`);
      expect(rule(path), path).toContain('geolocation=(self)');
    }
    expect(rule('/*')).toContain('geolocation=()');
    expect(rule('/*')).not.toContain(TILES);
  });
});
