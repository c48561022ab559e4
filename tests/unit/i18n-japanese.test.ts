/**
 * The Japanese translation function alone (src/i18n/japanese.ts), for the CMS, validation's
 * messages and the schemas: the same function as index.ts's `t`, so a string reads the same
 * whichever module gave it, while every other language still comes from index.ts.
 */
import { describe, expect, it } from 'vitest';
import { t as japanese } from '../../src/i18n/japanese.ts';
import { t, useTranslations } from '../../src/i18n/index.ts';
import { ja } from '../../src/i18n/ja.ts';
import { en } from '../../src/i18n/locales/en.ts';

describe('the Japanese translation function', () => {
  it('is index.ts’s t and useTranslations’ Japanese', () => {
    expect(japanese).toBe(t);
    expect(useTranslations('ja')).toBe(japanese);
    expect(useTranslations(undefined)).toBe(japanese);
    expect(japanese.locale).toBe('ja');
    expect(japanese.tag).toBe('ja');
  });

  it('fills placeholders and numbers months', () => {
    expect(japanese('site.skipLink')).toBe(ja['site.skipLink']);
    const key = (Object.keys(ja) as (keyof typeof ja)[]).find((k) => ja[k].includes('{month}'));
    expect(key).toBeDefined();
    if (key) expect(japanese(key, { month: 12 })).toContain('12');
  });

  it('leaves the other languages to index.ts, each with its own strings and month names', () => {
    const english = useTranslations('en');
    expect(english).not.toBe(japanese);
    expect(english('site.skipLink')).toBe(en['site.skipLink']);
    expect(useTranslations('en')).toBe(english);
    const key = (Object.keys(en) as (keyof typeof en)[]).find((k) => en[k].includes('{month}'));
    if (key) expect(english(key, { month: 12 })).toMatch(/December|Dec/);
    // The CMS's own strings, which no other language holds, fall back to Japanese.
    expect(english('admin.title')).toBe(ja['admin.title']);
  });
});
