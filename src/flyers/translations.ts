/**
 * Which translations get flyers: kept apart from content.ts, which reads the content, so the
 * validation (which checks the flyers' text) can import it without importing itself.
 */
import { FLYER_COLLECTIONS } from '../kinds/index.ts';
import type { ValidEntry, ValidTranslation } from '../lib/validation/validate.ts';
import type { FlyerTranslation } from './content.ts';

/** The translated site name and publisher of a settings translation, where it gives them as text. */
function siteTexts(data: Record<string, unknown> | undefined): FlyerTranslation['site'] {
  const { siteName, publisher } = data ?? {};
  return typeof siteName === 'string' && typeof publisher === 'string' ? { siteName, publisher } : undefined;
}

/**
 * The loader's translations (validate.ts) of the collections that have flyers, each with its
 * Japanese entry: the flyers in other languages are made from these, with the site's name
 * and publisher in their language (`content/settings/site.<locale>.yml`, merged over the
 * Japanese by the loader, so a text it does not translate stays Japanese).
 */
export function flyerTranslations(
  entries: ReadonlyMap<string, readonly ValidEntry[]>,
  translations: ReadonlyMap<string, readonly ValidTranslation[]>,
): FlyerTranslation[] {
  const sites = new Map(
    (translations.get('settings') ?? []).map(({ locale, parsed }) => [locale, siteTexts(parsed)] as const),
  );
  return FLYER_COLLECTIONS.flatMap((collection) => {
    const originals = new Map((entries.get(collection) ?? []).map((entry) => [entry.id, entry]));
    return (translations.get(collection) ?? []).flatMap(({ id, locale, parsed, body, file }) => {
      const entry = originals.get(id);
      if (!entry || locale === 'ja') return [];
      const site = sites.get(locale);
      return [{ collection, entry, locale, data: parsed, body, file, ...(site ? { site } : {}) }];
    });
  });
}
