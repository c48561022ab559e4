/**
 * Content-Security-Policies, sent both in a <meta> tag of every page (so hosts that ignore
 * public/_headers are covered) and as headers from public/_headers, which adds what only a header
 * can say (frame-ancestors). tests/e2e/site.test.ts keeps the two in step.
 *
 * Public pages run only the site's own scripts (the preference switches; on the search page,
 * Pagefind). Styles may be inline because Astro inlines small stylesheets; they cannot run code.
 */
import { BUNDLE_FOLDERS, bundleOfFolder } from '../search/shards.ts';

const policy = (...directives: string[]) => directives.join('; ');

const SITE = (script: string, connect: readonly string[] = [], images: readonly string[] = []) =>
  policy(
    "default-src 'self'",
    script,
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data:", ...images].join(' '),
    "font-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  );

/** Every public page but the search page: no WebAssembly, nothing inline. */
export const CONTENT_SECURITY_POLICY = SITE("script-src 'self'");

/** The search page: Pagefind compiles its WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval'). */
export const SEARCH_CONTENT_SECURITY_POLICY = SITE("script-src 'self' 'wasm-unsafe-eval'");

/**
 * The search page when it also searches other towns' Pagefind bundles (site settings
 * otherTowns): Pagefind fetches their index files, so connect-src names those origins, and only
 * on the search page and Pagefind's own files (its worker does the fetching).
 * @param origins 'https://yamabiko.example.jp' for each town's searchIndex (src/lib/search/towns.ts).
 */
export const searchContentSecurityPolicy = (origins: readonly string[]): string =>
  SITE("script-src 'self' 'wasm-unsafe-eval'", origins);

/**
 * A page with a map (places, 防災, 居場所: src/components/PlaceMap.astro): its tiles are pictures
 * from the tile server the site settings name (地理院タイル by default), and only there.
 * @param tileOrigin 'https://cyberjapandata.gsi.go.jp' (src/lib/map/points.ts, tileOrigin).
 */
export const mapContentSecurityPolicy = (tileOrigin: string): string => SITE("script-src 'self'", [], [tileOrigin]);

/**
 * The CMS (/admin/): Decap's bundle with the config inline, which evaluates code ('unsafe-eval'),
 * loads pictures from the Git host, and talks to the Git host's API and, locally, to
 * decap-server. Looser than the site's, so only /admin/ has it. It may contact only the Git host
 * the site settings name (src/lib/cms/backend.ts, cmsOrigins), not any https: address: a script
 * slipped into the CMS could otherwise send a volunteer's token anywhere.
 * @param localBackendPort where decap-server listens under npm start (8081, or a test's own port).
 * @param gitOrigins the origins of the Git host's API and login server (cmsOrigins).
 */
export function adminContentSecurityPolicy(localBackendPort = 8081, gitOrigins: readonly string[] = []): string {
  return policy(
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    // blob: Decap reads a photo chosen for upload back from its blob: URL when saving the entry.
    ['connect-src', "'self'", 'blob:', ...gitOrigins, `http://localhost:${localBackendPort}`].join(' '),
    "frame-src 'self' https:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' https:",
  );
}

/** The header a host that reads _headers sends /admin/: its meta policy plus what only a header can say. */
export const adminHeaderPolicy = (metaPolicy: string) => `${metaPolicy}; frame-ancestors 'self'`;

/**
 * public/_headers with the /admin/* rule's Content-Security-Policy replaced by the policy for this
 * site's Git host, so the header and the page's meta tag allow the same host (a browser enforces
 * both: a header naming another host would block the login). Written into dist/ by the build.
 */
export function headersWithAdminPolicy(headers: string, metaPolicy: string): string {
  return withRulePolicy(headers, '/admin/*', adminHeaderPolicy(metaPolicy));
}

/** The Content-Security-Policy line of one rule of public/_headers replaced by `header`. */
function withRulePolicy(headers: string, path: string, header: string): string {
  const lines = headers.split('\n');
  const rule = lines.findIndex((line) => line.trim() === path);
  const at = lines.findIndex((line, i) => i > rule && /^\s+Content-Security-Policy:/.test(line));
  const next = lines.findIndex((line, i) => i > rule && line.startsWith('/'));
  if (rule < 0 || at < 0 || (next >= 0 && at > next))
    throw new Error(`public/_headers: the ${path} rule has no Content-Security-Policy line`);
  lines[at] = `  Content-Security-Policy: ${header}`;
  return lines.join('\n');
}

/**
 * public/_headers with the search page's and Pagefind's policy widened to other towns' bundles
 * (searchContentSecurityPolicy), as the search page's meta tag is: Pagefind's worker, served
 * from /pagefind/, fetches their index under the policy of its own file. Written into dist/ by
 * the build; unchanged when no town's index is listed.
 */
export function headersWithSearchPolicy(
  headers: string,
  origins: readonly string[],
  localeSearchPaths: readonly string[] = [],
  bundleParts: readonly string[] = [],
): string {
  const header = `${searchContentSecurityPolicy(origins)}; frame-ancestors 'none'`;
  const widened = origins.length
    ? withRulePolicy(withRulePolicy(headers, '/search/*', header), '/pagefind/*', header)
    : headers;
  // A large town's further parts of a bundle (src/lib/search/shards.ts: pagefind-2, pagefind-past-2
  // …) are served as their bundle is: other towns read the current bundle's parts too (CORS),
  // and each part's own Pagefind runs under the same policy.
  const withParts = Object.entries(BUNDLE_FOLDERS).reduce(
    (out, [bundle, folder]) =>
      withRuleCopies(
        out,
        `/${folder}/*`,
        bundleParts.filter((part) => bundleOfFolder(part)?.bundle === bundle).map((part) => `/${part}/*`),
      ),
    widened,
  );
  return withRuleCopies(withParts, '/search/*', localeSearchPaths);
}

/**
 * Every rule of `path` repeated for each of `copies` ('/en/search/*' …) right after it: the search
 * page in every language runs Pagefind's WebAssembly, and a host enforces the header's policy
 * beside the page's meta tag, so without its own rule /en/search/ could not search there.
 */
function withRuleCopies(headers: string, path: string, copies: readonly string[]): string {
  if (!copies.length) return headers;
  const lines = headers.split('\n');
  const out: string[] = [];
  let found = false;
  for (let start = 0; start < lines.length;) {
    if (lines[start]!.trim() !== path) {
      out.push(lines[start]!);
      start += 1;
      continue;
    }
    found = true;
    let end = start + 1;
    while (end < lines.length && lines[end]!.startsWith(' ')) end += 1;
    const body = lines.slice(start + 1, end);
    out.push(...lines.slice(start, end), ...copies.flatMap((copy) => ['', copy, ...body]));
    start = end;
  }
  if (!found) throw new Error(`public/_headers: no ${path} rule`);
  return out.join('\n');
}

/**
 * The pages that may show a map (src/components/PlaceMap.astro): places, a district's page, 防災
 * and 居場所. Their rules in public/_headers allow the tile server's pictures and the reader's
 * position (「近い順」 asks for it only when pressed); every other page keeps geolocation=().
 */
export const MAP_PAGE_RULES = ['/places/*', '/area/*', '/bosai/*', '/ibasho/*'] as const;

/**
 * public/_headers with the map pages' policy naming the tile server of the site settings, as
 * their meta tag does (src/lib/map/policy.ts). Written into dist/ by the build.
 */
export function headersWithMapPolicy(
  headers: string,
  tileOrigin: string,
  localePrefixes: readonly string[] = [],
): string {
  const header = `${mapContentSecurityPolicy(tileOrigin)}; frame-ancestors 'none'`;
  const written = MAP_PAGE_RULES.reduce((out, rule) => withRulePolicy(out, rule, header), headers);
  // The same pages in other languages (/en/places/ …) draw the same map.
  return MAP_PAGE_RULES.reduce(
    (out, rule) =>
      withRuleCopies(
        out,
        rule,
        localePrefixes.map((prefix) => `${prefix}${rule}`),
      ),
    written,
  );
}
