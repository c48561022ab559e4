/**
 * The newsletters' printed PDFs (src/flyers/newsletter/), read back by poppler: every sample
 * issue, in colour, in black and white and in large print, is A4, 2–4 pages (large print: up
 * to 8), under 3 MB, declares Japanese, and its text holds every item the compiler put in that issue — and no salon, event,
 * recruitment, report or desk of another district or month.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument as PdfLib, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { loadFonts } from '../../src/flyers/fonts.ts';
import {
  FITTING,
  LARGE_MAX_PAGES,
  MAX_PAGES,
  layOut,
  loadPhotos,
  renderNewsletter,
} from '../../src/flyers/newsletter/render.ts';
import { INNER_WIDTH, newsletterBlocks, type MonthCount } from '../../src/flyers/newsletter/layout.ts';
import { squareBorders } from '../../src/flyers/layout/borders.ts';
import { compactSvg } from '../../src/flyers/render.ts';
import { SLOT, type El } from '../../src/flyers/layout/elements.ts';
import { EDITIONS } from '../../src/flyers/newsletter/paths.ts';
import { monthlyCounts, newsletterEntries, newsletterSources } from '../../src/flyers/newsletter/sources.ts';
import { compileNewsletter, type CompiledNewsletter } from '../../src/lib/newsletter/compile.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';

const { entries } = validateContent(process.cwd());
const site = entries.get('settings')?.[0]?.parsed as { url: string; siteName: string };
const sources = newsletterSources(entries, site.url);
const issues = newsletterEntries(entries);
const fonts = loadFonts();

const poppler = (tool: string, args: string[], pdf: Buffer) =>
  execFileSync(tool, [...args, '-', '-'].slice(0, tool === 'pdftotext' ? undefined : args.length + 1), {
    input: pdf,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
/** Text without any white space: pdftotext breaks lines where the layout did. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** Every title a newsletter could print, by what it is. */
function titlesOf(issue: CompiledNewsletter): string[] {
  return [
    ...issue.calendar.flatMap((d) => d.items.map((i) => i.title)),
    ...issue.events.map((e) => e.title),
    ...issue.recruitments.map((r) => r.title),
    ...issue.reports.map((r) => r.title),
    ...issue.desks.map((d) => d.name),
  ];
}

const allTitles = [
  ...(entries.get('events') ?? []),
  ...(entries.get('salons') ?? []),
  ...(entries.get('recruitments') ?? []),
  ...(entries.get('reports') ?? []),
].map((e) => String(e.parsed['title']));
const allDesks = (entries.get('desks') ?? []).map((e) => String(e.parsed['name']));

describe('newsletter PDFs', () => {
  it('has samples of two districts and two months at least', () => {
    expect(new Set(issues.map((i) => i.data.district)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(issues.map((i) => i.data.month)).size).toBeGreaterThanOrEqual(2);
  });

  for (const entry of issues)
    for (const edition of EDITIONS)
      it(`${entry.id} (${edition}): A4, 2–${edition === 'large' ? LARGE_MAX_PAGES : MAX_PAGES} pages, ≤ 3 MB, Japanese, every item of its month and district and nothing else`, async () => {
        const issue = compileNewsletter({ entry: { id: entry.id, data: entry.data } }, sources);
        const { pdf, pages, warnings } = await renderNewsletter(
          {
            issue,
            title: entry.data.title,
            body: entry.body,
            siteName: site.siteName,
            counts: monthlyCounts(entries, issue, `${entry.data.month}-01`),
          },
          edition,
          fonts,
        );
        expect(warnings).toEqual([]);
        expect(pdf.length).toBeLessThanOrEqual(3 * 1024 * 1024);

        const info = poppler('pdfinfo', ['-l', '99'], pdf);
        expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(pages);
        expect(pages).toBeGreaterThanOrEqual(2);
        expect(pages).toBeLessThanOrEqual(edition === 'large' ? LARGE_MAX_PAGES : MAX_PAGES);
        const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [
          Number(m[1]),
          Number(m[2]),
        ]);
        expect(sizes).toHaveLength(pages);
        for (const [w, h] of sizes) {
          expect(w).toBeCloseTo(595.28, 1);
          expect(h).toBeCloseTo(841.89, 1);
        }
        expect(info).toMatch(/Tagged:\s+yes/);

        const doc = await PdfLib.load(pdf, { updateMetadata: false });
        const lang = doc.catalog.lookup(PDFName.of('Lang'));
        expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : '').toMatch(/^ja/);
        expect(doc.getTitle()).toBe(entry.data.title);

        const text = squash(poppler('pdftotext', ['-enc', 'UTF-8'], pdf));
        expect(text).toContain(squash(entry.data.title));
        // Every compiled item, by its title, and every calendar day by its date.
        for (const title of titlesOf(issue)) expect(text, title).toContain(squash(title));
        for (const day of issue.calendar)
          expect(text).toContain(
            squash(
              t('newsletter.dayCell', {
                day: Number(day.date.slice(8)),
                weekday: t(`weekday.${['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][day.weekday] as 'sun'}`),
              }),
            ),
          );
        for (const desk of issue.desks) expect(text).toContain(squash(desk.phone));
        for (let n = 1; n <= pages; n++) expect(text).toContain(squash(`${n} / ${pages}`));

        // Nothing of another district or month: a title the issue does not carry is not printed
        // (unless it is part of a text the issue does carry: a salon's name inside a report's).
        const carried = squash([...titlesOf(issue), ...issue.intro, entry.body, entry.data.title].join('\n'));
        const foreign = [...allTitles, ...allDesks].map(squash).filter((title) => !carried.includes(title));
        expect(foreign.length).toBeGreaterThan(0);
        for (const title of foreign) expect(text, title).not.toContain(title);
      }, 240_000);

  it('breaks a paragraph longer than a page between its lines, and nothing runs past a page', async () => {
    const entry = issues[0];
    if (!entry) throw new Error('no sample newsletter');
    const issue = compileNewsletter({ entry: { id: entry.id, data: entry.data } }, sources);
    const sentence = '地域の見守りは、毎日のあいさつから始まります。';
    const long = `最初の文。${sentence.repeat(160)}最後の文。`;
    const { pdf, warnings } = await renderNewsletter(
      { issue: { ...issue, intro: [long] }, title: entry.data.title, siteName: site.siteName },
      'bw',
      fonts,
    );
    // More pages than an issue should have (said), but no block too tall and no page overflowing.
    expect(warnings.filter((w) => !w.includes('4ページ'))).toEqual([]);
    const text = squash(poppler('pdftotext', ['-enc', 'UTF-8'], pdf));
    expect(text).toContain('最初の文。');
    expect(text).toContain('最後の文。');
  }, 240_000);

  it('says under a shortened list how many more there are, on the site its QR code opens', async () => {
    const entry = issues[0];
    if (!entry) throw new Error('no sample newsletter');
    const issue = compileNewsletter({ entry: { id: entry.id, data: entry.data } }, sources);
    expect(issue.more).toEqual({ events: 0, recruitments: 0, desks: 0 });
    const { pdf } = await renderNewsletter(
      {
        issue: { ...issue, more: { events: 3, recruitments: 12, desks: 0 } },
        title: entry.data.title,
        siteName: site.siteName,
      },
      'bw',
      fonts,
    );
    const text = squash(poppler('pdftotext', ['-enc', 'UTF-8'], pdf));
    expect(text).toContain(squash(t('newsletterPdf.moreOnline', { count: 3 })));
    expect(text).toContain(squash(t('newsletterPdf.moreOnline', { count: 12 })));
    expect(text.split(squash(t('newsletterPdf.moreOnline', { count: 0 }))).length).toBe(1);
  }, 240_000);

  it('is tagged under one root across its pages: headings, the calendar table and the QR figure', async () => {
    // An issue with a cover photo and reports with photos.
    const entry = issues.find((i) => i.data.cover?.length);
    if (!entry) throw new Error('no sample newsletter with a cover photo');
    const issue = compileNewsletter({ entry: { id: entry.id, data: entry.data } }, sources);
    const counts = monthlyCounts(entries, issue, `${entry.data.month}-01`);
    const { pdf } = await renderNewsletter(
      { issue, title: entry.data.title, siteName: site.siteName, counts },
      'bw',
      fonts,
    );
    const tree = poppler('pdfinfo', ['-struct-text'], pdf);
    // One Document element at the top, whatever the number of pages.
    expect(tree.match(/^Document/gm)).toHaveLength(1);
    expect(tree).toMatch(/H1 \(block\)/);
    expect(tree).toMatch(/H2 \(block\)\n\s+"はじめに"/);
    expect(tree).toMatch(/Table \(block\)\n\s+TR\n\s+TH/);
    // The page numbers are page furniture, not content.
    expect(tree).not.toMatch(/"1 \/ \d/);
    expect(tree).toContain(issue.qr.url);
    // The photos are figures with their alternative text: the cover, and each report's.
    const doc = await PdfLib.load(pdf, { updateMetadata: false });
    const alts = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict)
      .filter((dict) => dict.get(PDFName.of('S')) === PDFName.of('Figure'))
      .map((dict) => {
        const alt = dict.get(PDFName.of('Alt'));
        return alt instanceof PDFString || alt instanceof PDFHexString ? alt.decodeText() : '';
      });
    const photos = [issue.cover, ...issue.reports.map((r) => r.photo)].filter((p) => p !== undefined);
    expect(photos.length).toBeGreaterThan(0);
    for (const photo of photos) expect(alts).toContain(photo.alt);
    expect(alts.every(Boolean)).toBe(true);
    // The counts chart: a figure, and its numbers as a table row by row (participants, volunteers).
    expect(counts.some((c) => c.participants > 0)).toBe(true);
    expect(alts.some((alt) => alt.startsWith(t('newsletter.counts')))).toBe(true);
    const text = squash(poppler('pdftotext', ['-enc', 'UTF-8'], pdf));
    expect(text).toContain(squash(t('stats.participants') + counts.map((c) => c.participants).join('')));
    expect(text).toContain(squash(t('stats.volunteers') + counts.map((c) => c.volunteers).join('')));
  }, 240_000);

  it('prints a photo replaced under its name anew, though the worker remembers photos it made', async () => {
    const entry = issues.find((i) => i.id === 'higashi-dayori-2026-12');
    if (!entry) throw new Error('the sample issue higashi-dayori-2026-12 is missing');
    const issue = compileNewsletter({ entry: { id: entry.id, data: entry.data } }, sources);
    const name = issue.cover?.src.split('/').pop();
    if (!name) throw new Error(`${entry.file}: the sample issue has no cover photo`);
    const root = mkdtempSync(join(tmpdir(), 'newsletter-photos-'));
    try {
      mkdirSync(join(root, 'media'));
      const photoIn = () => loadPhotos(issue, root, 'color').then((p) => p.get(issue.cover!.src));
      copyFileSync(join('media', name), join(root, 'media', name));
      const first = await photoIn();
      expect(first).toMatch(/^data:image\/jpeg;base64,/);
      // Asked again (the large-print edition), the same picture; grey for the 回覧板 copy.
      expect(await photoIn()).toBe(first);
      expect((await loadPhotos(issue, root, 'bw')).get(issue.cover!.src)).not.toBe(first);
      const other = readdirSync('media').find((f) => f !== name && f.endsWith('.jpg'));
      if (!other) throw new Error('media/ needs a second sample photo');
      copyFileSync(join('media', other), join(root, 'media', name));
      const replaced = await photoIn();
      expect(replaced).toMatch(/^data:image\/jpeg;base64,/);
      expect(replaced).not.toBe(first);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("an issue's blocks", () => {
  /**
   * Pagination trusts the heights the layout states (lines of fixed height, rules, pictures of a
   * given size). Each block, a table's header and each of its rows are laid out here by Satori,
   * stacked at the page's inner width as pagination stacks them, and must take exactly that room:
   * every sample issue, in each edition and each way it may be set to fit (smaller type, without
   * the reports' photos, without the chart).
   */
  /** Lays each block, table header and row out in Satori; returns what disagrees with its stated height. */
  async function checkBlocks(
    issue: CompiledNewsletter,
    edition: (typeof EDITIONS)[number],
    options: { title: string; body?: string; scale: number; reportPhotos: boolean; counts?: MonthCount[] },
    at: string,
    kinds: Set<string>,
  ): Promise<number> {
    const photos = await loadPhotos(issue, process.cwd(), edition);
    const blocks = newsletterBlocks(issue, { ...options, edition, measure: fonts.measure, photos });
    const pieces: { el: El; height: number; name: string }[] = blocks.flatMap(({ block, el, head, rows }) =>
      'rows' in block
        ? [
            ...(head ? [{ el: head, height: block.head, name: `${block.id} header` }] : []),
            ...(rows ?? []).map((row, i) => ({
              el: row,
              height: block.rows[i] as number,
              name: `${block.id} row ${i}`,
            })),
          ]
        : [{ el: el as El, height: block.height, name: block.id }],
    );
    const heights = new Map<string, number>();
    const total = pieces.reduce((sum, p) => sum + p.height, 0) + 100;
    const column: El = {
      type: 'div',
      props: {
        style: { display: 'flex', flexDirection: 'column', width: INNER_WIDTH, height: total },
        children: pieces.map((p, i) => ({ ...p.el, props: { ...p.el.props, [SLOT]: `piece:${i}` } })),
      },
    };
    const svg = await layOut(column, INNER_WIDTH, total, fonts, (slot, _tag, box) => {
      if (typeof slot === 'string') heights.set(slot, box.height);
    });
    // The lines' texts, written after Satori (text-svg.ts), are what Satori writes itself…
    const drawn = squareBorders(column);
    const styled = { ...drawn, props: { ...drawn.props, style: { ...drawn.props.style, fontFamily: fonts.family } } };
    const direct = await satori(styled as unknown as Parameters<typeof satori>[0], {
      width: INNER_WIDTH,
      height: total,
      fonts: fonts.fonts,
      embedFont: false,
    });
    // But for the masks Satori defines for every text and never uses (the PDF's writer skips those).
    expect(compactSvg(svg) === compactSvg(direct), `${at}: the lines written after Satori are Satori's own`).toBe(true);
    pieces.forEach((p, i) => {
      expect(heights.get(`piece:${i}`), `${at}: ${p.name}`).toBeDefined();
      expect(Math.abs((heights.get(`piece:${i}`) as number) - p.height), `${at}: ${p.name}`).toBeLessThan(0.01);
      kinds.add(p.name.replace(/[-\s].*$/, ''));
    });
    return pieces.length;
  }

  it('take the height Satori gives them, in every edition and every fit', async () => {
    let checked = 0;
    const kinds = new Set<string>();
    for (const entry of issues) {
      const issue = compileNewsletter({ entry: { id: entry.id, data: entry.data } }, sources);
      const counts = monthlyCounts(entries, issue, `${entry.data.month}-01`);
      for (const edition of EDITIONS)
        for (const { scale, reportPhotos, chart } of FITTING[edition].fits)
          checked += await checkBlocks(
            issue,
            edition,
            {
              title: entry.data.title,
              ...(entry.body ? { body: entry.body } : {}),
              scale,
              reportPhotos,
              ...(chart ? { counts } : {}),
            },
            `${entry.id} ${edition} ×${scale}${reportPhotos ? '' : ' no photos'}${chart ? '' : ' no chart'}`,
            kinds,
          );
    }
    expect(checked).toBeGreaterThan(500);
    // Every kind of block the layout makes is among them.
    for (const kind of [
      'masthead',
      'intro',
      'cover',
      'calendar',
      'event',
      'recruitment',
      'report',
      'counts',
      'desk',
      'qr',
    ])
      expect([...kinds]).toContain(kind);
  }, 240_000);

  it('take the height of what is taller than a picture beside it: a long cover caption, a long report', async () => {
    const entry = issues.find((e) => {
      const issue = compileNewsletter({ entry: { id: e.id, data: e.data } }, sources);
      return issue.cover && issue.reports.some((r) => r.photo);
    });
    expect(entry).toBeDefined();
    const issue = compileNewsletter({ entry: { id: entry!.id, data: entry!.data } }, sources);
    const long = '見守りの輪を広げるため、毎月の集まりの様子を写真で伝えています。'.repeat(8);
    const tall: CompiledNewsletter = {
      ...issue,
      cover: { ...issue.cover!, caption: long },
      reports: issue.reports.map((r) => (r.photo ? { ...r, photo: { ...r.photo, caption: long } } : r)),
    };
    const kinds = new Set<string>();
    for (const edition of EDITIONS)
      await checkBlocks(tall, edition, { title: entry!.data.title, scale: 1, reportPhotos: true }, edition, kinds);
    expect([...kinds]).toEqual(expect.arrayContaining(['cover', 'report']));
  }, 120_000);
});
