/**
 * The site's languages (issue 16): a dictionary per language in src/i18n/locales/<code>.ts with
 * every string residents read (the compiler checks the keys: src/i18n/dictionary.ts), each with
 * the same {placeholders} as the Japanese, none empty.
 */
import { describe, expect, it } from 'vitest';
import { ja } from '../../src/i18n/ja.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import type { Dictionary } from '../../src/i18n/dictionary.ts';

const files = import.meta.glob<Record<string, Dictionary>>('../../src/i18n/locales/*.ts', { eager: true });
const dictionaries = new Map(
  Object.entries(files).map(([path, module]) => [path.replace(/^.*\/|\.ts$/g, ''), Object.values(module)[0]!]),
);
const residentKeys = Object.keys(ja).filter((k) => !k.startsWith('admin.') && !k.startsWith('gitHost.'));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the dictionaries of the site’s languages', () => {
  it('exist for every language but Japanese, and only for those', () => {
    expect([...dictionaries.keys()].sort()).toEqual(
      LOCALES.map((l) => l.code)
        .filter((c) => c !== 'ja')
        .sort(),
    );
  });

  for (const [code, dictionary] of dictionaries)
    it(`${code}: every key residents read, with the Japanese placeholders, none empty`, () => {
      expect(Object.keys(dictionary).sort()).toEqual([...residentKeys].sort());
      for (const key of residentKeys) {
        const text = dictionary[key as keyof Dictionary];
        // What screen readers hear after a short weekday (月 → 月曜日): nothing where names are words.
        if (key !== 'calendar.weekdaySuffix') expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(ja[key as keyof typeof ja]));
      }
    });
});
