/**
 * What the 防災メモ sheets are made from (src/lib/bosai-memo.ts), read from the entries a build
 * or script validated — the same entries and schemas the 防災 pages' getCollection gives, so a
 * sheet lists the shelters its page lists.
 */
import type { BosaiMemoSources, MemoOrganization, MemoPlace } from '../../lib/bosai-memo.ts';
import type { ValidEntry } from '../../lib/validation/validate.ts';
import { NO_EMERGENCY } from '../../schemas/emergency.ts';
import type { Settings } from '../../schemas/settings.ts';

const of = <T>(entries: ReadonlyMap<string, readonly ValidEntry[]>, collection: string): { id: string; data: T }[] =>
  (entries.get(collection) ?? []).map((e) => ({ id: e.id, data: e.parsed as T }));

/** Undefined when the site has no settings (the build reports that elsewhere). */
export function memoSources(
  entries: ReadonlyMap<string, readonly ValidEntry[]>,
  today: string,
): { sources: BosaiMemoSources; siteName: string } | undefined {
  const settings = entries.get('settings')?.[0]?.parsed as Settings | undefined;
  if (!settings) return undefined;
  const emergency = settings.emergency ?? NO_EMERGENCY;
  const districts = of<{ name: string; parent?: string }>(entries, 'districts').map(({ id, data }) => ({
    id,
    name: data.name,
    parent: data.parent,
  }));
  return {
    siteName: settings.siteName,
    sources: {
      districts,
      places: of<MemoPlace['data']>(entries, 'places'),
      organizations: of<MemoOrganization['data']>(entries, 'organizations'),
      townNumbers: emergency.numbers,
      supportDesk: emergency.supportDesk,
      supportPhone: emergency.supportPhone,
      townName: settings.openData?.municipality ?? settings.town,
      siteUrl: settings.url,
      today,
    },
  };
}
