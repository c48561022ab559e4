/**
 * わが家の防災メモ as printed (issue 17, item 2): every sample sheet — the town's and each
 * district's — rendered with the build's code and read back with poppler and pdf-lib,
 * independently of the code that wrote it: one A4 page, tagged, in Japanese; its text has the
 * district's own shelters and none of another district's, the numbers 119, 110 and 171 and the
 * town's own, the registration desk, and every label of the lines to write on; a district's
 * sheet at full size.
 */
import { execFileSync } from 'node:child_process';
import { PDFDocument as PdfLib, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import satori from 'satori';
import { beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { memoSources } from '../../src/flyers/bosai/sources.ts';
import { layOut, renderBosaiMemo } from '../../src/flyers/bosai/render.ts';
import { memoSheet, SHEET } from '../../src/flyers/bosai/layout.ts';
import { squareBorders } from '../../src/flyers/layout/borders.ts';
import { compactSvg } from '../../src/flyers/render.ts';
import { placeLines } from '../../src/flyers/text-svg.ts';
import { loadFonts } from '../../src/flyers/fonts.ts';
import { textsLeftBelow } from '../helpers/svg.ts';
import { bosaiMemo, type BosaiMemoSources } from '../../src/lib/bosai-memo.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';

/** pdfinfo or pdftotext on the PDF given on stdin. */
const poppler = (tool: 'pdfinfo' | 'pdftotext', pdf: Buffer) =>
  execFileSync(tool, tool === 'pdfinfo' ? ['-'] : ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, '');

const BLANKS = ['meeting', 'shelter', 'contact', 'far', 'illness', 'doctor', 'allergy'] as const;

let sources: BosaiMemoSources;
let siteName: string;
beforeAll(() => {
  const { entries, problems } = validateContent(process.cwd());
  expect(problems).toEqual([]);
  const read = memoSources(entries, '2026-11-23');
  if (!read) throw new Error('the sample has no site settings');
  ({ sources, siteName } = read);
});

describe('わが家の防災メモ of the sample town', () => {
  it('is one tagged A4 page in Japanese for the town and each district, with its own shelters only', async () => {
    const fonts = loadFonts();
    const sheets = [undefined, ...sources.districts.map((d) => d.id)];
    expect(sheets.length).toBeGreaterThan(3);
    for (const districtId of sheets) {
      const memo = bosaiMemo(sources, t, districtId);
      const where = districtId ?? 'town';
      const { pdf, warnings, scale } = await renderBosaiMemo(memo, fonts, { siteName });
      expect(warnings, where).toEqual([]);
      // A district's sheet keeps its large type (body 12 pt); only the town's long list may shrink it.
      if (districtId) expect(scale, where).toBe(1);

      const info = poppler('pdfinfo', pdf);
      expect(info, where).toMatch(/Pages:\s+1\n/);
      expect(info, where).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      expect(info, where).toMatch(/Tagged:\s+yes/);
      const doc = await PdfLib.load(pdf, { updateMetadata: false });
      const lang = doc.catalog.lookup(PDFName.of('Lang'));
      expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : '', where).toMatch(/^ja/);
      expect(doc.getTitle(), where).toBe(`${t('bosaiMemo.title')}（${memo.area}）`);

      const text = squash(poppler('pdftotext', pdf));
      expect(text, where).toContain(squash(t('bosaiMemo.title')));
      expect(text, where).toContain(squash(memo.area));
      for (const number of ['119', '110', '171', ...sources.townNumbers.map((n) => n.phone)])
        expect(text, `${where}: ${number}`).toContain(number);
      for (const key of BLANKS) expect(text, `${where}: ${key}`).toContain(squash(t(`bosaiMemo.blank.${key}`)));
      if (sources.supportDesk) expect(text, where).toContain(squash(sources.supportDesk));

      // Its own shelters, and none of those the sheet does not list (another district's).
      const own = new Set(memo.shelters.flatMap((s) => s.names));
      if (districtId) expect(own.size, `${where} has shelters in the sample`).toBeGreaterThan(0);
      for (const name of own) expect(text, `${where}: ${name}`).toContain(squash(name));
      const others = sources.places.filter((p) => p.data.shelter && !own.has(p.data.name)).map((p) => p.data.name);
      if (districtId) expect(others.length, where).toBeGreaterThan(0);
      for (const name of others) expect(text, `${where} lists ${name}`).not.toContain(squash(name));
      for (const o of memo.organizations) expect(text, `${where}: ${o.name}`).toContain(squash(o.name));
    }
  }, 180_000);

  it('leaves the lists of a town with more shelters and groups than a sheet holds to the page, on one page', async () => {
    const fonts = loadFonts();
    const shelters = sources.places.filter((p) => p.data.shelter);
    const groups = sources.organizations;
    const copies = <T extends { id: string; data: { name: string } }>(list: readonly T[], n: number) =>
      Array.from({ length: n }, (_, i) =>
        list.map((item) => ({
          ...item,
          id: `${item.id}-${i}`,
          data: { ...item.data, name: `${item.data.name}（第${i + 1}）` },
        })),
      ).flat();
    const busy = { ...sources, places: copies(shelters, 12), organizations: copies(groups, 12) };
    const memo = bosaiMemo(busy, t);
    const { pdf, warnings, shortened } = await renderBosaiMemo(memo, fonts, { siteName });
    expect(warnings).toEqual([]);
    expect(shortened?.organizations).toBe(memo.organizations.length);
    expect(poppler('pdfinfo', pdf)).toMatch(/Pages:\s+1\n/);
    const text = squash(poppler('pdftotext', pdf));
    const where = memo.pageUrl;
    expect(text).toContain(
      squash(t('bosaiMemo.organizationsElsewhere', { count: memo.organizations.length, url: where })),
    );
    if (shortened?.shelters)
      expect(text).toContain(squash(t('bosaiMemo.sheltersElsewhere', { count: shortened.shelters, url: where })));
    for (const key of BLANKS) expect(text, key).toContain(squash(t(`bosaiMemo.blank.${key}`)));
    expect(text).not.toContain(squash(memo.organizations[0]?.name ?? '?'));
  }, 180_000);

  it('has its lines written after Satori as Satori writes them, at every type scale', async () => {
    const fonts = loadFonts();
    let lines = 0;
    for (const districtId of [undefined, ...sources.districts.map((d) => d.id)]) {
      const memo = bosaiMemo(sources, t, districtId);
      for (const scale of [1, 0.88, 0.76]) {
        const sheet = memoSheet(memo, fonts.measure, scale, fonts.family);
        lines += placeLines(squareBorders(sheet), fonts).lines.length;
        const { svg } = await layOut(sheet, fonts, []);
        const direct = await satori(squareBorders(sheet) as unknown as Parameters<typeof satori>[0], {
          width: SHEET.width,
          height: SHEET.height,
          fonts: fonts.fonts,
          embedFont: false,
        });
        // But for the masks Satori defines for every text and never uses (the PDF's writer skips
        // those), and the lines of a sheet too full for this scale that lie wholly below it:
        // Satori wrote them off the page, they are now not drawn (the renderer tries a smaller scale).
        textsLeftBelow(compactSvg(direct), compactSvg(svg), SHEET.height, `${districtId ?? 'town'} at ×${scale}`);
      }
    }
    expect(lines).toBeGreaterThan(100);
  });
});
