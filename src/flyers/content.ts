/**
 * What the flyer scripts (scripts/flyers.ts, scripts/flyer-samples.ts) render from: every entry,
 * validated as the build validates it, references by '<collection>/<id>', and the site settings.
 * Bad content stops the script with the same report the build gives.
 */
import { formatReport } from '../lib/validation/messages.ts';
import { validateContent } from '../lib/validation/validate.ts';

export interface FlyerSite {
  url: string;
  siteName: string;
  publisher: string;
}

export function loadFlyerContent(root: string) {
  const { entries, problems } = validateContent(root);
  if (problems.length) {
    console.error(formatReport(problems));
    process.exit(1);
  }
  const lookup = new Map<string, Record<string, unknown>>();
  for (const [collection, list] of entries)
    for (const entry of list) lookup.set(`${collection}/${entry.id}`, entry.parsed);
  const site = entries.get('settings')?.[0]?.parsed as FlyerSite | undefined;
  if (!site) {
    console.error('content/settings/site.yml がありません / content/settings/site.yml is missing');
    process.exit(1);
  }
  return { entries, lookup, site };
}
