/**
 * わが家の防災メモ in the built sample site (issue 17, item 2): the town's 防災 page and every
 * district's link their sheet, the build wrote it there, and it is that district's one A4 page
 * (its name in the text, read back with pdftotext). What each sheet holds is checked sheet by
 * sheet in tests/unit/bosai-memo-pdf.test.ts. Under the dev server (npm start), the same link
 * gets the sheet made from the content as saved.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { copyProject, freePort, removeProject, startAstroDev } from './helpers/project.ts';
import { sampleSite } from './helpers/sample-site.ts';
import { withoutReadings } from './helpers/readings.ts';

describe('the 防災 pages of the built sample', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await sampleSite();
  }, 900_000);

  it('link each its own one-page A4 sheet, which the build wrote', () => {
    const districts = (validateContent(dir).entries.get('districts') ?? []).map((d) => ({
      id: d.id,
      name: String(d.parsed['name']),
    }));
    expect(districts.length).toBeGreaterThan(3);
    for (const page of [{ id: '', name: '' }, ...districts]) {
      const folder = join(dir, 'dist', 'bosai', page.id);
      const { document } = parseHTML(withoutReadings(readFileSync(join(folder, 'index.html'), 'utf8')));
      const link = [...document.querySelectorAll('a')].find((a) => a.textContent?.trim() === t('bosaiMemo.link'));
      expect(link, `/bosai/${page.id}`).toBeTruthy();
      const href = link?.getAttribute('href') ?? '';
      expect(href).toBe(page.id ? `/bosai/${page.id}/bosai-memo.pdf` : '/bosai/bosai-memo.pdf');
      const pdf = join(dir, 'dist', href);
      expect(existsSync(pdf), href).toBe(true);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info, href).toMatch(/Pages:\s+1\n/);
      expect(info, href).toMatch(/\(A4\)/);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text, href).toContain(t('bosaiMemo.title'));
      if (page.name) expect(text, href).toContain(page.name.replace(/\s+/g, ''));
    }
  });
});

describe('the dev server', () => {
  it('makes a district sheet on request, from the content as saved', async () => {
    const copy = copyProject();
    const port = await freePort();
    const astro = await startAstroDev(copy, port, await freePort());
    try {
      const pdfText = async () => {
        const response = await fetch(`http://127.0.0.1:${port}/bosai/wakaba/bosai-memo.pdf`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/pdf');
        const pdf = Buffer.from(await response.arrayBuffer());
        return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' }).replace(
          /\s+/g,
          '',
        );
      };
      expect(await pdfText()).toContain('若葉小学校体育館');
      const file = join(copy, 'content', 'places', 'wakaba-sho-taiikukan.ja.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, 'name: 若葉小学校 新体育館'));
      expect(await pdfText()).toContain('若葉小学校新体育館');
      const missing = await fetch(`http://127.0.0.1:${port}/bosai/no-such-district/bosai-memo.pdf`);
      expect(missing.status).toBe(404);
    } finally {
      await astro.stop();
      removeProject(copy);
    }
  }, 600_000);
});
