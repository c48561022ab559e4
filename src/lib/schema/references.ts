/**
 * The references an entry makes to other entries, read off its schema's fields (those whose
 * metadata names a `relation`): what validation checks exist, and what the pages follow
 * backwards — a place page lists the salons, events and desks that name it.
 */
import type { FieldInfo } from './walk.ts';

/** Every id a field (or list) points to in another collection, with its path. */
export function* referencesOf(
  fields: FieldInfo[],
  data: unknown,
  path: (string | number)[] = [],
): Generator<{ path: (string | number)[]; collection: string; id: string; label: string }> {
  if (data === null || typeof data !== 'object') return;
  for (const field of fields) {
    const value = (data as Record<string, unknown>)[field.name];
    if (value === undefined) continue;
    const here = [...path, field.name];
    const relation = field.meta.relation;
    if (relation && typeof value === 'string')
      yield { path: here, collection: relation, id: value, label: field.meta.label ?? field.name };
    else if (relation && Array.isArray(value))
      for (const [i, id] of value.entries())
        yield { path: [...here, i], collection: relation, id: String(id), label: field.meta.label ?? field.name };
    else if (field.kind === 'object' && field.fields) yield* referencesOf(field.fields, value, here);
    else if (field.kind === 'array' && field.element?.fields && Array.isArray(value))
      for (const [i, item] of value.entries()) yield* referencesOf(field.element.fields, item, [...here, i]);
  }
}

/** An entry that refers to another one, as found in the lookup. */
export interface Referrer {
  collection: string;
  id: string;
  title: string;
  href: string;
  data: Record<string, unknown>;
}

/**
 * '<collection>/<id>' → the entries that refer to it, each once, in the lookup's order. Worked
 * out once over every entry: asked per page, it cost a pass over the whole site for each page.
 * @param fieldsOf the fields of a collection's schema, undefined for one without a schema.
 */
export function referrerIndex(
  lookup: ReadonlyMap<string, { title: string; href: string; data?: Record<string, unknown> }>,
  fieldsOf: (collection: string) => FieldInfo[] | undefined,
): Map<string, Referrer[]> {
  const index = new Map<string, Referrer[]>();
  for (const [key, entry] of lookup) {
    const slash = key.indexOf('/');
    const collection = key.slice(0, slash);
    const fields = fieldsOf(collection);
    if (!fields || !entry.data) continue;
    const seen = new Set<string>();
    for (const ref of referencesOf(fields, entry.data)) {
      const target = `${ref.collection}/${ref.id}`;
      if (seen.has(target)) continue;
      seen.add(target);
      const list = index.get(target) ?? [];
      list.push({ collection, id: key.slice(slash + 1), title: entry.title, href: entry.href, data: entry.data });
      index.set(target, list);
    }
  }
  return index;
}
