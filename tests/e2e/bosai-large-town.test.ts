/**
 * The town's 防災 page of a large town, under `npm start`'s dev server: with more shelters and
 * 自主防災組織 than it lists in full (TOWN_PAGE_LIST_LIMIT), it says how many there are (the
 * shelters under each hazard) and sends residents to their district's page, which still lists
 * every one of its own with the map. The sample town (under the limit) keeps its full lists:
 * tests/e2e/bosai.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOWN_PAGE_LIST_LIMIT } from '../../src/lib/bosai.ts';
import { copyProject, freePort, removeProject, startAstroDev, type Running } from './helpers/project.ts';
import { withoutReadings } from './helpers/readings.ts';

const ADDED = TOWN_PAGE_LIST_LIMIT + 5;
let dir: string;
let astro: Running | undefined;
let base: string;

/** Shelters and groups added to two districts of the sample town; the sample's own are kept. */
function addLargeTown(project: string): void {
  for (let i = 0; i < ADDED; i++) {
    const district = i % 2 ? 'wakaba' : 'kawabata';
    const hazards = i % 3 ? '    - earthquake\n    - fire\n' : '    - flood\n';
    writeFileSync(
      join(project, `content/places/test-hinanjo-${i}.ja.md`),
      `---\nid: test-hinanjo-${i}\nname: テスト避難所${i}\naddress: 架空県みどり野市本町${i}\ndistrict: ${district}\n` +
        `ibasho: false\nlat: 35.68\nlng: 139.41\nshelter:\n  types:\n    - shelter\n  hazards:\n${hazards}---\n`,
    );
    writeFileSync(
      join(project, `content/organizations/test-bosai-${i}.ja.md`),
      `---\nid: test-bosai-${i}\nname: テスト自主防災会${i}\nkind: bosai\ndistricts:\n  - ${district}\n---\n`,
    );
  }
}

const page = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  expect(response.status, path).toBe(200);
  return parseHTML(withoutReadings(await response.text())).document;
};

beforeAll(async () => {
  dir = copyProject();
  addLargeTown(dir);
  const port = await freePort();
  astro = await startAstroDev(dir, port, await freePort());
  base = `http://127.0.0.1:${port}`;
}, 240_000);
afterAll(async () => {
  await astro?.stop();
  removeProject(dir);
});

describe('the 防災 page of a large town', () => {
  it('counts the shelters under each hazard and the groups, and links the districts’ pages', async () => {
    const doc = await page('/bosai/');
    const main = doc.querySelector('main')!;
    const text = main.textContent!.replace(/\s+/g, '');
    // No list of every shelter, no map of them, no list of every group.
    expect(main.querySelector('[data-shelters]')).toBeNull();
    expect(main.querySelector('[data-shelter]')).toBeNull();
    expect(main.querySelector('a[href^="/organizations/"]')).toBeNull();
    const shelters = text.match(/避難場所・避難所は(\d+)か所あり/)?.[1];
    expect(Number(shelters)).toBeGreaterThan(ADDED);
    expect(Number(text.match(/自主防災組織は(\d+)団体あり/)?.[1])).toBeGreaterThan(ADDED);
    const counts = [...main.querySelectorAll('[data-shelter-counts] li')].map((li) => li.textContent!.trim());
    expect(counts).toEqual(expect.arrayContaining([expect.stringMatching(/^地震のとき：\d+か所$/)]));
    // Each added shelter serves earthquakes or floods: at least these many under each.
    const under = (hazard: string) => Number(counts.find((c) => c.startsWith(hazard))?.match(/(\d+)か所/)?.[1]);
    expect(under('地震')).toBeGreaterThanOrEqual(ADDED - Math.ceil(ADDED / 3));
    expect(under('洪水')).toBeGreaterThanOrEqual(Math.ceil(ADDED / 3));
    expect(main.querySelectorAll('a[href="#bosai-districts"]').length).toBe(2);
    expect(main.querySelector('#bosai-districts')).not.toBeNull();
    expect(main.querySelector('a[href="/bosai/wakaba/"]')).not.toBeNull();
  }, 240_000);

  it('leaves each district’s page listing all its own shelters and groups', async () => {
    const doc = await page('/bosai/kawabata/');
    const ids = [...doc.querySelectorAll('[data-shelters] [data-shelter]')].map((li) =>
      li.getAttribute('data-shelter'),
    );
    const added = Array.from({ length: ADDED }, (_, i) => i).filter((i) => i % 2 === 0);
    expect(ids).toEqual(expect.arrayContaining(added.map((i) => `test-hinanjo-${i}`)));
    const groups = [...doc.querySelectorAll('main a[href^="/organizations/test-bosai-"]')];
    expect(groups.length).toBe(added.length);
  }, 240_000);
});
