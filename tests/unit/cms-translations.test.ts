/**
 * Translations in the CMS (issue 16): Decap's i18n built from the schemas' translatable markers,
 * only written translations committed, and list lines that say which languages an entry is in.
 */
import { describe, expect, it } from 'vitest';
import { buildCmsConfig, type CmsField } from '../../admin/config.ts';
import { translationLabels } from '../../admin/page-data.ts';
import { translatedFilesOnly } from '../../src/lib/cms/translation-files.ts';
import { readMarkers } from '../../src/lib/cms/list-markers.ts';
import { CONTENT_LOCALES } from '../../src/i18n/locales.ts';
import { describeFields } from '../../src/lib/schema/walk.ts';
import { salonSchema } from '../../src/schemas/salon.ts';

const config = buildCmsConfig();
const collection = (name: string) =>
  (config['collections'] as { name: string; fields: CmsField[]; summary?: string; i18n?: unknown }[]).find(
    (c) => c.name === name,
  );
/** Field name → its i18n setting, nested objects as `parent.child`. */
const i18nOf = (fields: CmsField[], prefix = ''): Record<string, unknown> =>
  Object.fromEntries(
    fields.flatMap((f) => [
      [`${prefix}${f.name}`, f['i18n'] ?? 'none'],
      ...Object.entries(Array.isArray(f['fields']) ? i18nOf(f['fields'] as CmsField[], `${prefix}${f.name}.`) : {}),
    ]),
  );

describe('Decap i18n from the schema markers', () => {
  it('multiple_files in every content language, Japanese the default', () => {
    expect(config['i18n']).toEqual({
      structure: 'multiple_files',
      locales: [...CONTENT_LOCALES],
      default_locale: 'ja',
    });
    expect(collection('salons')?.i18n).toBe(true);
  });

  it('translates exactly the marked fields and the body; shared fields are written to the Japanese file only', () => {
    const salon = i18nOf(collection('salons')?.fields ?? []);
    const translated = Object.entries(salon)
      .filter(([, v]) => v === true)
      .map(([k]) => k);
    expect(translated).toEqual([
      'title',
      'summary',
      'fee',
      'application',
      'application.how',
      'image',
      'image.alt',
      'flyer',
      'flyer.photo',
      'flyer.photo.alt',
      'body',
    ]);
    for (const shared of [
      'id',
      'schedule',
      'schedule.startTime',
      'place',
      'districts',
      'contact',
      'status',
      'application.deadline',
      'image.src',
    ])
      expect(salon[shared], shared).toBe('none');
    const desk = i18nOf(collection('desks')?.fields ?? []);
    expect(Object.keys(desk).filter((k) => desk[k] === true)).toEqual(['name', 'helpsWith', 'hours', 'body']);
  });
});

describe('the files a save commits', () => {
  const files = [
    { path: 'content/salons/a.ja.md', raw: '---\ntitle: あ\nplace: kominkan\n---\n' },
    { path: 'content/salons/a.en.md', raw: '---\nplace: kominkan\ntitle: A\nsummary: Tea.\n---\nBody.\n' },
    { path: 'content/salons/a.vi.md', raw: '---\nfee: 無料\n---\n' },
    { path: 'content/salons/a.ko.md', raw: '---\n---\n' },
  ];

  it('the original, and the translations with a title holding only their text; not the empty ones Decap makes for a new entry', () => {
    const fields = describeFields(salonSchema);
    expect(translatedFilesOnly(files, 'title', fields)).toEqual([
      files[0],
      // Only the translatable fields: Decap's relation widgets put their value in every language.
      { path: 'content/salons/a.en.md', raw: '---\ntitle: A\nsummary: Tea.\n---\nBody.\n' },
    ]);
  });
});

describe('the list line', () => {
  it('says which languages an entry is in, and nothing for one only in Japanese', () => {
    const labels = { translations: translationLabels(['salons/a', 'salons/b'], { 'salons/a': ['ja-easy', 'en'] }) };
    expect(readMarkers('あ⟦translations:salons/a⟧', labels)).toBe('あ\u3000［翻訳 2/8：ja-easy, en］');
    expect(readMarkers('い⟦translations:salons/b⟧', labels)).toBe('い');
    expect(collection('salons')?.summary).toContain('⟦translations:salons/{{id}}⟧');
    expect(collection('newsletters')?.summary).not.toContain('translations');
  });
});
