/**
 * The admin page's script (bundled by Astro from src/pages/admin/index.astro): loads Decap's
 * self-hosted bundle, then, before CMS.init, teaches it what volunteers need —
 * - the Japanese phrases Decap's own `ja` lacks (src/i18n/decap-ja.ts);
 * - previews laid out as the site's pages, in the site's styles (admin/preview.ts);
 * - a new entry's id made on its first save when left empty (src/lib/cms/ids.ts);
 * - list lines whose status and district markers read as words (src/lib/cms/list-markers.ts), and
 *   Japanese names for react-select's × buttons;
 * - commit messages that name the entry by its title, not only its ID (src/lib/cms/commit-title.ts),
 *   and only the translations someone wrote (src/lib/cms/translation-files.ts);
 * - a draft read back whole from npm start's local backend, the languages it left unchanged
 *   included (src/lib/cms/draft-files.ts).
 * Not inside a frame: another site could show the CMS in one and trick a volunteer into
 * clicking (publishing, deleting) there, so Decap is not even loaded.
 */
import siteCss from '../src/styles/global.css?inline';
import previewCss from './preview.css?inline';
import cmsCss from './cms.css?inline';
import { decapEditorComponentsJa, decapJa } from '../src/i18n/decap-ja.ts';
import { mergePhrases, type Phrases } from '../src/lib/cms/phrases.ts';
import { newEntryId, needsId } from '../src/lib/cms/ids.ts';
import { titledCommitMessage } from '../src/lib/cms/commit-title.ts';
import { translatedFilesOnly } from '../src/lib/cms/translation-files.ts';
import { readDraftDataFile } from '../src/lib/cms/draft-files.ts';
import { contentTypeByName } from '../src/schemas/index.ts';
import { describeFields } from '../src/lib/schema/walk.ts';
import { hasMarker, readMarkers, type MarkerLabels } from '../src/lib/cms/list-markers.ts';
import { todayInJapan } from '../src/lib/recurrence.ts';
import { t } from '../src/i18n/japanese.ts';
import type { LookupEntry } from '../src/lib/entries.ts';
import type { AdminPageData } from './page-data.ts';
import type { DecapCms, DecapWindow, ImmutableLike } from './decap-api.ts';
import { registerPreviews } from './preview.ts';

const json = <T>(id: string): T => JSON.parse(document.getElementById(id)?.textContent ?? 'null') as T;

/**
 * The right pane shows the preview unless the volunteer chose otherwise: Decap opens the second
 * language's editor there by default once i18n is on (its `cms.right-pane`), and the preview is
 * what every volunteer needs. 「言語を切り替える」 beside it opens the translation.
 */
const RIGHT_PANE = 'cms.right-pane';

function loadDecap(): Promise<DecapWindow> {
  if (localStorage.getItem(RIGHT_PANE) === null) localStorage.setItem(RIGHT_PANE, 'preview');
  const w = window as unknown as DecapWindow;
  w.CMS_MANUAL_INIT = true;
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/admin/decap-cms.js';
    script.onload = () => resolve(w);
    script.onerror = () => reject(new Error('/admin/decap-cms.js did not load'));
    document.body.appendChild(script);
  });
}

/** react-select, inside Decap, names the × of each chosen value "Remove <label>" in English. */
const REMOVE = /^Remove (.+)$/s;

/**
 * Rewrites what Decap puts on the page that no phrase reaches: the list markers in any text
 * (textContent: never HTML), and the English names of react-select's × buttons.
 */
function rewriteDecapText(labels: MarkerLabels) {
  const rename = (element: Element) => {
    const name = REMOVE.exec(element.getAttribute('aria-label') ?? '')?.[1];
    if (name) element.setAttribute('aria-label', t('admin.removeChoice', { label: name }));
  };
  const rewrite = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.textContent && hasMarker(node.textContent)) node.textContent = readMarkers(node.textContent, labels);
      return;
    }
    if (!(node instanceof Element)) return;
    rename(node);
    node.querySelectorAll('[aria-label^="Remove "]').forEach(rename);
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) rewrite(text);
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') rewrite(record.target);
      else if (record.type === 'attributes' && record.target instanceof Element) rename(record.target);
      record.addedNodes.forEach(rewrite);
    }
  }).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['aria-label'],
  });
}

/** The Markdown editor's ＋ menu in Japanese: its blocks registered again with Japanese names. */
function renameEditorComponents(CMS: DecapCms) {
  const components = CMS.getEditorComponents();
  const image = components.get('image');
  if (image) {
    const names = decapEditorComponentsJa.image.fields;
    const fields = [
      { label: names.image, name: 'image', widget: 'image', media_library: { allow_multiple: false } },
      { label: names.alt, name: 'alt' },
      { label: names.title, name: 'title' },
    ];
    CMS.registerEditorComponent({ ...image, label: decapEditorComponentsJa.image.label, fields });
  }
  const code = components.get('code-block');
  if (code) CMS.registerEditorComponent({ ...code, label: decapEditorComponentsJa.codeBlock.label });
}

/**
 * Every save's commit message with the entry's title (Decap's templates know only its ID): the
 * backend's persistEntry is wrapped where the registry makes it, for the configured Git host
 * and for npm start's local backend ('proxy'), so both write the same history.
 */
function titleCommitMessages(CMS: DecapCms, backendNames: string[], titleFields: Map<string, string>) {
  for (const name of backendNames) {
    const backend = CMS.getBackend(name);
    if (!backend) continue;
    const init = backend.init;
    backend.init = (...args) => {
      const implementation = init(...args);
      const persist = implementation.persistEntry.bind(implementation);
      implementation.persistEntry = (saved, options) => {
        const titleField = titleFields.get(options.collectionName);
        // Only translations someone wrote: Decap makes one for every language of a new entry.
        const type = contentTypeByName.get(options.collectionName);
        const entry =
          titleField && type && !type.file
            ? { ...saved, dataFiles: translatedFilesOnly(saved.dataFiles, titleField, describeFields(type.schema)) }
            : saved;
        const file = entry.dataFiles[0];
        if (!file || !titleField) return persist(entry, options);
        const commitMessage = titledCommitMessage(options.commitMessage, file.slug, file.raw, titleField);
        return persist(entry, { ...options, commitMessage });
      };
      return implementation;
    };
  }
}

/**
 * A draft of a translated entry read back whole from npm start's local backend ('proxy'): Decap
 * asks for the languages the draft left unchanged with an empty id, which decap-server refuses,
 * and then showed a draft that only adds English as if the English were the Japanese. The Git
 * hosts' backends read such a file by its path on the draft branch themselves.
 */
function readWholeLocalDrafts(CMS: DecapCms) {
  const backend = CMS.getBackend('proxy');
  if (!backend) return;
  const init = backend.init;
  backend.init = (...args) => {
    const implementation = init(...args);
    implementation.unpublishedEntryDataFile = readDraftDataFile(implementation);
    return implementation;
  };
}

async function start() {
  if (window.top !== window.self) {
    const framed = document.getElementById('framed');
    if (framed) framed.hidden = false;
    return;
  }
  const style = document.createElement('style');
  style.textContent = cmsCss;
  document.head.appendChild(style);
  const config = json<{
    backend: { name: string };
    collections: { name: string; identifier_field?: string }[];
  }>('cms-config');
  const page = json<AdminPageData>('cms-page-data');
  rewriteDecapText(page.markers);
  const w = await loadDecap();
  const { CMS } = w;
  CMS.registerLocale('ja', mergePhrases((CMS.getLocale('ja') ?? {}) as Phrases, decapJa as unknown as Phrases));
  renameEditorComponents(CMS);
  CMS.registerPreviewStyle(siteCss, { raw: true });
  CMS.registerPreviewStyle(previewCss, { raw: true });
  registerPreviews(
    w,
    new Map(Object.entries(page.lookup) as [string, LookupEntry][]),
    config.collections.map((c) => c.name),
    page.languages,
  );
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const data = entry.get('data') as ImmutableLike;
      if (!entry.get('newRecord') || !needsId(data.get('id'))) return undefined;
      const dateField = page.idDates[String(entry.get('collection'))];
      return data.set('id', newEntryId(dateField ? data.get(dateField) : undefined, todayInJapan()));
    },
  });
  titleCommitMessages(
    CMS,
    [config.backend.name, 'proxy'],
    // A folder collection's title is its identifier field; the settings file is named by its site name.
    new Map(config.collections.map((c) => [c.name, c.identifier_field ?? 'siteName'])),
  );
  readWholeLocalDrafts(CMS);
  CMS.init({ config });
}

void start();
