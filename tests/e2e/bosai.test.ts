/**
 * The 防災 pages, 居場所 and disaster mode in a real build of the sample content with disaster
 * mode switched on (one field of the site settings, as the CMS writes it): the banner on every
 * page, the emergency page first on the home page and small with no script, each district's
 * 防災 page listing exactly its shelters, and axe finding nothing on the new pages.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { districtWithDescendants } from '../../src/lib/calendar.ts';
import type { Place } from '../../src/schemas/place.ts';
import type { District } from '../../src/schemas/district.ts';
import { buildProject, copyProject, removeProject } from './helpers/project.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveDirectory } from './helpers/serve.ts';
import { withSampleCaches } from './helpers/sample-site.ts';
import { withoutReadings } from './helpers/readings.ts';

const MESSAGE = '大雨のため、市が避難指示を出しています。みどり川に近づかないでください。';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let dir: string;
let dist: string;
let places: { id: string; data: Place }[];
let districts: { id: string; data: District }[];
const page = (path: string) =>
  parseHTML(withoutReadings(readFileSync(join(dist, path, 'index.html'), 'utf8'))).document;

beforeAll(async () => {
  dir = copyProject();
  // The shared build's flyers, PDFs and images, so this build renders only what the changes touch.
  await withSampleCaches(dir);
  // Switching disaster mode on is the one field `active`; the rest is what staff add as they learn more.
  const settings = join(dir, 'content/settings/site.yml');
  const text = readFileSync(settings, 'utf8');
  expect(text).toContain('emergency:\n  active: false\n');
  writeFileSync(
    settings,
    text.replace(
      'emergency:\n  active: false\n',
      `emergency:\n  active: true\n  message: ${MESSAGE}\n  updated: 2027-07-01T06:30\n  openShelters:\n    - nishi-sho-taiikukan\n    - wakaba-sho-taiikukan\n`,
    ),
  );
  await buildProject(dir);
  dist = join(dir, 'dist');
  const { entries } = validateContent(dir);
  places = (entries.get('places') ?? []).map((e) => ({ id: e.id, data: e.parsed as Place }));
  districts = (entries.get('districts') ?? []).map((e) => ({ id: e.id, data: e.parsed as District }));
}, 600_000);
afterAll(() => dir && removeProject(dir));

const htmlPages = (): string[] =>
  readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    // The CMS is not a page of the site; embedded lists are shown inside other towns' pages.
    .filter((f) => !f.startsWith('admin/') && !f.startsWith('embed/'));

describe('disaster mode', () => {
  it('puts the banner, with the message and a link to the emergency page, on every page', () => {
    const files = htmlPages().filter((f) => f !== 'emergency/index.html');
    expect(files.length).toBeGreaterThan(100);
    const without = files.filter((f) => {
      const banner = parseHTML(withoutReadings(readFileSync(join(dist, f), 'utf8'))).document.querySelector(
        '[data-emergency-banner]',
      );
      return !banner?.textContent?.includes(MESSAGE) || !banner.querySelector('a[href="/emergency/"]');
    });
    expect(without).toEqual([]);
  });

  it('keeps the emergency page under 10 kB, without a script, a stylesheet or a picture to wait for', () => {
    const file = join(dist, 'emergency/index.html');
    const html = withoutReadings(readFileSync(file, 'utf8'));
    expect(statSync(file).size).toBeLessThanOrEqual(10 * 1024);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).not.toMatch(/<img/i);
    const doc = parseHTML(html).document;
    expect(doc.documentElement.getAttribute('lang')).toBe('ja');
    expect(doc.querySelector('h1')?.textContent).toBe('災害時のお知らせ');
    expect(doc.body.textContent).toContain(MESSAGE);
    // Japan time as staff wrote it, whatever the machine's zone.
    expect(doc.querySelector('time')?.getAttribute('datetime')).toBe('2027-07-01T06:30+09:00');
    const open = [...doc.querySelectorAll('a[href^="/places/"]')].map((a) => a.getAttribute('href'));
    expect(open).toEqual(['/places/nishi-sho-taiikukan/', '/places/wakaba-sho-taiikukan/']);
    const dial = [...doc.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href'));
    expect(dial).toEqual(expect.arrayContaining(['tel:119', 'tel:110', 'tel:171', 'tel:0000121120']));
    expect(doc.body.textContent).toContain('災害ボランティアセンター');
  });

  it('puts the emergency page first on the home page', () => {
    const doc = page('');
    const main = doc.querySelector('main')!;
    const first = main.querySelector('section');
    expect(first?.getAttribute('aria-labelledby')).toBe('h-emergency');
    expect(first?.textContent).toContain(MESSAGE);
    expect(main.querySelector('h1')?.nextElementSibling).toBe(first);
  });
});

describe('the 防災 pages', () => {
  const shelterIds = (path: string) =>
    [...page(path).querySelectorAll('[data-shelters] [data-shelter]')].map((li) => li.getAttribute('data-shelter'));

  it('give each district exactly its shelters and those of the districts inside it', () => {
    const tree = districts.map((d) => ({ id: d.id, parent: d.data.parent }));
    for (const district of districts) {
      const inside = districtWithDescendants(tree, district.id);
      const expected = places
        .filter((p) => p.data.shelter && inside.has(p.data.district))
        .map((p) => p.id)
        .sort();
      expect(expected.length, `${district.id} has a shelter in the sample`).toBeGreaterThan(0);
      expect(shelterIds(`bosai/${district.id}`).sort(), district.id).toEqual(expected);
    }
    const all = places.filter((p) => p.data.shelter).map((p) => p.id);
    expect(shelterIds('bosai').sort()).toEqual(all.sort());
  });

  it('list shelters under each hazard, whom to call, how to register for help, the numbers and the drills', () => {
    const doc = page('bosai/kawabata');
    const text = doc.querySelector('main')!.textContent!;
    expect([...doc.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(
      expect.arrayContaining(['地震のとき', '大規模な火事のとき', '登録のしかた']),
    );
    // The 自主防災会 of the association and of the school district it belongs to.
    expect([...doc.querySelectorAll('main a[href^="/organizations/"]')].map((a) => a.getAttribute('href'))).toEqual([
      '/organizations/nishi-bosai/',
      '/organizations/kawabata-bosai/',
    ]);
    expect(text).toContain('避難行動要支援者名簿');
    expect(text).toContain('みどり野市役所 福祉課に申し込むか');
    expect(doc.querySelector('a[href="/events/suigai-kunren-kawabata-2027/"]')).not.toBeNull();
    for (const n of ['119', '110', '171']) expect(doc.querySelector(`a[href="tel:${n}"]`)).not.toBeNull();
  });

  it('are linked from the home page, every district page and every area page', () => {
    expect(page('').querySelector('a[href="/bosai/"]')).not.toBeNull();
    expect(page('').querySelector('a[href="/ibasho/"]')).not.toBeNull();
    for (const { id } of districts) {
      expect(page(`districts/${id}`).querySelector(`a[href="/bosai/${id}/"]`), `/districts/${id}/`).not.toBeNull();
      expect(page(`area/${id}`).querySelector(`a[href="/bosai/${id}/"]`), `/area/${id}/`).not.toBeNull();
    }
  });
});

describe('places', () => {
  it('mark a shelter in words on its page, and list what meets there', () => {
    const doc = page('places/higashi-kominkan');
    const mark = doc.querySelector('dl .mark');
    expect(mark?.textContent).toContain('【避難所】指定緊急避難場所・指定避難所');
    expect(doc.querySelector('a[href="/salons/hidamari-salon/"]')?.textContent).toContain('サロン・定期の集い');
    expect(page('places/maruya-parking').querySelector('dl .mark')).toBeNull();
  });

  it('with the ibasho flag are on the 居場所 page, with when, for whom and what meets there', () => {
    const doc = page('ibasho');
    const ibasho = places.filter((p) => p.data.ibasho).map((p) => `/places/${p.id}/`);
    expect([...doc.querySelectorAll('main h2 a')].map((a) => a.getAttribute('href'))).toEqual(ibasho);
    const text = doc.querySelector('main')!.textContent!;
    expect(text).toContain('開いている日・時間');
    expect(text).toContain('対象');
    expect(doc.querySelector('a[href="/salons/engawa-open/"]')).not.toBeNull();
  });
});

describe('axe-core on the new pages, disaster mode on', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  beforeAll(async () => {
    [server, browser] = await Promise.all([serveDirectory(dist), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of [375, 1280])
    it(`finds no WCAG 2.2 AA violation at ${width}px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const tab = await context.newPage();
      const found: string[] = [];
      for (const path of [
        '/',
        '/bosai/',
        '/bosai/midorino-nishi/',
        '/ibasho/',
        '/emergency/',
        '/places/higashi-kominkan/',
      ]) {
        await tab.goto(`${server.url}${path}`);
        await tab.addScriptTag({ content: AXE });
        const result = await tab.evaluate(async () => {
          const r = await (window as any).axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          });
          return { passes: r.passes.length, violations: r.violations.map((v: any) => `${v.id}: ${v.help}`) };
        });
        expect(result.passes, `${path}: axe checked almost nothing`).toBeGreaterThan(10);
        found.push(...result.violations.map((v: string) => `${path} ${v}`));
      }
      await context.close();
      expect(found).toEqual([]);
    }, 180_000);
});
