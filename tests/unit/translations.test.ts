/**
 * Translations of entries (src/lib/content/translations.ts, issue 16): what a translation may
 * hold is read from the schemas' `translatable` markers, merging keeps every shared field of
 * the original, and a translation that goes beyond its text names the file, field, value and fix.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  localeOfFile,
  mergeTranslation,
  translatableFields,
  translatablePart,
  translatablePaths,
  translationProblems,
} from '../../src/lib/content/translations.ts';
import { describeFields } from '../../src/lib/schema/walk.ts';
import { contentTypes } from '../../src/schemas/index.ts';
import { deskSchema } from '../../src/schemas/desk.ts';
import { salonSchema } from '../../src/schemas/salon.ts';
import { validateContent, TRANSLATION_LENGTH_FACTOR } from '../../src/lib/validation/validate.ts';
import { formatProblem } from '../../src/lib/validation/messages.ts';
import { fixtureCopy, removeFixtureCopies } from '../helpers/fixture.ts';

afterEach(removeFixtureCopies);

const salonFields = describeFields(salonSchema);

describe('translatable fields come from the schemas', () => {
  it('per type: the free text residents read, never ids, dates, references, phones or choices', () => {
    const paths = Object.fromEntries(
      contentTypes.map((type) => [type.name, translatablePaths(translatableFields(describeFields(type.schema)))]),
    );
    expect(paths).toEqual({
      districts: ['name', 'bosaiRisks', 'bosaiSupport'],
      places: ['name', 'summary', 'openHours', 'access', 'barrierFree.notes', 'shelter.barrierFreeNotes'],
      organizations: ['name'],
      events: ['title', 'summary', 'fee', 'application.how', 'statusNote', 'image.alt', 'flyer.photo.alt'],
      salons: ['title', 'summary', 'fee', 'application.how', 'image.alt', 'flyer.photo.alt'],
      reports: ['title'],
      recruitments: ['title', 'role', 'tasks', 'frequency', 'welcome', 'howToApply', 'flyer.photo.alt'],
      practices: ['title', 'town', 'organization', 'background', 'approach', 'results', 'tips', 'contact'],
      desks: ['name', 'helpsWith', 'hours'],
      services: ['name', 'otherHelp', 'fee', 'whoCanAsk', 'howToAsk', 'hours'],
      plans: ['title', 'vision'],
      funding: ['title', 'provider', 'amount', 'eligibility', 'covers', 'howToApply'],
      newsletters: [],
      pages: ['title', 'description'],
      settings: ['siteName', 'town', 'tagline', 'description', 'publisher'],
    });
  });

  it('the locale of a translation file, and none for an original or an unknown suffix', () => {
    expect(localeOfFile('content/salons/nihongo-salon.en.md')).toBe('en');
    expect(localeOfFile('content/salons/nihongo-salon.ja-easy.md')).toBe('ja-easy');
    expect(localeOfFile('content/settings/site.pt-br.yml')).toBe('pt-br');
    expect(localeOfFile('content/salons/nihongo-salon.ja.md')).toBeUndefined();
    expect(localeOfFile('content/settings/site.yml')).toBeUndefined();
    expect(localeOfFile('content/salons/x.fr.md')).toBeUndefined();
  });
});

describe('merging a translation into its original', () => {
  const original = {
    id: 'hidamari',
    title: 'ひだまりサロン',
    summary: 'お茶を飲みながら',
    fee: '無料',
    place: 'kominkan',
    schedule: { frequency: 'weekly', weekdays: ['wed'], startTime: '10:00' },
    application: { required: true, how: '電話で', deadline: '2026-12-01' },
    image: { src: '/uploads/a.jpg', alt: '公民館での体操' },
  };

  it('replaces the translated text and keeps every shared field, objects field by field', () => {
    const merged = mergeTranslation(
      original,
      { title: 'Hidamari Salon', application: { how: 'By phone' }, image: { alt: 'Exercise in the hall' } },
      salonFields,
    );
    expect(merged).toEqual({
      ...original,
      title: 'Hidamari Salon',
      application: { required: true, how: 'By phone', deadline: '2026-12-01' },
      image: { src: '/uploads/a.jpg', alt: 'Exercise in the hall' },
    });
    expect(original.title).toBe('ひだまりサロン');
  });

  it('an empty or missing translated field stays Japanese', () => {
    expect(mergeTranslation(original, { title: '', summary: null }, salonFields)).toEqual(original);
    expect(mergeTranslation(original, undefined, salonFields)).toEqual(original);
  });

  it('the translatable part of an entry is what a translator translates', () => {
    expect(translatablePart(original, salonFields)).toEqual({
      title: 'ひだまりサロン',
      summary: 'お茶を飲みながら',
      fee: '無料',
      application: { how: '電話で' },
      image: { alt: '公民館での体操' },
    });
    expect(translatablePart('not an object', salonFields)).toEqual({});
  });
});

describe('what a translation may not hold', () => {
  const where = { file: 'content/desks/x.en.md', original: 'content/desks/x.ja.md', all: describeFields(deskSchema) };
  const fields = describeFields(deskSchema);

  it('a shared field and an unknown one, each with the file, field, value and fix', () => {
    const problems = translationProblems({ name: 'Desk', phone: '0123-45-6789', nmae: 'x' }, fields, where);
    expect(problems.map(formatProblem)).toEqual([
      'content/desks/x.en.md: phone（電話番号）: 「0123-45-6789」 — この項目は翻訳しません（日本語の元ファイル content/desks/x.ja.md と共通です）。翻訳ファイルからこの項目を消してください。変えるときは元のファイルを直してください。翻訳できる項目は name, helpsWith, hours です。 / this field is shared with the Japanese original content/desks/x.ja.md and is not translated; remove it from the translation (change it in the original). The translatable fields are name, helpsWith, hours.',
      'content/desks/x.en.md: nmae: 「x」 — 「nmae」という項目はありません。書きまちがいを直すか、この項目を消してください。翻訳できる項目は name, helpsWith, hours です。 / there is no field nmae; correct the name or remove it. The translatable fields are name, helpsWith, hours.',
    ]);
  });

  it('inside an object: its shared fields are refused too', () => {
    const problems = translationProblems({ application: { how: 'By phone', required: false } }, salonFields, {
      ...where,
      all: salonFields,
    });
    expect(problems.map((p) => p.field)).toEqual(['application.required']);
  });

  it('front matter that is not a map of fields', () => {
    expect(translationProblems(['a'], fields, where).map((p) => p.message.en)).toEqual([
      'write the translated fields as "field: text"; the translatable fields are name, helpsWith, hours',
    ]);
    expect(translationProblems(null, fields, where)).toEqual([]);
  });
});

describe('validation of translation files', () => {
  const salon = 'content/salons/hidamari.ja.md';

  it('gives the merged entry with its own body, or the original body when it has none', () => {
    const dir = fixtureCopy({
      'content/salons/hidamari.en.md': '---\ntitle: Hidamari Salon\n---\nTea and a chat.\n',
      'content/salons/hidamari.vi.md': '---\ntitle: Salon Hidamari\n---\n',
    });
    const { problems, translations, entries } = validateContent(dir);
    expect(problems).toEqual([]);
    const [en, vi] = translations.get('salons') ?? [];
    const original = entries.get('salons')?.find((e) => e.file === salon);
    expect(en).toMatchObject({
      id: 'hidamari',
      locale: 'en',
      ownBody: true,
      body: 'Tea and a chat.\n',
      original: salon,
    });
    expect(en?.parsed).toEqual({ ...original?.parsed, title: 'Hidamari Salon' });
    expect(vi).toMatchObject({ locale: 'vi', ownBody: false, body: original?.body });
  });

  it('is not published before its title is translated (Decap writes every language’s file on create)', () => {
    const dir = fixtureCopy({
      'content/salons/hidamari.en.md': '---\nfee: 無料\n---\n',
      'content/salons/hidamari.vi.md': "---\ntitle: ''\n---\nTrà.\n",
    });
    const { problems, translations } = validateContent(dir);
    expect(problems).toEqual([]);
    expect(translations.get('salons')).toEqual([]);
  });

  it('holds translated text to the schema, with twice the room of the Japanese limit', () => {
    const long = (n: number) => 'a'.repeat(n);
    const dir = fixtureCopy({
      'content/salons/hidamari.en.md': `---\ntitle: A\nsummary: ${long(120 * TRANSLATION_LENGTH_FACTOR)}\n---\n`,
      'content/salons/hidamari.vi.md': `---\ntitle: A\nsummary: ${long(120 * TRANSLATION_LENGTH_FACTOR + 1)}\n---\n`,
    });
    const { problems, translations } = validateContent(dir);
    expect(translations.get('salons')?.map((t) => t.locale)).toEqual(['en']);
    expect(problems.map((p) => [p.file, p.field])).toEqual([['content/salons/hidamari.vi.md', 'summary']]);
  });

  it('the site settings translated beside them: site.<locale>.yml', () => {
    const dir = fixtureCopy({ 'content/settings/site.en.yml': 'siteName: Sakuragaoka Net\n' });
    expect(validateContent(dir).translations.get('settings')?.[0]?.parsed['siteName']).toBe('Sakuragaoka Net');
  });
});
