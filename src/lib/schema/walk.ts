/**
 * Reads a zod schema as a tree of fields with their FieldMeta, so the Decap config builder,
 * the reference checker and the error messages all work from the one definition.
 * Only the zod constructs the content schemas use are understood; anything else throws, so a
 * new construct cannot silently vanish from the CMS.
 */
import type { z } from 'astro/zod';
import type { FieldMeta } from '../../schemas/fields.ts';

export type FieldKind = 'string' | 'number' | 'boolean' | 'enum' | 'object' | 'array';

export interface FieldInfo {
  name: string;
  meta: Partial<FieldMeta>;
  kind: FieldKind;
  /** The volunteer must give a value (not optional, no default). */
  required: boolean;
  default?: unknown;
  pattern?: RegExp;
  integer?: boolean;
  min?: number;
  max?: number;
  enumValues?: string[];
  /** Object fields, in order. */
  fields?: FieldInfo[];
  /** Array element. */
  element?: FieldInfo;
}

interface ZodInternals {
  _zod: { def: Record<string, any> & { type: string; checks?: { _zod: { def: Record<string, any> } }[] } };
  meta(): Record<string, unknown> | undefined;
}

const internals = (schema: unknown) => schema as ZodInternals;

export function describeField(name: string, schema: z.ZodType): FieldInfo {
  let current = internals(schema);
  let required = true;
  let defaultValue: unknown;
  let meta: Partial<FieldMeta> = {};
  const layers: ZodInternals[] = [];

  // Peel wrappers from the outside in; metadata set on any layer counts, outer layers win.
  for (;;) {
    layers.push(current);
    const def = current._zod.def;
    if (def.type === 'optional' || def.type === 'nullable') {
      required = false;
      current = internals(def.innerType);
    } else if (def.type === 'default') {
      required = false;
      defaultValue = typeof def.defaultValue === 'function' ? def.defaultValue() : def.defaultValue;
      current = internals(def.innerType);
    } else if (def.type === 'pipe') {
      // z.preprocess(fn, schema) keeps the real type in `out`; schema.transform(fn) in `in`.
      current = internals(internals(def.in)._zod.def.type === 'transform' ? def.out : def.in);
    } else break;
  }
  for (const layer of layers.reverse()) meta = { ...meta, ...((layer.meta() ?? {}) as Partial<FieldMeta>) };

  const def = current._zod.def;
  const info: FieldInfo = { name, meta, kind: 'string', required };
  if (defaultValue !== undefined) info.default = defaultValue;
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'string_format' && c.format === 'regex') info.pattern = c.pattern;
    if (c.check === 'min_length' || c.check === 'greater_than') info.min = c.minimum ?? c.value;
    if (c.check === 'max_length' || c.check === 'less_than') info.max = c.maximum ?? c.value;
    if (c.check === 'number_format' && /int/.test(c.format)) info.integer = true;
  }
  switch (def.type) {
    case 'string':
      info.kind = 'string';
      break;
    case 'number':
      info.kind = 'number';
      if (def.checks?.some((c: any) => c._zod.def.check === 'number_format' && /int/.test(c._zod.def.format)))
        info.integer = true;
      break;
    case 'boolean':
      info.kind = 'boolean';
      break;
    case 'enum':
      info.kind = 'enum';
      info.enumValues = Object.values(def.entries as Record<string, string>);
      break;
    case 'object':
      info.kind = 'object';
      info.fields = describeFields(current as unknown as z.ZodType);
      break;
    case 'array':
      info.kind = 'array';
      info.element = describeField(name, def.element);
      break;
    default:
      throw new Error(
        `schema walker: field "${name}" uses zod type "${def.type}", which the CMS builder does not know`,
      );
  }
  return info;
}

/** The fields of an object schema (a content type's front matter), in order. */
export function describeFields(schema: z.ZodType): FieldInfo[] {
  let current = internals(schema);
  while (current._zod.def.type === 'pipe') current = internals(current._zod.def.in);
  const shape = current._zod.def.shape as Record<string, z.ZodType> | undefined;
  if (!shape) throw new Error('schema walker: expected an object schema');
  return Object.entries(shape).map(([name, field]) => describeField(name, field));
}

/** The field a zod issue path points at (array indexes step into the element). */
export function fieldAt(fields: FieldInfo[], path: readonly PropertyKey[]): FieldInfo | undefined {
  let found: FieldInfo | undefined;
  let scope: FieldInfo[] | undefined = fields;
  for (const key of path) {
    if (typeof key === 'number') {
      if (found?.element) {
        // A list item is described by its list where it says nothing itself (label, options).
        found = { ...found.element, meta: { ...found.meta, ...found.element.meta } };
        scope = found.fields;
      }
      continue;
    }
    found = scope?.find((f) => f.name === key);
    if (!found) return undefined;
    scope = found.fields ?? found.element?.fields;
  }
  return found;
}
