/**
 * Under `npm start`'s dev server a newsletter follows the salon entries: a skip date saved in a
 * salon's file shows as お休み on the issue's calendar at the next request, with nothing retyped
 * in the newsletter — on its page and in its PDFs, which the dev server makes on request
 * (src/integrations/newsletters-dev.ts) instead of answering 404 until a build. A district with
 * more open recruitments than an issue holds gets the first eight and a line saying how many more.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, freePort, removeProject, startAstroDev, type Running } from './helpers/project.ts';
import { withoutReadings } from './helpers/readings.ts';

let dir: string;
let astro: Running | undefined;
let base: string;

beforeAll(async () => {
  dir = copyProject();
  const port = await freePort();
  astro = await startAstroDev(dir, port, await freePort());
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await astro?.stop();
  removeProject(dir);
});

/**
 * The issue's page as the dev server answers it now. Anything else than the issue (an error or
 * 404 page) fails here with what the server answered and logged, rather than as an empty row.
 */
async function issuePage(): Promise<ReturnType<typeof parseHTML>['document']> {
  const response = await fetch(`${base}/newsletters/higashi-dayori-2027-01/`);
  const html = await response.text();
  const { document } = parseHTML(withoutReadings(html));
  if (response.status !== 200 || !document.querySelector('section[aria-labelledby="calendar"]'))
    throw new Error(
      `the issue's page answered ${response.status} without its calendar:\n${html.slice(0, 2000)}\n` +
        `--- the dev server's output ---\n${astro?.output().slice(-4000) ?? ''}`,
    );
  return document;
}

/** The text of the issue's calendar row for `date`. */
async function row(date: string): Promise<string> {
  const document = await issuePage();
  const cell = document.querySelector(`section[aria-labelledby="calendar"] tbody time[datetime="${date}"]`);
  return (cell?.closest('tr')?.textContent ?? '').replace(/\u200b/g, '').replace(/\s+/g, ' ');
}

/** The text of one of the issue's PDFs as the dev server makes it, without white space. */
async function pdfText(path: string): Promise<string> {
  const response = await fetch(`${base}${path}`);
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body.toString('utf8')}`);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: body, encoding: 'utf8' }).replace(/\s+/g, '');
}
const LARGE = '/newsletters/higashi-dayori-2027-01-large.pdf';
const closedDays = (text: string) => text.split('お休み').length - 1;
let closedBefore = 0;

describe('a newsletter under the dev server', () => {
  it('makes its PDFs on request: the large print and the 白黒 with the issue’s title and salons', async () => {
    const large = await pdfText(LARGE);
    expect(large).toContain('みどり野東地区社協だより');
    expect(large).toContain('居場所「えんがわ」');
    closedBefore = closedDays(large);
    const bw = await pdfText('/newsletters/higashi-dayori-2027-01-bw.pdf');
    expect(bw).toContain('居場所「えんがわ」');
    const unknown = await fetch(`${base}/newsletters/no-such-issue-large.pdf`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('だよりのPDFがありません');
  }, 240_000);

  it('shows a salon’s new skip date as お休み at the next request', async () => {
    expect(await row('2027-01-18')).toContain('居場所「えんがわ」');
    expect(await row('2027-01-18')).not.toContain('お休み');

    const file = join(dir, 'content/salons/engawa-open.ja.md');
    const text = readFileSync(file, 'utf8');
    const skip = '  skip:\n    - 2026-12-31\n';
    if (!text.includes(skip)) throw new Error(`${file} no longer lists 2026-12-31 under skip`);
    writeFileSync(file, text.replace(skip, `${skip}    - 2027-01-18\n`));

    // The dev loader re-validates the saved file and replaces its entry (src/lib/content/loader.ts).
    await expect.poll(() => row('2027-01-18'), { timeout: 120_000, interval: 1_000 }).toMatch(/お休み.*えんがわ/);
    // Only that day changed: the Monday after is still on.
    expect(await row('2027-01-25')).not.toContain('お休み');
    // The PDF follows too, at the next request: one more day お休み.
    expect(closedDays(await pdfText(LARGE))).toBe(closedBefore + 1);
  }, 240_000);

  it('lists at most 8 open recruitments and says how many more, with a link (page) or the QR code (PDF)', async () => {
    /** The line under the issue's recruitments, and where its link goes. */
    const moreLine = async () => {
      const document = await issuePage();
      const more = document.querySelector('section[aria-labelledby="recruitments"] .more');
      const items = document.querySelectorAll('section[aria-labelledby="recruitments"] li').length;
      const text = (more?.textContent ?? '')
        .replace(/\u200b/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      return `${items}: ${text} → ${more?.querySelector('a')?.getAttribute('href') ?? ''}`;
    };
    expect(await moreLine()).toBe('5:  → ');
    // Eight more recruitments open in the district: thirteen, of which the issue lists eight.
    const file = join(dir, 'content/recruitments/mimamori-homonin.ja.md');
    const text = readFileSync(file, 'utf8');
    for (let i = 1; i <= 8; i++)
      writeFileSync(
        join(dir, `content/recruitments/mimamori-homonin-${i}.ja.md`),
        text
          .replace('id: mimamori-homonin\n', `id: mimamori-homonin-${i}\n`)
          .replace('title: 見守り訪問員を募集しています', `title: 見守り訪問員を募集しています（${i}）`),
      );
    await expect
      .poll(moreLine, { timeout: 120_000, interval: 1_000 })
      .toBe('8: ほかに5件あります。 募集の一覧を見る → /recruitments/');
    expect(await pdfText('/newsletters/higashi-dayori-2027-01-bw.pdf')).toContain(
      'ほかに5件あります。ウェブサイトでご覧ください（おわりのQRコードから）。',
    );
  }, 240_000);
});
