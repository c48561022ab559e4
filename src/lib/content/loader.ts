/**
 * The Astro content loader of every collection: the entries `npm run check` validated, read by
 * the project's own reader (files.ts, YAML 1.2 core schema, as Decap writes it) and checked by
 * validate.ts — not by Astro's glob loader, whose YAML 1.1 reader (js-yaml) turned an unquoted
 * `title: 2026-12-05` into a Date and refused the entry that check had passed.
 *
 * The tsunagari integration validates all content at astro:config:setup; it hands that result
 * over here (handOverValidated), so a build reads and validates each file once. Astro evaluates
 * src/content.config.ts in its own module graph, which is why the hand-over goes through a
 * global rather than a module variable. Without one (a second sync in `astro dev`), each file is
 * validated here.
 *
 * Bodies are rendered with Astro's Markdown processor (astro.config.mjs: satteri with the
 * project's plugins), as the glob loader rendered them. Under `astro dev` an edited file is read
 * again and its entry replaced; an entry saved with a mistake keeps its last good version (the
 * integration's dev search reports the mistake) and a deleted file's entry goes.
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ContentType } from '../../schemas/define.ts';
import type { ValidEntry, ValidTranslation } from '../validation/validate.ts';
import { contentTypes } from '../../schemas/index.ts';
import { localeOfFile } from './translations.ts';
import { ENTRY_FILE_RE, idOfFile, scanCollection } from './files.ts';
import { DEFAULT_CONTENT_LOCALE, EASY_LOCALE } from '../../i18n/locales.ts';

/**
 * Validation, its messages and the やさしい日本語 check, loaded the first time this module needs
 * them: a build hands its validated entries over and never does. Astro reads this module through
 * Vite's module runner, transforming each module it imports, on every build; imported here at
 * the top they brought 69 more modules into that reading (every language's dictionary, the
 * flyers' text check and models, the kinds: 505 kB of 945 kB), 0.3–0.4 s of every build.
 */
const validation = () => import('../validation/validate.ts');
const reports = async () => {
  const [{ formatReport }, { formatWarnings }] = await Promise.all([
    import('../validation/messages.ts'),
    import('../validation/warnings.ts'),
  ]);
  return { formatReport, formatWarnings };
};

const HANDOVER = Symbol.for('tsunagari.validated-content');
type Handover = { root: string; entries: Map<string, ValidEntry[]>; translations?: ValidTranslation[] };
const slot = globalThis as { [HANDOVER]?: Handover };

/** Called by the integration with what it validated: each collection's loader takes its part once. */
export function handOverValidated(
  root: string,
  entries: Map<string, ValidEntry[]>,
  translations?: Map<string, ValidTranslation[]>,
): void {
  slot[HANDOVER] = { root, entries: new Map(entries), ...(translations ? { translations: [...translations.values()].flat() } : {}) };
}

function takeTranslations(root: string): ValidTranslation[] | undefined {
  const handover = slot[HANDOVER];
  if (handover?.root !== root) return undefined;
  const translations = handover.translations;
  delete handover.translations;
  return translations;
}

function takeValidated(root: string, collection: string): ValidEntry[] | undefined {
  const handover = slot[HANDOVER];
  if (handover?.root !== root) return undefined;
  const entries = handover.entries.get(collection);
  handover.entries.delete(collection);
  return entries;
}

/** Each entry of a collection that passes the schema, read now. */
async function readCollection(root: string, type: ContentType): Promise<ValidEntry[]> {
  const { validateFile } = await validation();
  return scanCollection(root, type).entries.flatMap((file) => validateFile(root, type, file).entry ?? []);
}

/**
 * renderMarkdown looks for front matter in what it is given and parses it with js-yaml: an empty
 * one first keeps a body that starts with `---` (a thematic break) from being taken for it.
 */
const EMPTY_FRONT_MATTER = '---\n---\n';

async function storeEntry(
  context: LoaderContext,
  root: string,
  type: ContentType,
  entry: ValidEntry,
  as?: { id: string; data: Record<string, unknown> },
): Promise<void> {
  const { store } = context;
  const id = as?.id ?? entry.id;
  // As the glob loader did: the body without surrounding blank lines.
  const body = entry.body.trim();
  const digest = context.generateDigest({ data: as?.data ?? entry.parsed, body });
  if (store.get(id)?.digest === digest) return;
  // The site settings are one YAML file without a body; its collection schema names it 'site'.
  const data = as?.data ?? (type.file ? { id: entry.id, ...entry.parsed } : entry.parsed);
  if (type.file) {
    store.set({ id, data, filePath: entry.file, digest });
    return;
  }
  let rendered;
  try {
    rendered = await context.renderMarkdown(EMPTY_FRONT_MATTER + body, {
      fileURL: pathToFileURL(join(root, entry.file)),
    });
  } catch (error) {
    throw new Error(
      `${entry.file}: 本文を表示用に変換できませんでした / the body could not be rendered: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  store.set({
    id,
    data,
    body,
    filePath: entry.file,
    digest,
    rendered,
    assetImports: rendered.metadata?.imagePaths ?? [],
  });
}

/** The id of the entry that makes an empty collection known (knownEvenEmpty). */
const EMPTY = 'tsunagari:empty';

/**
 * A town with none of a type yet (no plans, no services, no translations) is fine, but Astro's
 * getCollection warns "does not exist or is empty. Please check your content config file" at
 * every call for a collection its store has never held an entry in: dozens of lines that send
 * a volunteer to a config with nothing wrong. An entry set and taken away again leaves the
 * collection known, and empty.
 */
function knownEvenEmpty({ store }: LoaderContext): void {
  if (store.keys().length > 0) return;
  store.set({ id: EMPTY, data: {} });
  store.delete(EMPTY);
}

/** The loader of one content type's collection (src/content.config.ts). */
export function contentLoader(type: ContentType): Loader {
  return {
    name: 'tsunagari-content',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const entries = takeValidated(root, type.name) ?? (await readCollection(root, type));
      if (type.file && entries.length === 0) {
        // The site cannot be made without its settings. The build validates first and stops
        // earlier; `astro dev` and `astro sync` only log, so say it here too.
        const [{ missingFileProblem, validateFile }, { formatReport }] = await Promise.all([validation(), reports()]);
        const missing = !existsSync(join(root, type.file));
        const problems = missing ? [missingFileProblem({ ...type, file: type.file })] : validateFile(root, type, type.file).problems;
        throw new Error(formatReport(problems));
      }
      const untouched = new Set(context.store.keys());
      for (const entry of entries) {
        untouched.delete(entry.id);
        await storeEntry(context, root, type, entry);
      }
      for (const id of untouched) context.store.delete(id);
      knownEvenEmpty(context);
      watch(context, root, type);
    },
  };
}

/** The key of a translation in the `translations` collection: `salons/nihongo-salon/en`. */
export const translationKey = (collection: string, id: string, locale: string) => `${collection}/${id}/${locale}`;

/** What the `translations` collection stores of one (src/content.config.ts's schema). */
const translationData = (t: ValidTranslation) => ({
  collection: t.type,
  entry: t.id,
  locale: t.locale,
  ownBody: t.ownBody,
  original: t.original,
  data: t.type === 'settings' ? { id: 'site', ...t.parsed } : t.parsed,
});

async function storeTranslation(context: LoaderContext, root: string, t: ValidTranslation): Promise<void> {
  const type = contentTypes.find((c) => c.name === t.type);
  if (!type) return;
  await storeEntry(context, root, type, t, { id: translationKey(t.type, t.id, t.locale), data: translationData(t) });
}

/**
 * The loader of the `translations` collection: every valid translation with its merged data and
 * its rendered body (the original's where it has none), keyed `<collection>/<id>/<locale>`.
 * One collection rather than translations inside each type's: `getCollection('salons')` stays
 * the Japanese entries, as every list, feed and calendar expects.
 */
export function translationsLoader(): Loader {
  return {
    name: 'tsunagari-translations',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const translations =
        takeTranslations(root) ?? [...(await validation()).validateContent(root).translations.values()].flat();
      const untouched = new Set(context.store.keys());
      for (const t of translations) {
        untouched.delete(translationKey(t.type, t.id, t.locale));
        await storeTranslation(context, root, t);
      }
      for (const key of untouched) context.store.delete(key);
      knownEvenEmpty(context);
      watch(context, root, 'translations');
    },
  };
}

/**
 * Under `astro dev`, one listener on Astro's watcher for every content file: each collection's
 * loader, and the translations', registers its store here, and a saved file goes by its locale —
 * a Japanese original (or the settings file) replaces its entry, a translation
 * (`<id>.<locale>.md`) its page's data, and a やさしい日本語 one is also checked for what makes it
 * hard. Registered per watcher, so a second sync (which loads every collection again) adds no
 * second listener.
 */
interface DevWatch {
  root: string;
  /** The loader context of each content type's collection, by its name. */
  collections: Map<string, LoaderContext>;
  translations?: LoaderContext;
}
const devWatches = new WeakMap<NonNullable<LoaderContext['watcher']>, DevWatch>();

function watch(context: LoaderContext, root: string, collection: ContentType | 'translations'): void {
  const { watcher } = context;
  if (!watcher) return;
  let dev = devWatches.get(watcher);
  if (!dev) {
    dev = { root, collections: new Map() };
    devWatches.set(watcher, dev);
    listen(watcher, dev);
  }
  if (collection === 'translations') {
    dev.translations = context;
    return;
  }
  dev.collections.set(collection.name, context);
  watcher.add(join(root, collection.file ?? join('content', collection.name)));
}

/** A path under `root` as a content file: its type, and the locale its name says (ENTRY_FILE_RE's). */
function contentFileAt(root: string, path: string): { file: string; type: ContentType; written?: string } | undefined {
  const file = relative(root, path).split(sep).join('/');
  const single = contentTypes.find((c) => c.file === file);
  if (single) return { file, type: single, written: DEFAULT_CONTENT_LOCALE };
  const [folder, collection, name, ...rest] = file.split('/');
  const type = contentTypes.find((c) => c.name === collection && !c.file);
  if (folder !== 'content' || !type || !name || rest.length) return undefined;
  const written = ENTRY_FILE_RE.exec(name)?.[2];
  return { file, type, ...(written ? { written } : {}) };
}

function listen(watcher: NonNullable<LoaderContext['watcher']>, dev: DevWatch): void {
  const { root } = dev;
  const changed = async (path: string) => {
    const at = contentFileAt(root, path);
    if (!at) return;
    const { file, type, written } = at;
    const own = dev.collections.get(type.name);
    const locale = type.file ? undefined : localeOfFile(file);
    await Promise.all([
      own && written === DEFAULT_CONTENT_LOCALE ? reloadEntry(own, root, type, file) : undefined,
      dev.translations && locale ? reloadTranslation(dev.translations, root, type, file) : undefined,
      // No page is made from what makes it hard: it is said, as check and the build say it.
      own && written === EASY_LOCALE ? sayEasyWarnings(own, root, type, file) : undefined,
    ]);
  };
  watcher.on('change', changed);
  watcher.on('add', changed);
  watcher.on('unlink', (path) => {
    const at = contentFileAt(root, path);
    if (!at || at.type.file) return;
    const id = idOfFile(at.file);
    if (at.written === DEFAULT_CONTENT_LOCALE) dev.collections.get(at.type.name)?.store.delete(id);
    const locale = localeOfFile(at.file);
    if (locale) dev.translations?.store.delete(translationKey(at.type.name, id, locale));
  });
}

/** A saved original (by the CMS or an editor) replaces its entry; one with a mistake keeps the last good one. */
async function reloadEntry(context: LoaderContext, root: string, type: ContentType, file: string): Promise<void> {
  const { logger } = context;
  try {
    const [{ validateFile }, { formatWarnings }] = await Promise.all([validation(), reports()]);
    const { entry, warnings } = validateFile(root, type, file);
    // A saved report with what looks like a private person's data: said, and saved all the same.
    if (warnings?.length) logger.warn(formatWarnings(warnings));
    if (!entry) return;
    await storeEntry(context, root, type, entry);
    logger.info(`${file} を読み直しました / reloaded ${file}`);
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
  }
}

/** A saved translation is checked against its original again and replaces its page's data. */
async function reloadTranslation(context: LoaderContext, root: string, type: ContentType, file: string): Promise<void> {
  const { logger } = context;
  try {
    const [{ validateFile, validateTranslation }, { formatReport }] = await Promise.all([validation(), reports()]);
    const original = validateFile(root, type, `content/${type.name}/${idOfFile(file)}.ja.md`).entry;
    const result = original ? validateTranslation(root, type, file, original) : { problems: [] };
    if (!result.translation) {
      if (result.problems.length) logger.error(formatReport(result.problems));
      return;
    }
    await storeTranslation(context, root, result.translation);
    logger.info(`${file} を読み直しました / reloaded ${file}`);
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
  }
}

async function sayEasyWarnings(context: LoaderContext, root: string, type: ContentType, file: string): Promise<void> {
  try {
    const [{ easyWarningsOf }, { formatWarnings }] = await Promise.all([
      import('../easy-japanese/content.ts'),
      reports(),
    ]);
    const warnings = await easyWarningsOf(root, file, type);
    if (warnings.length) context.logger.warn(formatWarnings(warnings));
  } catch (error) {
    context.logger.error(error instanceof Error ? error.message : String(error));
  }
}
