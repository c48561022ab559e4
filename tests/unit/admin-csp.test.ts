/**
 * The CMS page's Content-Security-Policy allows the Git host of the site settings and nothing else
 * over the network; the build writes the same policy into the /admin/* rule of dist/_headers, since
 * a browser applies the header and the meta tag both.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminContentSecurityPolicy, adminHeaderPolicy, headersWithAdminPolicy } from '../../src/lib/seo/csp.ts';
import { cmsOrigins, type CmsSettings } from '../../src/lib/cms/backend.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const HEADERS = readFileSync(join(ROOT, 'public/_headers'), 'utf8');
const connectSrc = (policy: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith('connect-src '))
    ?.split(' ')
    .slice(1);
const gitlab: CmsSettings = {
  host: 'gitlab',
  repo: 'shakyo/site',
  branch: 'main',
  appId: 'abc',
  apiRoot: 'https://git.town.example.jp/api/v4',
  editorialWorkflow: true,
};

describe('the CMS page policy', () => {
  it('lets the page reach its Git host, decap-server and its own blobs, and no other address', () => {
    expect(connectSrc(adminContentSecurityPolicy(8081, cmsOrigins(gitlab)))).toEqual([
      "'self'",
      'blob:',
      'https://git.town.example.jp',
      'http://localhost:8081',
    ]);
    // Without a Git host (npm start only): this computer's decap-server alone.
    expect(connectSrc(adminContentSecurityPolicy(9123))).toEqual(["'self'", 'blob:', 'http://localhost:9123']);
    expect(adminContentSecurityPolicy()).not.toMatch(/connect-src[^;]* https:[ ;]/);
    // git-gateway's Netlify Identity widget is no longer loaded.
    expect(adminContentSecurityPolicy()).not.toContain('identity.netlify.com');
  });

  it('replaces only the /admin/* policy of _headers, with frame-ancestors that only a header can say', () => {
    const policy = adminContentSecurityPolicy(8081, cmsOrigins(gitlab));
    const written = headersWithAdminPolicy(HEADERS, policy);
    const before = HEADERS.split('\n');
    const after = written.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [i]));
    expect(changed).toHaveLength(1);
    expect(
      before
        .slice(0, changed[0])
        .filter((l) => l.startsWith('/'))
        .at(-1),
    ).toBe('/admin/*');
    expect(after[changed[0]!]).toBe(`  Content-Security-Policy: ${adminHeaderPolicy(policy)}`);
    expect(adminHeaderPolicy(policy)).toMatch(/; frame-ancestors 'self'$/);
  });

  it('public/_headers carries the policy of the sample site (GitHub), which the build rewrites', () => {
    const github: CmsSettings = { host: 'github', repo: 'a/b', branch: 'main', editorialWorkflow: true };
    const policy = adminContentSecurityPolicy(8081, cmsOrigins(github));
    expect(headersWithAdminPolicy(HEADERS, policy)).toBe(HEADERS);
  });

  it('refuses a _headers file without the /admin/* policy line', () => {
    expect(() => headersWithAdminPolicy('/*\n  X-Content-Type-Options: nosniff\n', 'x')).toThrow(/\/admin\/\*/);
    expect(() =>
      headersWithAdminPolicy('/admin/*\n  X-Robots-Tag: noindex\n/*\n  Content-Security-Policy: x\n', 'y'),
    ).toThrow(/\/admin\/\*/);
  });
});
