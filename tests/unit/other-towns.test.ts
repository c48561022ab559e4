/**
 * Other towns in the site settings (otherTowns): what a town writes, the Japanese-first errors
 * when it is wrong, the CMS fields it gets, and the search page's bundles and the
 * Content-Security-Policy widened for their hosts only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCmsConfig, type CmsField } from '../../admin/config.ts';
import { settingsSchema } from '../../src/schemas/settings.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { formatProblem } from '../../src/lib/validation/messages.ts';
import { searchOrigins, searchTowns } from '../../src/lib/search/towns.ts';
import {
  CONTENT_SECURITY_POLICY,
  SEARCH_CONTENT_SECURITY_POLICY,
  headersWithSearchPolicy,
  searchContentSecurityPolicy,
} from '../../src/lib/seo/csp.ts';
import { FIXTURE, fixtureCopy, removeFixtureCopies } from '../helpers/fixture.ts';
const ROOT = join(import.meta.dirname, '../..');

const SETTINGS_FILE = 'content/settings/site.yml';
const problemsWith = (otherTowns: string) =>
  validateContent(
    fixtureCopy({ [SETTINGS_FILE]: `${readFileSync(join(FIXTURE, SETTINGS_FILE), 'utf8')}otherTowns:\n${otherTowns}` }),
  ).problems.map(formatProblem);

const BASE = {
  siteName: 'テスト',
  town: '架空市',
  tagline: 'テスト',
  description: 'テスト用',
  url: 'https://tsunagari.example.jp',
  publisher: '架空市社協',
  phone: '0000-12-3456',
};

describe('otherTowns in the site settings', () => {
  afterEach(removeFixtureCopies);

  it('is empty unless written, and takes a feed, an index or both', () => {
    expect(settingsSchema.parse(BASE).otherTowns).toEqual([]);
    expect(
      problemsWith(
        [
          '  - name: やまびこ町',
          '    practicesFeed: https://yamabiko.example.jp/practices/feed.json',
          '    searchIndex: https://yamabiko.example.jp/pagefind/',
          '  - name: すずかけ村',
          "    practicesFeed: ''",
          '    searchIndex: https://suzukake.example.jp/pagefind',
          '',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('says in Japanese first which town lacks what, with the file, field and value', () => {
    expect(problemsWith('  - name: やまびこ町\n')).toEqual([
      'content/settings/site.yml: otherTowns[1].practicesFeed（先進事例のフィード（JSON））: 「やまびこ町」には、先進事例のフィード（practicesFeed）か検索の索引（searchIndex）の少なくとも一つを書いてください。 / give "やまびこ町" a practicesFeed, a searchIndex or both.',
    ]);
    expect(problemsWith('  - name: やまびこ町\n    searchIndex: https://yamabiko.example.jp/search/\n')).toEqual([
      'content/settings/site.yml: otherTowns[1].searchIndex（検索の索引（Pagefind））: 「https://yamabiko.example.jp/se…」（35字） — 検索の索引は、その地域のサイトの /pagefind/ で終わるアドレスにしてください（例: https://yamabiko.example.jp/pagefind/）。 / the searchIndex must be the address of the site’s /pagefind/ folder (e.g. https://yamabiko.example.jp/pagefind/).',
    ]);
    expect(problemsWith('  - name: やまびこ町\n    practicesFeed: ftp://yamabiko.example.jp/feed.json\n')).toEqual([
      'content/settings/site.yml: otherTowns[1].practicesFeed（先進事例のフィード（JSON））: 「ftp://yamabiko.example.jp/feed…」（35字） — 書き方が違います。http:// か https:// で始まるアドレスを書いてください。 / wrong format; write an address starting with http:// or https://.',
    ]);
  });

  it('is a list of towns in the CMS settings, each with its name, feed and index', () => {
    const config = buildCmsConfig() as { collections: { name: string; files?: { fields: CmsField[] }[] }[] };
    const settings = config.collections.find((c) => c.name === 'settings')?.files?.[0]?.fields ?? [];
    const towns = settings.find((f) => f.name === 'otherTowns') as CmsField & { fields?: CmsField[] };
    expect(towns).toMatchObject({ label: '他の地域（先進事例と検索の共有）', widget: 'list', required: false });
    expect(towns.fields?.map((f) => [f.name, f.label, f.required])).toEqual([
      ['name', '地域の名前', true],
      ['practicesFeed', '先進事例のフィード（JSON）', false],
      ['searchIndex', '検索の索引（Pagefind）', false],
    ]);
  });

  it('is not in the sample settings, which would fetch fictional towns at every build', () => {
    expect(readFileSync(join(ROOT, SETTINGS_FILE), 'utf8')).not.toContain('otherTowns');
  });
});

describe('searching other towns', () => {
  const towns = searchTowns(
    settingsSchema.parse({
      ...BASE,
      otherTowns: [
        { name: 'やまびこ町', searchIndex: 'https://yamabiko.example.jp/pagefind' },
        { name: 'やまびこ町（子育て）', searchIndex: 'https://yamabiko.example.jp/kosodate/pagefind/?v=1' },
        { name: 'すずかけ村', practicesFeed: 'https://suzukake.example.jp/practices/feed.json' },
        { name: 'ほしぞら町', searchIndex: 'http://127.0.0.1:4321/pagefind/' },
      ],
    }).otherTowns,
  );

  it('hands the search page each bundle and the site its result paths belong to', () => {
    expect(towns).toEqual([
      { name: 'やまびこ町', bundle: 'https://yamabiko.example.jp/pagefind/', site: 'https://yamabiko.example.jp/' },
      {
        name: 'やまびこ町（子育て）',
        bundle: 'https://yamabiko.example.jp/kosodate/pagefind/',
        site: 'https://yamabiko.example.jp/kosodate/',
      },
      { name: 'ほしぞら町', bundle: 'http://127.0.0.1:4321/pagefind/', site: 'http://127.0.0.1:4321/' },
    ]);
    expect(searchOrigins(towns)).toEqual(['https://yamabiko.example.jp', 'http://127.0.0.1:4321']);
  });

  it('lets the search page fetch from those hosts only, and no other page', () => {
    const policy = searchContentSecurityPolicy(searchOrigins(towns));
    expect(policy).toContain("connect-src 'self' https://yamabiko.example.jp http://127.0.0.1:4321;");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy.replace(' https://yamabiko.example.jp http://127.0.0.1:4321', '')).toBe(
      SEARCH_CONTENT_SECURITY_POLICY,
    );
    expect(searchContentSecurityPolicy([])).toBe(SEARCH_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self';");
  });

  it('widens the _headers rules of the search page and Pagefind’s worker, not the rest', () => {
    const headers = readFileSync(join(ROOT, 'public/_headers'), 'utf8');
    expect(headersWithSearchPolicy(headers, [])).toBe(headers);
    const widened = headersWithSearchPolicy(headers, ['https://yamabiko.example.jp']);
    const changed = widened.split('\n').filter((line, i) => line !== headers.split('\n')[i]);
    expect(changed).toEqual([
      `  Content-Security-Policy: ${searchContentSecurityPolicy(['https://yamabiko.example.jp'])}; frame-ancestors 'none'`,
      `  Content-Security-Policy: ${searchContentSecurityPolicy(['https://yamabiko.example.jp'])}; frame-ancestors 'none'`,
    ]);
    const rule = (text: string, path: string) => text.split('\n\n').find((block) => block.split('\n').includes(path));
    expect(rule(widened, '/search/*')).toContain('https://yamabiko.example.jp');
    expect(rule(widened, '/pagefind/*')).toContain('https://yamabiko.example.jp');
    expect(rule(widened, '/pagefind-past/*')).not.toContain('https://yamabiko.example.jp');
    expect(() => headersWithSearchPolicy('/*\n  X: y\n', ['https://a.example.jp'])).toThrow(
      'public/_headers: the /search/* rule has no Content-Security-Policy line',
    );
  });

  it('serves a large town’s further parts of a search bundle as the bundle is served (shards.ts)', () => {
    const headers = readFileSync(join(ROOT, 'public/_headers'), 'utf8');
    const parted = headersWithSearchPolicy(
      headers,
      ['https://yamabiko.example.jp'],
      [],
      ['pagefind-2', 'pagefind-past-2'],
    );
    /** Every header the rules of `path` give, in order. */
    const rules = (text: string, path: string) =>
      text
        .split('\n\n')
        .filter((block) => block.split('\n').includes(path))
        .flatMap((block) => block.split('\n').filter((line) => line.startsWith(' ')));
    expect(rules(parted, '/pagefind-2/*')).toEqual(rules(parted, '/pagefind/*'));
    expect(rules(parted, '/pagefind-2/*')).toContain('  Access-Control-Allow-Origin: *');
    expect(rules(parted, '/pagefind-2/*').join('\n')).toContain("'wasm-unsafe-eval'");
    expect(rules(parted, '/pagefind-past-2/*')).toEqual(rules(parted, '/pagefind-past/*'));
    expect(rules(parted, '/pagefind-past-2/*')).not.toContain('  Access-Control-Allow-Origin: *');
  });

  it('gives the search page in every other language the search page’s rule, widened or not', () => {
    const headers = readFileSync(join(ROOT, 'public/_headers'), 'utf8');
    // A rule's lines: the indented ones under its path.
    const rule = (text: string, path: string) => {
      const lines = text.split('\n');
      const start = lines.indexOf(path);
      const end = lines.findIndex((line, k) => k > start && !line.startsWith(' '));
      return start < 0 ? undefined : lines.slice(start + 1, end < 0 ? undefined : end);
    };
    for (const origins of [[], ['https://yamabiko.example.jp']]) {
      const written = headersWithSearchPolicy(headers, origins, ['/en/search/*', '/vi/search/*']);
      expect(rule(written, '/en/search/*')).toEqual(rule(written, '/search/*'));
      expect(rule(written, '/vi/search/*')).toEqual(rule(written, '/search/*'));
      expect(rule(written, '/en/search/*')?.join('\n')).toContain("'wasm-unsafe-eval'");
    }
  });
});
