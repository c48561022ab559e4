/**
 * The local CMS backend of `npm start` refuses, at upload, a file the build would refuse: Decap's
 * own メディア page saves an upload at once, without the image field's checks, so the backend
 * is what keeps an SVG out of media/. Talks to the real scripts/cms-server.ts as Decap does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { copyProject, freePort, removeProject, startDecapServer, type Running } from './helpers/project.ts';

let dir: string;
let server: Running;
let api: string;
const SITE_PORT = 4321;

beforeAll(async () => {
  dir = copyProject();
  const port = await freePort();
  server = await startDecapServer(dir, port, SITE_PORT);
  api = `http://127.0.0.1:${port}/api/v1`;
});
afterAll(async () => {
  await server?.stop();
  removeProject(dir);
});

const upload = (path: string, bytes: Buffer) =>
  fetch(api, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: `http://localhost:${SITE_PORT}` },
    body: JSON.stringify({
      action: 'persistMedia',
      params: {
        branch: 'main',
        asset: { path, content: bytes.toString('base64'), encoding: 'base64' },
        options: { commitMessage: 'upload' },
      },
    }),
  });

it('refuses an SVG with a script from the メディア page, with the message the build gives', async () => {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const response = await upload('media/poster.svg', svg);
  expect(response.status).toBe(422);
  expect(((await response.json()) as { error: string }).error).toMatch(/^media\/poster\.svg: .*SVG/);
  expect(existsSync(join(dir, 'media/poster.svg'))).toBe(false);
});

it('refuses an upload aimed outside media/', async () => {
  const jpeg = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
    .jpeg()
    .toBuffer();
  const response = await upload('public/evil.jpg', jpeg);
  expect(response.status).toBe(422);
  expect(existsSync(join(dir, 'public/evil.jpg'))).toBe(false);
});

it('saves a JPEG into media/ as before', async () => {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } })
    .jpeg()
    .toBuffer();
  const response = await upload('media/salon-photo.jpg', jpeg);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(readFileSync(join(dir, 'media/salon-photo.jpg')).equals(jpeg)).toBe(true);
});
