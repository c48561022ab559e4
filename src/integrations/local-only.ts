/**
 * The dev server of `npm start` answers this computer only (src/lib/loopback.ts). Vite's own
 * `server.allowedHosts` is not enough: it lets through every IP address (`192.168.1.5:4321`) and
 * every `*.localhost`, ignores the port, and Astro puts some of its middleware in front of it.
 * So the check sits on the HTTP server itself, before any middleware: a request whose Host is
 * not localhost / 127.0.0.1 / [::1] with this port gets a short refusal and nothing else, and
 * such a WebSocket upgrade (Vite's HMR channel) is dropped. The port is fixed (`strictPort`):
 * the CMS backend accepts calls from this port's pages only, so the site must not drift to
 * another one when 4321 is taken.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Plugin } from 'vite';
import { checkLocalRequest, refusalHeaders } from '../lib/loopback.ts';

const verdict = (req: IncomingMessage) =>
  checkLocalRequest({ host: req.headers.host, port: req.socket.localPort ?? 0 });

export function localOnly(): Plugin {
  return {
    name: 'tsunagari:local-only',
    config: () => ({ server: { strictPort: true } }),
    configureServer(server) {
      const http = server.httpServer;
      if (!http) return;
      const answer = http.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
      http.removeAllListeners('request');
      http.on('request', (req: IncomingMessage, res: ServerResponse) => {
        const check = verdict(req);
        if (check.ok) for (const listener of answer) listener.call(http, req, res);
        else res.writeHead(check.status, refusalHeaders()).end(check.message);
      });
      // Vite's listener still sees the upgrade, finds the socket closed and lets it go.
      http.prependListener('upgrade', (req: IncomingMessage, socket: Duplex) => {
        if (!verdict(req).ok) socket.destroy();
      });
    },
  };
}
