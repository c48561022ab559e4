/**
 * PNG pictures of every page of one newsletter issue's printed PDF, colour, black and white and
 * large print, into docs/newsletters/ (for review: do they read like a real 地区だより?). The same renderer as
 * the build (src/flyers/newsletter/render.ts), the pages' SVGs rasterised at 96 dpi.
 *
 *   ./node_modules/.bin/node scripts/newsletter-pages.ts [issue id]   (default higashi-dayori-2026-12)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFonts } from '../src/flyers/fonts.ts';
import { renderNewsletter } from '../src/flyers/newsletter/render.ts';
import { EDITIONS } from '../src/flyers/newsletter/paths.ts';
import { monthlyCounts, newsletterEntries, newsletterSources } from '../src/flyers/newsletter/sources.ts';
import { todayInJapan } from '../src/lib/recurrence.ts';
import { loadFlyerContent } from '../src/flyers/load.ts';
import { compileNewsletter } from '../src/lib/newsletter/compile.ts';

const root = process.cwd();
const id = process.argv[2] ?? 'higashi-dayori-2026-12';
const { entries, site } = loadFlyerContent(root);
const entry = newsletterEntries(entries).find((e) => e.id === id);
if (!entry) {
  console.error(`だよりが見つかりません: ${id} / no newsletter with id ${id} in content/newsletters/`);
  process.exit(1);
}
const issue = compileNewsletter({ entry: { id: entry.id, data: entry.data } }, newsletterSources(entries, site.url));
const fonts = loadFonts();
const out = join(root, 'docs', 'newsletters');
mkdirSync(out, { recursive: true });
for (const edition of EDITIONS) {
  const cpu = process.cpuUsage();
  const { pngs, pdf, warnings } = await renderNewsletter(
    {
      issue,
      title: entry.data.title,
      body: entry.body,
      subject: entry.data.summary,
      siteName: site.siteName,
      // FLYERS_TODAY fixes the day, as for the flyers: the chart's 12 months end there.
      counts: monthlyCounts(entries, issue, process.env['FLYERS_TODAY'] ?? todayInJapan()),
    },
    edition,
    fonts,
    { png: true },
  );
  const used = process.cpuUsage(cpu);
  pngs.forEach((png, i) => writeFileSync(join(out, `${id}-${edition}-${i + 1}.png`), png));
  console.log(
    `${id} ${edition}: ${pngs.length} pages, PDF ${Math.round(pdf.length / 1024)} KiB, ${Math.round((used.user + used.system) / 1000)} ms CPU (with the PNGs)`,
  );
  for (const w of warnings) console.warn(w);
}
