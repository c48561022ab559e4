/**
 * Under `npm start`, /uploads/<file> is served from media/ through the same gate and
 * re-encoding as the build (src/lib/media/), so the CMS preview and the dev site never show a
 * picture's metadata or run an uploaded SVG. Any picture in media/ is served, used or not: the
 * CMS previews a photo before the entry that uses it is saved.
 */
import type { Plugin } from 'vite';
import { MEDIA_URL } from '../lib/media/paths.ts';
import { MediaError, readMedia } from '../lib/media/publish.ts';

const TYPES = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' } as const;

export function devMedia(root: string): Plugin {
  return {
    name: 'tsunagari:media',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if (!path.startsWith(`${MEDIA_URL}/`)) return next();
        let src: string;
        try {
          src = decodeURIComponent(path);
        } catch {
          src = path;
        }
        readMedia(root, src).then(
          ({ data, format }) => {
            res.setHeader('Content-Type', TYPES[format]);
            res.setHeader('Cache-Control', 'no-store');
            res.setHeader('X-Content-Type-Options', 'nosniff');
            res.end(data);
          },
          (error: unknown) => {
            res.statusCode = error instanceof MediaError && error.missing ? 404 : 403;
            res.setHeader('Content-Type', 'text/plain; charset=utf-8');
            res.setHeader('X-Content-Type-Options', 'nosniff');
            res.end(error instanceof Error ? error.message : String(error));
          },
        );
      });
    },
  };
}
