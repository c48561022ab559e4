/**
 * Measuring dist/: its size, and the bytes each resident-facing page costs gzipped (HTML with
 * its stylesheets, and its scripts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

export const dirBytes = (dir: string) => {
  let total = 0;
  if (existsSync(dir)) for (const file of walk(dir)) total += statSync(file).size;
  return total;
};

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0
    ? 0
    : sorted.length % 2
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

export interface PageStats {
  pages: number;
  htmlCssGzipMedian: number;
  htmlCssGzipMax: number;
  htmlCssGzipMaxPage: string;
  htmlCssGzipOver30k: number;
  jsGzipMedian: number;
  jsGzipMax: number;
  jsGzipMaxPage: string;
  flyerPdfs: number;
}

/**
 * Per page: its HTML plus the CSS files it links, each gzipped as a server would send them;
 * scripts it loads (files it names plus inline code, not JSON-LD). The CMS page (admin/) is
 * not a resident-facing page and is left out.
 */
export function measurePages(dist: string): PageStats {
  const gzipped = (buffer: Buffer | string) => gzipSync(buffer, { level: 6 }).length;
  const fileGzip = new Map<string, number>();
  const gzipOfFile = (path: string) => {
    let size = fileGzip.get(path);
    if (size === undefined) fileGzip.set(path, (size = existsSync(path) ? gzipped(readFileSync(path)) : 0));
    return size;
  };
  const resolveUrl = (url: string, htmlFile: string) => {
    if (/^[a-z]+:|^\/\//i.test(url)) return undefined;
    const path = url.split(/[?#]/)[0] ?? '';
    return path.startsWith('/') ? join(dist, path) : join(dirname(htmlFile), path);
  };
  const attr = (tag: string, name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
      .exec(tag)
      ?.slice(1)
      .find((v) => v !== undefined);
  const css: number[] = [];
  const js: number[] = [];
  let maxCss = { size: -1, page: '' };
  let maxJs = { size: -1, page: '' };
  let flyerPdfs = 0;
  for (const file of walk(dist)) {
    const rel = relative(dist, file);
    if (rel.endsWith('.pdf')) flyerPdfs++;
    if (!rel.endsWith('.html') || rel.startsWith('admin/') || rel.startsWith('pagefind/')) continue;
    const html = readFileSync(file, 'utf8');
    let cssBytes = gzipped(html);
    for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
      const href = attr(tag, 'href');
      if (/stylesheet/i.test(attr(tag, 'rel') ?? '') && href) {
        const path = resolveUrl(href, file);
        if (path) cssBytes += gzipOfFile(path);
      }
    }
    let jsBytes = 0;
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const attrs = m[1] ?? '';
      if (/application\/(?:ld\+)?json/i.test(attr(`<s ${attrs}>`, 'type') ?? '')) continue;
      const src = attr(`<s ${attrs}>`, 'src');
      const path = src ? resolveUrl(src, file) : undefined;
      if (path) jsBytes += gzipOfFile(path);
      else if ((m[2] ?? '').trim()) jsBytes += gzipped(m[2] ?? '');
    }
    const page = `/${rel.replace(/index\.html$/, '')}`;
    css.push(cssBytes);
    js.push(jsBytes);
    if (cssBytes > maxCss.size) maxCss = { size: cssBytes, page };
    if (jsBytes > maxJs.size) maxJs = { size: jsBytes, page };
  }
  return {
    pages: css.length,
    htmlCssGzipMedian: median(css),
    htmlCssGzipMax: maxCss.size,
    htmlCssGzipMaxPage: maxCss.page,
    htmlCssGzipOver30k: css.filter((b) => b > 30 * 1024).length,
    jsGzipMedian: median(js),
    jsGzipMax: Math.max(0, maxJs.size),
    jsGzipMaxPage: maxJs.page,
    flyerPdfs,
  };
}
