/**
 * Decap's local backend for `npm start`, answering this computer only. decap-server's own CLI
 * listens on every interface and answers any Host, which hands the working tree to everyone on
 * the same Wi-Fi (and to web pages, by DNS rebinding). This runs the same middleware
 * (decap-server's `registerLocalFs`: files written as they are, no commits) behind the checks of
 * src/lib/loopback.ts, on 127.0.0.1 and ::1 only.
 *
 * Environment: DECAP_PORT (8081), SITE_PORT (4321: the dev site whose pages may call it),
 * GIT_REPO_DIRECTORY (the working tree; the current folder by default), LOG_LEVEL.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { checkLocalRequest, LOOPBACK_ADDRESSES, refusalHeaders } from '../src/lib/loopback.ts';
import { uploadRefusal, type UploadRequest } from '../src/lib/media/upload.ts';

type Next = (error?: unknown) => void;
interface ExpressApp {
  (req: IncomingMessage, res: ServerResponse): void;
  use(handler: (req: IncomingMessage, res: ServerResponse, next: Next) => void): void;
}
interface DecapMiddlewares {
  registerLocalFs(app: ExpressApp, options?: { logLevel?: string }): Promise<void>;
}

const require = createRequire(import.meta.url);
const decap = require('decap-server/dist/middlewares.js') as DecapMiddlewares;
// The express decap-server itself depends on, whatever the project's own dependencies are.
const express = createRequire(require.resolve('decap-server'))('express') as (() => ExpressApp) & {
  json(options: { limit: string }): (req: IncomingMessage, res: ServerResponse, next: Next) => void;
};

const port = Number(process.env.DECAP_PORT ?? 8081);
const sitePort = Number(process.env.SITE_PORT ?? 4321);

const app = express();
app.use((req, res, next) => {
  const verdict = checkLocalRequest(
    { host: req.headers.host, origin: req.headers.origin, port: req.socket.localPort ?? 0 },
    [sitePort],
  );
  if (verdict.ok) return next();
  res.writeHead(verdict.status, refusalHeaders()).end(verdict.message);
});
// Decap's own メディア page saves an upload at once, without the image field's checks: the
// backend refuses what the build would refuse, so no SVG or HTML file ever lands in media/.
// (decap-server's JSON parser, with the same limit, then finds the body already read.)
app.use(express.json({ limit: '50mb' }));
app.use((req, res, next) => {
  const refusal = uploadRefusal((req as IncomingMessage & { body?: UploadRequest }).body);
  if (!refusal) return next();
  res.writeHead(422, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: refusal }));
});
await decap.registerLocalFs(app, { logLevel: process.env.LOG_LEVEL ?? 'info' });

const listening: string[] = [];
for (const host of LOOPBACK_ADDRESSES) {
  const address = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  try {
    await new Promise<void>((resolve, reject) => {
      const server = createServer(app);
      server.once('error', reject);
      server.listen({ port, host, ipv6Only: true }, resolve);
    });
    listening.push(address);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A computer without IPv6 still has 127.0.0.1, which is enough.
    if (host === '::1' && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')) continue;
    console.error(
      code === 'EADDRINUSE'
        ? `編集用サーバーのポート ${port} は使用中です。ほかの npm start を止めてください。 / Port ${port} is in use: stop the other npm start.`
        : `編集用サーバーを ${address} で始められませんでした / Could not listen on ${address}: ${String(error)}`,
    );
    process.exit(1);
  }
}
console.log(`Decap CMS Proxy Server listening on ${listening.join(', ')} (このパソコンだけ / this computer only)`);
