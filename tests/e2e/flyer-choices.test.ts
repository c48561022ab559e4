/**
 * Printing choices on every flyer (issue 14, item 6), on the built sample site: beside each
 * flyer's PDF in the editor's template, the other two templates as PDFs, linked from the entry
 * page's FlyerBox. Read back with poppler, independently of the code that wrote them: real text
 * with the title in each, the 白黒 one without any colour once printed (pdftoppm's pixels), the
 * 大きな文字 one in larger type than the colour one (word heights from pdftotext -bbox).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { loadFlyerContent } from '../../src/flyers/load.ts';
import { FLYER_COLLECTIONS, flyerPaths, flyerTemplateOf } from '../../src/flyers/paths.ts';
import { isCurrentFlyer } from '../../src/flyers/list.ts';
import { dayNumber, fromDayNumber } from '../../src/lib/dates.ts';
import { todayInJapan } from '../../src/lib/recurrence.ts';
import type { FlyerTemplate } from '../../src/schemas/flyer.ts';
import { sampleSite } from './helpers/sample-site.ts';
import { withoutReadings } from './helpers/readings.ts';

let dir: string;
beforeAll(async () => {
  dir = await sampleSite();
}, 900_000);

interface Flyer {
  collection: string;
  id: string;
  title: string;
  template: FlyerTemplate;
  /**
   * Whether it is a flyer to put up on the build's day (src/flyers/list.ts): only those have
   * the printing choices. Undefined where the answer changed at the last midnight in Japan,
   * which the build may have run on either side of.
   */
  current: boolean | undefined;
}
let all: Flyer[] | undefined;
/** Every entry with a flyer in the sample, as the build validated it. */
const flyers = (): Flyer[] =>
  (all ??= (() => {
    const { entries } = loadFlyerContent(dir);
    const today = todayInJapan();
    const yesterday = fromDayNumber(dayNumber(today) - 1);
    return FLYER_COLLECTIONS.flatMap((collection) =>
      (entries.get(collection) ?? []).map(({ id, parsed }) => {
        const [now, before] = [today, yesterday].map((day) => isCurrentFlyer(collection, parsed, day));
        return {
          collection,
          id,
          title: String(parsed['title']),
          template: flyerTemplateOf(parsed),
          current: now === before ? now : undefined,
        };
      }),
    );
  })());
/** The flyers to put up, with every printing choice. */
const current = () => flyers().filter((f) => f.current === true);
/** The paths the build gave the flyer's page and files. */
const pathsOf = (f: Flyer) => flyerPaths(f.collection, f.id, f.template, undefined, { current: f.current !== false });

const squeeze = (s: string) => s.replace(/\s+/g, '');
const text = (file: string) => squeeze(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));

/** The page as a printer would put it on paper, 30 dpi RGB: how far its most coloured pixel is from grey. */
function mostColour(file: string): number {
  const ppm = execFileSync('pdftoppm', ['-r', '30', '-singlefile', file], { maxBuffer: 64 * 1024 * 1024 });
  // P6 <width> <height> 255\n then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error(`${file}: pdftoppm gave no P6 image`);
  const pixels = ppm.subarray(header[0].length);
  let most = 0;
  for (let i = 0; i + 2 < pixels.length; i += 3) {
    const [r, g, b] = [pixels[i] as number, pixels[i + 1] as number, pixels[i + 2] as number];
    most = Math.max(most, Math.max(r, g, b) - Math.min(r, g, b));
  }
  return most;
}

/** The heights of the words on the page, in points, smallest first: the sizes its type is read in. */
function wordHeights(file: string): number[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const heights = [...html.matchAll(/<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)"/g)]
    .map((m) => Number(m[2]) - Number(m[1]))
    .sort((a, b) => a - b);
  expect(heights.length, `${file}: words`).toBeGreaterThan(10);
  return heights;
}
const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)] as number;

describe('printing choices of the built sample', () => {
  it('makes every flyer to put up in all three templates and with ふりがな: its default at <id>.pdf, the others beside it', () => {
    const all = current();
    expect(all.length).toBeGreaterThan(5);
    // The sample has defaults of every template, so each kind of alternative is made somewhere.
    expect(new Set(all.map((f) => f.template))).toEqual(new Set(['poster', 'bw', 'large']));
    for (const { collection, id, template } of all) {
      const { choices } = flyerPaths(collection, id, template);
      expect(choices.map((c) => c.choice)).toEqual(['poster', 'bw', 'large', 'large-ruby']);
      for (const choice of choices) {
        const file = join(dir, 'dist', choice.pdf);
        expect(existsSync(file), file).toBe(true);
        expect(readFileSync(file).subarray(0, 5).toString(), file).toBe('%PDF-');
      }
      // The default's own template is not made twice, and an alternative has no preview picture.
      const folder = join(dir, 'dist', 'flyers', collection);
      expect(existsSync(join(folder, `${id}.${template}.pdf`)), `${id}.${template}.pdf`).toBe(false);
      for (const choice of choices.filter((c) => !c.isDefault))
        expect(existsSync(join(folder, `${id}.${choice.choice}.png`)), `${id}.${choice.choice}.png`).toBe(false);
    }
  });

  it('makes a flyer that is over its own PDF, preview and share image only: the record of what went up', () => {
    const over = flyers().filter((f) => f.current === false);
    // The sample has events long over (its dates are fixed).
    expect(over.length).toBeGreaterThan(0);
    for (const flyer of over) {
      const paths = pathsOf(flyer);
      for (const file of [paths.pdf, paths.png, paths.og]) expect(existsSync(join(dir, 'dist', file)), file).toBe(true);
      for (const choice of flyerPaths(flyer.collection, flyer.id, flyer.template).choices.filter((c) => !c.isDefault))
        expect(existsSync(join(dir, 'dist', choice.pdf)), choice.pdf).toBe(false);
    }
  });

  it('prints the title as real text in every choice; 白黒 has no colour, 大きな文字 larger type', () => {
    // One flyer whose editor chose each template: the alternatives of each are all checked.
    const byTemplate = new Map(current().map((f) => [f.template, f]));
    for (const flyer of byTemplate.values()) {
      const { choices } = flyerPaths(flyer.collection, flyer.id, flyer.template);
      const file = (template: FlyerTemplate) =>
        join(dir, 'dist', choices.find((c) => c.template === template)?.pdf ?? '');
      for (const template of ['poster', 'bw', 'large'] as const)
        expect(text(file(template)), `${file(template)}: title`).toContain(squeeze(flyer.title));
      // Grey pixels only (black, white and the greys of anti-aliasing); the colour one has colour.
      expect(mostColour(file('bw')), file('bw')).toBeLessThanOrEqual(8);
      expect(mostColour(file('poster')), file('poster')).toBeGreaterThan(60);
      // Larger type than the colour one's, word for word in the middle of the sizes. How much
      // differs: 17–21 pt against 12–16 on most of the sample, but a dense notice gains little
      // (a recruitment's body, 16 pt against 15.5): the template keeps every fact and only
      // lets points and the photo make way.
      const [large, poster] = [wordHeights(file('large')), wordHeights(file('poster'))];
      expect(median(large), file('large')).toBeGreaterThan(median(poster));
    }
  });

  it("links the three from the entry page, the editor's template first as チラシを印刷する; one that is over, its own PDF alone", () => {
    for (const flyer of flyers().filter((f) => f.current !== undefined)) {
      const { collection, id, template } = flyer;
      const where = `${collection}/${id}`;
      const { document } = parseHTML(
        withoutReadings(readFileSync(join(dir, 'dist', collection, id, 'index.html'), 'utf8')),
      );
      const box = document.querySelector('aside[aria-labelledby="flyer-heading"]');
      expect(box, where).not.toBeNull();
      const links = [...(box?.querySelectorAll('a') ?? [])].map((a) => ({
        href: a.getAttribute('href'),
        name: squeeze(a.textContent ?? ''),
      }));
      const { choices, pdf } = pathsOf(flyer);
      expect(links.map((l) => l.href).sort(), where).toEqual(choices.map((c) => c.pdf).sort());
      if (!flyer.current) {
        expect(links, where).toEqual([{ href: pdf, name: squeeze(t('flyer.record')) }]);
        expect(box?.querySelector('h2')?.textContent, where).toBe(t('flyer.recordHeading'));
        continue;
      }
      expect(links[0], where).toEqual({
        href: pdf,
        name: expect.stringMatching(new RegExp(`^${t('flyer.print')}（${t(`flyer.choice.${template}`)}・`)),
      });
      for (const other of choices.filter((c) => !c.isDefault)) {
        const link = links.find((l) => l.href === other.pdf);
        expect(link?.name, `${where}: ${other.pdf}`).toContain(
          t('flyer.printAs', { choice: t(`flyer.choice.${other.choice}`) }),
        );
      }
    }
  });

  it('lists the large print with ふりがな on the flyers page, beside each flyer', () => {
    const { document } = parseHTML(withoutReadings(readFileSync(join(dir, 'dist', 'flyers', 'index.html'), 'utf8')));
    const hrefs = [...document.querySelectorAll('main a')].map((a) => a.getAttribute('href') ?? '');
    const listed = flyers().filter(({ collection, id }) => hrefs.includes(flyerPaths(collection, id).pdf));
    expect(listed.length).toBeGreaterThan(3);
    for (const { collection, id } of listed) expect(hrefs, id).toContain(`/flyers/${collection}/${id}.large-ruby.pdf`);
  });
});

/** The words on the page with their boxes, in pdftotext's reading order. */
function words(file: string): { text: string; yMin: number; yMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[3] as string,
    yMin: Number(m[1]),
    yMax: Number(m[2]),
  }));
}

describe('the large print with ふりがな', () => {
  /** The Japanese sample's 見守り and 地域 words, with the readings the site gives them. */
  const SEEDS: [string, string][] = [
    ['地域', 'ちいき'],
    ['見守', 'みまも'],
    ['公民館', 'こうみんかん'],
    ['社会福祉協議会', 'しゃかいふくしきょうぎかい'],
  ];

  it('prints the text as written, in order, with the readings of its kanji above it', () => {
    const found = new Map<string, string>();
    for (const { collection, id, title } of current()) {
      const choice = flyerPaths(collection, id).choices.find((c) => c.choice === 'large-ruby');
      const file = join(dir, 'dist', choice?.pdf ?? '');
      expect(existsSync(file), file).toBe(true);
      const all = text(file);
      // The title reads in order: pdftotext gives the readings as lines of their own above the
      // words they read, so between two of its characters there may be a line of readings
      // (kana) and nothing else.
      const inOrder = new RegExp(
        [...squeeze(title)].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\p{Script=Hiragana}ー]*'),
        'u',
      );
      expect(all, `${file}: title`).toMatch(inOrder);
      for (const [word, reading] of SEEDS) if (all.includes(word) && all.includes(reading)) found.set(word, file);
    }
    // Each seed word is printed with its reading on some flyer of the sample.
    expect([...found.keys()].sort()).toEqual(SEEDS.map(([word]) => word).sort());
  });

  it('sets the readings small, above the words, in a flyer as large as the large print', () => {
    const { collection, id, template } = current().find((f) => f.id === 'hidamari-salon') ?? (current()[0] as Flyer);
    const pdf = (name: string) =>
      join(dir, 'dist', flyerPaths(collection, id, template).choices.find((c) => c.choice === name)?.pdf ?? '');
    const ruby = words(pdf('large-ruby'));
    const kana = ruby.filter((w) => /^[\p{Script=Hiragana}ー]+$/u.test(w.text));
    const kanji = ruby.filter((w) => /\p{Script=Han}/u.test(w.text));
    expect(kana.length).toBeGreaterThan(5);
    const height = (list: typeof ruby) => median(list.map((w) => w.yMax - w.yMin).sort((a, b) => a - b));
    // Readings at about half the size of the words they read.
    expect(height(kana)).toBeLessThan(height(kanji) * 0.7);
    // The words themselves as large as in the large print without readings, or nearly.
    expect(height(kanji)).toBeGreaterThan(median(wordHeights(pdf('large'))) * 0.8);
  });
});
