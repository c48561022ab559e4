/**
 * The real build of the sample content: a page for every entry, the basics of every page, no
 * broken internal link, the CMS shipped under /admin/, and the same pages whatever the
 * machine's time zone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import exifr from 'exifr';
import { parseHTML } from 'linkedom';
import ICAL from 'ical.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentTypes } from '../../src/schemas/index.ts';
import {
  CONTENT_SECURITY_POLICY,
  SEARCH_CONTENT_SECURITY_POLICY,
  adminContentSecurityPolicy,
} from '../../src/lib/seo/csp.ts';
import { cmsOrigins } from '../../src/lib/cms/backend.ts';
import { settingsSchema } from '../../src/schemas/settings.ts';
import { parse as parseYaml } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import { idOfFile, scanCollection } from '../../src/lib/content/files.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { splitLocale } from '../../src/lib/i18n/paths.ts';
import { dayNumber } from '../../src/lib/dates.ts';
import { todayInJapan } from '../../src/lib/recurrence.ts';
import { ROOT, childEnv } from './helpers/project.ts';
import { sampleSite } from './helpers/sample-site.ts';
import { launchChromium, recordViolations } from './helpers/browser.ts';
import { serveDirectory } from './helpers/serve.ts';
import { withoutReadings } from './helpers/readings.ts';

/** The shared build of the sample site (tests/e2e/helpers/sample-site.ts), made in UTC. */
let dir: string;
/** `astro build` in `tz` into `outDir` of the copy; it makes the flyers too (src/integrations/flyers.ts). */
const build = (tz: string, outDir: string) => {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    { cwd: dir, encoding: 'utf8', env: childEnv({ TZ: tz }) },
  );
  if (result.status !== 0) throw new Error(result.stdout + result.stderr);
};
const htmlFiles = (root: string): string[] =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(root, f));

// Building the sample town takes minutes, more on a machine other builds share (as read-aloud.test.ts).
beforeAll(async () => {
  dir = await sampleSite();
}, 1_500_000);

describe('the built sample site', () => {
  it('has a page for every entry of every collection', () => {
    for (const type of contentTypes.filter((t) => !t.file)) {
      for (const file of scanCollection(dir, type).entries) {
        expect(existsSync(join(dir, 'dist', type.name, idOfFile(file), 'index.html')), file).toBe(true);
      }
      expect(existsSync(join(dir, 'dist', type.name, 'index.html'))).toBe(true);
    }
  });

  it('gives every page its language’s lang (ja at /, en under /en/ …), a title, one h1 and a skip link to the main content', () => {
    // The embed pages have no menu to skip (tests/e2e/embed.test.ts checks them).
    for (const file of htmlFiles(join(dir, 'dist')).filter((f) => !f.includes('/admin/') && !f.includes('/embed/'))) {
      const { document } = parseHTML(withoutReadings(readFileSync(file, 'utf8')));
      const where = relative(dir, file);
      const language = LOCALES.find((l) => l.code === splitLocale(`/${relative(join(dir, 'dist'), file)}`).locale);
      expect(document.documentElement.getAttribute('lang'), where).toBe(language?.tag);
      expect(document.title.length, where).toBeGreaterThan(0);
      expect(document.querySelectorAll('h1').length, where).toBe(1);
      expect(document.querySelector('a.skip-link')?.getAttribute('href'), where).toBe('#main');
      expect(document.querySelector('main#main'), where).not.toBeNull();
    }
  });

  it('has no internal link to a missing page', () => {
    const missing: string[] = [];
    for (const file of htmlFiles(join(dir, 'dist'))) {
      const { document } = parseHTML(withoutReadings(readFileSync(file, 'utf8')));
      for (const a of document.querySelectorAll('a[href^="/"]')) {
        const href = (a.getAttribute('href') ?? '').split('#')[0] ?? '';
        const target = join(dir, 'dist', href, href.endsWith('/') ? 'index.html' : '');
        if (!existsSync(target)) missing.push(`${relative(dir, file)} → ${href}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('describes every event and salon in valid schema.org JSON-LD', () => {
    const pages = (collection: string) =>
      htmlFiles(join(dir, 'dist', collection)).filter((f) => !f.endsWith(`${collection}/index.html`));
    for (const collection of ['events', 'salons']) {
      expect(pages(collection).length, collection).toBeGreaterThan(0);
      for (const file of pages(collection)) {
        const where = relative(dir, file);
        const { document } = parseHTML(withoutReadings(readFileSync(file, 'utf8')));
        const blocks = [...document.querySelectorAll('script[type="application/ld+json"]')];
        expect(blocks, where).toHaveLength(1);
        const data = JSON.parse(blocks[0]?.textContent ?? '');
        expect(data['@type'], where).toBe('Event');
        expect(data.name.length, where).toBeGreaterThan(0);
        expect(data.description.length, where).toBeGreaterThan(0);
        expect(data.startDate, where).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\+09:00$/);
        expect(data.endDate, where).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\+09:00$/);
        expect(data.eventStatus, where).toMatch(/^https:\/\/schema\.org\/Event(Scheduled|Cancelled|Postponed)$/);
        expect(data.location['@type'], where).toBe('Place');
        expect(data.location.address['@type'], where).toBe('PostalAddress');
        expect(data.location.address.streetAddress.length, where).toBeGreaterThan(0);
        expect(data.image[0], where).toMatch(/^https:\/\/.+-og\.png$/);
        expect(data.offers.priceCurrency ?? 'JPY', where).toBe('JPY');
        expect(data.organizer.name.length, where).toBeGreaterThan(0);
        if (collection === 'salons') {
          expect(data.eventSchedule.length, where).toBeGreaterThan(0);
          for (const schedule of data.eventSchedule) {
            expect(schedule, where).toMatchObject({ '@type': 'Schedule', scheduleTimezone: 'Asia/Tokyo' });
            expect(schedule.startDate, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          }
        }
      }
    }
  });

  it('publishes イベント一覧 and the places as open data CSV (BOM, the data set header), listed on /opendata/', () => {
    const events = readFileSync(join(dir, 'dist/opendata/events.csv'), 'utf8');
    expect(events.startsWith('\uFEFF都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,イベント名,')).toBe(true);
    const records = parseCsv(events, { bom: true }) as string[][];
    expect(records[0]?.at(-1)).toBe('備考');
    const eventFiles = readdirSync(join(dir, 'content/events')).filter((f) => f.endsWith('.ja.md'));
    // A row per event, and more per salon date.
    expect(records.length).toBeGreaterThan(eventFiles.length + 1);
    for (const record of records) expect(record).toHaveLength(32);
    const places = readFileSync(join(dir, 'dist/opendata/places.csv'), 'utf8');
    expect(places.startsWith('\uFEFF都道府県コード又は市区町村コード,NO,')).toBe(true);
    const { document } = parseHTML(withoutReadings(readFileSync(join(dir, 'dist/opendata/index.html'), 'utf8')));
    const links = [...document.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(['/opendata/events.csv', '/opendata/places.csv']));
    expect(withoutReadings(readFileSync(join(dir, 'dist/index.html'), 'utf8'))).toContain('href="/opendata/"');
  });

  it('shows a cancelled event with an unmistakable banner', () => {
    const cancelled = readdirSync(join(dir, 'content/events')).find((f) =>
      readFileSync(join(dir, 'content/events', f), 'utf8').includes('status: cancelled'),
    );
    expect(cancelled).toBeDefined();
    const html = withoutReadings(
      readFileSync(join(dir, 'dist/events', idOfFile(cancelled as string), 'index.html'), 'utf8'),
    );
    expect(html).toContain('このイベントは中止になりました');
    // In the alert's colours: someone may be on their way to it.
    expect(parseHTML(html).document.querySelector('[data-tone]')?.getAttribute('data-tone')).toBe('alert');
  });

  it('says of an event that is over that it is over, and no longer offers it to a calendar', () => {
    // Days clear of the build's own (it may have run on either side of midnight in Japan).
    const today = dayNumber(todayInJapan());
    const over: string[] = [];
    const coming: string[] = [];
    for (const file of readdirSync(join(dir, 'content/events')).filter((f) => f.endsWith('.ja.md'))) {
      const front = readFileSync(join(dir, 'content/events', file), 'utf8').split('\n---')[0] ?? '';
      const data = parseYaml(front.replace(/^---\n/, '')) as { start: string; end: string; status: string };
      if (data.status !== 'scheduled') continue;
      if (dayNumber(String(data.end).slice(0, 10)) < today - 1) over.push(idOfFile(file));
      if (dayNumber(String(data.start).slice(0, 10)) > today + 1) coming.push(idOfFile(file));
    }
    // The sample always has an event that is over (its dates are fixed); coming ones until 2027.
    expect(over.length).toBeGreaterThan(0);
    const page = (id: string) => withoutReadings(readFileSync(join(dir, 'dist/events', id, 'index.html'), 'utf8'));
    for (const id of over) {
      expect(page(id), id).toContain('このイベントは終わりました');
      expect(page(id), id).not.toContain('カレンダーに追加');
      // Said plainly: an event that took place is not an alert like 中止.
      expect(parseHTML(page(id)).document.querySelector('[data-tone]')?.getAttribute('data-tone'), id).toBe('plain');
    }
    for (const id of coming) {
      expect(page(id), id).not.toContain('このイベントは終わりました');
      expect(page(id), id).toContain('カレンダーに追加');
    }
  });

  it('lists reports newest first with their dates, and recruitments still open first with their deadlines', () => {
    const lines = (collection: string) => {
      const { document } = parseHTML(
        withoutReadings(readFileSync(join(dir, 'dist', collection, 'index.html'), 'utf8')),
      );
      // The entries' lines: not the links to other pages above them (活動のまとめ, conditions), in a nav.
      return [...document.querySelectorAll('main li')]
        .filter((li) => !li.closest('nav'))
        .map((li) => ({
          href: li.querySelector('a')?.getAttribute('href') ?? '',
          meta: li.querySelector('.meta')?.textContent ?? '',
        }));
    };
    const files = (collection: string) =>
      readdirSync(join(dir, 'content', collection))
        .filter((f) => f.endsWith('.ja.md'))
        .map((f) => readFileSync(join(dir, 'content', collection, f), 'utf8'));

    const reports = lines('reports');
    expect(reports).toHaveLength(files('reports').length);
    const dates = reports.map(({ meta }) => {
      const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(meta);
      expect(m, meta).not.toBeNull();
      return [m?.[1], m?.[2]?.padStart(2, '0'), m?.[3]?.padStart(2, '0')].join('-');
    });
    expect(dates).toEqual([...dates].sort().reverse());

    const recruitments = lines('recruitments');
    expect(recruitments).toHaveLength(files('recruitments').length);
    const deadlines = files('recruitments').filter((text) => /^deadline: /m.test(text)).length;
    expect(deadlines).toBeGreaterThan(0);
    expect(recruitments.filter(({ meta }) => /締め切り \d{4}年\d{1,2}月\d{1,2}日/.test(meta))).toHaveLength(deadlines);
    // Closed ones (marked 【締め切り】) come after every open one.
    const closed = recruitments.map(({ meta }) => meta.includes('【締め切り】'));
    expect(closed.some(Boolean)).toBe(true);
    expect(closed).toEqual([...closed].sort((a, b) => Number(a) - Number(b)));
  });

  it('places site components on the staff-written MDX guide: every desk with its number, every district', () => {
    const { document } = parseHTML(withoutReadings(readFileSync(join(dir, 'dist/guide/index.html'), 'utf8')));
    const main = document.querySelector('main')?.textContent ?? '';
    const hrefs = [...document.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
    for (const type of ['desks', 'districts'] as const) {
      const files = readdirSync(join(dir, 'content', type)).filter((f) => f.endsWith('.ja.md'));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const id = idOfFile(file);
        expect(hrefs, file).toContain(type === 'desks' ? `/desks/${id}/` : `/area/${id}/`);
        const phone = /^phone: (.+)$/m.exec(readFileSync(join(dir, 'content', type, file), 'utf8'))?.[1];
        if (type === 'desks') expect(main, file).toContain(phone);
      }
    }
  });

  it('ships the self-hosted CMS under /admin/ with its config built from the schemas', () => {
    expect(existsSync(join(dir, 'dist/admin/decap-cms.js'))).toBe(true);
    const admin = readFileSync(join(dir, 'dist/admin/index.html'), 'utf8');
    expect(admin).toContain('"locale":"ja"');
    expect(admin).toContain('"name":"salons"');
    expect(admin).not.toMatch(/https?:\/\/(unpkg|cdn|jsdelivr)/);
    // The Git host and the approval step of content/settings/site.yml, not Netlify's git-gateway.
    expect(admin).toContain('"backend":{"name":"github","repo":"midorino-shakyo/tsunagari"');
    expect(admin).toContain('"publish_mode":"editorial_workflow"');
    expect(admin).not.toContain('git-gateway');
  });

  it('keeps pages light: median HTML+CSS ≤ 30 kB gzipped, none over 60 kB, scripts ≤ 5 kB outside search', () => {
    const gz = (file: string) => gzipSync(readFileSync(file)).length;
    const sizes: [string, number][] = [];
    for (const file of htmlFiles(join(dir, 'dist')).filter((f) => !f.includes('/admin/'))) {
      const { document } = parseHTML(withoutReadings(readFileSync(file, 'utf8')));
      const css = [...document.querySelectorAll('link[rel="stylesheet"]')]
        .map((l) => join(dir, 'dist', l.getAttribute('href') ?? ''))
        .filter((f) => existsSync(f));
      sizes.push([relative(dir, file), gz(file) + css.reduce((sum, f) => sum + gz(f), 0)]);
      // A page with a map also loads the map (Leaflet, about 42 kB gzipped: src/components/PlaceMap.astro), only there.
      const limit = document.querySelector('[data-place-map]') ? 50 * 1024 : 5 * 1024;
      if (!file.includes('/search/'))
        for (const script of document.querySelectorAll('script[src]'))
          expect(gz(join(dir, 'dist', script.getAttribute('src') ?? '')), relative(dir, file)).toBeLessThanOrEqual(
            limit,
          );
    }
    const sorted = sizes.map(([, size]) => size).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    expect(median).toBeLessThanOrEqual(30 * 1024);
    expect(sizes.filter(([, size]) => size > 60 * 1024)).toEqual([]);
  });

  it('keeps photos light, counted apart from pages: a phone takes ≤ 60 kB of each (AVIF at 800 px), the fallback JPEG ≤ 150 kB', () => {
    const size = (url: string) => statSync(join(dir, 'dist', url)).size;
    const taken: [string, number][] = [];
    for (const file of htmlFiles(join(dir, 'dist')).filter((f) => !f.includes('/admin/'))) {
      const { document } = parseHTML(withoutReadings(readFileSync(file, 'utf8')));
      for (const picture of document.querySelectorAll('picture')) {
        // What a 375 px phone at 2× picks: the 800 w candidate (sizes says 100vw there).
        const at800 = (srcset: string | null) =>
          (srcset ?? '')
            .split(', ')
            .find((c) => c.endsWith(' 800w'))
            ?.split(' ')[0] ?? '';
        const avif = at800(picture.querySelector('source[type="image/avif"]')?.getAttribute('srcset') ?? null);
        const img = picture.querySelector('img');
        const name = `${relative(dir, file)} ${img?.getAttribute('alt') ?? ''}`;
        // Small pictures (under 800 px) are made at their own width only.
        if (!avif) continue;
        taken.push([name, size(avif)]);
        expect(size(img?.getAttribute('src') ?? ''), name).toBeLessThanOrEqual(150 * 1024);
      }
    }
    expect(taken.length).toBeGreaterThanOrEqual(4); // the sample reports' photos
    expect(taken.filter(([, bytes]) => bytes > 60 * 1024)).toEqual([]);
  });

  it('publishes no photo metadata: the sample photo taken with GPS leaves no EXIF block in any file of dist/', async () => {
    // media/hidamari-origami.jpg carries a phone's EXIF with its GPS position (scripts/make-sample-photos.ts).
    expect(await exifr.gps(join(dir, 'media/hidamari-origami.jpg'))).toMatchObject({
      latitude: expect.closeTo(35.608, 3),
    });
    const dist = join(dir, 'dist');
    const all = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
    expect(all.filter((f) => f.includes('hidamari-origami')).length).toBeGreaterThan(0);
    for (const file of all) {
      const bytes = readFileSync(file);
      expect(bytes.includes('Exif\0\0'), relative(dist, file)).toBe(false);
      expect(bytes.includes('SamplePhone'), relative(dist, file)).toBe(false);
    }
  });

  it('lists a report beside its first photo (/reports/): a small decorative picture, not a second link', () => {
    const { document } = parseHTML(withoutReadings(readFileSync(join(dir, 'dist/reports/index.html'), 'utf8')));
    const line = [...document.querySelectorAll('main li')].find(
      (li) => li.querySelector('a')?.getAttribute('href') === '/reports/hidamari-2026-11/',
    );
    const img = line?.querySelector('picture img');
    expect(img?.getAttribute('alt')).toBe('');
    expect([img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['128', '96']);
    expect(img?.getAttribute('srcset')).toMatch(/ 2x$/);
    expect(line?.querySelectorAll('a').length).toBe(1);
    expect(line?.querySelector('a')?.textContent).toBe('11月のサロン「ひだまり」を開きました');
  });

  it('builds the same pages in Los Angeles as in UTC (dates are Japan time)', () => {
    // Beside the shared build's dist/, removed again: the files after this one read dist/ alone.
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

describe('share and find', () => {
  const dist = () => join(dir, 'dist');
  const read = (path: string) => withoutReadings(readFileSync(join(dist(), path), 'utf8'));
  /** The address the site is published at, as its home page's canonical URL says. */
  const site = () => {
    const { document } = parseHTML(read('index.html'));
    return new URL(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '');
  };
  /** The file in dist/ a URL of the site is served from. */
  const fileOf = (url: string) => {
    const { pathname } = new URL(url);
    return join(dist(), decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
  };
  // The embed pages (/embed/) are for other sites' frames, not for search engines (noindex).
  const publicPages = () =>
    htmlFiles(dist())
      .map((f) => relative(dist(), f))
      .filter((f) => !f.startsWith('admin/') && !f.startsWith('embed/') && f !== '404.html');
  const pathOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;

  it('lists every public page in sitemap.xml, and only pages that exist', () => {
    const { document } = parseHTML(read('sitemap.xml'));
    const urls = [...document.querySelectorAll('loc')].map((l) => l.textContent ?? '');
    expect(urls.length).toBeGreaterThan(50);
    for (const url of urls) {
      expect(url.startsWith(site().origin), url).toBe(true);
      expect(existsSync(fileOf(url)), url).toBe(true);
    }
    const listed = new Set(urls.map((u) => new URL(u).pathname));
    // Next month's newsletter drafts (/newsletters/draft/…) are kept out of it, as issue 14 asks.
    expect(publicPages().filter((f) => !listed.has(pathOf(f)) && !f.startsWith('newsletters/draft/'))).toEqual([]);
    for (const path of ['/calendar/', '/area/', '/area/wakaba/', '/area/wakaba/calendar/', '/categories/watch/'])
      expect(listed.has(path), path).toBe(true);
    expect([...listed].some((p) => /^\/calendar\/\d{4}-\d{2}\/$/.test(p))).toBe(true);
  });

  it('links every public page from another page, so none is orphaned', () => {
    const linked = new Set<string>();
    for (const file of htmlFiles(dist()))
      for (const a of parseHTML(withoutReadings(readFileSync(file, 'utf8'))).document.querySelectorAll('a[href^="/"]'))
        if (pathOf(relative(dist(), file)) !== (a.getAttribute('href') ?? '').split('#')[0])
          linked.add((a.getAttribute('href') ?? '').split('#')[0] ?? '');
    expect(publicPages().filter((f) => !linked.has(pathOf(f)))).toEqual([]);
    expect(linked).toContain('/pages/about/');
    expect(linked).toContain('/pages/privacy/');
  });

  it('tells robots to skip the CMS and where the sitemap is', () => {
    const lines = read('robots.txt').split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Disallow: /admin/');
    expect(lines).toContain(`Sitemap: ${new URL('/sitemap.xml', site()).href}`);
  });

  it('gives every page a canonical URL, a description and Open Graph title, description and URL', () => {
    for (const file of publicPages()) {
      const { document } = parseHTML(read(file));
      const meta = (property: string) =>
        document.querySelector(`meta[property="${property}"]`)?.getAttribute('content') ?? '';
      const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(canonical, file).toBe(new URL(pathOf(file), site()).href);
      expect(meta('og:url'), file).toBe(canonical);
      expect(meta('og:title').length, file).toBeGreaterThan(0);
      expect(document.title, file).toContain(meta('og:title'));
      expect(meta('og:description').length, file).toBeGreaterThan(0);
      expect(document.querySelector('meta[name="description"]')?.getAttribute('content'), file).toBe(
        meta('og:description'),
      );
      const icon = document.querySelector('link[rel="icon"]')?.getAttribute('href') ?? '';
      expect(existsSync(join(dist(), icon)), `${file}: favicon ${icon}`).toBe(true);
    }
  });

  it('shares each event, salon and recruitment with its flyer image (og:image, 1200×630)', () => {
    for (const collection of ['events', 'salons', 'recruitments']) {
      // Entry pages are folders; beside them are the collection's .ics and feed files.
      const ids = readdirSync(join(dist(), collection)).filter((f) =>
        statSync(join(dist(), collection, f)).isDirectory(),
      );
      for (const id of ids) {
        const { document } = parseHTML(read(`${collection}/${id}/index.html`));
        const meta = (property: string) =>
          document.querySelector(`meta[property="${property}"]`)?.getAttribute('content') ?? '';
        const image = meta('og:image');
        expect(image, `${collection}/${id}`).toBe(new URL(`/flyers/${collection}/${id}-og.png`, site()).href);
        expect(existsSync(fileOf(image)), image).toBe(true);
        expect([meta('og:image:width'), meta('og:image:height')]).toEqual(['1200', '630']);
      }
    }
  });

  it('answers a missing page in Japanese', () => {
    const { document } = parseHTML(read('404.html'));
    expect(document.documentElement.getAttribute('lang')).toBe('ja');
    expect(document.querySelector('h1')?.textContent).toBe('ページが見つかりません');
    expect(document.querySelector('main a[href="/"]')?.textContent).toBe('ホームへ戻る');
  });

  /** The rules of public/_headers in order: path and headers (a "! Name" line detaches Name). */
  const headerRules = () => {
    const rules: { path: string; headers: Record<string, string>; detach: string[] }[] = [];
    for (const line of read('_headers').split('\n')) {
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      if (line.startsWith('/')) rules.push({ path: line.trim(), headers: {}, detach: [] });
      else if (line.trim().startsWith('!')) rules.at(-1)?.detach.push(line.trim().slice(1).trim());
      else {
        const [name = '', ...value] = line.trim().split(':');
        rules.at(-1)!.headers[name] = value.join(':').trim();
      }
    }
    return rules;
  };
  const matches = (rule: string, path: string) =>
    new RegExp(`^${rule.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(path);
  /** Netlify: every matching rule applies in order, a later value replacing an earlier one. */
  const netlify = (path: string) =>
    Object.assign(
      {},
      ...headerRules()
        .filter((r) => matches(r.path, path))
        .map((r) => r.headers),
    ) as Record<string, string>;
  /** Cloudflare Pages: values of matching rules are joined; "! Name" drops Name from other rules. */
  const cloudflare = (path: string) => {
    const rules = headerRules().filter((r) => matches(r.path, path));
    const detached = new Set(rules.flatMap((r) => r.detach));
    const headers: Record<string, string[]> = {};
    for (const rule of rules)
      for (const [name, value] of Object.entries(rule.headers))
        if (!detached.has(name) || rule.detach.includes(name)) (headers[name] ??= []).push(value);
    return headers;
  };
  const directives = (policy: string) =>
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean);

  /** The policy in a built page's meta tag. */
  const metaPolicy = (file: string) =>
    parseHTML(read(file))
      .document.querySelector('meta[http-equiv="Content-Security-Policy"]')
      ?.getAttribute('content') ?? '';

  it('sends every page the Content-Security-Policy of its meta tag (plus frame-ancestors, header only)', () => {
    expect(metaPolicy('events/index.html')).toBe(CONTENT_SECURITY_POLICY);
    expect(metaPolicy('search/index.html')).toBe(SEARCH_CONTENT_SECURITY_POLICY);
    for (const page of ['/', '/events/', '/search/', '/salons/hidamari-salon/', '/search/index.html']) {
      const meta = metaPolicy(`${page.replace(/^\//, '').replace(/index\.html$/, '')}index.html`);
      const header = netlify(page)['Content-Security-Policy'] ?? '';
      expect(directives(header), page).toEqual([...directives(meta), "frame-ancestors 'none'"]);
      expect(cloudflare(page)['Content-Security-Policy'], page).toEqual([header]);
      expect(netlify(page)['X-Content-Type-Options']).toBe('nosniff');
      expect(cloudflare(page)['X-Content-Type-Options'], page).toEqual(['nosniff']);
    }
  });

  it("allows WebAssembly ('wasm-unsafe-eval') on the search pages only, in meta tags and headers", () => {
    const pages = htmlFiles(dist()).map((f) => relative(dist(), f).split('\\').join('/'));
    expect(pages.length).toBeGreaterThan(50);
    for (const file of pages.filter((f) => !f.startsWith('admin/'))) {
      const path = `/${file.replace(/index\.html$/, '')}`;
      // The search page in each language (/en/search/ …) runs Pagefind too.
      const wasm = file === 'search/index.html' || LOCALES.some(({ code }) => file === `${code}/search/index.html`);
      expect(metaPolicy(file).includes("'wasm-unsafe-eval'"), file).toBe(wasm);
      expect(netlify(path)['Content-Security-Policy']?.includes("'wasm-unsafe-eval'"), path).toBe(wasm);
      expect(
        cloudflare(path)['Content-Security-Policy']?.some((p) => p.includes("'wasm-unsafe-eval'")),
        path,
      ).toBe(wasm);
    }
    // Pagefind compiles its WebAssembly in a worker, which runs under the policy it is served with.
    for (const worker of ['/pagefind/pagefind-worker.js', '/pagefind-past/pagefind-worker.js']) {
      expect(netlify(worker)['Content-Security-Policy'], worker).toContain("'wasm-unsafe-eval'");
      expect(cloudflare(worker)['Content-Security-Policy'], worker).toHaveLength(1);
      expect(cloudflare(worker)['Content-Security-Policy']?.[0], worker).toContain("'wasm-unsafe-eval'");
    }
  });

  it('gives /admin/ in a meta tag the policy of its header (without frame-ancestors, header only)', () => {
    const header = netlify('/admin/')['Content-Security-Policy'] ?? '';
    // Both allow the Git host of the settings (GitHub in the sample), and no other https: address.
    const { cms } = settingsSchema.parse(parseYaml(readFileSync(join(dir, 'content/settings/site.yml'), 'utf8')));
    const policy = adminContentSecurityPolicy(8081, cmsOrigins(cms));
    expect(policy).toContain(
      "connect-src 'self' blob: https://api.github.com https://www.githubstatus.com http://localhost:8081;",
    );
    expect(metaPolicy('admin/index.html')).toBe(policy);
    expect(directives(header)).toEqual([...directives(policy), "frame-ancestors 'self'"]);
  });

  it('gives the CMS its own full header set on Netlify and on Cloudflare Pages', () => {
    const site = netlify('/events/')['Content-Security-Policy'];
    for (const headers of [netlify('/admin/'), netlify('/admin/index.html')]) {
      expect(headers['Content-Security-Policy']).not.toBe(site);
      expect(headers['Content-Security-Policy']).toContain("'unsafe-eval'");
      expect(headers['X-Robots-Tag']).toBe('noindex');
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
    }
    const cms = cloudflare('/admin/')['Content-Security-Policy'] ?? [];
    expect(cms).not.toContain(site);
    // The rule itself carries every header the site sends, so no host needs the others.
    const admin = headerRules().find((r) => r.path === '/admin/*');
    expect(Object.keys(admin?.headers ?? {})).toEqual(expect.arrayContaining(Object.keys(netlify('/events/'))));
  });

  it('starts the CMS in Chromium under its own policy, where the site policy would block it', async () => {
    /** What Chromium reports when the served headers block something on /admin/. */
    const open = async (headersFor: (path: string) => Record<string, string>) => {
      const server = await serveDirectory(dist(), headersFor);
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await recordViolations(page);
        await page.goto(`${server.url}/admin/`);
        // The Japanese login screen means CMS.init ran with the config built from the schemas;
        // with that inline script blocked, Decap starts on its own and fails to find config.yml.
        const started = await page
          .getByRole('button', { name: 'ログイン' })
          .waitFor({ timeout: 15_000 })
          .then(() => true)
          .catch(() => false);
        const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
        return { started, violations };
      } finally {
        await browser.close();
        await server.close();
      }
    };
    const cms = await open(netlify);
    expect(cms.violations).toEqual([]);
    expect(cms.started).toBe(true);
    // The site's own policy (no inline scripts) would stop the CMS: the check above can fail.
    const strict = await open(() => netlify('/events/'));
    expect(strict.violations.length).toBeGreaterThan(0);
    expect(strict.started).toBe(false);
  }, 90_000);
});

describe('calendar and news feeds', () => {
  const dist = (...path: string[]) => join(dir, 'dist', ...path);
  const documentOf = (...path: string[]) => parseHTML(withoutReadings(readFileSync(dist(...path), 'utf8'))).document;
  const vevents = (path: string) =>
    new ICAL.Component(ICAL.parse(readFileSync(dist(path), 'utf8'))).getAllSubcomponents('vevent');
  /**
   * The path of the page's link named `name`, which must exist in dist/. カレンダーに登録 is a
   * webcal:// link to the site's own host (an iPhone subscribes instead of importing once).
   */
  const linkNamed = (page: string[], name: string) => {
    const link = [...documentOf(...page).querySelectorAll('main a')].find((a) => a.textContent?.trim() === name);
    let href = link?.getAttribute('href') ?? '';
    if (href.startsWith('webcal://')) {
      const canonical = new URL(
        documentOf('index.html').querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
      );
      expect(href.startsWith(`webcal://${canonical.host}/`), href).toBe(true);
      href = href.slice(`webcal://${canonical.host}`.length);
    }
    expect(href, `${page.join('/')}: ${name}`).toMatch(/^\/.+\.ics$/);
    expect(existsSync(dist(href)), href).toBe(true);
    return href;
  };

  it('links the whole site’s, each district’s and each category’s calendar feed (カレンダーに登録)', () => {
    expect(linkNamed(['calendar', 'index.html'], 'カレンダーに登録')).toBe('/calendar.ics');
    const subscribe = [...documentOf('calendar', 'index.html').querySelectorAll('main a')].find(
      (a) => a.textContent?.trim() === 'カレンダーに登録',
    );
    expect(subscribe?.getAttribute('href')).toMatch(/^webcal:\/\/[^/]+\/calendar\.ics$/);
    // Beside it, the https:// address Google Calendar takes (URL で追加).
    expect(subscribe?.parentElement?.querySelector('code')?.textContent).toMatch(/^https:\/\/[^/]+\/calendar\.ics$/);
    expect(vevents('calendar.ics').length).toBeGreaterThan(10);
    for (const district of readdirSync(dist('area')).filter((d) => statSync(dist('area', d)).isDirectory())) {
      const href = linkNamed(['area', district, 'calendar', 'index.html'], 'カレンダーに登録');
      expect(href).toBe(`/area/${district}/calendar.ics`);
      expect(linkNamed(['area', district, 'index.html'], 'カレンダーに登録')).toBe(href);
    }
    const categories = readdirSync(dist('categories')).filter((c) => statSync(dist('categories', c)).isDirectory());
    expect(categories.length).toBeGreaterThan(3);
    for (const category of categories)
      expect(linkNamed(['categories', category, 'index.html'], 'カレンダーに登録')).toBe(`/categories/${category}.ics`);
  });

  it('offers each event and meeting salon as its own calendar file (カレンダーに追加)', () => {
    let files = 0;
    for (const collection of ['events', 'salons']) {
      for (const id of readdirSync(dist(collection)).filter((f) => statSync(dist(collection, f)).isDirectory())) {
        const link = [...documentOf(collection, id, 'index.html').querySelectorAll('main a')].find(
          (a) => a.textContent?.trim() === 'カレンダーに追加',
        );
        if (!link) continue; // a paused or ended salon has no dates to add
        expect(link.getAttribute('href')).toBe(`/${collection}/${id}.ics`);
        const uids = vevents(`${collection}/${id}.ics`).map((v) => String(v.getFirstPropertyValue('uid')));
        if (collection === 'events') expect(uids).toEqual([`events-${id}@tsunagari.example.jp`]);
        for (const uid of uids) expect(uid).toMatch(new RegExp(`^${collection}-${id}(-\\d{4}-\\d{2}-\\d{2})?@`));
        files++;
      }
    }
    expect(files).toBeGreaterThan(10);
  });

  it('names RSS, JSON Feed and Atom in the head of the reports, events and recruitments pages', () => {
    for (const collection of ['reports', 'events', 'recruitments']) {
      const head = documentOf(collection, 'index.html').head;
      const rss = head.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href');
      const json = head.querySelector('link[rel="alternate"][type="application/feed+json"]')?.getAttribute('href');
      const atom = head.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href');
      expect([rss, json, atom]).toEqual([
        `/${collection}/feed.xml`,
        `/${collection}/feed.json`,
        `/${collection}/atom.xml`,
      ]);
      const entries = [
        new XMLParser({ ignoreAttributes: false }).parse(readFileSync(dist(atom ?? ''), 'utf8')).feed.entry,
      ].flat();
      const xml = readFileSync(dist(rss ?? ''), 'utf8');
      expect(XMLValidator.validate(xml), collection).toBe(true);
      const items = [new XMLParser().parse(xml).rss.channel.item].flat();
      expect(items.length).toBeGreaterThan(0);
      const feed = JSON.parse(readFileSync(dist(json ?? ''), 'utf8'));
      expect(feed.items).toHaveLength(items.length);
      expect(entries).toHaveLength(items.length);
      for (const item of feed.items) expect(existsSync(fileOfUrl(item.url)), item.url).toBe(true);
    }
    // Salons have no news feed (their calendar is in the .ics feeds); the list's other languages
    // are alternates too, with hreflang and no type.
    expect(documentOf('salons', 'index.html').head.querySelector('link[rel="alternate"][type]')).toBeNull();
  });

  /** The file in dist/ an absolute URL of the site is served from. */
  const fileOfUrl = (url: string) => dist(new URL(url).pathname, 'index.html');
});
