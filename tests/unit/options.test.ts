import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { OPTION_VOCABULARIES, optionKey } from '../../src/i18n/options.ts';
import { describeFields, type FieldInfo } from '../../src/lib/schema/walk.ts';
import { contentTypes } from '../../src/schemas/index.ts';

/** Every field of a schema, nested ones and list elements included, with its dotted path. */
function* allFields(fields: readonly FieldInfo[], path = ''): Generator<[string, FieldInfo]> {
  for (const field of fields) {
    const here = path ? `${path}.${field.name}` : field.name;
    yield [here, field];
    if (field.fields) yield* allFields(field.fields, here);
    if (field.element?.fields) yield* allFields(field.element.fields, `${here}[]`);
  }
}

describe('labels of a vocabulary’s values', () => {
  it('has a vocabulary for every options prefix a schema names, with a label for each value the field takes', () => {
    const prefixes = new Set<string>();
    for (const type of contentTypes)
      for (const [path, field] of allFields(describeFields(type.schema))) {
        const prefix = field.meta.options;
        if (!prefix) continue;
        prefixes.add(prefix);
        const values = (field.kind === 'array' ? field.element?.enumValues : field.enumValues) ?? [];
        expect(values.length, `${type.name}.${path}`).toBeGreaterThan(0);
        for (const value of values) {
          const key = optionKey(prefix, value);
          expect(key, `${type.name}.${path}: ${value}`).toBe(`${prefix}.${value}`);
          expect(t(key!)).not.toBe('');
        }
      }
    // No vocabulary listed that no field names.
    expect([...prefixes].sort()).toEqual(Object.keys(OPTION_VOCABULARIES).sort());
  });

  it('has no key for a value outside the vocabulary, an unknown prefix or none', () => {
    expect(optionKey('category', 'watch')).toBe('category.watch');
    expect(optionKey('category', 'weather')).toBeUndefined();
    expect(optionKey('colour', 'green')).toBeUndefined();
    expect(optionKey('toString', 'x')).toBeUndefined();
    expect(optionKey(undefined, 'watch')).toBeUndefined();
  });
});
