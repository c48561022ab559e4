/**
 * Printed files made on request under `npm start`: the dev server renders no PDFs of its own
 * (a build makes them all at its end), so the print links of a page a volunteer has just
 * written would answer 404 until the next full build. Each kind of printed file — flyers
 * (flyers-dev.ts), newsletters (newsletters-dev.ts) — says which addresses are its own and how
 * to make one from the content as saved, through its build step and cache; this module does
 * the rest the same way for all: one run at a time per file, the file streamed uncached, and a
 * refusal with its status and a message in Japanese first.
 */
import { createReadStream, existsSync } from 'node:fs';
import type { AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';

/** What a request for a printed file gets: the file, or why there is none (Japanese first). */
export type DevPrint = { file: string } | { status: 404 | 422 | 500; message: string };

/**
 * Runs `make` once per key at a time: a page often asks for a PDF and its preview together,
 * and both wait for the same run.
 */
export function oneRunPerKey<T>(): (key: string, make: () => Promise<T>) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  return (key, make) => {
    const known = running.get(key);
    if (known) return known;
    const made = make().finally(() => running.delete(key));
    running.set(key, made);
    return made;
  };
}

export interface DevPrintRoute<R> {
  /** The Vite plugin's name. */
  name: string;
  /** What the address asks for, or undefined when it is not this route's. */
  match(url: string): R | undefined;
  make(request: R): Promise<DevPrint>;
  contentType(request: R): string;
  /** What failed, for a run that threw: 「チラシを作れませんでした / the flyer could not be made」. */
  failure: string;
  /** Stops what the route keeps between requests (its worker process). */
  close?(): Promise<void>;
}

export function devPrintPlugin<R>(route: DevPrintRoute<R>, logger: AstroIntegrationLogger): Plugin {
  const refuse = (res: import('node:http').ServerResponse, status: number, message: string) => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(message);
  };
  return {
    name: route.name,
    configureServer(server) {
      if (route.close) server.httpServer?.once('close', () => void route.close?.());
      server.middlewares.use((req, res, next) => {
        const request = req.url === undefined ? undefined : route.match(req.url);
        if (request === undefined) return next();
        route
          .make(request)
          .then((made) => {
            if ('file' in made && existsSync(made.file)) {
              res.setHeader('Content-Type', route.contentType(request));
              // Always the content as saved: the browser must ask again after the next edit.
              res.setHeader('Cache-Control', 'no-store');
              createReadStream(made.file).pipe(res);
              return;
            }
            const { status, message } =
              'file' in made ? { status: 500, message: `${made.file} がありません / missing` } : made;
            if (status !== 404) logger.error(message);
            refuse(res, status, message);
          })
          .catch((error: unknown) => {
            const message = `${route.failure}: ${error instanceof Error ? error.message : String(error)}`;
            logger.error(message);
            refuse(res, 500, message);
          });
      });
    },
  };
}
