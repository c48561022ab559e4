/**
 * The CMS config is built from the schemas; this proves it field by field, using zod's own
 * parsing (not the builder's walker) to decide what is required: a field is required when
 * an object without it fails to parse at that field.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { buildCmsConfig, type CmsField } from '../../admin/config.ts';
import { contentTypes } from '../../src/schemas/index.ts';
import { TEXT_LIMITS } from '../../src/schemas/fields.ts';
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

function compare(shape: Record<string, AnySchema>, fields: CmsField[], where: string) {
  const cmsNames = fields.map((f) => f.name).filter((name) => name !== 'body');
  expect(cmsNames, `${where}: same fields in the same order`).toEqual(Object.keys(shape));
  for (const field of fields) {
    if (field.name === 'body') continue;
    const schema = shape[field.name] as AnySchema;
    const required = !schema.safeParse(undefined).success;
    expect(field.required, `${where}.${field.name} required`).toBe(required);
    expect(field.label, `${where}.${field.name} has a Japanese label`).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    const nested = innerShape(schema);
    const subfields = field['fields'] as CmsField[] | undefined;
    if (nested && subfields) compare(nested, subfields, `${where}.${field.name}`);
    else if (nested) throw new Error(`${where}.${field.name}: schema has nested fields, the CMS has none`);
  }
}

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
      compare(innerShape(type.schema as unknown as AnySchema) ?? {}, fields, type.name);
      expect(fields.some((f) => f.name === 'body')).toBe(Boolean(type.body));
    });
  }

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
