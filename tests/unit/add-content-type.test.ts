/**
 * The "add a content type" recipe of docs/ARCHITECTURE.md, followed for a fixture type, 避難所
 * (shelters): a schema built with the project's field builders, a kind, a registry entry and its
 * dictionary key. The schema list (src/schemas/index.ts), the registry (src/kinds/index.ts) and
 * the dictionary (src/i18n/ja.ts) are static modules, so the test takes each piece the recipe
 * produces and hands it to the code that reads those modules: the kind is put into the registry
 * object for this file only (what the recipe's registry line does), the dictionary key comes
 * through a translation function that knows it.
 *
 * What it cannot do: make the entry's page. Pages come from Astro's getStaticPaths over the
 * collections of src/content.config.ts, which only a build evaluates (the e2e tests build the
 * sample site). What the page shows of an entry beyond its title and body — its facts — is
 * checked here through factsFor, as the page calls it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { cmsFields } from '../../admin/config.ts';
import { t } from '../../src/i18n/index.ts';
import { factsFor, kindOf, kinds, type EntryCollection, type Kind } from '../../src/kinds/index.ts';
import { byTitle, noLinks, noPhotos, noStructuredData } from '../../src/kinds/kind.ts';
import { buildCalendarItems } from '../../src/lib/calendar.ts';
import { collectionIndex } from '../../src/lib/listings.ts';
import { entryHref } from '../../src/lib/entries.ts';
import { FactList, text, type T } from '../../src/lib/facts.ts';
import { searchBundleOf, searchDocument } from '../../src/lib/search/document.ts';
import { formatProblem } from '../../src/lib/validation/messages.ts';
import { validateFile } from '../../src/lib/validation/validate.ts';
import { defineContentType } from '../../src/schemas/define.ts';
import {
  categoriesField,
  dateField,
  idField,
  meta,
  refListField,
  textField,
  translatable,
} from '../../src/schemas/fields.ts';

// Step 1: the schema, src/schemas/shelter.ts.
const shelterSchema = z.strictObject({
  /** File name and URL. */
  id: idField(),
  /** The shelter's name as residents know it; translated (the text people read). */
  name: translatable(textField('避難所名', '例: 東小学校 体育館')),
  /** Postal address. */
  address: textField('住所', '例: みどり野市東町1-2-3'),
  /** Districts it serves. */
  districts: refListField('districts', '地区'),
  /** How many people it takes; empty if not stated. */
  capacity: meta(z.number().int().min(1).optional(), {
    label: '収容人数（人）',
    widget: 'number',
    cms: { value_type: 'int', min: 1 },
  }),
  /** The last day it is designated (building works); empty while it is. */
  until: dateField('指定の終了日').optional(),
  /** Topics, for category pages and search filters. */
  categories: categoriesField(),
});
type Shelter = z.output<typeof shelterSchema>;

const shelterType = defineContentType({
  name: 'shelters',
  schema: shelterSchema,
  label: '避難所',
  labelSingular: '避難所',
  description: '災害のときに開く避難所です。',
  titleField: 'name',
  body: { label: '避難所の案内', required: false },
});

// Step 2: the kind, src/kinds/shelter.ts.
const shelterKind = {
  facts(data, f) {
    f.add('fact.address', text(data.address));
    if (data.capacity !== undefined) f.add('fact.capacity', text(f.t('fact.people', { count: data.capacity })));
    f.add('fact.districts', f.refs('districts', data.districts));
    f.topic('fact.categories', f.categories(data.categories));
  },
  listLine: ({ id, data }) => ({ href: entryHref('shelters', id), title: data.name, meta: data.address }),
  lifecycle: (data, today) => (data.until !== undefined && data.until < today ? 'past' : 'current'),
  searchDate: () => undefined,
  districts: (data) => data.districts,
  topics: (data) => ({ categories: data.categories }),
  index: byTitle((data) => data.name),
  nav: true,
  calendar: null,
  structuredData: noStructuredData,
  links: noLinks,
  flyer: null,
  feed: null,
  photos: noPhotos,
} satisfies Kind<Shelter, null>;

// Step 3: the dictionary key of the collection's name, src/i18n/ja.ts.
const dictionary: Record<string, string> = { 'collection.shelters': '避難所' };
const tShelters: T = (key, params) => dictionary[key] ?? t(key, params);

// Step 4: the registry entry, src/kinds/index.ts (here for this test file only).
const registry: Record<string, unknown> = kinds;
beforeAll(() => {
  registry['shelters'] = shelterKind;
});
afterAll(() => {
  delete registry['shelters'];
});

const SHELTER = `---
id: higashi-sho
name: 東小学校 体育館
address: みどり野市東町1-2-3
districts:
  - higashi
capacity: 300
until: 2027-03-31
categories:
  - disaster
---
車いすの方は西側の入口からどうぞ。
`;
const lookup = new Map([['districts/higashi', { title: '東地区', href: '/districts/higashi/' }]]);

describe('a content type added by the recipe', () => {
  const roots: string[] = [];
  const validate = (files: Record<string, string>, file: string) => {
    const root = mkdtempSync(join(tmpdir(), 'tsunagari-shelters-'));
    roots.push(root);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    return validateFile(root, shelterType, file);
  };
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('gets its CMS fields from the schema alone: labels, widgets, limits, relations, translation', () => {
    const fields = cmsFields(shelterType, true);
    expect(fields.map((f) => f.name)).toEqual([
      'id',
      'name',
      'address',
      'districts',
      'capacity',
      'until',
      'categories',
      'body',
    ]);
    const field = (name: string) => fields.find((f) => f.name === name);
    // Optional in the form: a new entry saved without one gets <day>-<4 letters> (src/lib/cms/ids.ts).
    expect(field('id')).toMatchObject({ label: 'ID（ファイル名・URL）', widget: 'string', required: false });
    expect(field('id')).not.toHaveProperty('i18n');
    expect(field('name')).toMatchObject({
      label: '避難所名',
      widget: 'string',
      required: true,
      i18n: true,
      hint: '例: 東小学校 体育館',
      pattern: ['^[\\s\\S]{0,80}$', '80字以内で書いてください'],
    });
    expect(field('districts')).toMatchObject({ widget: 'relation', collection: 'districts', multiple: true, min: 1 });
    expect(field('capacity')).toMatchObject({ widget: 'number', value_type: 'int', min: 1, required: false });
    expect(field('until')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', required: false });
    expect(field('categories')).toMatchObject({ widget: 'select', multiple: true });
    expect(field('body')).toMatchObject({ label: '避難所の案内', widget: 'markdown', required: false, i18n: true });
  });

  it('validates its files as the build does, with Japanese-first messages naming the field by its label', () => {
    const file = 'content/shelters/higashi-sho.ja.md';
    const good = validate({ [file]: SHELTER }, file);
    expect(good.problems).toEqual([]);
    expect(good.entry?.parsed).toMatchObject({ id: 'higashi-sho', capacity: 300, until: '2027-03-31' });

    const bad = SHELTER.replace('capacity: 300', 'capacity: 0').replace('until: 2027-03-31', 'until: 2027-02-30');
    const { entry, problems } = validate({ [file]: bad }, file);
    expect(entry).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      'content/shelters/higashi-sho.ja.md: capacity（収容人数（人））: 「0」 — 1以上にしてください。 / must be at least 1.',
      'content/shelters/higashi-sho.ja.md: until（指定の終了日）: 「2027-02-30」 — 「2027-02-30」という日付はカレンダーにありません。日付を確かめてください。 / 2027-02-30 is not a real calendar date; check the day and month.',
    ]);
  });

  it('gets a list line, facts for its page and a lifecycle from its kind', () => {
    const data = shelterSchema.parse({
      id: 'higashi-sho',
      name: '東小学校 体育館',
      address: 'みどり野市東町1-2-3',
      districts: ['higashi'],
      capacity: 300,
      until: '2027-03-31',
      categories: ['disaster'],
    });
    // Through the registry, as district, category and index pages ask it.
    expect(kindOf('shelters')).toBe(shelterKind);
    expect(kindOf('shelters').listLine({ id: 'higashi-sho', data }, tShelters, '2026-12-01')).toEqual({
      href: '/shelters/higashi-sho/',
      title: '東小学校 体育館',
      meta: 'みどり野市東町1-2-3',
    });
    // As /shelters/higashi-sho/ lists them, through the registry.
    expect(factsFor('shelters', data, lookup, tShelters, '2026-12-01')).toEqual([
      { label: '住所', values: [{ text: 'みどり野市東町1-2-3' }] },
      { label: '定員', values: [{ text: '300人' }] },
      { label: '地区', values: [{ text: '東地区', href: '/districts/higashi/' }] },
      { label: '分類', values: [{ text: '防災', href: '/categories/disaster/' }], weight: 2 },
    ]);
    expect(shelterKind.lifecycle(data, '2027-03-31')).toBe('current');
    expect(shelterKind.lifecycle(data, '2027-04-01')).toBe('past');
    expect(searchBundleOf('shelters', data, '2027-04-01')).toBe('past');
  });

  it('gets an index page by title and stays off the calendar, as its kind says', () => {
    const shelter = (id: string, name: string) =>
      shelterSchema.parse({ id, name, address: '東町', districts: ['higashi'], categories: ['disaster'] });
    const entries = [
      { id: 'sakura', data: shelter('sakura', 'さくら中学校') },
      { id: 'kamome', data: shelter('kamome', 'かもめ小学校') },
      { id: 'aoba', data: shelter('aoba', 'あおば公民館') },
    ];
    // Not an EntryCollection until the recipe's registry and content.config.ts lines exist.
    const index = collectionIndex('shelters' as EntryCollection, entries as never, '2026-12-01', tShelters);
    expect('items' in index && index.items.map((i) => i.title)).toEqual([
      'あおば公民館',
      'かもめ小学校',
      'さくら中学校',
    ]);
    const onCalendar = entries.map((e) => ({ collection: 'shelters', ...e }));
    expect(buildCalendarItems(onCalendar, { from: '2026-12-01', to: '2026-12-31' })).toEqual([]);
  });

  it('gets a search document with its facts, body and filters, the type named from the dictionary', () => {
    const data = shelterSchema.parse({
      id: 'higashi-sho',
      name: '東小学校 体育館',
      address: 'みどり野市東町1-2-3',
      districts: ['higashi'],
      categories: ['disaster'],
    });
    const { url, html } = searchDocument(
      {
        // Not an EntryCollection until the recipe's registry and content.config.ts lines exist.
        collection: 'shelters' as EntryCollection,
        id: 'higashi-sho',
        title: data.name,
        data,
        facts: factsFor('shelters', data, lookup, tShelters),
        districts: ['東地区'],
        bodyHtml: '<p>車いすの方は西側の入口からどうぞ。</p>',
      },
      tShelters,
    );
    expect(url).toBe('/shelters/higashi-sho/');
    expect(html).toContain('<article data-pagefind-body><h1>');
    expect(html).toContain('<div><dt>住所</dt><dd>みどり野市東町1-2-3</dd></div>');
    expect(html).toContain('<p>車いすの方は西側の入口からどうぞ。</p>');
    expect(html).toContain('<span data-pagefind-filter="種類">避難所</span>');
    expect(html).toContain('<span data-pagefind-filter="分類">防災</span>');
    expect(html).toContain('<span data-pagefind-filter="地区">東地区</span>');
    expect(html).not.toContain('data-pagefind-sort');
  });

  it('does not compile with a part missing or a label the dictionary lacks (npm run typecheck)', () => {
    const { lifecycle, ...withoutLifecycle } = shelterKind;
    // @ts-expect-error — a kind without its lifecycle is not a Kind, so the registry refuses it.
    const incomplete: Kind<Shelter, null> = withoutLifecycle;
    expect(lifecycle).toBeTypeOf('function');
    expect(incomplete).not.toHaveProperty('lifecycle');

    const facts = new FactList(lookup, tShelters);
    // @ts-expect-error — 'fact.openingHours' is not a key of src/i18n/ja.ts; at run time t() fails too.
    expect(() => facts.add('fact.openingHours', text('9:00〜'))).toThrow(TypeError);
  });
});
