/**
 * The site's own readings, from the two places a volunteer writes them: the site settings'
 * `furigana` list (any word) and each district's よみがな (`kana`, written for sorting and
 * furigana). The dictionary reads some district names wrong (本町一丁目町内会 as ほんまち
 * いちちょうめ…, where the district says ほんちょういっちょうめ…); the district's own reading is
 * the town's. The settings win where both name a word.
 */
import { alignReading, hasKanji, type Override } from './segments.ts';

export interface NamedReading {
  name: string;
  kana?: string | undefined;
}

/** Overrides for createFurigana/readingOf: the districts' names with their kana, then the settings' words. */
export function siteOverrides(settings: readonly Override[], districts: readonly NamedReading[] = []): Override[] {
  const fromDistricts = districts.flatMap(({ name, kana }) => {
    const reading = (kana ?? '').replace(/\s+/g, '');
    // A reading that does not fit the name's kana (a nickname, a typo) is left to the dictionary.
    return hasKanji(name) && reading && alignReading(name, reading) ? [{ word: name, reading }] : [];
  });
  return [...fromDistricts, ...settings];
}
