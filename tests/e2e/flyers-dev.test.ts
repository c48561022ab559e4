/**
 * Print right after writing (issue 14, item 7): under `npm start` an entry's flyer is made on
 * request from the content as saved, through the build's flyer step and cache
 * (src/integrations/flyers-dev.ts), instead of answering 404 until the next full build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devFlyerMaker, type DevFlyer } from '../../src/integrations/flyers-dev.ts';
import { copyFixtureProject, freePort, removeProject, startAstroDev, type Running } from './helpers/project.ts';

const EVENT = 'content/events/bousai.ja.md';
// The fixture's event (5 December 2026) is one to put up on this day, printing choices and all,
// whenever the test runs: the makers here and the dev server below (which inherits it) ask it.
process.env['FLYERS_TODAY'] = '2026-11-23';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

let dir: string;
let maker: ReturnType<typeof devFlyerMaker>;
const lines: string[] = [];

beforeAll(() => {
  dir = copyFixtureProject();
  maker = devFlyerMaker(dir, (line) => lines.push(line));
});

afterAll(async () => {
  await maker?.close();
  if (dir) removeProject(dir);
});

const fileOf = (flyer: DevFlyer) => {
  if (!('file' in flyer)) throw new Error(`no flyer (${flyer.status}): ${flyer.message}`);
  return flyer.file;
};
const rendered = () => lines.filter((line) => line.includes('→ flyers/')).length;
const keys = () => JSON.parse(readFileSync(join(dir, '.cache/flyers/keys.json'), 'utf8')) as Record<string, string>;

describe('a flyer made on request', () => {
  it('makes the PDF and both pictures of one entry once, even when asked for together', async () => {
    const [pdf, png, og] = await Promise.all([
      maker.get('events', 'bousai', '.pdf'),
      maker.get('events', 'bousai', '.png'),
      maker.get('events', 'bousai', '-og.png'),
    ]);
    expect(readFileSync(fileOf(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(fileOf(png)).subarray(0, 4)).toEqual(PNG);
    expect(readFileSync(fileOf(og)).subarray(0, 4)).toEqual(PNG);
    expect(fileOf(og)).not.toBe(fileOf(png));
    expect(rendered()).toBe(1);
    // Only that flyer: the salon's and the recruitment's are left to the build.
    expect(Object.keys(keys())).toEqual(['events/bousai']);
  });

  it('takes an unchanged flyer from the cache, and keeps the other flyers known to the build', async () => {
    const before = rendered();
    writeFileSync(
      join(dir, '.cache/flyers/keys.json'),
      JSON.stringify({ ...keys(), 'salons/hidamari': 'kept-from-a-build' }),
    );
    fileOf(await maker.get('events', 'bousai', '.pdf'));
    expect(rendered()).toBe(before);
    expect(keys()['salons/hidamari']).toBe('kept-from-a-build');
  });

  it('follows an edit at once', async () => {
    const pdf = fileOf(await maker.get('events', 'bousai', '.pdf'));
    const old = readFileSync(pdf);
    const before = rendered();
    const text = readFileSync(join(dir, EVENT), 'utf8');
    writeFileSync(join(dir, EVENT), text.replace('title: 東地区防災訓練', 'title: 東地区の防災訓練（雨天決行）'));
    const again = fileOf(await maker.get('events', 'bousai', '.pdf'));
    expect(rendered()).toBe(before + 1);
    expect(readFileSync(again).equals(old)).toBe(false);
    expect(keys()['salons/hidamari']).toBe('kept-from-a-build');
  });

  it('refuses what the build would refuse, naming the file, field and value', async () => {
    const text = readFileSync(join(dir, EVENT), 'utf8');
    writeFileSync(join(dir, EVENT), text.replace("start: '2026-12-05T10:00'", "start: '2026-12-45T10:00'"));
    try {
      const flyer = await maker.get('events', 'bousai', '.pdf');
      expect(flyer).toMatchObject({ status: 422 });
      const message = 'message' in flyer ? flyer.message : '';
      expect(message).toContain(EVENT);
      expect(message).toContain('start');
      expect(message).toContain('2026-12-45');
    } finally {
      writeFileSync(join(dir, EVENT), text);
    }
  });

  it('answers 404 for an entry that does not exist', async () => {
    expect(await maker.get('events', 'no-such-event', '.pdf')).toMatchObject({ status: 404 });
  });

  it('makes a printing choice alone, only when it is asked for, and none in the default template', async () => {
    const before = rendered();
    const bw = fileOf(await maker.get('events', 'bousai', '.bw.pdf'));
    expect(bw).toMatch(/\/events\/bousai\.bw\.pdf$/);
    expect(readFileSync(bw).subarray(0, 5).toString()).toBe('%PDF-');
    expect(rendered()).toBe(before + 1);
    // Its own key beside the default's; the large print is still left to whoever asks for it.
    expect(keys()['events/bousai.bw']).toMatch(/^[0-9a-f]{64}$/);
    expect(keys()['events/bousai.bw']).not.toBe(keys()['events/bousai']);
    expect(keys()['events/bousai.large']).toBeUndefined();
    fileOf(await maker.get('events', 'bousai', '.bw.pdf'));
    expect(rendered()).toBe(before + 1);
    // The fixture's event is in colour: its colour flyer is bousai.pdf, not bousai.poster.pdf.
    expect(await maker.get('events', 'bousai', '.poster.pdf')).toMatchObject({ status: 404 });
  });
});

describe('under the dev server', () => {
  let astro: Running;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    astro = await startAstroDev(dir, port, await freePort());
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await astro?.stop();
  });

  it('serves the flyer the entry page links, as saved, never from the browser cache', async () => {
    const pdf = await fetch(`${base}/flyers/events/bousai.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('cache-control')).toBe('no-store');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const png = await fetch(`${base}/flyers/salons/hidamari.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect((await fetch(`${base}/flyers/events/no-such-event.pdf`)).status).toBe(404);
  });

  it('serves the printing choices the entry page links, the large print made on request', async () => {
    const large = await fetch(`${base}/flyers/events/bousai.large.pdf`);
    expect(large.status).toBe(200);
    expect(large.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await large.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const page = await (await fetch(`${base}/events/bousai/`)).text();
    for (const href of ['/flyers/events/bousai.pdf', '/flyers/events/bousai.bw.pdf', '/flyers/events/bousai.large.pdf'])
      expect(page).toContain(`href="${href}"`);
  });
});
