/**
 * The flyers of `npm run build` on a copy of the project, rendered after Astro's process from the
 * plans it left (src/flyers/print-queue.ts): every event, salon and
 * recruitment gets its one-page A4 PDF, its preview and its 1200×630 share image, made from the
 * entries the build validated, so the entry pages can be checked against the files: og:image,
 * the preview and the print link. `node scripts/flyers.ts` (`npm run flyers`) then runs on its
 * own: it renders nothing because nothing changed, and only the entry that did after an edit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { parseHTML } from 'linkedom';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { loadFlyerContent } from '../../src/flyers/load.ts';
import { buildFlyerModel } from '../../src/flyers/model.ts';
import { FLYER_COLLECTIONS, FLYER_SIZES, flyerPaths } from '../../src/flyers/paths.ts';
import { isCurrentFlyer } from '../../src/flyers/list.ts';
import { idOfFile, scanCollection } from '../../src/lib/content/files.ts';
import { contentTypeByName } from '../../src/schemas/index.ts';
import { ROOT, childEnv, copyProject, removeProject } from './helpers/project.ts';
import { withSampleCaches } from './helpers/sample-site.ts';
import { withoutReadings } from './helpers/readings.ts';

let dir: string;
let built: string;

const run = () => {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/flyers.ts')], {
    cwd: dir,
    encoding: 'utf8',
    env: childEnv({ FLYERS_TODAY: DAY }),
  });
  return { status: result.status, output: result.stdout + result.stderr };
};
const pngSize = (file: string) => {
  const data = readFileSync(file);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
};
const entries = () =>
  FLYER_COLLECTIONS.flatMap((collection) => {
    const type = contentTypeByName.get(collection);
    if (!type) throw new Error(collection);
    return scanCollection(dir, type).entries.map((file) => ({ collection, id: idOfFile(file) }));
  });

/** Translations of those entries (`<id>.<locale>.md`): each gets a flyer in its language too. */
const translations = () =>
  FLYER_COLLECTIONS.flatMap((collection) => {
    const type = contentTypeByName.get(collection);
    if (!type) throw new Error(collection);
    return scanCollection(dir, type).translations.map((file) => ({ collection, id: idOfFile(file) }));
  });
/** Every flyer the build makes: the Japanese ones and the translations'. */
const flyerCount = () => entries().length + translations().length;

/** The day every build and run here makes its flyers for. */
const DAY = '2026-11-23';
let validated: ReturnType<typeof loadFlyerContent>['entries'] | undefined;
/**
 * Whether an entry's flyer is one to put up on DAY (an event not over, an open recruitment …):
 * only those have printing choices; the sample has some that are over by then.
 */
const current = (collection: string, id: string): boolean => {
  validated ??= loadFlyerContent(dir).entries;
  const entry = validated.get(collection)?.find((e) => e.id === id);
  if (!entry) throw new Error(`${collection}/${id}: not in the sample`);
  return isCurrentFlyer(collection, entry.parsed, DAY);
};

beforeAll(async () => {
  dir = copyProject();
  // The shared build's newsletter PDFs and images, not its flyers: every flyer renders here.
  await withSampleCaches(dir, { flyers: false });
  // `npm run build` (its flyers rendered after Astro's process, from the build's print queue),
  // with the day fixed as for the script runs below (salons' next dates).
  // Both streams into one file, so that the lines keep the order they were written in.
  const log = join(dir, 'build.log');
  const out = openSync(log, 'w');
  const build = spawnSync(process.execPath, [join(dir, 'scripts', 'build.mjs')], {
    cwd: dir,
    stdio: ['ignore', out, out],
    env: childEnv({ FLYERS_TODAY: DAY }),
  });
  closeSync(out);
  // Without colours: where the terminal or CI asks for them, Astro's "Complete!" is bold.
  built = stripVTControlCharacters(readFileSync(log, 'utf8'));
  if (build.status !== 0) throw new Error(`npm run build failed (${build.status}):\n${built}`);
}, 600_000);
afterAll(() => removeProject(dir));

describe('the flyers of the build', () => {
  it('renders every event, salon and recruitment and says how many', () => {
    expect(built).toMatch(new RegExp(`flyers: ${flyerCount()} rendered, 0 skipped`));
  });

  it('renders them once Astro has ended, from the print queue, which is then gone', () => {
    const handed = built.indexOf("to render once Astro's process has ended");
    expect(handed).toBeGreaterThan(0);
    // Astro's last line comes before the printing's first.
    expect(built.indexOf('[build] Complete!')).toBeGreaterThan(handed);
    expect(built.search(/flyers: \d+ rendered/)).toBeGreaterThan(built.indexOf('[build] Complete!'));
    expect(existsSync(join(dir, '.cache', 'print-queue.v8'))).toBe(false);
  });

  it('writes a one-page A4 PDF, a preview and a 1200×630 share image for each', async () => {
    for (const { collection, id } of entries()) {
      const paths = flyerPaths(collection, id);
      const [pdf, png, og] = [paths.pdf, paths.png, paths.og].map((p) => join(dir, 'dist', p));
      for (const file of [pdf, png, og]) expect(existsSync(file as string), file).toBe(true);
      const bytes = readFileSync(pdf as string);
      expect(bytes.length, `${pdf} ≤ 1 MB`).toBeLessThan(1024 * 1024);
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount(), pdf).toBe(1);
      const { width, height } = doc.getPage(0).getSize();
      expect([Math.round(width), Math.round(height)], pdf).toEqual([595, 842]);
      expect(doc.getTitle()).toBeTruthy();
      expect(pngSize(png as string)).toEqual(FLYER_SIZES.png);
      expect(pngSize(og as string)).toEqual(FLYER_SIZES.og);
    }
  });

  it('prints real text: title, date line, place and phone read back, fonts embedded as subsets, Japanese', async () => {
    const { entries: byCollection, lookup, site } = loadFlyerContent(dir);
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    for (const { collection, id } of entries()) {
      const entry = byCollection.get(collection)?.find((e) => e.id === id);
      if (!entry) throw new Error(`${collection}/${id}`);
      const model = buildFlyerModel(
        { collection, id, data: entry.parsed, body: entry.body },
        { lookup, site, today: '2026-11-23', t },
      );
      const file = join(dir, 'dist', flyerPaths(collection, id).pdf);
      // poppler reads the file independently of PDFKit and pdf-lib.
      const text = squeeze(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
      const place = model.facts.find((f) => f.key === 'where')?.value;
      const phone = /\d{2,5}-\d{1,4}-\d{3,4}/.exec(model.facts.find((f) => f.key === 'contact')?.value ?? '')?.[0];
      for (const wanted of [model.title, model.when, place, phone])
        if (wanted) expect(text, `${file}: ${wanted}`).toContain(squeeze(wanted));
      // The title comes first: the text is in reading order, not in drawing order of boxes.
      expect(text.indexOf(squeeze(model.title)), file).toBeLessThan(60);

      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      expect(fonts.length, file).toBeGreaterThan(0);
      for (const line of fonts) {
        // A subset's name starts with six capitals and +; then embedded, subset, ToUnicode: yes.
        expect(line, file).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/);
      }

      const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
      const lang = doc.catalog.lookup(PDFName.of('Lang'));
      expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : '', file).toMatch(/^ja\b/);
      expect(doc.getTitle(), file).toBe(model.title);
      expect(doc.getSubject(), file).toBeTruthy();
      expect(doc.catalog.lookup(PDFName.of('StructTreeRoot')), `${file}: tagged`).toBeTruthy();
    }
  });

  it('links each entry page to its flyer: og:image, the preview and チラシを印刷する (チラシを見る once over)', () => {
    const site = /^url:\s*(\S+)/m.exec(readFileSync(join(dir, 'content/settings/site.yml'), 'utf8'))?.[1] ?? '';
    expect(site).toMatch(/^https?:\/\//);
    const fileOf = (href: string) => join(dir, 'dist', decodeURI(new URL(href, site).pathname));
    for (const { collection, id } of entries()) {
      const where = `${collection}/${id}`;
      const paths = flyerPaths(collection, id);
      const { document } = parseHTML(
        withoutReadings(readFileSync(join(dir, 'dist', collection, id, 'index.html'), 'utf8')),
      );
      const ogImage = document.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
      expect(ogImage, where).toBe(new URL(paths.og, site).href);
      expect(existsSync(fileOf(ogImage)), ogImage).toBe(true);
      const preview = document.querySelector(`img[src="${paths.png}"]`);
      expect(preview, `${where}: preview`).not.toBeNull();
      expect(preview?.getAttribute('alt'), where).toContain('チラシ');
      expect(existsSync(fileOf(paths.png)), paths.png).toBe(true);
      // A flyer no longer to put up is there as the record of what went up, to look at.
      const label = current(collection, id) ? t('flyer.print') : t('flyer.record');
      const print = [...document.querySelectorAll('a')].find((a) => a.textContent?.includes(label));
      expect(print?.getAttribute('href'), `${where}: ${label}`).toBe(paths.pdf);
      const pdf = readFileSync(fileOf(paths.pdf));
      expect(pdf.subarray(0, 5).toString(), paths.pdf).toBe('%PDF-');
    }
  });

  it('makes the large print with ふりがな for each Japanese entry and やさしい日本語 translation, no other language', () => {
    const folder = (collection: string) => join(dir, 'dist', 'flyers', collection);
    // Of flyers to put up: one that is over has its own PDF only (the sample has both on DAY).
    const [now, over] = [
      entries().filter((e) => current(e.collection, e.id)),
      entries().filter((e) => !current(e.collection, e.id)),
    ];
    expect(over.length).toBeGreaterThan(0);
    for (const { collection, id } of now)
      expect(existsSync(join(folder(collection), `${id}.large-ruby.pdf`)), `${collection}/${id}`).toBe(true);
    for (const { collection, id } of over) {
      expect(existsSync(join(folder(collection), `${id}.pdf`)), `${collection}/${id}`).toBe(true);
      for (const choice of ['large-ruby', 'large', 'bw', 'poster'])
        expect(existsSync(join(folder(collection), `${id}.${choice}.pdf`)), `${collection}/${id}.${choice}`).toBe(
          false,
        );
    }
    const files = FLYER_COLLECTIONS.flatMap((collection) =>
      execFileSync('ls', [folder(collection)], { encoding: 'utf8' })
        .split('\n')
        .filter((name) => name.endsWith('.large-ruby.pdf'))
        .map((name) => `${collection}/${name}`),
    );
    const translated = files.filter((name) => name.split('/')[1]?.split('.').length === 4);
    expect(translated.length, translated.join(' ')).toBeGreaterThan(0);
    for (const name of translated) expect(name).toMatch(/\.ja-easy\.large-ruby\.pdf$/);
    expect(files.length).toBe(now.length + translated.length);
  });

  it('prints the site name of the translated settings on a translated flyer', () => {
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    const siteName = (locale: string) =>
      /^siteName: (.*)$/m.exec(readFileSync(join(dir, `content/settings/site.${locale}.yml`), 'utf8'))?.[1] ?? '';
    const english = siteName('en');
    expect(english).toMatch(/^Midorino/);
    const translated = FLYER_COLLECTIONS.flatMap((collection) =>
      execFileSync('ls', [join(dir, 'dist', 'flyers', collection)], { encoding: 'utf8' })
        .split('\n')
        .filter((name) => /^[\w-]+\.en\.pdf$/.test(name))
        .map((name) => join(dir, 'dist', 'flyers', collection, name)),
    );
    expect(translated.length).toBeGreaterThan(0);
    for (const file of translated) {
      const text = squeeze(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
      expect(text, file).toContain(squeeze(english));
    }
  });

  it('npm run flyers on its own renders nothing the second time, and only the changed entry after an edit', () => {
    const again = run();
    expect(again.status, again.output).toBe(0);
    expect(again.output).toMatch(new RegExp(`flyers: 0 rendered, ${flyerCount()} skipped`));

    const file = join(dir, 'content/salons/hidamari-salon.ja.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('fee: 100円（お茶代）', 'fee: 200円（お茶代）'));
    const edited = run();
    expect(edited.status, edited.output).toBe(0);
    // The salon and its translations, which share its changed facts.
    const changed = 1 + translations().filter((t) => t.collection === 'salons' && t.id === 'hidamari-salon').length;
    expect(edited.output).toMatch(new RegExp(`flyers: ${changed} rendered, ${flyerCount() - changed} skipped`));
    expect(edited.output).toContain('content/salons/hidamari-salon.ja.md');
  });

  it('renders the ふりがな flyers again, and only them, when the site changes its readings', () => {
    const file = join(dir, 'content/settings/site.yml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/^furigana:\n/m, 'furigana:\n  - word: 公民館\n    reading: こうみんかん\n'));
    try {
      const result = run();
      expect(result.status, result.output).toBe(0);
      const ruby = FLYER_COLLECTIONS.flatMap((collection) =>
        execFileSync('ls', [join(dir, 'dist', 'flyers', collection)], { encoding: 'utf8' })
          .split('\n')
          .filter((name) => name.endsWith('.large-ruby.pdf')),
      ).length;
      expect(result.output).toMatch(new RegExp(`flyers: 0 rendered, ${flyerCount()} skipped`));
      expect(result.output).toMatch(new RegExp(`print choices: ${ruby} PDFs rendered`));
    } finally {
      writeFileSync(file, original);
    }
  });

  it('prints an emoji title, and stops naming the entry, the field and the character no font has', () => {
    const file = join(dir, 'content/events/fukushi-matsuri-2026.ja.md');
    const original = readFileSync(file, 'utf8');
    const titled = (title: string) =>
      writeFileSync(file, original.replace('title: みどり野ふれあい福祉まつり 2026', `title: ${title}`));
    titled('福祉まつり🎉');
    const emoji = run();
    expect(emoji.status, emoji.output).toBe(0);
    expect(emoji.output).toContain('content/events/fukushi-matsuri-2026.ja.md → flyers/events/fukushi-matsuri-2026');
    titled('福祉まつり สวัสดี');
    const thai = run();
    expect(thai.status).toBe(1);
    expect(thai.output).toContain(
      'content/events/fukushi-matsuri-2026.ja.md: title（イベント名）: 「福祉まつり สวัสดี」 — チラシのフォントにない文字があります（「สวัสดี」U+0E2A U+0E27 U+0E31 U+0E2A U+0E14 …）',
    );
  });
});
