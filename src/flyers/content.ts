/**
 * What flyers are made from: every entry, validated as the build validates it, references by
 * '<collection>/<id>', and the site settings. Inside `astro build` the entries are the ones the
 * build already validated (src/integrations/flyers.ts: each file is parsed once per build); the
 * flyer scripts run on their own (scripts/flyers.ts, scripts/flyer-samples.ts) validate here,
 * and bad content stops them with the same report the build gives.
 */
import { formatReport } from '../lib/validation/messages.ts';
import { validateContent, type ValidEntry } from '../lib/validation/validate.ts';

export interface FlyerSite {
  url: string;
  siteName: string;
  publisher: string;
}

export interface FlyerContent {
  entries: ReadonlyMap<string, readonly ValidEntry[]>;
  /** `<collection>/<id>` → front matter after the schema. */
  lookup: Map<string, Record<string, unknown>>;
  site: FlyerSite;
}

/** The lookup and site settings flyers need, from validated entries; undefined without settings. */
export function flyerContent(entries: ReadonlyMap<string, readonly ValidEntry[]>): FlyerContent | undefined {
  const lookup = new Map<string, Record<string, unknown>>();
  for (const [collection, list] of entries)
    for (const entry of list) lookup.set(`${collection}/${entry.id}`, entry.parsed);
  const site = entries.get('settings')?.[0]?.parsed as FlyerSite | undefined;
  return site ? { entries, lookup, site } : undefined;
}

export const SETTINGS_MISSING = 'content/settings/site.yml がありません / content/settings/site.yml is missing';

/** For the scripts: reads and validates the content, or exits with the build's report. */
export function loadFlyerContent(root: string): FlyerContent {
  const { entries, problems } = validateContent(root);
  if (problems.length) {
    console.error(formatReport(problems));
    process.exit(1);
  }
  const content = flyerContent(entries);
  if (!content) {
    console.error(SETTINGS_MISSING);
    process.exit(1);
  }
  return content;
}
