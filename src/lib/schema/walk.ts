/**
 * Reads a zod schema as a tree of fields with their FieldMeta, so the Decap config builder,
 * the reference checker and the error messages all work from the one definition.
 * Only the zod constructs the content schemas use are understood; anything else throws, so a
 * new construct cannot silently vanish from the CMS.
 */
import { z } from 'astro/zod';
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

/**
 * The limits a leaf schema states (pattern, lengths, bounds, integer), as zod's own JSON Schema
 * export gives them: the public way to read checks, which zod 4 keeps in its internals.
 */
function limitsOf(schema: z.ZodType): Pick<FieldInfo, 'pattern' | 'integer' | 'min' | 'max'> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  const limits: Pick<FieldInfo, 'pattern' | 'integer' | 'min' | 'max'> = {};
  if (typeof json.pattern === 'string') limits.pattern = new RegExp(json.pattern);
  if (json.type === 'integer') limits.integer = true;
  // .int() bounds a number to the safe integers: not a limit the volunteer is told about.
  const bound = (n: unknown) => (typeof n === 'number' && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);
  const lower = [json.minLength, json.minItems, json.minimum, json.exclusiveMinimum].map(bound);
  const upper = [json.maxLength, json.maxItems, json.maximum, json.exclusiveMaximum].map(bound);
  const min = lower.filter((n) => n !== undefined);
  const max = upper.filter((n) => n !== undefined);
  if (min.length) limits.min = Math.max(...min);
  if (max.length) limits.max = Math.min(...max);
  return limits;
}

export function describeField(name: string, schema: z.ZodType): FieldInfo {
  let current = schema;
  let required = true;
  let defaultValue: unknown;
  let meta: Partial<FieldMeta> = {};
  const layers: z.ZodType[] = [];

  // Peel wrappers from the outside in; metadata set on any layer counts, outer layers win.
  for (;;) {
    layers.push(current);
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      required = false;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodDefault) {
      required = false;
      const value: unknown = current.def.defaultValue;
      defaultValue = typeof value === 'function' ? (value as () => unknown)() : value;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      // z.preprocess(fn, schema) keeps the real type in `out`; schema.transform(fn) in `in`.
      const { in: input, out } = current as z.ZodPipe<z.ZodType, z.ZodType>;
      current = input instanceof z.ZodTransform ? out : input;
    } else break;
  }
  for (const layer of layers.reverse()) meta = { ...meta, ...((layer.meta() ?? {}) as Partial<FieldMeta>) };

  const info: FieldInfo = { name, meta, kind: 'string', required };
  if (defaultValue !== undefined) info.default = defaultValue;
  if (current instanceof z.ZodString) Object.assign(info, { kind: 'string' }, limitsOf(current));
  else if (current instanceof z.ZodNumber) Object.assign(info, { kind: 'number' }, limitsOf(current));
  else if (current instanceof z.ZodBoolean) info.kind = 'boolean';
  else if (current instanceof z.ZodEnum) {
    info.kind = 'enum';
    info.enumValues = current.options.map(String);
  } else if (current instanceof z.ZodObject) {
    info.kind = 'object';
    info.fields = describeFields(current);
  } else if (current instanceof z.ZodArray) {
    Object.assign(info, { kind: 'array' }, limitsOf(current));
    info.element = describeField(name, current.element as z.ZodType);
  } else
    throw new Error(
      `schema walker: field "${name}" uses zod type "${current.type}", which the CMS builder does not know`,
    );
  return info;
}

/** The fields of an object schema (a content type's front matter), in order. */
export function describeFields(schema: z.ZodType): FieldInfo[] {
  let current = schema;
  while (current instanceof z.ZodPipe) current = (current as z.ZodPipe<z.ZodType, z.ZodType>).in;
  if (!(current instanceof z.ZodObject)) throw new Error('schema walker: expected an object schema');
  return Object.entries(current.shape as Record<string, z.ZodType>).map(([name, field]) => describeField(name, field));
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
