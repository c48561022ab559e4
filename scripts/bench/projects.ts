/**
 * The temporary projects a run builds: a copy of this project with the synthetic content
 * written into it, and the bare Astro baseline built from the same files.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readContentFile } from '../../src/lib/content/files.ts';
import { serializeData, serializeEntry } from '../../src/lib/content/serialize.ts';
import { describeFields } from '../../src/lib/schema/walk.ts';
import type { ContentType } from '../../src/schemas/define.ts';
import { contentTypeByName, contentTypes } from '../../src/schemas/index.ts';
import type { GeneratedEntry } from './generate.ts';
import { ROOT } from './options.ts';

const fieldOrders = new Map<string, string[]>();
function fieldOrderOf(type: ContentType): string[] {
  let order = fieldOrders.get(type.name);
  if (!order) fieldOrders.set(type.name, (order = describeFields(type.schema).map((f) => f.name)));
  return order;
}

export function writeEntry(root: string, entry: GeneratedEntry) {
  const type = contentTypeByName.get(entry.collection);
  if (!type) throw new Error(`unknown collection ${entry.collection}`);
  writeFileSync(
    join(root, 'content', entry.collection, `${entry.id}.ja.md`),
    serializeEntry(entry.data, entry.body, fieldOrderOf(type)),
  );
}

export function writeContent(root: string, entries: GeneratedEntry[]) {
  rmSync(join(root, 'content'), { recursive: true, force: true });
  for (const type of contentTypes) if (!type.file) mkdirSync(join(root, 'content', type.name), { recursive: true });
  mkdirSync(join(root, 'content', 'settings'), { recursive: true });
  const settings = contentTypeByName.get('settings');
  if (settings?.file) {
    const site = readContentFile(ROOT, settings, settings.file).data as Record<string, unknown>;
    writeFileSync(join(root, settings.file), serializeData(site, fieldOrderOf(settings)));
  }
  for (const entry of entries) writeEntry(root, entry);
}

const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'coverage', '.cache', 'content']);

/**
 * node_modules as a folder of links, one per package, rather than one link to the whole
 * folder: Astro and Vite keep caches in node_modules/.astro and node_modules/.vite, and
 * those must belong to this copy (a shared data-store.json would mix content between builds).
 */
function linkNodeModules(dir: string) {
  const target = join(dir, 'node_modules');
  mkdirSync(target);
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(target, name));
  }
}

/** A copy of this project (the working tree, or HEAD with `fromGit`) without its content. */
export function copyProject(fromGit: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagari-bench-'));
  if (fromGit) {
    execFileSync('sh', ['-c', `git -C "${ROOT}" archive HEAD | tar -x -C "${dir}"`]);
    rmSync(join(dir, 'content'), { recursive: true, force: true });
  } else {
    for (const name of readdirSync(ROOT))
      if (!SKIP.has(name)) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  linkNodeModules(dir);
  return dir;
}

/**
 * The bare Astro site: one layout, one catch-all page over a glob collection, no schemas. With
 * `pages`, its content is topped up with copies of the entries (new file names, same text) until
 * it makes that many pages: issue 12 sets the whole warm build against a bare Astro + Pagefind
 * build *of the same page count*, and ours makes more pages than entries (lists, calendars, the
 * district pages, feeds' pages, translations).
 */
export function makeBaseline(contentFrom: string, { pages }: { pages?: number } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagari-baseline-'));
  const files: Record<string, string> = {
    'package.json': '{ "name": "bench-baseline", "private": true, "type": "module" }\n',
    'astro.config.mjs':
      "import { defineConfig } from 'astro/config';\nexport default defineConfig({ trailingSlash: 'always' });\n",
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
  entries: defineCollection({
    loader: glob({ pattern: '**/*.ja.md', base: './content', generateId: ({ entry }) => entry.replace(/\\.ja\\.md$/, '') }),
  }),
};
`,
    'src/layouts/Page.astro': `---
const { title } = Astro.props;
---
<!doctype html>
<html lang="ja">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{title}</title></head>
  <body><header><a href="/">Home</a></header><main><slot /></main></body>
</html>
<style>
  body { font-family: sans-serif; line-height: 1.7; max-width: 40rem; margin: 0 auto; padding: 1rem; }
  header { border-block-end: 1px solid #ccc; }
</style>
`,
    'src/pages/[...slug].astro': `---
import { getCollection, render } from 'astro:content';
import Page from '../layouts/Page.astro';
export async function getStaticPaths() {
  return (await getCollection('entries')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
const title = String(entry.data.title ?? entry.data.name ?? entry.id);
---
<Page title={title}><article><h1>{title}</h1><Content /></article></Page>
`,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  cpSync(join(contentFrom, 'content'), join(dir, 'content'), { recursive: true });
  if (pages !== undefined) topUp(join(dir, 'content'), pages);
  linkNodeModules(dir);
  return dir;
}

/** Copies of the `.ja.md` files under `content` (`<id>-copy<k>.ja.md` beside each) until there are `pages` of them. */
function topUp(content: string, pages: number) {
  const files = readdirSync(content, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ja.md'))
    .sort();
  if (!files.length) return;
  for (let i = 0; files.length + i < pages; i++) {
    const file = files[i % files.length] as string;
    const copy = Math.floor(i / files.length) + 1;
    cpSync(join(content, file), join(content, file.replace(/\.ja\.md$/, `-copy${copy}.ja.md`)));
  }
}
