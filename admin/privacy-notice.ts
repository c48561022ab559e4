/**
 * Asks before a report or newsletter is saved when its body looks like it holds a private
 * person's data (src/lib/cms/privacy-question.ts): OK saves, キャンセル stops the save — Decap
 * then says the save failed, with our sentence, and the editor keeps the text. Bundled by Astro
 * from src/pages/admin/index.astro, apart from admin/cms-client.ts: it registers its listener
 * when Decap's bundle has loaded, whenever that is.
 */
import { t } from '../src/i18n/japanese.ts';
import { checkedCollections, privacyQuestion } from '../src/lib/cms/privacy-question.ts';

interface Entry {
  get(key: string): unknown;
}
interface Cms {
  registerEventListener(listener: { name: 'preSave'; handler: (event: { entry: Entry }) => undefined }): void;
}
type DecapGlobal = { CMS?: Cms };

let registered = false;

function register(cms: Cms) {
  if (registered) return;
  registered = true;
  const config = JSON.parse(document.getElementById('cms-config')?.textContent ?? '{}') as {
    collections?: { name: string; fields?: { name: string }[] }[];
  };
  const checked = checkedCollections(config.collections ?? []);
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      if (!checked.has(String(entry.get('collection')))) return undefined;
      const data = (entry.get('data') as { toJS(): Record<string, unknown> }).toJS();
      const question = privacyQuestion(data);
      // Throwing is how a preSave listener stops a save in Decap 3.
      if (question && !window.confirm(question)) throw new Error(t('admin.privacyCancelled'));
      return undefined;
    },
  });
}

const decap = window as unknown as DecapGlobal;
if (decap.CMS) register(decap.CMS);
else
  document.addEventListener(
    'load',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLScriptElement && target.src.endsWith('/admin/decap-cms.js') && decap.CMS)
        register(decap.CMS);
    },
    // A script's load event does not bubble: caught on its way down.
    true,
  );
