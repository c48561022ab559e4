/**
 * Flyers in the entry's language (issue 16): the sample salon translated into Vietnamese,
 * Chinese, Korean, Nepali and English (scripts/lib/flyer-translations.ts) is printed with its
 * language's dictionary, dates, fonts and document language, read back by poppler (pdftotext,
 * pdffonts) independently of the libraries that wrote it; the flyer step writes it beside the
 * Japanese one under `<id>.<locale>`, and the glyph check passes every script of those languages
 * while still refusing what no font has.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument as PdfLib, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { useTranslations } from '../../src/i18n/index.ts';
import { makeFlyers } from '../../src/flyers/build.ts';
import { flyerContent, type FlyerContent } from '../../src/flyers/content.ts';
import { buildFlyerModel, type FlyerModel } from '../../src/flyers/model.ts';
import { fontsFor, renderFlyer } from '../../src/flyers/render.ts';
import { flyerTextProblems } from '../../src/flyers/text-check.ts';
import { formatMonthDayIn, startOfDateJst } from '../../src/lib/dates.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { sampleTranslations, type SampleLocale } from '../../scripts/lib/flyer-translations.ts';

const root = process.cwd();
const TODAY = '2026-11-23';
const tmp = mkdtempSync(join(tmpdir(), 'flyer-lang-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const { entries } = validateContent(root);
const content = flyerContent(entries) as FlyerContent;
const translations = sampleTranslations(entries);

function modelIn(locale: SampleLocale): FlyerModel {
  const translation = translations.find((tr) => tr.locale === locale);
  if (!translation) throw new Error(`no sample in ${locale}`);
  const { collection, entry, data, body } = translation;
  return buildFlyerModel(
    { collection, id: entry.id, data, body },
    { lookup: content.lookup, site: content.site, today: TODAY, t: useTranslations(locale) },
  );
}

const poppler = (tool: string, args: string[], file: string) =>
  execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });

/** pdffonts' table: each font's name and its emb, sub and uni columns. */
const fontsOf = (file: string) =>
  poppler('pdffonts', [], file)
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      return { name: cols[0] ?? '', flags: cols.slice(-5, -2).join(' ') };
    });

/** What each language's flyer must print, as pdftotext reads it back, and the font it is set in. */
const EXPECTED: Record<SampleLocale, { lang: string; words: string[]; font: RegExp }> = {
  // Stacked marks (ệ ọ ỏ ứ) come back as the same composed letters.
  vi: {
    lang: 'vi',
    words: ['Phòng sinh hoạt giao lưu', 'kiểm tra sức khỏe', '100 yên (tiền trà)'],
    font: /\+NotoSans-/,
  },
  'zh-hans': { lang: 'zh-Hans', words: ['交流沙龙', '健康检查', '100日元（茶水费）'], font: /\+NotoSansSC/ },
  ko: { lang: 'ko', words: ['어울림 살롱', '혈압 측정', '100엔 (찻값)'], font: /\+NotoSansKR/ },
  ne: { lang: 'ne', words: ['सैलुन', 'व्यायाम', 'स्वास्थ्य'], font: /\+NotoSansDevanagari/ },
  en: {
    lang: 'en',
    words: ['Friendship Salon', 'Exercises and songs together', '100 yen (for the tea)'],
    font: /\+NotoSans-/,
  },
};

describe('a translated entry’s flyer', () => {
  for (const locale of Object.keys(EXPECTED) as SampleLocale[]) {
    it(`prints ${locale} text with its labels, dates, fonts and language`, { timeout: 120_000 }, async () => {
      const model = modelIn(locale);
      const t = useTranslations(locale);
      expect(model.locale).toBe(locale);
      expect(model.url).toBe(`https://tsunagari.example.jp/${locale}/salons/hidamari-salon/`);
      const { pdf, png, og, warnings } = await renderFlyer(model, { root, fonts: fontsFor(model) });
      expect(warnings).toEqual([]);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(og.subarray(1, 4).toString()).toBe('PNG');
      const file = join(tmp, `${locale}.pdf`);
      writeFileSync(file, pdf);

      const text = poppler('pdftotext', [], file).normalize('NFC');
      const flat = text.replace(/\s+/g, ' ');
      const { words, lang, font } = EXPECTED[locale];
      for (const word of words) expect(flat, word).toContain(word);
      // The dictionary's labels and the language's own dates, not the Japanese ones.
      // Word by word: a label may wrap in its cell (Phí tham / gia), its value read in between.
      for (const label of [t('fact.where'), t('fact.fee'), t('flyer.nextDates')])
        for (const word of label.split(/\s+/)) expect(flat, label).toContain(word);
      const firstDate = formatMonthDayIn(t.tag, startOfDateJst('2026-12-09'));
      expect(flat.replace(/\s+/g, ''), firstDate).toContain(firstDate.replace(/\s+/g, ''));
      expect(flat).not.toContain('場所');
      // The place keeps its Japanese name, in a Japanese font.
      expect(flat).toContain('みどり野東公民館');

      const faces = fontsOf(file);
      for (const f of faces) {
        expect(f.flags, f.name).toBe('yes yes yes');
        expect(f.name).toMatch(/^[A-Z]{6}\+/);
      }
      expect(
        faces.some((f) => font.test(f.name)),
        faces.map((f) => f.name).join(' '),
      ).toBe(true);

      const doc = await PdfLib.load(pdf, { updateMetadata: false });
      const langValue = doc.catalog.lookup(PDFName.of('Lang'));
      expect(langValue instanceof PDFString || langValue instanceof PDFHexString ? langValue.decodeText() : '').toBe(
        lang,
      );
    });
  }

  it('is written by the flyer step as <id>.<locale>.pdf, .png and -og.png beside the Japanese one', async () => {
    const outDir = join(tmp, 'dist');
    const lines: string[] = [];
    // As the build gets them: flyerContent is where the loader's translations come in.
    const withTranslations = flyerContent(entries, translations) as FlyerContent;
    expect(withTranslations.translations).toHaveLength(5);
    const result = await makeFlyers(withTranslations, {
      root: tmp,
      outDir,
      today: TODAY,
      workers: 0,
      only: { collection: 'salons', id: 'hidamari-salon', locale: 'vi' },
      log: (line) => lines.push(line),
      warn: (line) => lines.push(line),
    });
    expect(result.failures).toEqual([]);
    expect(result.rendered).toBe(1);
    for (const name of ['hidamari-salon.vi.pdf', 'hidamari-salon.vi.png', 'hidamari-salon.vi-og.png'])
      expect(existsSync(join(outDir, 'flyers', 'salons', name)), name).toBe(true);
    expect(existsSync(join(outDir, 'flyers', 'salons', 'hidamari-salon.pdf'))).toBe(false);
    expect(lines.join('\n')).toContain('content/salons/hidamari-salon.vi.md → flyers/salons/hidamari-salon.vi');
    const keys = JSON.parse(readFileSync(join(tmp, '.cache', 'flyers', 'keys.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(keys)).toEqual(['salons/hidamari-salon.vi']);
  }, 120_000);
});

describe('the glyph check on translations', () => {
  it('passes Vietnamese, Chinese, Korean, Nepali and English', () => {
    expect(flyerTextProblems(entries, TODAY, translations)).toEqual([]);
  });

  it('refuses what no font has, naming the translation’s file, field, value and fix', () => {
    const [vi] = sampleTranslations(entries, ['vi']);
    if (!vi) throw new Error('no sample');
    const thai = { ...vi, data: { ...vi.data, title: 'Giao lưu สวัสดี' } };
    const problems = flyerTextProblems(entries, TODAY, [thai]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'content/salons/hidamari-salon.vi.md',
      field: 'title',
      value: 'Giao lưu สวัสดี',
    });
    expect(problems[0]?.message.ja).toContain('「สวัสดี」');
    expect(problems[0]?.message.en).toContain('replace or remove it');
  });
});
