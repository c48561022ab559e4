/**
 * Which pages other sites may frame, in the headers the build writes (dist/_headers: public/_headers
 * with the CMS's policy for the sample's Git host, as src/integrations/tsunagari.ts writes it), as
 * Netlify and Cloudflare Pages apply them: the embed pages (/embed/…) with frame-ancestors *, the
 * CMS with 'self', every other page and file with 'none'. tests/e2e/embed.test.ts frames the built
 * pages in Chromium under the same file.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CONTENT_SECURITY_POLICY, adminContentSecurityPolicy, headersWithAdminPolicy } from '../../src/lib/seo/csp.ts';
import {
  cloudflareHeaders,
  embedHeaderPolicy,
  frameAncestors,
  netlifyHeaders,
  parseHeaderRules,
  pathMatches,
} from '../../src/lib/seo/headers.ts';
import { cmsOrigins } from '../../src/lib/cms/backend.ts';
import { settingsSchema } from '../../src/schemas/settings.ts';
import { embedHref } from '../../src/lib/embed.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { cms } = settingsSchema.parse(parseYaml(readFileSync(join(ROOT, 'content/settings/site.yml'), 'utf8')));
const generated = headersWithAdminPolicy(
  readFileSync(join(ROOT, 'public/_headers'), 'utf8'),
  adminContentSecurityPolicy(8081, cmsOrigins(cms)),
);
const rules = parseHeaderRules(generated);

/** frame-ancestors of a path on each host; on Cloudflare, every policy value it would send. */
const framing = (path: string) => ({
  netlify: frameAncestors(netlifyHeaders(rules, path)['Content-Security-Policy']),
  cloudflare: (cloudflareHeaders(rules, path)['Content-Security-Policy'] ?? []).map(frameAncestors),
});

const EMBED_PAGES = [embedHref(), `${embedHref()}index.html`, embedHref('wakaba'), embedHref('wakaba-sanchome')];
const OTHER_PAGES = [
  '/',
  '/index.html',
  '/events/',
  '/events/bosai-kunren/',
  '/salons/hidamari-salon/',
  '/area/wakaba/',
  '/area/wakaba/calendar/',
  '/calendar/',
  '/search/',
  '/pagefind/pagefind-worker.js',
  '/reports/feed.xml',
  '/reports/atom.xml',
  '/calendar.ics',
  '/flyers/events/bosai-kunren.pdf',
  '/opendata/events.csv',
  '/404.html',
  // Not under /embed/: a page whose name only starts like it.
  '/embedded/',
  '/districts/embed/',
];

describe('frame-ancestors in the generated _headers', () => {
  it('lets any site frame the embed pages, on Netlify and on Cloudflare Pages (one policy, not two)', () => {
    for (const path of EMBED_PAGES) {
      expect(framing(path), path).toEqual({ netlify: '*', cloudflare: ['*'] });
      // Otherwise the site's policy: the embed pages' meta tag says the same (checked on the build).
      expect(netlifyHeaders(rules, path)['Content-Security-Policy'], path).toBe(
        embedHeaderPolicy(CONTENT_SECURITY_POLICY),
      );
      // The site's other headers still come from its rule (/*).
      expect(netlifyHeaders(rules, path)['X-Content-Type-Options'], path).toBe('nosniff');
      expect(cloudflareHeaders(rules, path)['Referrer-Policy'], path).toEqual(['strict-origin-when-cross-origin']);
    }
  });

  it("keeps frame-ancestors 'none' on every other page and file, and 'self' on the CMS", () => {
    for (const path of OTHER_PAGES) expect(framing(path), path).toEqual({ netlify: "'none'", cloudflare: ["'none'"] });
    for (const path of ['/admin/', '/admin/index.html', '/admin/decap-cms.js'])
      expect(framing(path), path).toEqual({ netlify: "'self'", cloudflare: ["'self'"] });
  });

  it('gives the embed pages frame-ancestors * and nothing looser than the site otherwise', () => {
    expect(embedHeaderPolicy(CONTENT_SECURITY_POLICY)).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors *`);
    expect(frameAncestors(embedHeaderPolicy(CONTENT_SECURITY_POLICY))).toBe('*');
    expect(frameAncestors(CONTENT_SECURITY_POLICY)).toBeUndefined();
    expect(frameAncestors(undefined)).toBeUndefined();
  });
});

describe('reading a _headers file', () => {
  it('follows each host’s way of combining rules', () => {
    const sample = parseHeaderRules(
      ['# a comment', '/*', '  A: one', '  B: site', '', '/x/*', '  ! A', '  A: two', '  C: http://x.example/a:b'].join(
        '\n',
      ),
    );
    expect(sample).toEqual([
      { path: '/*', headers: { A: 'one', B: 'site' }, detach: [] },
      { path: '/x/*', headers: { A: 'two', C: 'http://x.example/a:b' }, detach: ['A'] },
    ]);
    expect(netlifyHeaders(sample, '/x/y')).toEqual({ A: 'two', B: 'site', C: 'http://x.example/a:b' });
    expect(cloudflareHeaders(sample, '/x/y')).toEqual({ A: ['two'], B: ['site'], C: ['http://x.example/a:b'] });
    expect(cloudflareHeaders(sample, '/y')).toEqual({ A: ['one'], B: ['site'] });
  });

  it('matches * as any characters and everything else literally', () => {
    expect(pathMatches('/embed/*', '/embed/')).toBe(true);
    expect(pathMatches('/embed/*', '/embed/districts/a/')).toBe(true);
    expect(pathMatches('/embed/*', '/embedded/')).toBe(false);
    expect(pathMatches('/*.ics', '/calendar.ics')).toBe(true);
    expect(pathMatches('/*.ics', '/calendarxics')).toBe(false);
  });

  it('refuses a line it cannot place, naming it', () => {
    expect(() => parseHeaderRules('  A: b')).toThrow('_headers: "A: b" comes before any path');
    expect(() => parseHeaderRules('/*\n  no colon')).toThrow('_headers: "no colon" under /* is not "Name: value"');
  });
});
