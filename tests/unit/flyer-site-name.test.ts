/**
 * A translated flyer prints the site's name and publisher in its language (issue 16): from
 * `content/settings/site.<locale>.yml` in the sample content, the Japanese where a language
 * has no translated settings (やさしい日本語 in the sample). The flyer step runs with a stand-in
 * pool, so the models it would render are read without rendering.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFlyers } from '../../src/flyers/build.ts';
import { flyerContent, flyerSources, siteFor, type FlyerContent } from '../../src/flyers/content.ts';
import type { FlyerModel } from '../../src/flyers/model.ts';
import { writeFlyer, type FlyerPool } from '../../src/flyers/pool.ts';
import { flyerTranslations } from '../../src/flyers/translations.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';

const root = process.cwd();
const tmp = mkdtempSync(join(tmpdir(), 'flyer-site-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const { entries, translations } = validateContent(root);
const flyers = flyerTranslations(entries, translations);
const site = (entries.get('settings')?.[0]?.parsed ?? {}) as { siteName: string; publisher: string };

describe('the site name on translated flyers', () => {
  it('takes the translated settings of each language, and none where a language has none', () => {
    const en = flyers.find((f) => f.locale === 'en');
    expect(en?.site).toEqual({
      siteName: 'Midorino Tsunagari Net (みどり野つながりネット)',
      publisher: 'Midorino City Social Welfare Council (みどり野市社会福祉協議会)',
    });
    const easy = flyers.find((f) => f.locale === 'ja-easy');
    expect(easy?.site).toBeUndefined();
    // The sources carry it to the flyer step; the Japanese entries have none.
    const sources = flyerSources(entries, flyers);
    expect(sources.find((s) => s.locale === 'en')?.site).toEqual(en?.site);
    expect(sources.filter((s) => !s.locale).every((s) => s.site === undefined)).toBe(true);
    const base = { url: 'https://example.jp/', siteName: 'つながり', publisher: '社協' };
    expect(siteFor(base)).toBe(base);
    expect(siteFor(base, { siteName: 'Tsunagari', publisher: 'Council' })).toEqual({
      url: 'https://example.jp/',
      siteName: 'Tsunagari',
      publisher: 'Council',
    });
  });

  it('prints it in the footer of the flyer the step renders, Japanese on the Japanese and やさしい日本語 ones', async () => {
    const models: FlyerModel[] = [];
    const pool: FlyerPool = {
      write: (model, files, pdfOnly) => {
        if (!pdfOnly) models.push(model);
        const result = pdfOnly
          ? { pdf: Buffer.from('pdf'), warnings: [] }
          : { pdf: Buffer.from('pdf'), png: Buffer.from('png'), og: Buffer.from('og'), warnings: [] };
        return Promise.resolve({ sizes: writeFlyer(result, files), warnings: [], ms: 1, cpuMs: 1 });
      },
      close: () => Promise.resolve(),
    };
    const content = flyerContent(entries, flyers) as FlyerContent;
    const en = flyers.find((f) => f.locale === 'en');
    const easy = flyers.find((f) => f.locale === 'ja-easy');
    if (!en || !easy) throw new Error('the sample has English and やさしい日本語 translations');
    for (const { collection, entry, locale } of [
      en,
      easy,
      { collection: en.collection, entry: en.entry, locale: undefined },
    ])
      await makeFlyers(content, {
        root: tmp,
        outDir: join(tmp, 'dist'),
        today: '2026-11-23',
        pool,
        only: { collection, id: entry.id, ...(locale ? { locale } : {}) },
        log: () => {},
        warn: () => {},
      });
    expect(models.map((m) => [m.locale ?? 'ja', m.siteName, m.publisher])).toEqual([
      ['en', en.site?.siteName, en.site?.publisher],
      ['ja-easy', site.siteName, site.publisher],
      ['ja', site.siteName, site.publisher],
    ]);
  });
});
