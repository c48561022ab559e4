/**
 * The id (file name and URL) of an entry a volunteer creates in the CMS without choosing one:
 * the entry's own day and a short random suffix, e.g. 20261205-k3fq. ASCII as ID_RE requires,
 * sortable by day in a folder listing, and unlikely to collide (31^4 ≈ 920,000 per day).
 */
import { ID_RE } from '../../schemas/fields.ts';

// No 0/o, 1/l/i: someone reading an id aloud over the phone should not have to ask which.
const SUFFIX_LETTERS = 'abcdefghjkmnpqrstuvwxyz23456789';
const SUFFIX_LENGTH = 4;

/** 'YYYY-MM-DD…' or 'YYYY-MM' → 'YYYYMMDD' / 'YYYYMM'; undefined for anything else. */
export function dayDigits(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
  return match ? `${match[1]}${match[2]}${match[3] ?? ''}` : undefined;
}

/**
 * @param day the entry's date field's value, if it has one ('YYYY-MM-DD…' or 'YYYY-MM')
 * @param today 'YYYY-MM-DD' in Japan, used when the entry has no date
 * @param random a source of numbers in [0, 1) (tests pass a fixed one)
 */
export function newEntryId(day: unknown, today: string, random: () => number = Math.random): string {
  const prefix = dayDigits(day) ?? dayDigits(today);
  if (!prefix) throw new Error(`newEntryId: today ('${today}') is not a YYYY-MM-DD date`);
  let suffix = '';
  for (let i = 0; i < SUFFIX_LENGTH; i++)
    suffix += SUFFIX_LETTERS[Math.floor(random() * SUFFIX_LETTERS.length) % SUFFIX_LETTERS.length];
  const id = `${prefix}-${suffix}`;
  // Guards the letters above against a later edit: the build refuses any other id.
  if (!ID_RE.test(id)) throw new Error(`newEntryId made '${id}', which ID_RE refuses`);
  return id;
}

/** Whether an entry still needs an id: the volunteer left the optional field empty. */
export const needsId = (id: unknown): boolean => typeof id !== 'string' || id.trim() === '';
