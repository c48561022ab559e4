/**
 * Which translations get flyers: kept apart from content.ts, which reads the content, so the
 * validation (which checks the flyers' text) can import it without importing itself.
 */
import { FLYER_COLLECTIONS } from '../kinds/index.ts';
import type { ValidEntry, ValidTranslation } from '../lib/validation/validate.ts';
import type { FlyerTranslation } from './content.ts';

/**
 * The loader's translations (validate.ts) of the collections that have flyers, each with its
 * Japanese entry: the flyers in other languages are made from these.
 */
export function flyerTranslations(
  entries: ReadonlyMap<string, readonly ValidEntry[]>,
  translations: ReadonlyMap<string, readonly ValidTranslation[]>,
): FlyerTranslation[] {
  return FLYER_COLLECTIONS.flatMap((collection) => {
    const originals = new Map((entries.get(collection) ?? []).map((entry) => [entry.id, entry]));
    return (translations.get(collection) ?? []).flatMap(({ id, locale, parsed, body, file }) => {
      const entry = originals.get(id);
      return entry && locale !== 'ja' ? [{ collection, entry, locale, data: parsed, body, file }] : [];
    });
  });
}
