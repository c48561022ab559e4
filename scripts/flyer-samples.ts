/**
 * `npm run flyers:samples`: the sample flyers under docs/flyers/ — three different entries (an
 * event, a salon, a recruitment) in each template (colour poster, black-and-white 回覧板, large
 * print) as their PNG previews, plus their 1200×630 share images. Rendered from content/ with
 * the same code as `npm run flyers`, the next salon dates counted from a fixed day so that the
 * files change only when the flyers do. Look at every file after running it.
 *
 * Options: FLYERS_TODAY=YYYY-MM-DD (default 2026-11-23), --out <dir> (default docs/flyers), and
 * entries as <collection>/<id> arguments instead of the default three. `--translations`
 * renders the sample salon's translations instead (scripts/lib/flyer-translations.ts: English,
 * Vietnamese, Chinese, Korean, Nepali) as `<id>.<locale>-poster.png` and `-og.png`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { t, useTranslations } from '../src/i18n/index.ts';
import { loadFlyerContent } from '../src/flyers/load.ts';
import { buildFlyerModel } from '../src/flyers/model.ts';
import { isFlyerCollection } from '../src/flyers/paths.ts';
import { fontsFor, renderFlyer } from '../src/flyers/render.ts';
import { FLYER_TEMPLATES } from '../src/schemas/flyer.ts';
import { sampleTranslations } from './lib/flyer-translations.ts';
import { outDirOption } from './lib/out-dir.ts';

const DEFAULT = ['events/mochitsuki-asahidai-2026', 'salons/hidamari-salon', 'recruitments/mimamori-homonin'];

const root = process.cwd();
const args = process.argv.slice(2);
const outDir = outDirOption(args, root, 'docs/flyers');
const translations = args.includes('--translations');
if (translations) args.splice(args.indexOf('--translations'), 1);
const today = process.env['FLYERS_TODAY'] ?? '2026-11-23';
const wanted = args.length ? args : DEFAULT;

const { entries, lookup, site } = loadFlyerContent(root);
mkdirSync(outDir, { recursive: true });

let warned = false;
for (const translation of translations ? sampleTranslations(entries) : []) {
  const { collection, entry, locale, data, body, file } = translation;
  const model = buildFlyerModel(
    { collection, id: entry.id, data, body },
    { lookup, site, today, t: useTranslations(locale) },
  );
  const result = await renderFlyer(model, { root, fonts: fontsFor(model) });
  const base = join(outDir, `${entry.id}.${locale}`);
  writeFileSync(`${base}-poster.png`, result.png);
  writeFileSync(`${base}-og.png`, result.og);
  for (const warning of result.warnings) {
    warned = true;
    console.warn(`  警告 / warning: ${file ?? entry.file}: ${warning}`);
  }
  console.log(`${relative(root, base)}-{poster,og}.png`);
}
for (const name of translations ? [] : wanted) {
  const [collection = '', id = ''] = name.split('/');
  const entry = entries.get(collection)?.find((e) => e.id === id);
  if (!isFlyerCollection(collection) || !entry) {
    console.error(`見つかりません / no such event, salon or recruitment: ${name}`);
    process.exit(1);
  }
  const model = buildFlyerModel({ collection, id, data: entry.parsed, body: entry.body }, { lookup, site, today, t });
  for (const template of FLYER_TEMPLATES) {
    const result = await renderFlyer({ ...model, template }, { root, fonts: fontsFor(model) });
    writeFileSync(join(outDir, `${id}-${template}.png`), result.png);
    // The share image is the same whatever the template: written once.
    if (template === 'poster') writeFileSync(join(outDir, `${id}-og.png`), result.og);
    for (const warning of result.warnings) {
      warned = true;
      console.warn(`  警告 / warning: ${entry.file} (${template}): ${warning}`);
    }
  }
  console.log(`${relative(root, join(outDir, id))}-{${FLYER_TEMPLATES.join(',')},og}.png`);
}
if (warned) process.exitCode = 1;
