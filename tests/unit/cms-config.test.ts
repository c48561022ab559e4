/**
 * The CMS config is built from the schemas; this proves it field by field, using zod's own
 * parsing (not the builder's walker) to decide what is required: a field is required when
 * an object without it fails to parse at that field.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { parse } from 'yaml';
import { buildCmsConfig, listMarkerLabels, type CmsField } from '../../admin/config.ts';
import { COMMIT_MESSAGES, cmsOrigins } from '../../src/lib/cms/backend.ts';
import { settingsSchema } from '../../src/schemas/settings.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { formatProblem } from '../../src/lib/validation/messages.ts';
import { FIXTURE, fixtureCopy, removeFixtureCopies } from '../helpers/fixture.ts';
import { contentTypes } from '../../src/schemas/index.ts';
import { ID_RE, TEXT_LIMITS } from '../../src/schemas/fields.ts';
import { yearInRange } from '../../src/lib/dates.ts';

type AnySchema = z.ZodType & { _zod: { def: Record<string, any> } };

/** The object (or array-of-object) shape under optional/default/pipe wrappers, if any. */
function innerShape(schema: AnySchema): Record<string, AnySchema> | undefined {
  const def = schema._zod.def;
  if (def.type === 'object') return def.shape;
  if (def.type === 'array') return innerShape(def.element);
  if (def.innerType) return innerShape(def.innerType);
  if (def.type === 'pipe') return innerShape(def.in._zod.def.type === 'transform' ? def.out : def.in);
  return undefined;
}

/** @param automaticId a folder entry's id: optional in the CMS, made on the first save (admin/cms-client.ts). */
function compare(shape: Record<string, AnySchema>, fields: CmsField[], where: string, automaticId = false) {
  const cmsNames = fields.map((f) => f.name).filter((name) => name !== 'body');
  expect(cmsNames, `${where}: same fields in the same order`).toEqual(Object.keys(shape));
  for (const field of fields) {
    if (field.name === 'body') continue;
    const schema = shape[field.name] as AnySchema;
    const required = !schema.safeParse(undefined).success && !(automaticId && field.name === 'id');
    expect(field.required, `${where}.${field.name} required`).toBe(required);
    expect(field.label, `${where}.${field.name} has a Japanese label`).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    const nested = innerShape(schema);
    const subfields = field['fields'] as CmsField[] | undefined;
    if (nested && subfields) compare(nested, subfields, `${where}.${field.name}`);
    else if (nested) throw new Error(`${where}.${field.name}: schema has nested fields, the CMS has none`);
  }
}

const ROOT = resolve(import.meta.dirname, '../..');
const config = buildCmsConfig() as { collections: Record<string, any>[]; locale: string; local_backend: unknown };

describe('Decap config from the schemas', () => {
  it('is Japanese and uses the local backend', () => {
    expect(config.locale).toBe('ja');
    expect(config.local_backend).toBe(true);
  });

  for (const type of contentTypes) {
    it(`${type.name}: every schema field is in the CMS with the same required-ness, and vice versa`, () => {
      const collection = config.collections.find((c) => c['name'] === type.name);
      expect(collection).toBeDefined();
      const fields: CmsField[] = collection?.['files'] ? collection['files'][0].fields : collection?.['fields'];
      compare(innerShape(type.schema as unknown as AnySchema) ?? {}, fields, type.name, !type.file);
      expect(fields.some((f) => f.name === 'body')).toBe(Boolean(type.body));
    });
  }

  it('lists entries with their date first, newest first, and status and district as markers the page reads', () => {
    const events = config.collections.find((c) => c['name'] === 'events');
    expect(events?.['summary']).toBe(
      "{{start | date('YYYY年M月D日')}}　{{title}}⟦status:{{status}}⟧　⟦districts:{{districts.0}}⟧⟦translations:events/{{id}}⟧",
    );
    expect(events?.['sortable_fields']).toEqual([
      { field: 'start', label: '開始日時', default_sort: 'desc' },
      { field: 'title', label: 'イベント名' },
    ]);
    expect(events?.['view_filters']).toEqual([
      { label: '中止', field: 'status', pattern: '^cancelled$' },
      { label: '延期', field: 'status', pattern: '^postponed$' },
    ]);
    const newsletters = config.collections.find((c) => c['name'] === 'newsletters');
    expect(newsletters?.['summary']).toMatch(/^\{\{month \| date\('YYYY年M月'\)\}\}/);
    // No date: by title, A to Z (あいうえお).
    const salons = config.collections.find((c) => c['name'] === 'salons');
    expect(salons?.['sortable_fields']).toEqual([{ field: 'title', label: '名前', default_sort: 'asc' }]);
    const labels = listMarkerLabels(new Map([['honcho-itchome', '本町一丁目町内会']]));
    expect(labels['status']).toMatchObject({
      scheduled: '',
      cancelled: '【中止】',
      paused: '【お休み中】',
      active: '',
    });
    expect(labels['districts']).toEqual({ 'honcho-itchome': '本町一丁目町内会' });
  });

  it("leaves a new entry's id to the CMS, checked by the same pattern when someone types one", () => {
    for (const collection of config.collections.filter((c) => c['folder'])) {
      const id = (collection['fields'] as CmsField[])[0];
      expect(id).toMatchObject({ name: 'id', required: false, pattern: [ID_RE.source, expect.any(String)] });
      expect(id?.['hint']).toContain('空欄のままで大丈夫です');
    }
  });

  it('makes references relation widgets into the right collection', () => {
    const events = config.collections.find((c) => c['name'] === 'events');
    const place = events?.['fields'].find((f: CmsField) => f.name === 'place');
    expect(place).toMatchObject({ widget: 'relation', collection: 'places', value_field: 'id', required: true });
    const districts = events?.['fields'].find((f: CmsField) => f.name === 'districts');
    expect(districts).toMatchObject({ widget: 'relation', collection: 'districts', multiple: true, min: 1 });
  });

  it('offers exactly the category vocabulary, with Japanese labels', () => {
    const events = config.collections.find((c) => c['name'] === 'events');
    const categories = events?.['fields'].find((f: CmsField) => f.name === 'categories');
    expect(categories.widget).toBe('select');
    expect(categories.multiple).toBe(true);
    expect(categories.options.find((o: { value: string }) => o.value === 'watch')).toEqual({
      label: '見守り',
      value: 'watch',
    });
  });

  it('patterns refuse in the CMS what the schema refuses', () => {
    const salons = config.collections.find((c) => c['name'] === 'salons');
    const id = salons?.['fields'].find((f: CmsField) => f.name === 'id');
    const [idPattern] = id.pattern as [string, string];
    expect(new RegExp(idPattern).test('hidamari-salon')).toBe(true);
    expect(new RegExp(idPattern).test('ひだまり')).toBe(false);
    expect(new RegExp(idPattern).test('Hidamari Salon')).toBe(false);
    const schedule = salons?.['fields'].find((f: CmsField) => f.name === 'schedule');
    const start = schedule.fields.find((f: CmsField) => f.name === 'startTime');
    expect(new RegExp(start.pattern[0]).test('10:00')).toBe(true);
    expect(new RegExp(start.pattern[0]).test('25:00')).toBe(false);
    const summary = salons?.['fields'].find((f: CmsField) => f.name === 'summary');
    expect(new RegExp(summary.pattern[0]).test('あ'.repeat(120))).toBe(true);
    expect(new RegExp(summary.pattern[0]).test('あ'.repeat(121))).toBe(false);
  });

  it('limits the length of every free-text field and body, as the build does', () => {
    /** Every string, text and Markdown field of the config, with where it is. */
    const textFields = (fields: CmsField[], where: string): [string, CmsField][] =>
      fields.flatMap((f) => [
        ...(['string', 'text', 'markdown'].includes(f.widget) ? [[`${where}.${f.name}`, f] as [string, CmsField]] : []),
        ...textFields((f['fields'] as CmsField[] | undefined) ?? [], `${where}.${f.name}`),
        ...(f['field'] ? textFields([f['field'] as CmsField], `${where}.${f.name}[]`) : []),
      ]);
    const all = config.collections.flatMap((c) =>
      textFields(c['fields'] ?? c['files']?.[0]?.['fields'] ?? [], c['name'] as string),
    );
    expect(all.length).toBeGreaterThan(50);
    for (const [where, field] of all) expect(field['pattern'], where).toBeDefined();
    const pattern = (collection: string, name: string) => {
      const field = all.find(([where]) => where === `${collection}.${name}`)?.[1];
      return new RegExp((field?.['pattern'] as [string, string])[0]);
    };
    expect(pattern('events', 'title').test('あ'.repeat(TEXT_LIMITS.line))).toBe(true);
    expect(pattern('events', 'title').test('あ'.repeat(TEXT_LIMITS.line + 1))).toBe(false);
    expect(pattern('recruitments', 'tasks').test('あ'.repeat(TEXT_LIMITS.paragraph + 1))).toBe(false);
    expect(pattern('reports', 'body').test('あ\n'.repeat(TEXT_LIMITS.body / 2))).toBe(true);
    expect(pattern('reports', 'body').test('あ\n'.repeat(TEXT_LIMITS.body / 2) + 'あ')).toBe(false);
  });

  it('refuses years outside 1900–2200 in every date and date-time field, as the build does', () => {
    const dateFields = (fields: CmsField[]): CmsField[] =>
      fields.flatMap((f) => [
        ...(f.widget === 'datetime' ? [f] : []),
        ...dateFields((f['fields'] as CmsField[] | undefined) ?? []),
        ...(f['field'] ? dateFields([f['field'] as CmsField]) : []),
      ]);
    const all = config.collections.flatMap((c) => dateFields(c['fields'] ?? []));
    expect(all.length).toBeGreaterThan(8);
    for (const field of all) {
      const [source] = field['pattern'] as [string, string];
      for (const year of ['0001', '0099', '1899', '1900', '2026', '2200', '2201', '9999']) {
        const value = `${year}-12-05${field['time_format'] === false ? '' : 'T10:00'}`;
        expect(new RegExp(source).test(value), `${field.name} ${value}`).toBe(yearInRange(value));
      }
    }
  });

  it('names new files after the ASCII id field, never the kanji title', () => {
    for (const collection of config.collections.filter((c) => c['folder']))
      expect(collection['slug']).toBe('{{fields.id}}');
  });
});

/** The fixture's settings with a `cms` block, as a council would write it in site.yml. */
const SETTINGS_FILE = 'content/settings/site.yml';
const settingsWith = (cms: string) => `${readFileSync(join(FIXTURE, SETTINGS_FILE), 'utf8')}cms:\n${cms}`;
const cmsProblems = (cms: string) =>
  validateContent(fixtureCopy({ [SETTINGS_FILE]: settingsWith(cms) })).problems.map(formatProblem);
/** The parsed `cms` of settings, as the built /admin/ reads it. */
const parsedCms = (cms: Record<string, unknown>) => settingsSchema.parse({ ...SAMPLE_SETTINGS, cms }).cms;
const SAMPLE_SETTINGS = {
  siteName: 'テスト',
  town: '架空市',
  tagline: 'テスト',
  description: 'テスト用',
  url: 'https://tsunagari.example.jp',
  publisher: '架空市社協',
  phone: '0000-12-3456',
};
const configFor = (cms: Record<string, unknown>) =>
  buildCmsConfig({ cms: parsedCms(cms) }) as { backend: Record<string, unknown>; publish_mode: string };

describe('the Git host from the site settings', () => {
  afterEach(removeFixtureCopies);

  it('GitHub: repository, branch and the OAuth helper; the API is GitHub’s', () => {
    const { backend, publish_mode } = configFor({
      host: 'github',
      repo: 'midorino-shakyo/tsunagari',
      baseUrl: 'https://cms-auth.example.jp/',
    });
    expect(backend).toEqual({
      name: 'github',
      repo: 'midorino-shakyo/tsunagari',
      branch: 'main',
      base_url: 'https://cms-auth.example.jp',
      commit_messages: COMMIT_MESSAGES,
    });
    expect(publish_mode).toBe('editorial_workflow');
    expect(cmsOrigins(parsedCms({ host: 'github', repo: 'a/b' }))).toEqual([
      'https://api.github.com',
      'https://www.githubstatus.com',
    ]);
  });

  it('GitLab on gitlab.com: PKCE with the application id, no helper', () => {
    const { backend } = configFor({ host: 'gitlab', repo: 'town/sub/tsunagari', appId: 'abc123' });
    expect(backend).toMatchObject({
      name: 'gitlab',
      repo: 'town/sub/tsunagari',
      auth_type: 'pkce',
      app_id: 'abc123',
      base_url: 'https://gitlab.com',
      api_root: 'https://gitlab.com/api/v4',
    });
  });

  it('GitLab self-hosted: the server and its API from api_root alone (Decap would default to gitlab.com)', () => {
    const cms = { host: 'gitlab', repo: 'shakyo/site', appId: 'abc', apiRoot: 'https://git.town.example.jp/api/v4/' };
    expect(configFor(cms).backend).toMatchObject({
      auth_type: 'pkce',
      base_url: 'https://git.town.example.jp',
      api_root: 'https://git.town.example.jp/api/v4',
    });
    expect(cmsOrigins(parsedCms(cms))).toEqual(['https://git.town.example.jp']);
  });

  it('Gitea: the server, its API below it, PKCE; simple publishing when approval is off', () => {
    const cms = {
      host: 'gitea',
      repo: 'shakyo/site',
      branch: 'site',
      appId: '0a1b-2c3d',
      baseUrl: 'https://gitea.example.jp',
      editorialWorkflow: false,
    };
    const { backend, publish_mode } = configFor(cms);
    expect(backend).toEqual({
      name: 'gitea',
      repo: 'shakyo/site',
      branch: 'site',
      app_id: '0a1b-2c3d',
      base_url: 'https://gitea.example.jp',
      api_root: 'https://gitea.example.jp/api/v1',
      commit_messages: COMMIT_MESSAGES,
    });
    expect(publish_mode).toBe('simple');
    expect(cmsOrigins(parsedCms(cms))).toEqual(['https://gitea.example.jp']);
  });

  it('Forgejo: api_root (its backend finds the server there), with the approval workflow', () => {
    const cms = { host: 'forgejo', repo: 'shakyo/site', appId: 'f0f0', baseUrl: 'http://forgejo.lan:3000' };
    const { backend, publish_mode } = configFor(cms);
    expect(backend).toEqual({
      name: 'forgejo',
      repo: 'shakyo/site',
      branch: 'main',
      app_id: 'f0f0',
      api_root: 'http://forgejo.lan:3000/api/v1',
      commit_messages: COMMIT_MESSAGES,
    });
    expect(publish_mode).toBe('editorial_workflow');
    expect(cmsOrigins(parsedCms(cms))).toEqual(['http://forgejo.lan:3000']);
  });

  it('without a Git host the CMS edits this computer’s files only, still with approval', () => {
    const local = buildCmsConfig({ localBackendPort: 9123 }) as Record<string, any>;
    expect(local['backend']).toMatchObject({ name: 'proxy', proxy_url: 'http://localhost:9123/api/v1' });
    expect(local['local_backend']).toEqual({ url: 'http://localhost:9123/api/v1' });
    expect(local['publish_mode']).toBe('editorial_workflow');
    expect(cmsOrigins(undefined)).toEqual([]);
  });

  it('commit messages are Japanese and name the collection and the entry (by its ID: Decap has no title placeholder)', () => {
    const { backend } = configFor({ host: 'github', repo: 'a/b' });
    const messages = backend['commit_messages'] as Record<string, string>;
    for (const type of ['create', 'update', 'delete'])
      expect(messages[type], type).toMatch(/^\{\{collection\}\}「\{\{slug\}\}」を[ぁ-んァ-ヶ一-龠]/);
    expect(messages['uploadMedia']).toContain('{{path}}');
    // Only the placeholders Decap 3.16.3 fills in (decap-cms-core src/lib/formatters.ts).
    const known = new Set(['collection', 'slug', 'path', 'author-login', 'author-name', 'message']);
    for (const message of Object.values(messages))
      for (const [, name] of message.matchAll(/\{\{([^}]+)\}\}/g)) expect(known, message).toContain(name);
  });

  it('the sample site settings use GitHub with approval', () => {
    const sample = settingsSchema.parse(parse(readFileSync(join(ROOT, SETTINGS_FILE), 'utf8')));
    const built = buildCmsConfig({ cms: sample.cms }) as Record<string, any>;
    expect(built['backend']).toMatchObject({ name: 'github', branch: 'main' });
    expect(built['publish_mode']).toBe('editorial_workflow');
  });

  it('accepts a complete Git host in site.yml', () => {
    expect(cmsProblems('  host: gitlab\n  repo: shakyo/site\n  appId: abc\n')).toEqual([]);
    expect(
      cmsProblems(
        "  host: gitea\n  repo: a/b\n  appId: x\n  baseUrl: ''\n  apiRoot: https://g.example.jp/api/v1\n  editorialWorkflow: false\n",
      ),
    ).toEqual([]);
  });

  it('says in Japanese first what is missing or wrong for each host', () => {
    expect(cmsProblems('  host: gitlab\n  repo: shakyo/site\n')).toEqual([
      'content/settings/site.yml: cms.appId（アプリケーションID（app_id））: GitLab でログインするには、OAuth アプリケーションのクライアントID（appId）が要ります。GitLab の設定で、リダイレクトURIを https://example.jp/admin/ にしたアプリケーションを作り、そのIDを書いてください（docs/DEPLOY.md）。 / GitLab needs the client id of an OAuth application (appId) whose redirect URI is https://example.jp/admin/; see docs/DEPLOY.md.',
    ]);
    expect(cmsProblems('  host: forgejo\n  repo: shakyo/site\n  appId: abc\n')).toEqual([
      "content/settings/site.yml: cms.baseUrl（ログイン用のアドレス（base_url））: Forgejo のサーバーのアドレスがありません。baseUrl に、そのサーバーのアドレス（例: https://git.example.jp）を書いてください。 / the Forgejo server's address is missing; set baseUrl (e.g. https://git.example.jp).",
    ]);
    expect(
      cmsProblems('  host: gitea\n  repo: shakyo/site\n  appId: abc\n  baseUrl: https://gitea.example.jp\n'),
    ).toEqual([
      'content/settings/site.yml: cms.editorialWorkflow（公開前に承認する）: Gitea では「公開前に承認する」が使えません（Decap CMS 3.16 の Gitea 用の部品にこの機能がありません）。editorialWorkflow を false にするか、承認が使える GitHub・GitLab・Forgejo を選んでください。 / Decap CMS 3.16 has no editorial workflow for Gitea; set editorialWorkflow to false or choose GitHub, GitLab or Forgejo.',
    ]);
  });

  it('refuses an unknown host, a repository without its owner and an address that is not a URL', () => {
    const problems = cmsProblems('  host: bitbucket\n  repo: tsunagari\n  baseUrl: cms-auth.example.jp\n');
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(
      /^content\/settings\/site\.yml: cms\.host（Git ホスト）: 「bitbucket」 — .*github（GitHub）/,
    );
    expect(problems[1]).toMatch(
      /^content\/settings\/site\.yml: cms\.repo（リポジトリ）: 「tsunagari」 — .*持ち主\/名前/,
    );
    expect(problems[2]).toMatch(
      /^content\/settings\/site\.yml: cms\.baseUrl（ログイン用のアドレス（base_url））: 「cms-auth\.example\.jp」 — .*https:\/\//,
    );
  });
});
