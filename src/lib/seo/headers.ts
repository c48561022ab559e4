/**
 * How the static hosts that read a _headers file (public/_headers, written into dist/ by the
 * build) turn it into response headers, so tests can ask what a page is sent — on Netlify and on
 * Cloudflare Pages, which combine matching rules differently — and which pages other sites may
 * frame: only the embed pages (src/pages/embed/).
 */

/** One rule of a _headers file: its path pattern, its headers, and the names a "! Name" line detaches. */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
  detach: string[];
}

/** The rules of a _headers file in order. Comment and blank lines are skipped. */
export function parseHeaderRules(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (line.startsWith('/')) {
      rules.push({ path: trimmed, headers: {}, detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: "${trimmed}" comes before any path; start the file with a path such as /*`);
    if (trimmed.startsWith('!')) rule.detach.push(trimmed.slice(1).trim());
    else {
      const colon = trimmed.indexOf(':');
      if (colon < 1) throw new Error(`_headers: "${trimmed}" under ${rule.path} is not "Name: value"`);
      rule.headers[trimmed.slice(0, colon).trim()] = trimmed.slice(colon + 1).trim();
    }
  }
  return rules;
}

/** Whether a rule's path pattern (* for any characters, on both hosts) matches a request path. */
export function pathMatches(pattern: string, path: string): boolean {
  const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${source}$`).test(path);
}

/** Netlify: every matching rule applies in order, a later value replacing an earlier one. */
export function netlifyHeaders(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) if (pathMatches(rule.path, path)) Object.assign(headers, rule.headers);
  return headers;
}

/**
 * Cloudflare Pages: the values of every matching rule are joined (kept here as a list, one per
 * rule); a "! Name" line drops Name as the other matching rules give it.
 */
export function cloudflareHeaders(rules: readonly HeaderRule[], path: string): Record<string, string[]> {
  const matching = rules.filter((rule) => pathMatches(rule.path, path));
  const detached = new Set(matching.flatMap((rule) => rule.detach));
  const headers: Record<string, string[]> = {};
  for (const rule of matching)
    for (const [name, value] of Object.entries(rule.headers))
      if (!detached.has(name) || rule.detach.includes(name)) (headers[name] ??= []).push(value);
  return headers;
}

/** The sources of a policy's frame-ancestors directive ("'none'", "*"), or undefined without one. */
export function frameAncestors(policy: string | undefined): string | undefined {
  const directive = (policy ?? '')
    .split(';')
    .map((d) => d.trim())
    .find((d) => /^frame-ancestors(\s|$)/.test(d));
  return directive?.slice('frame-ancestors'.length).trim();
}

/** Where the embed pages live: the only paths another site may frame. */
export const EMBED_PREFIX = '/embed/';

/**
 * The header an embed page is sent: its meta tag's policy (the site's) and frame-ancestors *,
 * which lets any site frame it — over http or https, since a 町内会's page may still be on
 * http. A meta tag cannot say frame-ancestors; only the header can.
 */
export const embedHeaderPolicy = (metaPolicy: string): string => `${metaPolicy}; frame-ancestors *`;
