/**
 * /admin/ under the dev server, without Vite's client. Astro puts `<script type="module"
 * src="/@vite/client">` in every dev page, and that client reloads the page whenever the server
 * says so — which Astro does for every page on every change under content/ (its data store is
 * rewritten: `full-reload`, path `*`), and Vite when it optimizes dependencies. For the CMS that
 * change is the volunteer's own save: the page went blank and came back on the entry list while
 * the volunteer was reading 保存しました (and a test waiting for that message failed under load).
 * The CMS page needs nothing from Vite — Decap is one prebuilt bundle — so its HTML is served
 * without the client; site pages keep reloading to show what was saved.
 */
import type { ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

/** Exactly what Astro's dev renderer writes (astro/dist/vite-plugin-app/environment.js). */
export const VITE_CLIENT_TAG = '<script type="module" src="/@vite/client"></script>';
const ADMIN_PAGE = /^\/admin\/(?:index\.html)?(?:[?#].*)?$/;

/** Holds the page's HTML until it ends, then writes it without Vite's client. */
function withoutViteClient(res: ServerResponse) {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const writeHead = res.writeHead.bind(res);
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array),
    );
  };
  // The length changes: let Node send the page chunked.
  res.writeHead = ((...args: Parameters<typeof res.writeHead>) => {
    res.removeHeader('content-length');
    const [status, ...rest] = args;
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null);
    if (headers && !Array.isArray(headers)) {
      for (const name of Object.keys(headers)) {
        if (name.toLowerCase() === 'content-length') delete (headers as Record<string, unknown>)[name];
      }
    }
    return writeHead(status, ...(rest as []));
  }) as typeof res.writeHead;
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    collect(chunk, encoding);
    const done = [encoding, callback].find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (done) queueMicrotask(done);
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    collect(chunk, encoding);
    const html = Buffer.concat(chunks).toString('utf8').replace(VITE_CLIENT_TAG, '');
    if (!res.headersSent) res.removeHeader('content-length');
    write(html);
    const done = [chunk, encoding, callback].find((arg) => typeof arg === 'function') as (() => void) | undefined;
    return done ? end(done) : end();
  }) as typeof res.end;
}

export function adminWithoutViteClient(): Plugin {
  return {
    name: 'tsunagari:admin-dev',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.method === 'GET' && ADMIN_PAGE.test(req.url ?? '')) withoutViteClient(res);
        next();
      });
    },
  };
}
