/**
 * Another town's practices feed, fetched at build time and kept: a town's site that is down, slow
 * or sends something broken must not stop this town's build, nor empty its page of what was
 * shared before. Each good answer is cached (in .cache/shared-practices/ by the build); on any
 * failure the last cached answer is used and a warning says so, Japanese first. The network and
 * the cache are passed in, so the tests drive every case without the build.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bilingual } from '../../schemas/fields.ts';
import { formatDateJa, formatTimeJa } from '../dates.ts';
import { parseSharedFeed, SharedFeedError, type SharedPractice } from './shared.ts';

/** How long a town's site gets to send its whole feed. */
export const SHARED_FEED_TIMEOUT_MS = 10_000;

/** A town's practices are a few dozen entries; more than this is not a feed of them. */
export const SHARED_FEED_MAX_BYTES = 2 * 1024 * 1024;

/** What was kept of a feed: the text last read well and when. */
export interface CachedFeed {
  feedUrl: string;
  /** ISO instant of the fetch. */
  fetchedAt: string;
  text: string;
}

export interface FeedCache {
  read(feedUrl: string): CachedFeed | undefined;
  write(entry: CachedFeed): void;
}

export interface SharedFeedDeps {
  fetch: (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;
  cache: FeedCache;
  now: () => Date;
  timeoutMs?: number;
}

export interface SharedFeedResult {
  town: string;
  feedUrl: string;
  items: SharedPractice[];
  /** When the shown items were fetched (ISO), undefined when there are none to show. */
  fetchedAt?: string;
  /** Whether they are from this build's fetch (false: the cached copy, or nothing). */
  fresh: boolean;
  /** Lines for the build log, Japanese first. */
  warnings: string[];
}

/** A cache of one JSON file per feed in `dir`, named by a hash of the feed's address. */
export function fileCache(dir: string): FeedCache {
  const path = (feedUrl: string) =>
    join(dir, `${createHash('sha256').update(feedUrl).digest('hex').slice(0, 24)}.json`);
  return {
    read(feedUrl) {
      try {
        const entry = JSON.parse(readFileSync(path(feedUrl), 'utf8')) as Partial<CachedFeed>;
        const { fetchedAt, text } = entry;
        return entry.feedUrl === feedUrl && typeof fetchedAt === 'string' && typeof text === 'string'
          ? { feedUrl, fetchedAt, text }
          : undefined;
      } catch {
        return undefined;
      }
    },
    write(entry) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path(entry.feedUrl), `${JSON.stringify(entry)}\n`);
    },
  };
}

/** The body as text, refused past `max` bytes (a server that never stops sending is stopped). */
async function boundedText(response: Response, max: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new SharedFeedError({
        ja: `大きすぎます（${Math.round(max / 1024 / 1024)} MB まで）`,
        en: `larger than ${Math.round(max / 1024 / 1024)} MB`,
      });
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/** Why a fetch failed, in words a town's staff can act on. */
function reasonOf(error: unknown, timeoutMs: number): Bilingual {
  if (error instanceof SharedFeedError) return error.reason;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return {
      ja: `${timeoutMs / 1000}秒待っても届きませんでした`,
      en: `no complete answer within ${timeoutMs / 1000} s`,
    };
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return {
    ja: `つながりませんでした（${String(cause ?? (error as Error).message)}）`,
    en: `could not connect (${String(cause ?? (error as Error).message)})`,
  };
}

const when = (iso: string) => {
  const at = new Date(iso);
  return `${formatDateJa(at)} ${formatTimeJa(at)}`;
};

/**
 * One town's practices: fetched and checked, else the cached copy with a warning, else none
 * with a warning. Never throws for what the other site does.
 */
export async function loadSharedFeed(
  town: { name: string; practicesFeed: string },
  deps: SharedFeedDeps,
): Promise<SharedFeedResult> {
  const feedUrl = town.practicesFeed;
  const timeoutMs = deps.timeoutMs ?? SHARED_FEED_TIMEOUT_MS;
  const base = { town: town.name, feedUrl };
  try {
    const response = await deps.fetch(feedUrl, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { Accept: 'application/feed+json, application/json' },
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new SharedFeedError({
        ja: `サーバーが ${response.status} を返しました`,
        en: `the server answered ${response.status}`,
      });
    }
    const text = await boundedText(response, SHARED_FEED_MAX_BYTES);
    const { items, skipped } = parseSharedFeed(text, town.name, feedUrl);
    const fetchedAt = deps.now().toISOString();
    deps.cache.write({ feedUrl, fetchedAt, text });
    const warnings = skipped.map((line) => `「${town.name}」の先進事例のうち、取り込まなかったもの: ${line}`);
    return { ...base, items, fetchedAt, fresh: true, warnings };
  } catch (error) {
    const reason = reasonOf(error, timeoutMs);
    const problem = `「${town.name}」の先進事例のフィード（${feedUrl}）を取り込めませんでした: ${reason.ja}。`;
    const cached = deps.cache.read(feedUrl);
    if (cached) {
      try {
        const { items } = parseSharedFeed(cached.text, town.name, feedUrl);
        return {
          ...base,
          items,
          fetchedAt: cached.fetchedAt,
          fresh: false,
          warnings: [
            `${problem}前回（${when(cached.fetchedAt)}）に取り込んだ${items.length}件を表示します。 / could not fetch the practices feed of ${town.name} (${feedUrl}): ${reason.en}; showing the ${items.length} fetched ${cached.fetchedAt}.`,
          ],
        };
      } catch {
        // A cache written by an older build that no longer reads is as good as none.
      }
    }
    return {
      ...base,
      items: [],
      fresh: false,
      warnings: [
        `${problem}まだ一度も取り込めていないため、この地域の取り組みは表示されません。 / could not fetch the practices feed of ${town.name} (${feedUrl}): ${reason.en}; nothing cached yet, so none are shown.`,
      ],
    };
  }
}
