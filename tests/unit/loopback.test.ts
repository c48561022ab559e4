import { describe, expect, it } from 'vitest';
import { checkLocalRequest, isLoopbackHost, isLoopbackOrigin } from '../../src/lib/loopback.ts';

describe('isLoopbackHost', () => {
  it.each(['localhost:4321', 'LOCALHOST:4321', '127.0.0.1:4321', '[::1]:4321'])('accepts %s on 4321', (host) => {
    expect(isLoopbackHost(host, 4321)).toBe(true);
  });
  it.each([
    ['evil.example', 'a rebinding domain'],
    ['evil.example:4321', 'a rebinding domain with the port'],
    ['localhost.evil.example:4321', 'a suffix'],
    ['sub.localhost:4321', 'a subdomain of localhost'],
    ['192.168.1.5:4321', 'a LAN address'],
    ['127.0.0.2:4321', 'another loopback address'],
    ['0.0.0.0:4321', 'the any address'],
    ['localhost:8081', 'another port'],
    ['localhost', 'no port'],
    ['localhost:4321 ', 'a trailing space'],
    ['', 'an empty header'],
  ])('refuses %s (%s)', (host) => {
    expect(isLoopbackHost(host, 4321)).toBe(false);
  });
  it('refuses a request without Host', () => {
    expect(isLoopbackHost(undefined, 4321)).toBe(false);
  });
});

describe('isLoopbackOrigin', () => {
  it.each(['http://localhost:4321', 'http://127.0.0.1:4321', 'http://[::1]:4321'])('accepts %s', (origin) => {
    expect(isLoopbackOrigin(origin, [4321])).toBe(true);
  });
  it.each([
    'https://evil.example',
    'http://localhost:3000',
    'http://localhost:4321.evil.example',
    'http://localhost',
    'null',
    'http://localhost:4321/admin/',
  ])('refuses %s', (origin) => {
    expect(isLoopbackOrigin(origin, [4321])).toBe(false);
  });
});

describe('checkLocalRequest', () => {
  it('answers a request from this computer, with or without Origin', () => {
    expect(checkLocalRequest({ host: '127.0.0.1:8081', port: 8081 }, [4321])).toEqual({ ok: true });
    expect(checkLocalRequest({ host: 'localhost:8081', origin: 'http://127.0.0.1:4321', port: 8081 }, [4321])).toEqual({
      ok: true,
    });
  });
  it('refuses a foreign Host in Japanese, then English, naming the address to use', () => {
    expect(checkLocalRequest({ host: 'evil.example', port: 8081 })).toEqual({
      ok: false,
      status: 403,
      message:
        'このサーバーは、このパソコンの中から http://localhost:8081/ で開いたときだけ答えます。' +
        ' / This server answers only this computer, at http://localhost:8081/.',
    });
  });
  it('refuses another site’s page, saying where to edit', () => {
    expect(checkLocalRequest({ host: 'localhost:8081', origin: 'https://evil.example', port: 8081 }, [4321])).toEqual({
      ok: false,
      status: 403,
      message:
        'ほかのサイトからの読み書きは受け付けません。編集は http://localhost:4321/admin/ で行ってください。' +
        ' / Requests from other sites are refused; edit at http://localhost:4321/admin/.',
    });
  });
  it('does not look at Origin when no origins are given (the dev server’s own pages)', () => {
    expect(checkLocalRequest({ host: 'localhost:4321', origin: 'https://evil.example', port: 4321 })).toEqual({
      ok: true,
    });
  });
});
