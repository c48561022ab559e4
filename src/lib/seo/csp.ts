/**
 * Content-Security-Policies, sent both in a <meta> tag of every page (so hosts that ignore
 * public/_headers are covered) and as headers from public/_headers, which adds what only a header
 * can say (frame-ancestors). tests/e2e/site.test.ts keeps the two in step.
 *
 * Public pages run only the site's own scripts (the preference switches; on the search page,
 * Pagefind). Styles may be inline because Astro inlines small stylesheets; they cannot run code.
 */
const policy = (...directives: string[]) => directives.join('; ');

const SITE = (script: string) =>
  policy(
    "default-src 'self'",
    script,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  );

/** Every public page but the search page: no WebAssembly, nothing inline. */
export const CONTENT_SECURITY_POLICY = SITE("script-src 'self'");

/** The search page: Pagefind compiles its WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval'). */
export const SEARCH_CONTENT_SECURITY_POLICY = SITE("script-src 'self' 'wasm-unsafe-eval'");

/**
 * The CMS (/admin/): Decap's bundle with the config inline, which evaluates code ('unsafe-eval'),
 * loads pictures from the Git host, and talks to the Git host's API and, locally, to
 * decap-server. Looser than the site's, so only /admin/ has it.
 * @param localBackendPort where decap-server listens under npm start (8081, or a test's own port).
 */
export function adminContentSecurityPolicy(localBackendPort = 8081): string {
  return policy(
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval' https://identity.netlify.com",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    // blob: Decap reads a photo chosen for upload back from its blob: URL when saving the entry.
    `connect-src 'self' blob: https: http://localhost:${localBackendPort}`,
    "frame-src 'self' https:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' https:",
  );
}
