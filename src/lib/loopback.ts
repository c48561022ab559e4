/**
 * `npm start` lets whoever reaches its two servers read and write this working tree (and writing
 * astro.config.mjs runs code), so both answer this computer only: they listen on loopback
 * addresses, and a request must name this computer in its `Host` (a web page that points its own
 * domain at 127.0.0.1 — DNS rebinding — sends its domain there) with the port it came in on.
 * Writes to the CMS backend must also come from the dev site's own pages (`Origin`), not from
 * another site open in the same browser.
 */

/** The names a browser on this computer uses for it; `[::1]` is how a Host header writes ::1. */
export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

/** The addresses the servers of `npm start` listen on. */
export const LOOPBACK_ADDRESSES = ['127.0.0.1', '::1'] as const;

const NAME = String.raw`(localhost|127\.0\.0\.1|\[::1\])`;
const HOST = new RegExp(`^${NAME}:(\\d{1,5})$`, 'i');
const ORIGIN = new RegExp(`^https?://${NAME}:(\\d{1,5})$`, 'i');

/** A Host header that names this computer with `port`, the port the request arrived on. */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  const match = HOST.exec(host ?? '');
  return match !== null && Number(match[2]) === port;
}

/** An Origin header of a page served from this computer on one of `ports`. */
export function isLoopbackOrigin(origin: string, ports: readonly number[]): boolean {
  const match = ORIGIN.exec(origin);
  return match !== null && ports.includes(Number(match[2]));
}

export type Verdict = { ok: true } | { ok: false; status: 403; message: string };

export interface LocalRequest {
  host?: string | undefined;
  origin?: string | undefined;
  /** The local port of the connection. */
  port: number;
}

/**
 * Whether a server of `npm start` answers `request`. `origins`: the ports whose pages may call
 * it from a browser; without it, Origin is not looked at (pages of the dev server itself).
 */
export function checkLocalRequest(request: LocalRequest, origins?: readonly number[]): Verdict {
  const here = `http://localhost:${request.port}/`;
  if (!isLoopbackHost(request.host, request.port)) {
    return {
      ok: false,
      status: 403,
      message:
        `このサーバーは、このパソコンの中から ${here} で開いたときだけ答えます。` +
        ` / This server answers only this computer, at ${here}.`,
    };
  }
  if (origins && request.origin !== undefined && !isLoopbackOrigin(request.origin, origins)) {
    const admin = `http://localhost:${origins[0] ?? request.port}/admin/`;
    return {
      ok: false,
      status: 403,
      message:
        `ほかのサイトからの読み書きは受け付けません。編集は ${admin} で行ってください。` +
        ` / Requests from other sites are refused; edit at ${admin}.`,
    };
  }
  return { ok: true };
}

/** The refusal as a plain-text response (never HTML: nothing of the request is echoed). */
export function refusalHeaders(): Record<string, string> {
  return {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}
