/**
 * Good practices shared between towns: another town's JSON Feed read back through the practice
 * schema (untrusted text and links refused), fetched with a time limit and cached, the cached
 * copy kept with a Japanese-first warning when the town's site is down, slow or broken — with
 * an injected fetch, and with real fetches from a local HTTP server (good, malformed, silent).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  httpUrl,
  MAX_SHARED_ITEMS,
  parseSharedFeed,
  SHARED_EXTENSION,
  SharedFeedError,
} from '../../src/lib/feeds/shared.ts';
import {
  fileCache,
  loadSharedFeed,
  SHARED_FEED_MAX_BYTES,
  type CachedFeed,
  type FeedCache,
  type SharedFeedDeps,
} from '../../src/lib/feeds/shared-fetch.ts';
import { practiceSchema } from '../../src/schemas/practice.ts';
import { newsFeeds } from '../../src/lib/feeds/news.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';

const FEED_URL = 'https://yamabiko.example.jp/practices/feed.json';
const NOW = new Date('2026-11-30T03:00:00Z');

/** A practice as a Tsunagari site writes it (the schema's output). */
const practice = (overrides: Record<string, unknown> = {}) => ({
  id: 'idohanbai-mimamori',
  title: '移動販売と見守りを組み合わせた買い物支援',
  town: '架空県やまびこ町',
  organization: 'やまびこ町社会福祉協議会',
  themes: ['shopping', 'watch'],
  background: 'スーパーが閉店し、買い物に困る方が増えました。',
  approach: '移動販売車が集落を週1回まわり、停留所でお茶会を開きます。',
  results: '利用者は週80人になりました。',
  tips: '販売会社と見守り協定を結びましょう。',
  date: '2026-10-01',
  ...overrides,
});

const item = (data: Record<string, unknown>, url = `https://yamabiko.example.jp/practices/${String(data['id'])}/`) => ({
  id: url,
  url,
  title: data['title'],
  [SHARED_EXTENSION]: { collection: 'practices', data },
});

const feedText = (...items: unknown[]) =>
  JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'やまびこ町の先進事例', items });

describe('this site’s practices feed, as another town reads it', () => {
  const root = join(import.meta.dirname, '../..');
  const practices = validateContent(root).entries.get('practices') ?? [];
  const { json, rss, atom } = newsFeeds(
    practices.map((e) => ({ collection: 'practices', id: String(e.parsed['id']), data: e.parsed, body: e.body })),
    {
      title: 'みどり野つながりネットの先進事例',
      description: '説明',
      siteUrl: 'https://tsunagari.example.jp',
      rssPath: '/practices/feed.xml',
      jsonPath: '/practices/feed.json',
      atomPath: '/practices/atom.xml',
      indexPath: '/practices/',
      now: NOW,
      publisher: 'みどり野市社会福祉協議会',
    },
  );

  it('carries every practice whole in the JSON Feed, read back through the same schema', () => {
    expect(practices.length).toBeGreaterThanOrEqual(3);
    const { items, skipped } = parseSharedFeed(json, 'みどり野市', 'https://tsunagari.example.jp/practices/feed.json');
    expect(skipped).toEqual([]);
    const byId = new Map(items.map((i) => [i.data.id, i]));
    for (const entry of practices) {
      const read = byId.get(String(entry.parsed['id']));
      expect(read?.data).toEqual(entry.parsed);
      expect(read?.url).toBe(`https://tsunagari.example.jp/practices/${String(entry.parsed['id'])}/`);
    }
  });

  it('keeps the data out of RSS and Atom, which have no place for it', () => {
    expect(rss).not.toContain(SHARED_EXTENSION);
    expect(atom).not.toContain(SHARED_EXTENSION);
  });
});

describe('reading another town’s feed', () => {
  it('keeps each valid practice with its page and the town named in the settings', () => {
    const { items, skipped } = parseSharedFeed(feedText(item(practice())), 'やまびこ町', FEED_URL);
    expect(skipped).toEqual([]);
    expect(items).toEqual([
      {
        town: 'やまびこ町',
        url: 'https://yamabiko.example.jp/practices/idohanbai-mimamori/',
        // As this site's own files are read: the same schema, defaults filled in.
        data: practiceSchema.parse(practice()),
      },
    ]);
  });

  it('refuses text that is not a JSON Feed, saying why in Japanese first', () => {
    const reason = (text: string) => {
      try {
        parseSharedFeed(text, 'やまびこ町', FEED_URL);
      } catch (error) {
        expect(error).toBeInstanceOf(SharedFeedError);
        return (error as SharedFeedError).reason;
      }
      throw new Error('not refused');
    };
    expect(reason('<html>メンテナンス中</html>')).toEqual({ ja: 'JSON として読めません', en: 'not JSON' });
    expect(reason('{"items": []}').ja).toBe('JSON Feed の形（version と items）になっていません');
    expect(reason('{"version": "https://jsonfeed.org/version/1.1", "items": {}}').en).toMatch(/not a JSON Feed/);
  });

  it('leaves out items that are not valid practices, naming the feed, the item and the field', () => {
    const { items, skipped } = parseSharedFeed(
      feedText(
        item(practice()),
        { id: 'x', url: 'https://yamabiko.example.jp/events/x/', title: '行事' },
        item(practice({ id: 'no-town', town: undefined })),
        item(practice({ id: 'long', approach: 'あ'.repeat(401) })),
        item(practice({ id: 'extra', script: '<script>alert(1)</script>' })),
        item(practice({ id: 'control', title: 'ベル\u0007の音' })),
        item(practice({ id: 'js' }), 'javascript:alert(1)'),
      ),
      'やまびこ町',
      FEED_URL,
    );
    expect(items.map((i) => i.data.id)).toEqual(['idohanbai-mimamori']);
    expect(skipped).toHaveLength(6);
    expect(skipped[0]).toBe(
      `${FEED_URL} items[2]: 先進事例のデータ（_tsunagari）がありません。 / no practice data (_tsunagari).`,
    );
    expect(skipped[1]).toMatch(new RegExp(`^${FEED_URL} items\\[3\\]: town（市町村）: `));
    expect(skipped[2]).toMatch(/items\[4\]: approach（取り組みの内容）: 「あ+…」（401字） — /);
    expect(skipped[3]).toMatch(/items\[5\]: .*script/);
    expect(skipped[4]).toMatch(/items\[6\]: title（タイトル）: 「ベル\\u0007の音」 — 文字として使えない符号/);
    expect(skipped[5]).toBe(
      `${FEED_URL} items[7]: url が http:// か https:// のアドレスではありません。 / url is not an http(s) address.`,
    );
  });

  it('takes at most MAX_SHARED_ITEMS items and says so', () => {
    const many = Array.from({ length: MAX_SHARED_ITEMS + 3 }, (_, i) => item(practice({ id: `p-${i}` })));
    const { items, skipped } = parseSharedFeed(feedText(...many), 'やまびこ町', FEED_URL);
    expect(items).toHaveLength(MAX_SHARED_ITEMS);
    expect(skipped).toEqual([
      `${FEED_URL}: ${MAX_SHARED_ITEMS + 3}件のうち、最初の${MAX_SHARED_ITEMS}件だけを取り込みました。 / only the first ${MAX_SHARED_ITEMS} of ${MAX_SHARED_ITEMS + 3} items were imported.`,
    ]);
  });

  it('keeps only absolute http(s) links', () => {
    expect(httpUrl('https://a.example.jp/x/')).toBe('https://a.example.jp/x/');
    expect(httpUrl('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080/x');
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>', 'file:///etc/passwd', '/relative/', 42, undefined])
      expect(httpUrl(bad), String(bad)).toBeUndefined();
  });
});

/** A cache in memory, as the build's file cache behaves. */
function memoryCache(): FeedCache & { entries: Map<string, CachedFeed> } {
  const entries = new Map<string, CachedFeed>();
  return { entries, read: (url) => entries.get(url), write: (entry) => void entries.set(entry.feedUrl, entry) };
}

const TOWN = { name: 'やまびこ町', practicesFeed: FEED_URL };

/** A fetch that answers every request with `respond()`. */
const answering =
  (respond: () => Response): SharedFeedDeps['fetch'] =>
  () =>
    Promise.resolve(respond());

/** A fetch that never answers, until its signal aborts it (as the real one does). */
const silent: SharedFeedDeps['fetch'] = (_url, { signal }) =>
  new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));

describe('fetching and caching a town’s feed (injected fetch)', () => {
  it('caches a good answer and shows it as fresh', async () => {
    const cache = memoryCache();
    const result = await loadSharedFeed(TOWN, {
      fetch: answering(() => new Response(feedText(item(practice())))),
      cache,
      now: () => NOW,
    });
    expect(result).toMatchObject({ town: 'やまびこ町', fresh: true, fetchedAt: NOW.toISOString(), warnings: [] });
    expect(result.items).toHaveLength(1);
    expect(cache.entries.get(FEED_URL)?.fetchedAt).toBe(NOW.toISOString());
  });

  it('keeps the last cached copy when the site is broken, slow or down, with a warning in Japanese first', async () => {
    const cache = memoryCache();
    await loadSharedFeed(TOWN, {
      fetch: answering(() => new Response(feedText(item(practice())))),
      cache,
      now: () => NOW,
    });
    const later = () => new Date('2026-12-01T03:00:00Z');
    const cases: [SharedFeedDeps['fetch'], RegExp][] = [
      [answering(() => new Response('<html>工事中</html>')), /JSON として読めません/],
      [answering(() => new Response('', { status: 503 })), /サーバーが 503 を返しました/],
      [silent, /0\.05秒待っても届きませんでした/],
      [
        () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })),
        /つながりませんでした（ECONNREFUSED）/,
      ],
    ];
    for (const [fetch, reason] of cases) {
      const result = await loadSharedFeed(TOWN, { fetch, cache, now: later, timeoutMs: 50 });
      expect(result.fresh).toBe(false);
      expect(result.items.map((i) => i.data.id)).toEqual(['idohanbai-mimamori']);
      expect(result.fetchedAt).toBe(NOW.toISOString());
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]).toMatch(reason);
      expect(result.warnings[0]).toMatch(
        /^「やまびこ町」の先進事例のフィード（https:\/\/yamabiko\.example\.jp\/practices\/feed\.json）を取り込めませんでした: .*前回（2026年11月30日\(月\) 12:00）に取り込んだ1件を表示します。 \/ could not fetch/,
      );
    }
    // The broken answers did not replace the good copy.
    expect(cache.entries.get(FEED_URL)?.fetchedAt).toBe(NOW.toISOString());
  });

  it('shows nothing from a town never fetched, and says so', async () => {
    const result = await loadSharedFeed(TOWN, { fetch: silent, cache: memoryCache(), now: () => NOW, timeoutMs: 50 });
    expect(result).toMatchObject({ items: [], fresh: false });
    expect(result.fetchedAt).toBeUndefined();
    expect(result.warnings[0]).toMatch(
      /まだ一度も取り込めていないため、この地域の取り組みは表示されません。 \/ .*nothing cached yet/,
    );
  });

  it('stops reading a feed larger than the limit', async () => {
    const huge = new Response(new Uint8Array(SHARED_FEED_MAX_BYTES + 1));
    const result = await loadSharedFeed(TOWN, { fetch: answering(() => huge), cache: memoryCache(), now: () => NOW });
    expect(result.warnings[0]).toMatch(/大きすぎます（2 MB まで）/);
  });

  it('names the items it left out of a fresh answer', async () => {
    const result = await loadSharedFeed(TOWN, {
      fetch: answering(() => new Response(feedText(item(practice()), item(practice({ id: 'x', town: '' }))))),
      cache: memoryCache(),
      now: () => NOW,
    });
    expect(result.items).toHaveLength(1);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /^「やまびこ町」の先進事例のうち、取り込まなかったもの: .*items\[2\]: town（市町村）/,
    );
  });
});

describe('the file cache', () => {
  let dir: string;
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'tsunagari-shared-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps one file per feed and reads back only its own feed', () => {
    const cache = fileCache(join(dir, 'shared-practices'));
    expect(cache.read(FEED_URL)).toBeUndefined();
    cache.write({ feedUrl: FEED_URL, fetchedAt: NOW.toISOString(), text: '{}' });
    cache.write({ feedUrl: `${FEED_URL}?b`, fetchedAt: NOW.toISOString(), text: '[]' });
    expect(cache.read(FEED_URL)).toEqual({ feedUrl: FEED_URL, fetchedAt: NOW.toISOString(), text: '{}' });
    const files = readdirSync(join(dir, 'shared-practices'));
    expect(files).toHaveLength(2);
    // A damaged file is as good as none.
    for (const file of files) writeFileSync(join(dir, 'shared-practices', file), '{"feedUrl":');
    expect(cache.read(FEED_URL)).toBeUndefined();
  });
});

describe('three towns served from 127.0.0.1: good, malformed, silent', () => {
  let server: Server;
  let base: string;
  const hanging: ServerResponse[] = [];
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tsunagari-shared-'));
    server = createServer((req, res) => {
      if (req.url === '/good/feed.json') {
        res.setHeader('Content-Type', 'application/feed+json');
        res.end(feedText(item(practice())));
      } else if (req.url === '/malformed/feed.json') {
        res.setHeader('Content-Type', 'application/feed+json');
        res.end('{"version": "https://jsonfeed.org/version/1.1", "items": [');
      } else hanging.push(res); // never answers
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterEach(() => {
    for (const res of hanging.splice(0)) res.destroy();
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the good town, keeps the cached copy for the malformed one and gives up on the silent one in time', async () => {
    const cache = fileCache(join(dir, 'cache'));
    const deps = { fetch, cache, now: () => NOW };
    const town = (name: string, path: string) => ({ name, practicesFeed: `${base}${path}` });
    // The malformed town answered well once before.
    cache.write({
      feedUrl: `${base}/malformed/feed.json`,
      fetchedAt: NOW.toISOString(),
      text: feedText(item(practice())),
    });

    const good = await loadSharedFeed(town('よい町', '/good/feed.json'), deps);
    expect(good).toMatchObject({ fresh: true, warnings: [] });
    expect(good.items[0]?.data.title).toBe('移動販売と見守りを組み合わせた買い物支援');
    expect(cache.read(`${base}/good/feed.json`)).toBeDefined();

    const malformed = await loadSharedFeed(town('こわれた町', '/malformed/feed.json'), deps);
    expect(malformed).toMatchObject({ fresh: false, fetchedAt: NOW.toISOString() });
    expect(malformed.items).toHaveLength(1);
    expect(malformed.warnings[0]).toMatch(/^「こわれた町」の.*JSON として読めません。前回/);

    // Generous for a busy machine's good answers, short for the test: the limit is what stops it.
    const started = Date.now();
    const quiet = await loadSharedFeed(town('静かな町', '/silent/feed.json'), { ...deps, timeoutMs: 1000 });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(quiet).toMatchObject({ items: [], fresh: false });
    expect(quiet.warnings[0]).toMatch(/^「静かな町」の.*1秒待っても届きませんでした。まだ一度も/);
    expect(hanging.length).toBe(1);
  });
});
