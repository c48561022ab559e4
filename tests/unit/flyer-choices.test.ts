/**
 * Printing choices (issue 14, item 6): every flyer's default template as today, plus the other
 * two templates as PDFs only, at `<id>.<template>.pdf`, each cached under its own key. The
 * flyer step runs here with a stand-in pool, so what is asked for, written, linked and cached
 * is checked without rendering (the e2e test renders them) — in one go, and as `npm run build`
 * does it: planned, handed through the print queue's file, rendered from the plan alone.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import {
  flyerSummary,
  makeFlyers,
  planFlyers,
  renderFlyers,
  type FlyerPlan,
  type FlyerStepOptions,
} from '../../src/flyers/build.ts';
import { takePrintQueue, writePrintQueue } from '../../src/flyers/print-queue.ts';
import { cacheKey } from '../../src/flyers/cache.ts';
import type { FlyerContent } from '../../src/flyers/content.ts';
import { buildFlyerModel, type FlyerModel } from '../../src/flyers/model.ts';
import { alternativesOf, choicesOf, flyerPaths, flyerTemplateOf, variantPdf } from '../../src/flyers/paths.ts';
import type { LocaleCode } from '../../src/i18n/locales.ts';
import { writeFlyer, type FlyerPool } from '../../src/flyers/pool.ts';
import type { ValidEntry } from '../../src/lib/validation/validate.ts';

describe('the paths of the printing choices', () => {
  it('keeps the default PDF at <id>.pdf and puts the other two templates beside it', () => {
    expect(flyerPaths('events', 'mochitsuki').choices).toEqual([
      { choice: 'poster', template: 'poster', pdf: '/flyers/events/mochitsuki.pdf', isDefault: true },
      { choice: 'bw', template: 'bw', pdf: '/flyers/events/mochitsuki.bw.pdf', isDefault: false },
      { choice: 'large', template: 'large', pdf: '/flyers/events/mochitsuki.large.pdf', isDefault: false },
      { choice: 'large-ruby', template: 'large', pdf: '/flyers/events/mochitsuki.large-ruby.pdf', isDefault: false },
    ]);
    const bw = flyerPaths('salons', 'hidamari', 'bw');
    expect(bw.pdf).toBe('/flyers/salons/hidamari.pdf');
    expect(bw.choices).toEqual([
      { choice: 'poster', template: 'poster', pdf: '/flyers/salons/hidamari.poster.pdf', isDefault: false },
      { choice: 'bw', template: 'bw', pdf: '/flyers/salons/hidamari.pdf', isDefault: true },
      { choice: 'large', template: 'large', pdf: '/flyers/salons/hidamari.large.pdf', isDefault: false },
      { choice: 'large-ruby', template: 'large', pdf: '/flyers/salons/hidamari.large-ruby.pdf', isDefault: false },
    ]);
  });

  it('offers the large print with ふりがな on Japanese and やさしい日本語 flyers only', () => {
    const names = (locale?: LocaleCode) =>
      flyerPaths('salons', 'hidamari', 'poster', locale).choices.map((c) => c.choice);
    expect(names('ja-easy')).toEqual(['poster', 'bw', 'large', 'large-ruby']);
    expect(flyerPaths('salons', 'hidamari', 'poster', 'ja-easy').choices.at(-1)?.pdf).toBe(
      '/flyers/salons/hidamari.ja-easy.large-ruby.pdf',
    );
    for (const locale of ['en', 'vi', 'zh-hans', 'ne'] as const)
      expect(names(locale)).toEqual(['poster', 'bw', 'large']);
    expect(choicesOf('bw')).toEqual(['poster', 'large', 'large-ruby']);
    expect(choicesOf('poster', 'en')).toEqual(['bw', 'large']);
  });

  it('offers only the flyer itself, as a record, once it is not one to put up', () => {
    const record = flyerPaths('events', 'mochitsuki', 'bw', undefined, { current: false });
    expect(record.current).toBe(false);
    expect(record.choices).toEqual([
      { choice: 'bw', template: 'bw', pdf: '/flyers/events/mochitsuki.pdf', isDefault: true },
    ]);
    expect(flyerPaths('events', 'mochitsuki').current).toBe(true);
  });

  it('never gives an alternative the path of another entry (ids have no dots)', () => {
    // An entry `kai-large` would own kai-large.pdf; `kai`'s large print is kai.large.pdf.
    expect(variantPdf('events', 'kai', 'large')).not.toBe(flyerPaths('events', 'kai-large').pdf);
    expect(alternativesOf('large')).toEqual(['poster', 'bw']);
    expect(alternativesOf('poster')).toEqual(['bw', 'large']);
  });

  it("reads the editor's template from the entry, colour when unset or unknown", () => {
    expect(flyerTemplateOf({ flyer: { template: 'large' } })).toBe('large');
    expect(flyerTemplateOf({ title: 'x' })).toBe('poster');
    expect(flyerTemplateOf({ flyer: { template: 'sepia' } })).toBe('poster');
    expect(flyerTemplateOf(undefined)).toBe('poster');
  });
});

const site = { url: 'https://example.jp/', siteName: 'つながり', publisher: '社協' };
const recruitment = (id: string, flyer?: object, data: object = {}): ValidEntry =>
  ({
    file: `content/recruitments/${id}.ja.md`,
    id,
    type: 'recruitments',
    body: '',
    parsed: {
      id,
      title: `募集 ${id}`,
      status: 'open',
      role: '見守り',
      districts: [],
      ...(flyer ? { flyer } : {}),
      ...data,
    },
  }) as unknown as ValidEntry;
/** What the step asks the pool for an open recruitment `id` in colour: its flyer, then the three choices. */
const openInColour = (id: string) => [`${id} bw pdf`, `${id} large pdf`, `${id} large-ruby pdf`, `${id} poster all`];

describe('the cache key of a printing choice', () => {
  it('differs by the template alone', () => {
    const entry = recruitment('mimamori');
    const model = buildFlyerModel(
      { collection: 'recruitments', id: entry.id, data: entry.parsed, body: '' },
      { lookup: new Map(), site, today: '2026-11-23', t },
    );
    const keys = ['poster', 'bw', 'large'].map((template) =>
      cacheKey({ model: { ...model, template } as FlyerModel, fontsHash: 'f' }),
    );
    expect(new Set(keys).size).toBe(3);
  });
});

describe('the flyer step with printing choices', () => {
  let root: string;
  const asked: string[] = [];
  const readings = new Map<string, FlyerModel['furigana']>();
  const pool: FlyerPool = {
    write: (model, files, pdfOnly) => {
      const name = model.furigana ? 'large-ruby' : model.template;
      asked.push(`${model.id} ${name} ${pdfOnly ? 'pdf' : 'all'}`);
      if (pdfOnly) readings.set(model.id, model.furigana);
      const result = pdfOnly
        ? { pdf: Buffer.from(`pdf ${name}`), warnings: [] }
        : { pdf: Buffer.from(`pdf ${name}`), png: Buffer.from('png'), og: Buffer.from('og'), warnings: [] };
      const ms = pdfOnly ? 2 : 1;
      return Promise.resolve({ sizes: writeFlyer(result, files), warnings: [], ms, cpuMs: ms });
    },
    close: () => Promise.resolve(),
  };
  const settings = (furigana: { word: string; reading: string }[]) =>
    ({
      file: 'content/settings/site.yml',
      id: 'site',
      type: 'settings',
      body: '',
      parsed: { ...site, furigana },
    }) as unknown as ValidEntry;
  let content: FlyerContent;
  const run = (extra: Partial<FlyerStepOptions> = {}) =>
    makeFlyers(content, {
      root,
      outDir: join(root, 'dist'),
      today: '2026-11-23',
      pool,
      log: () => {},
      warn: () => {},
      ...extra,
    });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'flyer-choices-'));
    asked.length = 0;
    readings.clear();
    content = {
      entries: new Map([
        ['recruitments', [recruitment('a'), recruitment('b', { template: 'bw' })]],
        ['settings', [settings([])]],
      ]),
      lookup: new Map(),
      site,
    };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('renders the default with its pictures and the other templates and ふりがな as PDFs only', async () => {
    const result = await run();
    expect(asked.sort()).toEqual([...openInColour('a'), 'b bw all', 'b large pdf', 'b large-ruby pdf', 'b poster pdf']);
    // The ふりがな flyer alone is given readings, from the site's analyser: 募集 → ぼしゅう.
    expect(readings.get('a')?.['募集 a']).toEqual([{ text: '募集', reading: 'ぼしゅう' }, { text: ' a' }]);
    expect(readFileSync(join(root, 'dist', 'flyers', 'recruitments', 'a.large-ruby.pdf'), 'utf8')).toBe(
      'pdf large-ruby',
    );
    const dist = (file: string) => join(root, 'dist', 'flyers', 'recruitments', file);
    expect(readFileSync(dist('a.pdf'), 'utf8')).toBe('pdf poster');
    expect(readFileSync(dist('a.bw.pdf'), 'utf8')).toBe('pdf bw');
    expect(readFileSync(dist('b.pdf'), 'utf8')).toBe('pdf bw');
    expect(readFileSync(dist('b.poster.pdf'), 'utf8')).toBe('pdf poster');
    // No pictures for an alternative, and no file for the default's own template twice.
    expect(existsSync(dist('a.bw.png'))).toBe(false);
    expect(existsSync(dist('b.bw.pdf'))).toBe(false);
    expect(result).toMatchObject({ total: 2, rendered: 2, skipped: 0, renderMs: 2 });
    expect(result.choices).toMatchObject({ total: 6, rendered: 6, skipped: 0, renderMs: 12 });
    const keys = JSON.parse(readFileSync(join(root, '.cache', 'flyers', 'keys.json'), 'utf8')) as object;
    expect(Object.keys(keys).sort()).toEqual([
      'recruitments/a',
      'recruitments/a.bw',
      'recruitments/a.large',
      'recruitments/a.large-ruby',
      'recruitments/b',
      'recruitments/b.large',
      'recruitments/b.large-ruby',
      'recruitments/b.poster',
    ]);
    expect(flyerSummary(result)).toMatch(
      /^チラシ: 2件作成、0件は変更なし \/ flyers: 2 rendered, 0 skipped in [\d.]+ s \(1 ms per flyer, CPU 1 ms[^)]*\); 印刷の選択肢のPDF: 6件作成、0件は変更なし \/ print choices: 6 PDFs rendered, 0 unchanged \(2 ms each, CPU 2 ms\)$/,
    );
  });

  it('renders nothing again when nothing changed, and puts every cached PDF in place', async () => {
    await run();
    asked.length = 0;
    const again = await run({ outDir: join(root, 'dist2') });
    expect(asked).toEqual([]);
    expect(again).toMatchObject({ rendered: 0, skipped: 2, choices: { rendered: 0, skipped: 6 } });
    expect(readFileSync(join(root, 'dist2', 'flyers', 'recruitments', 'b.large.pdf'), 'utf8')).toBe('pdf large');
  });

  it('renders the ふりがな flyers again, and only them, when the site changes a reading', async () => {
    await run();
    asked.length = 0;
    content = {
      ...content,
      entries: new Map([...content.entries, ['settings', [settings([{ word: '募集', reading: 'ぼしゅー' }])]]]),
    };
    const again = await run({ outDir: join(root, 'dist2') });
    expect(asked.sort()).toEqual(['a large-ruby pdf', 'b large-ruby pdf']);
    expect(again).toMatchObject({ rendered: 0, skipped: 2, choices: { rendered: 2, skipped: 4 } });
    expect(readings.get('a')?.['募集 a']?.[0]).toEqual({ text: '募集', reading: 'ぼしゅー' });
  });

  it('makes no printing choices for a flyer that is not one to put up: closed, or past its deadline', async () => {
    content = {
      ...content,
      entries: new Map([
        ...content.entries,
        [
          'recruitments',
          [
            recruitment('a'),
            recruitment('closed', undefined, { status: 'closed' }),
            recruitment('late', undefined, { deadline: '2026-11-22' }),
          ],
        ],
      ]),
    };
    const result = await run();
    // Each keeps its own flyer with its pictures; only the open one has the other three.
    expect(asked.sort()).toEqual([...openInColour('a'), 'closed poster all', 'late poster all']);
    expect(result.choices).toMatchObject({ total: 3, rendered: 3 });
    const dist = (file: string) => join(root, 'dist', 'flyers', 'recruitments', file);
    expect(existsSync(dist('late.pdf'))).toBe(true);
    expect(existsSync(dist('late.bw.pdf'))).toBe(false);
    // The dev server's request for one answers as the page links: no such choice.
    const asking = await run({ only: { collection: 'recruitments', id: 'late', choice: 'large' } });
    expect(asking.choices.total).toBe(0);
    // On its deadline day it is still open, all day in Japan.
    asked.length = 0;
    rmSync(join(root, '.cache', 'flyers', 'keys.json'));
    await run({ today: '2026-11-22', only: { collection: 'recruitments', id: 'late', choice: 'large' } });
    expect(asked).toEqual(['late large pdf']);
  });

  it('makes one choice on request (the dev server) and keeps the other keys', async () => {
    await run();
    asked.length = 0;
    const one = await run({ only: { collection: 'recruitments', id: 'a', choice: 'large' } });
    expect(asked).toEqual([]);
    expect(one.choices).toMatchObject({ total: 1, skipped: 1 });
    rmSync(join(root, '.cache', 'flyers', 'keys.json'));
    const fresh = await run({ only: { collection: 'recruitments', id: 'a', choice: 'large' } });
    expect(asked).toEqual(['a large pdf']);
    expect(fresh).toMatchObject({ rendered: 0, choices: { total: 1, rendered: 1 } });
    // The default's own template is no choice: nothing is made for b.bw.pdf.
    const own = await run({ only: { collection: 'recruitments', id: 'b', choice: 'bw' } });
    expect(own.choices.total).toBe(0);
    // Without a choice, the dev server's request makes the default's files only.
    asked.length = 0;
    rmSync(join(root, '.cache', 'flyers', 'keys.json'));
    await run({ only: { collection: 'recruitments', id: 'b' } });
    expect(asked).toEqual(['b bw all']);
  });

  it('renders the same from a plan handed through the print queue (npm run build, after Astro)', async () => {
    const options = { root, outDir: join(root, 'dist'), today: '2026-11-23', log: () => {}, warn: () => {} };
    const plan = planFlyers(content, options);
    expect(plan.todo).toHaveLength(8);
    // Through the file, as scripts/print.ts gets it: V8's serializer, then nothing of the entries.
    const file = join(root, 'queue.v8');
    writePrintQueue(file, { root, outDir: options.outDir, flyers: plan });
    const queued = takePrintQueue(file);
    expect(existsSync(file)).toBe(false);
    // The build lets the dictionary go when the readings are made: said once.
    let readingsMade = 0;
    const result = await renderFlyers(queued.flyers as FlyerPlan, {
      ...options,
      pool,
      readingsMade: () => readingsMade++,
    });
    expect(readingsMade).toBe(1);
    expect(asked.sort()).toEqual([...openInColour('a'), 'b bw all', 'b large pdf', 'b large-ruby pdf', 'b poster pdf']);
    expect(readings.get('a')?.['募集 a']).toEqual([{ text: '募集', reading: 'ぼしゅう' }, { text: ' a' }]);
    expect(result).toMatchObject({ total: 2, rendered: 2, skipped: 0, failures: [] });
    expect(result.choices).toMatchObject({ total: 6, rendered: 6, skipped: 0 });
    // The keys the render wrote are the ones a whole step finds: the next build renders nothing.
    asked.length = 0;
    const again = await run({ outDir: join(root, 'dist2') });
    expect(asked).toEqual([]);
    expect(again).toMatchObject({ rendered: 0, skipped: 2, choices: { skipped: 6 } });
    expect(readFileSync(join(root, 'dist2', 'flyers', 'recruitments', 'a.large-ruby.pdf'), 'utf8')).toBe(
      'pdf large-ruby',
    );
  });
});
