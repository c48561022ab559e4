/**
 * The sample entries in content/ that synthetic entries are made from, read as the loader reads
 * them.
 */
import { readContentFile, scanCollection } from '../../src/lib/content/files.ts';
import { contentTypes } from '../../src/schemas/index.ts';
import { ROOT } from './options.ts';

export interface Template {
  id: string;
  data: Record<string, unknown>;
  body: string;
}

export function loadTemplates(): Map<string, Template[]> {
  const byType = new Map<string, Template[]>();
  for (const type of contentTypes) {
    if (type.file) continue;
    const list = scanCollection(ROOT, type).entries.map((file) => {
      const entry = readContentFile(ROOT, type, file);
      return { id: entry.id, data: entry.data as Record<string, unknown>, body: entry.body };
    });
    byType.set(type.name, list);
  }
  return byType;
}
