/**
 * Good practices shared between towns: what this site writes into its practices' JSON Feed for
 * other Tsunagari sites (the `_tsunagari` extension of each item: the entry's data as its schema
 * outputs it), and how it reads another town's feed back. Another town's feed is untrusted: its
 * shape is checked, each practice goes through the same schema as this site's own files (plain
 * text of bounded length, nothing else), text that is not text is refused, and only http(s)
 * links are kept. What is refused is named in a warning, never rendered.
 */
import { z } from 'astro/zod';
import type { Bilingual } from '../../schemas/fields.ts';
import { practiceSchema, type Practice } from '../../schemas/practice.ts';
import { describeFields } from '../schema/walk.ts';
import { formatProblem, problemsFromZod } from '../validation/messages.ts';
import { notTextProblems } from '../validation/unicode.ts';

/** The JSON Feed extension (an item key starting with '_', as JSON Feed 1.1 reserves them). */
export const SHARED_EXTENSION = '_tsunagari';

/** What an item's extension holds: which collection the entry is of, and its data. */
export interface SharedData {
  collection: string;
  data: Record<string, unknown>;
}

/** A practice from another town, as 他の地域の取り組み shows it. */
export interface SharedPractice {
  /** The town's name from this site's settings: who to credit. */
  town: string;
  /** The practice's page on the other town's site (http or https). */
  url: string;
  data: Practice;
}

/** More than this many items in one feed is not a town's practices: the rest are left out. */
export const MAX_SHARED_ITEMS = 200;

/** A feed that cannot be read at all: not JSON, not a JSON Feed. */
export class SharedFeedError extends Error {
  readonly reason: Bilingual;
  constructor(reason: Bilingual) {
    super(reason.en);
    this.reason = reason;
  }
}

const feedShape = z.object({
  version: z.string().startsWith('https://jsonfeed.org/version/1'),
  items: z.array(z.record(z.string(), z.unknown())),
});

/** An absolute http(s) address, or undefined: a feed may not send a reader to javascript: or file:. */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = URL.parse(value);
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : undefined;
}

let practiceFields: ReturnType<typeof describeFields> | undefined;

export interface ParsedSharedFeed {
  items: SharedPractice[];
  /** One line per item left out, Japanese first, naming the feed, the item and the field. */
  skipped: string[];
}

/**
 * Another town's practices from its JSON Feed text. Throws SharedFeedError when the text is not a
 * JSON Feed; an item that is not a valid practice is left out and named in `skipped`.
 * @param town the town's name in this site's settings; @param feedUrl where the feed was read.
 */
export function parseSharedFeed(text: string, town: string, feedUrl: string): ParsedSharedFeed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SharedFeedError({ ja: 'JSON として読めません', en: 'not JSON' });
  }
  const feed = feedShape.safeParse(json);
  if (!feed.success)
    throw new SharedFeedError({
      ja: 'JSON Feed の形（version と items）になっていません',
      en: 'not a JSON Feed (version and items)',
    });
  practiceFields ??= describeFields(practiceSchema);
  const items: SharedPractice[] = [];
  const skipped: string[] = [];
  for (const [index, item] of feed.data.items.slice(0, MAX_SHARED_ITEMS).entries()) {
    const where = `${feedUrl} items[${index + 1}]`;
    const shared = item[SHARED_EXTENSION] as Partial<SharedData> | undefined;
    const url = httpUrl(item['url']);
    if (shared?.collection !== 'practices' || !shared.data || typeof shared.data !== 'object') {
      skipped.push(
        `${where}: 先進事例のデータ（${SHARED_EXTENSION}）がありません。 / no practice data (${SHARED_EXTENSION}).`,
      );
      continue;
    }
    if (!url) {
      skipped.push(`${where}: url が http:// か https:// のアドレスではありません。 / url is not an http(s) address.`);
      continue;
    }
    const notText = notTextProblems(where, shared.data, '', practiceFields, '');
    const parsed = practiceSchema.safeParse(shared.data);
    const problems = parsed.success ? notText : problemsFromZod(where, parsed.error, practiceFields, shared.data);
    if (!parsed.success || problems.length) {
      skipped.push(...problems.map(formatProblem));
      continue;
    }
    items.push({ town, url, data: parsed.data });
  }
  if (feed.data.items.length > MAX_SHARED_ITEMS)
    skipped.push(
      `${feedUrl}: ${feed.data.items.length}件のうち、最初の${MAX_SHARED_ITEMS}件だけを取り込みました。 / only the first ${MAX_SHARED_ITEMS} of ${feed.data.items.length} items were imported.`,
    );
  return { items, skipped };
}
