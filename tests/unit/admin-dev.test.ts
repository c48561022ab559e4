import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminWithoutViteClient, VITE_CLIENT_TAG } from '../../src/integrations/admin-dev.ts';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

// The plugin's middleware in front of a page written the way Astro's dev server writes one:
// headers, then the HTML in chunks (here the Vite client tag is cut in two).
let middleware: Middleware | undefined;
const plugin = adminWithoutViteClient();
(plugin.configureServer as (server: unknown) => void)({
  middlewares: { use: (m: Middleware) => (middleware = m) },
});
const [head, tail] = [VITE_CLIENT_TAG.slice(0, 20), VITE_CLIENT_TAG.slice(20)];
const server = createServer((req, res) =>
  middleware?.(req, res, () => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write(`<html><head>${head}`);
    res.write(`${tail}<title>つながり</title></head>`);
    res.end('<body>CMS</body></html>');
  }),
);
let base = '';
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('the CMS page under the dev server', () => {
  it('comes without Vite’s client, which would reload it on every content change', async () => {
    const response = await fetch(`${base}/admin/`);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('<html><head><title>つながり</title></head><body>CMS</body></html>');
  });
  it('leaves site pages as Astro wrote them: they reload to show what was saved', async () => {
    expect(await (await fetch(`${base}/salons/`)).text()).toContain(VITE_CLIENT_TAG);
    expect(await (await fetch(`${base}/admin/decap-cms.js`)).text()).toContain(VITE_CLIENT_TAG);
  });
});
