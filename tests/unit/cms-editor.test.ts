/**
 * The pure parts of the CMS editor's script (admin/cms-client.ts): automatic ids, list markers,
 * drafts read by the schema, and the Japanese phrases Decap lacks.
 */
import { describe, expect, it } from 'vitest';
import en from 'decap-cms-locales/src/en/index.js';
import ja from 'decap-cms-locales/src/ja/index.js';
import { dayDigits, needsId, newEntryId } from '../../src/lib/cms/ids.ts';
import { hasMarker, readMarkers, summaryMarker } from '../../src/lib/cms/list-markers.ts';
import { cleanDraft } from '../../src/lib/cms/draft.ts';
import { mergePhrases, missingPhrases, type Phrases } from '../../src/lib/cms/phrases.ts';
import { decapJa } from '../../src/i18n/decap-ja.ts';
import { ID_RE } from '../../src/schemas/fields.ts';
import { eventSchema } from '../../src/schemas/event.ts';

describe('automatic ids', () => {
  it('start with the entry’s own day, or its month, else today', () => {
    expect(newEntryId('2026-12-05T10:00', '2026-11-30', () => 0)).toBe('20261205-aaaa');
    expect(newEntryId('2026-12-05', '2026-11-30', () => 0)).toBe('20261205-aaaa');
    expect(newEntryId('2026-12', '2026-11-30', () => 0)).toBe('202612-aaaa');
    expect(newEntryId(undefined, '2026-11-30', () => 0)).toBe('20261130-aaaa');
    expect(newEntryId('', '2026-11-30', () => 0.999)).toBe('20261130-9999');
  });

  it('are ids the build accepts, and differ from one save to the next', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newEntryId('2026-12-05', '2026-11-30')));
    for (const id of ids) expect(id).toMatch(ID_RE);
    expect(ids.size).toBeGreaterThan(195);
  });

  it('avoid letters read aloud wrongly (0/o, 1/l/i)', () => {
    const suffixes = Array.from({ length: 31 }, (_, i) => newEntryId(undefined, '2026-11-30', () => i / 31).slice(-4));
    expect(suffixes.join('')).not.toMatch(/[01oli]/);
  });

  it('refuse a malformed today instead of making a bad id', () => {
    expect(() => newEntryId(undefined, '30.11.2026')).toThrow(/YYYY-MM-DD/);
    expect(dayDigits(20261205)).toBeUndefined();
  });

  it('are needed only when the field is empty', () => {
    expect(needsId(undefined)).toBe(true);
    expect(needsId('  ')).toBe(true);
    expect(needsId('hidamari-salon')).toBe(false);
  });
});

describe('list markers', () => {
  const labels = {
    status: { scheduled: '', cancelled: '【中止】' },
    districts: { 'honcho-itchome': '本町一丁目町内会' },
  };

  it('are Decap template pieces', () => {
    expect(summaryMarker('status')).toBe('⟦status:{{status}}⟧');
    expect(summaryMarker('districts', 'districts.0')).toBe('⟦districts:{{districts.0}}⟧');
  });

  it('read as the labels volunteers know; the ordinary status and an empty value show nothing', () => {
    const line = '2026年12月5日　防災訓練⟦status:cancelled⟧　⟦districts:honcho-itchome⟧';
    expect(hasMarker(line)).toBe(true);
    expect(readMarkers(line, labels)).toBe('2026年12月5日　防災訓練【中止】　本町一丁目町内会');
    expect(readMarkers('防災訓練⟦status:scheduled⟧　⟦districts:⟧', labels)).toBe('防災訓練');
    expect(hasMarker('防災訓練')).toBe(false);
  });

  it('show an unknown value as stored rather than hide it', () => {
    expect(readMarkers('サロン⟦districts:new-district⟧', labels)).toBe('サロンnew-district');
    expect(readMarkers('サロン⟦parent:x⟧', labels)).toBe('サロンx');
  });
});

describe('drafts', () => {
  it('drop what Decap keeps for an emptied field, so the schema reads the draft as the saved file', () => {
    const draft = {
      id: 'x',
      contact: '',
      capacity: null,
      application: { required: true, how: '', deadline: null },
      audience: ['everyone', ''],
      body: '本文',
    };
    expect(cleanDraft(draft)).toEqual({
      id: 'x',
      application: { required: true },
      audience: ['everyone'],
      body: '本文',
    });
    const event = {
      id: 'bosai',
      title: '防災訓練',
      summary: 'みんなで避難の練習をします。',
      start: '2026-12-05T10:00',
      end: '2026-12-05T12:00',
      place: 'kominkan',
      districts: ['honcho-itchome'],
      categories: ['disaster'],
      organizer: 'shakyo',
      contact: '',
    };
    expect(eventSchema.safeParse(event).success).toBe(false);
    expect(eventSchema.safeParse(cleanDraft(event)).success).toBe(true);
  });
});

describe('Decap’s phrases in Japanese', () => {
  it('cover every phrase of the bundled English locale', () => {
    const japanese = mergePhrases(ja as Phrases, decapJa as unknown as Phrases);
    expect(missingPhrases(en as Phrases, japanese)).toEqual([]);
    expect(missingPhrases(en as Phrases, ja as Phrases)).toContain('editor.editorControlPane.i18n.copyFromLocale');
  });

  it('keep Decap’s own Japanese where it has some, and its placeholders', () => {
    const japanese = mergePhrases(ja as Phrases, decapJa as unknown as Phrases) as any;
    expect(japanese.editor.editorControlPane.i18n.copyFromLocale).toBe('ほかの言語から写す');
    expect(japanese.auth.login).toBe((ja as any).auth.login);
    expect(japanese.editor.editorWidgets.list.add).toContain('%{item}');
  });
});
