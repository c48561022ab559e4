/**
 * Under `npm start`'s dev server a newsletter follows the salon entries: a skip date saved in a
 * salon's file shows as お休み on the issue's calendar at the next request, with nothing retyped
 * in the newsletter.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, freePort, removeProject, startAstroDev, type Running } from './helpers/project.ts';

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

/** The text of the calendar row for `date`. */
async function row(date: string): Promise<string> {
  const response = await fetch(`${base}/newsletters/higashi-dayori-2027-01/`);
  const { document } = parseHTML(await response.text());
  const cell = document.querySelector(`section[aria-labelledby="calendar"] tbody time[datetime="${date}"]`);
  return (cell?.closest('tr')?.textContent ?? '').replace(/\u200b/g, '').replace(/\s+/g, ' ');
}

describe('a newsletter under the dev server', () => {
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
  }, 240_000);
});
