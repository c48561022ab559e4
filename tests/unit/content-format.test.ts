/**
 * The sample content is stored exactly as Decap saves it (proved byte for byte by the CMS
 * e2e test), so a volunteer's first edit changes only what they touched.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypes } from '../../src/schemas/index.ts';
import { readContentFile, scanCollection } from '../../src/lib/content/files.ts';
import { serializeData, serializeEntry } from '../../src/lib/content/serialize.ts';
import { describeFields } from '../../src/lib/schema/walk.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('serializing like Decap', () => {
  it('orders keys like the CMS, leaves plain scalars unquoted and quotes only where YAML needs it', () => {
    const text = serializeEntry(
      { start: '2026-12-05T10:00', id: 'x', title: 'ひだまりサロン', weeks: ['2'], note: null, time: '10:00' },
      '本文',
      ['id', 'title', 'start', 'time', 'weeks'],
    );
    expect(text).toBe(
      '---\nid: x\ntitle: ひだまりサロン\nstart: 2026-12-05T10:00\ntime: 10:00\nweeks:\n  - "2"\n---\n本文\n',
    );
  });
  it('writes a data file without front matter', () => {
    expect(serializeData({ b: 1, a: 'あ' }, ['a', 'b'])).toBe('a: あ\nb: 1\n');
  });
});

describe('the sample content', () => {
  it('is valid', () => {
    expect(validateContent(ROOT).problems).toEqual([]);
  });

  it('has what the foundation issue asks for', () => {
    const { entries } = validateContent(ROOT);
    const count = (name: string) => entries.get(name)?.length ?? 0;
    expect(count('districts')).toBeGreaterThanOrEqual(3);
    expect(count('places')).toBeGreaterThanOrEqual(6);
    expect(count('salons')).toBeGreaterThanOrEqual(8);
    expect(count('events')).toBeGreaterThanOrEqual(10);
    expect(count('reports')).toBeGreaterThanOrEqual(6);
    expect(count('recruitments')).toBeGreaterThanOrEqual(4);
    expect(count('practices')).toBeGreaterThanOrEqual(4);
    expect(count('desks')).toBeGreaterThanOrEqual(4);
    const salons = entries.get('salons')?.map((e) => e.parsed) ?? [];
    expect(
      salons.some(
        (s: any) =>
          s.schedule.frequency === 'monthly-weekday' &&
          s.schedule.weeks.includes('2') &&
          s.schedule.weekdays.includes('wed'),
      ),
    ).toBe(true);
    expect(salons.some((s: any) => s.kind === 'exercise' && s.schedule.frequency === 'weekly')).toBe(true);
    expect(salons.some((s: any) => s.kind === 'kodomo-shokudo')).toBe(true);
    expect(salons.some((s: any) => s.kind === 'mobile-shop')).toBe(true);
    const events = entries.get('events')?.map((e) => e.parsed) ?? [];
    expect(events.some((e: any) => e.status === 'cancelled')).toBe(true);
    expect(events.some((e: any) => e.start.slice(0, 10) !== e.end.slice(0, 10))).toBe(true);
    expect(events.some((e: any) => e.end < '2026-11-23')).toBe(true);
  });

  for (const type of contentTypes) {
    it(`${type.name}: every file is byte-identical to what the CMS would write`, () => {
      const order = describeFields(type.schema).map((f) => f.name);
      for (const file of scanCollection(ROOT, type).entries) {
        const entry = readContentFile(ROOT, type, file);
        const data = entry.data as Record<string, unknown>;
        const expected = type.file ? serializeData(data, order) : serializeEntry(data, entry.body, order);
        expect(readFileSync(join(ROOT, file), 'utf8'), `${file} (npm run format:content fixes it)`).toBe(expected);
      }
    });
  }
});
