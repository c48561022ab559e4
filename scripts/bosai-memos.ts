/**
 * `./node_modules/.bin/node scripts/bosai-memos.ts [--out <dir>] [--png <district>]`: every
 * 「わが家の防災メモ」 of content/ as PDFs in <dir> (default .cache/bosai-memo-sample/), with
 * the same code as the build; `--png <district>` also writes that district's sheet as
 * docs/flyers/bosai-memo-<district>.png (`town` for the town's). The day on the sheets is
 * FLYERS_TODAY (default 2026-11-23), so the PNG changes only when the sheet does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { t } from '../src/i18n/index.ts';
import { memoSources } from '../src/flyers/bosai/sources.ts';
import { renderBosaiMemo } from '../src/flyers/bosai/render.ts';
import { loadFonts } from '../src/flyers/fonts.ts';
import { bosaiMemos } from '../src/lib/bosai-memo.ts';
import { validateContent } from '../src/lib/validation/validate.ts';
import { outDirOption } from './lib/out-dir.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const outDir = outDirOption(args, root, '.cache/bosai-memo-sample');
const pngOf = option('--png');
const today = process.env['FLYERS_TODAY'] ?? '2026-11-23';

const { entries, problems } = validateContent(root);
if (problems.length) {
  console.error(`content/ に直すところがあります（npm run check） / content has ${problems.length} problems`);
  process.exit(1);
}
const read = memoSources(entries, today);
if (!read) {
  console.error('content/settings/site.yml がありません / the site settings are missing');
  process.exit(1);
}
const fonts = loadFonts();
mkdirSync(outDir, { recursive: true });
for (const memo of bosaiMemos(read.sources, t)) {
  const id = memo.districtId ?? 'town';
  const started = performance.now();
  const png = pngOf === id;
  const result = await renderBosaiMemo(memo, fonts, { siteName: read.siteName, png });
  writeFileSync(join(outDir, `${id}.pdf`), result.pdf);
  if (png && result.png) writeFileSync(join(root, 'docs/flyers', `bosai-memo-${id}.png`), result.png);
  for (const w of result.warnings) console.warn(`  警告 / warning: ${id}: ${w}`);
  console.log(
    `${relative(root, join(outDir, id))}.pdf: scale ${result.scale}, ${Math.round(result.pdf.length / 1024)} KiB, ${Math.round(performance.now() - started)} ms`,
  );
}
