/**
 * The build reads content exactly as `npm run check` and the CMS do (src/lib/content/loader.ts):
 * a title `npm run format:content` writes unquoted, as Decap writes YAML 1.2, comes back as the
 * same text on the page — before, Astro's YAML 1.1 reader made 2026-12-05 a date and 0b1010 the
 * number 10, and refused the entry that check had passed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildProject, childEnv, copyFixtureProject, removeProject } from './helpers/project.ts';
import { withoutReadings } from './helpers/readings.ts';

let dir: string;
beforeAll(() => {
  dir = copyFixtureProject();
});
afterAll(() => removeProject(dir));

const node = (script: string) =>
  spawnSync(process.execPath, [join(dir, script)], { cwd: dir, encoding: 'utf8', env: childEnv() });

it('keeps a date-like and a number-like title as the text written, from format:content to the page', async () => {
  const event = join(dir, 'content/events/bousai.ja.md');
  const salon = join(dir, 'content/salons/hidamari.ja.md');
  writeFileSync(event, readFileSync(event, 'utf8').replace('title: 東地区防災訓練', "title: '2026-12-05'"));
  writeFileSync(salon, readFileSync(salon, 'utf8').replace(/^title: .*$/m, "title: '0b1010'"));

  const formatted = node('scripts/format-content.ts');
  expect(formatted.status, formatted.stdout + formatted.stderr).toBe(0);
  // Written as Decap writes them: plain, since YAML 1.2 reads both as text.
  expect(readFileSync(event, 'utf8')).toContain('\ntitle: 2026-12-05\n');
  expect(readFileSync(salon, 'utf8')).toContain('\ntitle: 0b1010\n');

  const checked = node('scripts/check.ts');
  expect(checked.status, checked.stdout + checked.stderr).toBe(0);
  const output = await buildProject(dir);
  // Each content file is parsed once in the whole build, flyers included: the integration
  // validates, and the loader, the search worker and the flyers take those entries.
  const files = readdirSync(join(dir, 'content'), { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  expect(output).toContain(`content: ${files.length} content files parsed and validated, each once`);
  expect(output).toMatch(/flyers: 3 rendered, 0 skipped/);
  // The fixture has no desks, plans, services, funding … : a town without them yet is not an
  // error, and Astro's "does not exist or is empty. Please check your content config" said it
  // at every getCollection (46 lines for the sample without plans, services and funding).
  expect(output).not.toContain('does not exist or is empty');
  const heading = (page: string) =>
    parseHTML(withoutReadings(readFileSync(join(dir, 'dist', page, 'index.html'), 'utf8'))).document.querySelector('h1')
      ?.textContent;
  expect(heading('events/bousai')?.trim()).toBe('2026-12-05');
  expect(heading('salons/hidamari')?.trim()).toBe('0b1010');
});
