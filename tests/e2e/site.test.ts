/**
 * The real build of the sample content: a page for every entry, the basics of every page, no
 * broken internal link, the CMS shipped under /admin/, and the same pages whatever the
 * machine's time zone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypes } from '../../src/schemas/index.ts';
import { idOfFile, scanCollection } from '../../src/lib/content/files.ts';
import { ROOT, childEnv, copyProject, removeProject } from './helpers/project.ts';

let dir: string;
const build = (tz: string, outDir: string) => {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    { cwd: dir, encoding: 'utf8', env: childEnv({ TZ: tz }) },
  );
  if (result.status !== 0) throw new Error(result.stdout + result.stderr);
  // The flyers step of npm run build, so links to flyers are checked against real files.
  const flyers = spawnSync(process.execPath, ['scripts/flyers.ts', '--out', outDir], {
    cwd: dir,
    encoding: 'utf8',
    env: childEnv({ TZ: tz }),
  });
  if (flyers.status !== 0) throw new Error(flyers.stdout + flyers.stderr);
};
const htmlFiles = (root: string): string[] =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(root, f));

beforeAll(() => {
  dir = copyProject();
  build('UTC', 'dist');
});
afterAll(() => removeProject(dir));

describe('the built sample site', () => {
  it('has a page for every entry of every collection', () => {
    for (const type of contentTypes.filter((t) => !t.file)) {
      for (const file of scanCollection(dir, type).entries) {
        expect(existsSync(join(dir, 'dist', type.name, idOfFile(file), 'index.html')), file).toBe(true);
      }
      expect(existsSync(join(dir, 'dist', type.name, 'index.html'))).toBe(true);
    }
  });

  it('gives every page lang="ja", a title, one h1 and a skip link to the main content', () => {
    for (const file of htmlFiles(join(dir, 'dist')).filter((f) => !f.includes('/admin/'))) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const where = relative(dir, file);
      expect(document.documentElement.getAttribute('lang'), where).toBe('ja');
      expect(document.title.length, where).toBeGreaterThan(0);
      expect(document.querySelectorAll('h1').length, where).toBe(1);
      expect(document.querySelector('a.skip-link')?.getAttribute('href'), where).toBe('#main');
      expect(document.querySelector('main#main'), where).not.toBeNull();
    }
  });

  it('has no internal link to a missing page', () => {
    const missing: string[] = [];
    for (const file of htmlFiles(join(dir, 'dist'))) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      for (const a of document.querySelectorAll('a[href^="/"]')) {
        const href = (a.getAttribute('href') ?? '').split('#')[0] ?? '';
        const target = join(dir, 'dist', href, href.endsWith('/') ? 'index.html' : '');
        if (!existsSync(target)) missing.push(`${relative(dir, file)} → ${href}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('describes every event in valid schema.org JSON-LD', () => {
    for (const file of htmlFiles(join(dir, 'dist/events')).filter((f) => !f.endsWith('events/index.html'))) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const blocks = [...document.querySelectorAll('script[type="application/ld+json"]')];
      expect(blocks, relative(dir, file)).toHaveLength(1);
      const data = JSON.parse(blocks[0]?.textContent ?? '');
      expect(data['@type']).toBe('Event');
      expect(data.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\+09:00$/);
      expect(data.location.address.streetAddress.length).toBeGreaterThan(0);
    }
  });

  it('shows a cancelled event with an unmistakable banner', () => {
    const cancelled = readdirSync(join(dir, 'content/events')).find((f) =>
      readFileSync(join(dir, 'content/events', f), 'utf8').includes('status: cancelled'),
    );
    expect(cancelled).toBeDefined();
    const html = readFileSync(join(dir, 'dist/events', idOfFile(cancelled as string), 'index.html'), 'utf8');
    expect(html).toContain('このイベントは中止になりました');
  });

  it('ships the self-hosted CMS under /admin/ with its config built from the schemas', () => {
    expect(existsSync(join(dir, 'dist/admin/decap-cms.js'))).toBe(true);
    const admin = readFileSync(join(dir, 'dist/admin/index.html'), 'utf8');
    expect(admin).toContain('"locale":"ja"');
    expect(admin).toContain('"name":"salons"');
    expect(admin).not.toMatch(/https?:\/\/(unpkg|cdn|jsdelivr)/);
  });

  it('keeps pages light: median HTML+CSS ≤ 30 kB gzipped, none over 60 kB, scripts ≤ 5 kB outside search', () => {
    const gz = (file: string) => gzipSync(readFileSync(file)).length;
    const sizes: [string, number][] = [];
    for (const file of htmlFiles(join(dir, 'dist')).filter((f) => !f.includes('/admin/'))) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const css = [...document.querySelectorAll('link[rel="stylesheet"]')]
        .map((l) => join(dir, 'dist', l.getAttribute('href') ?? ''))
        .filter((f) => existsSync(f));
      sizes.push([relative(dir, file), gz(file) + css.reduce((sum, f) => sum + gz(f), 0)]);
      if (!file.includes('/search/'))
        for (const script of document.querySelectorAll('script[src]'))
          expect(gz(join(dir, 'dist', script.getAttribute('src') ?? '')), relative(dir, file)).toBeLessThanOrEqual(
            5 * 1024,
          );
    }
    const sorted = sizes.map(([, size]) => size).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    expect(median).toBeLessThanOrEqual(30 * 1024);
    expect(sizes.filter(([, size]) => size > 60 * 1024)).toEqual([]);
  });

  it('builds the same pages in Los Angeles as in UTC (dates are Japan time)', () => {
    build('America/Los_Angeles', 'dist-la');
    const utc = htmlFiles(join(dir, 'dist'));
    expect(htmlFiles(join(dir, 'dist-la')).length).toBe(utc.length);
    for (const file of utc) {
      expect(readFileSync(file.replace('/dist/', '/dist-la/'), 'utf8'), relative(dir, file)).toBe(
        readFileSync(file, 'utf8'),
      );
    }
    rmSync(join(dir, 'dist-la'), { recursive: true });
  });
});
