/**
 * The lifecycle of a notice that takes applications until a deadline: a call for helpers
 * (recruitments) and a grant a group can apply for (funding). Open until it is closed or its
 * deadline (a Japan date) has passed; lists show the open ones soonest deadline first.
 */
import { compareJa } from '../lib/collate.ts';
import type { KindEntry, Lifecycle } from './kind.ts';

export interface Deadlined {
  /** Last day to apply, 'YYYY-MM-DD' in Japan; undefined = open until further notice. */
  deadline?: string | undefined;
  status: 'open' | 'closed';
}

/**
 * When the reader's browser may hide the notice (see prefs.js): the end of its deadline day in
 * Japan, so one that closes between two daily rebuilds disappears on time.
 */
export const deadlineEnds = (data: Pick<Deadlined, 'deadline'>): string | undefined =>
  data.deadline === undefined ? undefined : `${data.deadline}T23:59:59+09:00`;

// The deadline day itself is still open, all day in Japan.
export const deadlineLifecycle = (data: Deadlined, today: string): Lifecycle =>
  data.status === 'closed' || (data.deadline !== undefined && data.deadline < today) ? 'past' : 'current';

/**
 * Open notices first, the deadline soonest first (those without one after them); closed ones
 * last, the latest deadline first; by title within a day.
 */
export function compareByDeadline<D extends Deadlined>(today: string, title: (data: D) => string) {
  const open = (r: KindEntry<D>) => deadlineLifecycle(r.data, today) !== 'past';
  return (a: KindEntry<D>, b: KindEntry<D>): number => {
    if (open(a) !== open(b)) return open(a) ? -1 : 1;
    // Undated last either way: an open one takes applications until further notice, a closed
    // one closed at no known date.
    const [x, y] = open(a)
      ? [a.data.deadline ?? '9999', b.data.deadline ?? '9999']
      : [b.data.deadline ?? '', a.data.deadline ?? ''];
    return x.localeCompare(y) || compareJa(title(a.data), title(b.data));
  };
}
