/**
 * SDGs goals as the site shows them (issue 18, item 3): the badge's colours, the search filter
 * and which entries each goal's page lists. Pure; the pages pass in the loaded entries.
 */
import type { UIKey } from '../i18n/ja.ts';
import { compareJa } from './collate.ts';
import { SDG_COLOURS, SDG_GOALS, type SdgGoal } from '../schemas/sdgs.ts';

export { SDG_GOALS, type SdgGoal };

/** The search filter of an entry's goals (src/lib/search/document.ts): SDGs → each goal's name. */
export const sdgsFilter = (goals: readonly SdgGoal[]): { name: UIKey; values: UIKey[] } => ({
  name: 'fact.sdgs',
  values: [...goals].sort((a, b) => Number(a) - Number(b)).map((goal) => `sdg.${goal}` as const),
});

/** The topics part of an entry's goals: the filter when it has any, nothing when it has none. */
export const sdgsTopics = (goals: readonly SdgGoal[]): { filters?: { name: UIKey; values: UIKey[] }[] } =>
  goals.length ? { filters: [sdgsFilter(goals)] } : {};

// WCAG 2.x relative luminance of a '#RRGGBB' colour.
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two '#RRGGBB' colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * A goal's badge colours: its own colour behind the number, with black or white text, whichever
 * reads better. Several goal colours (7's yellow, 11's orange) are too light for white text, so
 * the UN's own white-on-colour would fail WCAG's 4.5:1 there.
 */
export function sdgBadge(goal: SdgGoal): { background: string; text: string } {
  const background = SDG_COLOURS[goal];
  const text = contrast(background, '#FFFFFF') >= contrast(background, '#000000') ? '#FFFFFF' : '#000000';
  return { background, text };
}

/** An entry a goal's page lists: its page, title and which type it is. */
export interface SdgEntry {
  collection: string;
  href: string;
  title: string;
  goals: readonly SdgGoal[];
}

/**
 * The entries of each goal, in goal order; within a goal by type as `collections` orders them,
 * then by title. Every goal is there, with no entries when none is tagged.
 */
export function entriesByGoal(
  entries: readonly SdgEntry[],
  collections: readonly string[],
): { goal: SdgGoal; entries: SdgEntry[] }[] {
  const rank = (e: SdgEntry) => {
    const i = collections.indexOf(e.collection);
    return i < 0 ? collections.length : i;
  };
  const sorted = [...entries].sort((a, b) => rank(a) - rank(b) || compareJa(a.title, b.title));
  return SDG_GOALS.map((goal) => ({ goal, entries: sorted.filter((e) => e.goals.includes(goal)) }));
}
