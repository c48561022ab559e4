/**
 * Pages kept between builds (src/lib/page-keys.ts, Astro's incrementalBuild) and search bundles
 * kept between builds (src/lib/search/kept-bundles.ts) never leave a stale page or index: after
 * each kind of edit a volunteer or a developer makes, a build that keeps what it can gives
 * exactly the dist/ of a clean build of the same files — every page, feed, calendar, CSV and
 * search file, byte for byte. And it does keep: an edit to one entry's text renders that entry's
 * pages again, not the others'.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, copyFixtureProject, removeProject } from './helpers/project.ts';
import { withoutReadings } from './helpers/readings.ts';

let dir: string;
// The printing steps keep their own caches (tested elsewhere) and are not what is compared here.
const ENV = { FLYERS_SKIP: '1', NEWSLETTERS_SKIP: '1' };

/** Every file under `root`, relative, with its bytes. */
function files(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out.set(relative(root, path), readFileSync(path));
    }
  return out;
}

/** The pages a build's log says it rendered (not kept from the last build). */
function rendered(log: string): string[] {
  const pages = log.split('\n').filter((line) => /[├└]─ \//.test(line));
  // A log this does not read (colour codes, a new format) would make every "not rendered" pass.
  expect(pages.length, 'the build log lists its pages').toBeGreaterThan(10);
  return pages
    .filter((line) => !/\((cached|restored)\)/.test(line))
    .map((line) => /[├└]─ (\/\S+)/.exec(line)?.[1] ?? '');
}

/**
 * Builds keeping what the last build left, then clean (Astro's kept pages and the kept search
 * bundles removed), and returns both outputs and the first build's log.
 */
async function incrementalAndClean() {
  const log = await buildProject(dir, ENV);
  const incremental = files(join(dir, 'dist'));
  renameSync(join(dir, 'dist'), join(dir, 'dist-incremental'));
  rmSync(join(dir, 'node_modules', '.astro'), { recursive: true, force: true });
  rmSync(join(dir, '.cache', 'search-bundles'), { recursive: true, force: true });
  await buildProject(dir, ENV);
  const clean = files(join(dir, 'dist'));
  rmSync(join(dir, 'dist-incremental'), { recursive: true, force: true });
  return { log, incremental, clean };
}

/** The two outputs are the same files with the same bytes; a difference is named. */
function expectSame(incremental: Map<string, Buffer>, clean: Map<string, Buffer>) {
  expect([...incremental.keys()].sort()).toEqual([...clean.keys()].sort());
  const differing = [...clean].filter(([path, bytes]) => !incremental.get(path)?.equals(bytes)).map(([path]) => path);
  expect(differing).toEqual([]);
}

const edit = (file: string, from: string, to: string) => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(path, text.replace(from, to));
};
const write = (file: string, text: string) => {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
};

beforeAll(async () => {
  dir = copyFixtureProject();
  // The first build: nothing to keep yet.
  await buildProject(dir, ENV);
}, 300_000);

afterAll(() => removeProject(dir));

describe('a build that keeps unchanged pages and search bundles', () => {
  it('keeps every page when nothing changed, and gives a clean build’s output', async () => {
    const { log, incremental, clean } = await incrementalAndClean();
    expect(rendered(log)).not.toContain('/salons/hidamari/index.html');
    expect(rendered(log)).not.toContain('/events/bousai/index.html');
    // Nothing search reads changed: its worker did not even start (src/lib/search/kept-bundles.ts).
    expect(log).toMatch(/bundle part\(s\), all the last build's: the same entries/);
    expectSame(incremental, clean);
  }, 300_000);

  it('renders an entry whose text changed, and only the pages that show it', async () => {
    edit(
      'content/salons/hidamari.ja.md',
      'organizer: shakyo\n---\n',
      'organizer: shakyo\n---\n折り紙も持ってきてください。\n',
    );
    const { log, incremental, clean } = await incrementalAndClean();
    expect(rendered(log)).toContain('/salons/hidamari/index.html');
    expect(rendered(log)).not.toContain('/events/bousai/index.html');
    expect(rendered(log)).not.toContain('/area/higashi/index.html');
    // Search made its documents again; the past bundle's were the same and its part was kept.
    expect(log).toMatch(/\(1 unchanged since the last build\)/);
    expectSame(incremental, clean);
    expect(withoutReadings(incremental.get('salons/hidamari/index.html')?.toString() ?? '')).toContain(
      '持ってきてください',
    );
  }, 300_000);

  it('renders the pages that name a place when its name changes', async () => {
    edit('content/places/kominkan.ja.md', 'name: 東公民館', 'name: 東地区公民館');
    const { incremental, clean } = await incrementalAndClean();
    expectSame(incremental, clean);
    expect(withoutReadings(incremental.get('events/bousai/index.html')?.toString() ?? '')).toContain('東地区公民館');
  }, 300_000);

  it('adds a new entry to its lists and removes a deleted one everywhere', async () => {
    write(
      'content/reports/hidamari-2026-12.ja.md',
      `---\nid: hidamari-2026-12\ntitle: 12月のひだまりサロン\ndate: '2026-12-09'\nsalon: hidamari\ndistricts:\n  - higashi\ncategories:\n  - salon\nparticipants: 15\n---\n年末の集いでした。\n`,
    );
    rmSync(join(dir, 'content/recruitments/bousai-staff.ja.md'));
    const { incremental, clean } = await incrementalAndClean();
    expectSame(incremental, clean);
    expect(incremental.has('reports/hidamari-2026-12/index.html')).toBe(true);
    expect(incremental.has('recruitments/bousai-staff/index.html')).toBe(false);
  }, 300_000);

  it('gives a translated page and the links to it when a translation is added', async () => {
    write(
      'content/salons/hidamari.en.md',
      `---\ntitle: Hidamari Salon\nsummary: A morning of tea and talk.\n---\nBring some origami too.\n`,
    );
    const { incremental, clean } = await incrementalAndClean();
    expectSame(incremental, clean);
    expect(incremental.has('en/salons/hidamari/index.html')).toBe(true);
  }, 300_000);

  it('renders every page of every build in disaster mode without a time of update (the banner gives the build’s)', async () => {
    edit(
      'content/settings/site.yml',
      'siteName: テストつながり\n',
      'siteName: テストつながり\nemergency:\n  active: true\n',
    );
    await buildProject(dir, ENV);
    const again = await buildProject(dir, ENV);
    expect(rendered(again)).toContain('/events/bousai/index.html');
    expect(rendered(again)).toContain('/salons/hidamari/index.html');
    edit('content/settings/site.yml', 'emergency:\n  active: true\n', '');
  }, 300_000);

  it('renders every page when the site settings change', async () => {
    edit('content/settings/site.yml', 'siteName: テストつながり', 'siteName: テストつながり東');
    const { log, incremental, clean } = await incrementalAndClean();
    expect(rendered(log)).toContain('/events/bousai/index.html');
    expectSame(incremental, clean);
    expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(true);
  }, 300_000);
});
