/**
 * The published CMS logs in to the Git host of the site settings, in real Chromium: a build of the
 * minimal fixture whose content/settings/site.yml names GitHub (an OAuth helper and a GitHub
 * Enterprise API), a self-hosted GitLab or Forgejo — a small stand-in server on loopback answers
 * like each — served as a static host serves dist/ with the _headers the build wrote. Pressing the
 * login button goes through the helper's pop-up (GitHub) or PKCE (the host's authorize page, the
 * token request with the code verifier), then the API with the token, and the CMS page's
 * Content-Security-Policy, derived from the same settings, blocks none of it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordViolations } from './helpers/browser.ts';
import { buildProject, copyFixtureProject, freePort, removeProject } from './helpers/project.ts';
import { serveDirectory } from './helpers/serve.ts';

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string;
  body: string;
}

/** Where each host's PKCE login and API live, and what its API answers for the user and the repository. */
const HOSTS = {
  github: {
    // GitHub logs in through an OAuth helper in a pop-up window (base_url); the API is api_root.
    authorize: '/auth',
    token: '',
    user: '/api/v3/user',
    repo: '/api/v3/repos/shakyo/site',
    answers: {
      '/api/v3/user': { id: 1, login: 'volunteer', name: 'ボランティア', avatar_url: '' },
      '/api/v3/repos/shakyo/site': { owner: { login: 'shakyo' }, permissions: { push: true } },
    } as Record<string, unknown>,
  },
  gitlab: {
    authorize: '/oauth/authorize',
    token: '/oauth/token',
    user: '/api/v4/user',
    repo: '/api/v4/projects/shakyo%2Fsite',
    answers: {
      '/api/v4/user': { id: 1, name: 'ボランティア', username: 'volunteer', avatar_url: '' },
      '/api/v4/projects/shakyo%2Fsite': {
        default_branch: 'main',
        permissions: { project_access: { access_level: 30 }, group_access: null },
        shared_with_groups: [],
      },
    } as Record<string, unknown>,
  },
  forgejo: {
    authorize: '/login/oauth/authorize',
    token: '/login/oauth/access_token',
    user: '/api/v1/user',
    repo: '/api/v1/repos/shakyo/site',
    answers: {
      '/api/v1/user': { id: 1, login: 'volunteer', full_name: 'ボランティア', avatar_url: '' },
      '/api/v1/repos/shakyo/site': { owner: { login: 'shakyo' }, permissions: { push: true, admin: false } },
    } as Record<string, unknown>,
  },
};

/** A stand-in for the Git server: records every request and answers the login and the first API calls. */
async function fakeGitHost(host: keyof typeof HOSTS) {
  const routes = HOSTS[host];
  const seen: Seen[] = [];
  const waiters: { path: string; done: () => void }[] = [];
  const body = (req: IncomingMessage) =>
    new Promise<string>((done) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => done(text));
    });
  const server: Server = createServer((req, res) => {
    void body(req).then((text) => {
      const url = new URL(req.url ?? '/', 'http://host');
      // The API is called from the CMS page, another origin: answer as the real servers do.
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
      if (req.method === 'OPTIONS') return res.writeHead(204).end();
      seen.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        authorization: req.headers.authorization ?? '',
        body: text,
      });
      for (const waiter of waiters.filter((w) => w.path === url.pathname)) waiter.done();
      if (host === 'github' && url.pathname === routes.authorize) {
        // The helper's page: the handshake Decap expects from Netlify's OAuth service and the
        // helpers that copy it (sveltia-cms-auth), then the token.
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        return res.end(`<!doctype html><script>
          window.addEventListener('message', (e) => window.opener.postMessage(
            'authorization:github:success:' + JSON.stringify({ token: 't0ken', provider: 'github' }), e.origin));
          window.opener.postMessage('authorizing:github', '*');
        </script>`);
      }
      if (url.pathname === routes.authorize) {
        // The volunteer agreed: back to the CMS with a code and the state it sent.
        const back = new URL(url.searchParams.get('redirect_uri') ?? '');
        back.searchParams.set('code', 'c0de');
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        return res.writeHead(302, { Location: back.href }).end();
      }
      res.setHeader('Content-Type', 'application/json');
      if (url.pathname === routes.token)
        return res.end(JSON.stringify({ access_token: 't0ken', token_type: 'bearer', expires_in: 7200 }));
      const answer = routes.answers[url.pathname];
      if (answer) return res.end(JSON.stringify(answer));
      return res.writeHead(404).end(JSON.stringify({ message: '404 Not Found' }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    seen,
    /** Resolves once the path has been asked for. */
    reached: (path: string) =>
      new Promise<void>((done) => (seen.some((s) => s.path === path) ? done() : waiters.push({ path, done }))),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** dist/_headers as Netlify applies it: every matching rule in order, later values replacing earlier. */
function headersOf(dist: string) {
  const rules: { match: RegExp; headers: Record<string, string> }[] = [];
  for (const line of readFileSync(join(dist, '_headers'), 'utf8').split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#') || line.trim().startsWith('!')) continue;
    if (line.startsWith('/'))
      rules.push({
        match: new RegExp(
          `^${line
            .trim()
            .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')}$`,
        ),
        headers: {},
      });
    else {
      const [name = '', ...value] = line.trim().split(':');
      rules.at(-1)!.headers[name] = value.join(':').trim();
    }
  }
  return (path: string) =>
    Object.assign({}, ...rules.filter((r) => r.match.test(path)).map((r) => r.headers)) as Record<string, string>;
}

const HOST_NAMES = ['github', 'gitlab', 'forgejo'] as const;
type Host = (typeof HOST_NAMES)[number];

/** The published CMS of one host: the project copy, its stand-in Git server and the static host serving its dist/. */
interface Published {
  dir: string;
  git: Awaited<ReturnType<typeof fakeGitHost>>;
  site?: Awaited<ReturnType<typeof serveDirectory>>;
}
const published = new Map<Host, Published>();

/** The fixture built with site settings that name `host`'s stand-in, served as a static host serves it. */
async function publishFor(host: Host) {
  const git = await fakeGitHost(host);
  const dir = copyFixtureProject();
  const done: Published = { dir, git };
  published.set(host, done);
  const settings = join(dir, 'content/settings/site.yml');
  writeFileSync(
    settings,
    `${readFileSync(settings, 'utf8')}cms:\n  host: ${host}\n  repo: shakyo/site\n  appId: tsunagari-test\n  baseUrl: ${git.url}\n` +
      // GitHub's API is not where its helper is: GitHub Enterprise's place for it.
      (host === 'github' ? `  apiRoot: ${git.url}/api/v3\n` : ''),
  );
  // No decap-server answers on this port, so the CMS uses the Git host even on loopback.
  await buildProject(dir, { DECAP_PORT: String(await freePort()) });
  const dist = join(dir, 'dist');
  done.site = await serveDirectory(dist, headersOf(dist));
}

let browser: Browser;
// The three builds run side by side: each is mostly one Node process on one core, and one after
// another they were most of this file's time.
beforeAll(async () => {
  [browser] = await Promise.all([launchChromium(), ...HOST_NAMES.map(publishFor)]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  for (const { dir, git, site } of published.values()) {
    await site?.close();
    await git.close();
    removeProject(dir);
  }
});

describe.each(HOST_NAMES)('the published CMS on %s', (host) => {
  let dir: string;
  let git: Published['git'];
  let site: NonNullable<Published['site']>;

  beforeAll(() => {
    const the = published.get(host);
    if (!the?.site) throw new Error(`${host}: the published CMS was not made`);
    ({ dir, git, site } = the as Required<Published>);
  });

  it('logs in (PKCE, or GitHub through its OAuth helper) and calls the API with the token, nothing blocked by its policy', async () => {
    const routes = HOSTS[host];
    const page = await browser.newPage();
    const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    try {
      await recordViolations(page);
      await page.goto(`${site.url}/admin/`);
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(policy).toContain(`connect-src 'self' blob: ${git.url} `);
      await page.getByRole('button', { name: /ログイン/ }).click({ timeout: 60_000 });
      await Promise.all([git.reached(routes.user), git.reached(routes.repo)]);

      const authorize = git.seen.find((s) => s.path === routes.authorize);
      if (host === 'github') {
        // The helper got the provider; GitHub itself gets the OAuth App's id from the helper.
        expect(authorize?.query.get('provider')).toBe('github');
        expect(git.seen.find((s) => s.path === routes.user)?.authorization).toBe('token t0ken');
        expect(await violations()).toEqual([]);
        return;
      }
      expect(authorize?.query.get('client_id')).toBe('tsunagari-test');
      expect(authorize?.query.get('redirect_uri')).toBe(`${site.url}/admin/`);
      expect(authorize?.query.get('code_challenge_method')).toBe('S256');
      const token = git.seen.find((s) => s.path === routes.token);
      expect(token?.method).toBe('POST');
      expect(token?.body).toContain('code_verifier');
      expect(token?.body).toContain('c0de');
      const user = git.seen.find((s) => s.path === routes.user);
      expect(user?.authorization).toMatch(/^(Bearer|token) t0ken$/);
      expect(await violations()).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('would be blocked by a policy that does not name the host (so the check above can fail)', async () => {
    const routes = HOSTS[host];
    const admin = join(dir, 'dist/admin/index.html');
    const html = readFileSync(admin, 'utf8');
    expect(html).toContain(`${git.url} `);
    writeFileSync(admin, html.replace(`${git.url} `, ''));
    const bare = await serveDirectory(join(dir, 'dist'));
    const page = await browser.newPage();
    const calls = git.seen.filter((s) => s.path === routes.user).length;
    try {
      await recordViolations(page);
      await page.goto(`${bare.url}/admin/`);
      await page.getByRole('button', { name: /ログイン/ }).click({ timeout: 60_000 });
      await page.waitForFunction(() => (window as unknown as { violations: string[] }).violations.length > 0, null, {
        timeout: 60_000,
      });
      const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
      expect(violations.some((v) => v.startsWith(`connect-src ${git.url}`))).toBe(true);
      expect(git.seen.filter((s) => s.path === routes.user)).toHaveLength(calls);
    } finally {
      await page.close();
      await bare.close();
      writeFileSync(admin, html);
    }
  }, 120_000);
});
