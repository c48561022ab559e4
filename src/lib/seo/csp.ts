/**
 * The Content-Security-Policy of every public page: only the site's own scripts run (the
 * preference switches and, on the search page, Pagefind, which needs WebAssembly). Styles may
 * be inline because Astro inlines small stylesheets; they cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
