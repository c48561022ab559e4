/**
 * The collections' loader (src/lib/content/loader.ts) against a stand-in for Astro's loader
 * context: it stores what the validator read (YAML 1.2, so a date-like title stays text), takes
 * the integration's hand-over instead of reading again, renders bodies once per change, and
 * under `astro dev` follows edits, keeps the last good entry when a save has a mistake and
 * drops a deleted file's entry.
 */
import { EventEmitter } from 'node:events';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { contentParses, parsesReport } from '../../src/lib/content/files.ts';
import { contentLoader, handOverValidated, translationKey, translationsLoader } from '../../src/lib/content/loader.ts';
import { validateContent, type ValidEntry } from '../../src/lib/validation/validate.ts';
import { eventType, salonType, settingsType } from '../../src/schemas/index.ts';
import { fixtureCopy, removeFixtureCopies } from '../helpers/fixture.ts';

afterEach(removeFixtureCopies);

interface Stored {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  digest?: string | number;
  filePath?: string;
  rendered?: { html: string };
}

const newWatcher = () => Object.assign(new EventEmitter(), { add: () => undefined });

/** A loader context; `watching` gives it a watcher as under astro dev (a shared one, if given). */
function context(root: string, watching: boolean | ReturnType<typeof newWatcher> = false) {
  const entries = new Map<string, Stored>();
  const rendered: string[] = [];
  const watcher = typeof watching === 'object' ? watching : newWatcher();
  const logged: string[] = [];
  const log = (message: string) => logged.push(message);
  const ctx = {
    collection: 'events',
    config: { root: pathToFileURL(join(root, '/')) },
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: Stored) => (entries.set(entry.id, entry), true),
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
    },
    renderMarkdown: async (markdown: string) => {
      rendered.push(markdown);
      return { html: `<p>${markdown.replace(/^---\n---\n/, '').trim()}</p>`, metadata: { imagePaths: [] } };
    },
    generateDigest: (data: unknown) => JSON.stringify(data),
    logger: { info: log, warn: log, error: log },
    ...(watching ? { watcher } : {}),
  } as unknown as LoaderContext;
  return { ctx, entries, rendered, watcher, logged };
}

const EVENT = 'content/events/bousai.ja.md';
describe('the content loader', () => {
  it('stores what the validator read, a date-like title as text, with the body rendered once', async () => {
    const root = fixtureCopy();
    writeFileSync(
      join(root, EVENT),
      readFileSync(join(root, EVENT), 'utf8').replace(/^title: .*$/m, 'title: 2026-12-05'),
    );
    const { ctx, entries, rendered } = context(root);
    await contentLoader(eventType).load(ctx);
    const entry = entries.get('bousai');
    expect(entry?.data['title']).toBe('2026-12-05');
    expect(entry?.data['start']).toBe('2026-12-05T10:00');
    expect(entry?.filePath).toBe(EVENT);
    expect(entry?.rendered?.html).toBe('<p>当日は動きやすい服装でお越しください。</p>');
    // After an empty front matter, so a body that starts with --- stays Markdown for Astro's renderer.
    expect(rendered).toEqual(['---\n---\n当日は動きやすい服装でお越しください。']);
    // Nothing changed: nothing rendered again.
    await contentLoader(eventType).load(ctx);
    expect(rendered).toHaveLength(1);
  });

  it('takes the entries the integration validated instead of reading the files again', async () => {
    const root = fixtureCopy();
    const { entries: validated } = validateContent(root);
    const handed = validated.get('events')?.[0] as ValidEntry;
    handOverValidated(
      join(root, '/'),
      new Map([['events', [{ ...handed, parsed: { ...handed.parsed, title: '渡された' } }]]]),
    );
    const parsed = new Map(contentParses());
    const first = context(root);
    await contentLoader(eventType).load(first.ctx);
    expect(first.entries.get('bousai')?.data['title']).toBe('渡された');
    // The parse counter the build reports: the hand-over read nothing.
    expect(new Map(contentParses())).toEqual(parsed);
    // Taken once: a second sync (astro dev) reads the files.
    const second = context(root);
    await contentLoader(eventType).load(second.ctx);
    expect(second.entries.get('bousai')?.data['title']).toBe('東地区防災訓練');
  });

  it('stores the site settings under the id site, and stops naming the file when it is missing', async () => {
    const root = fixtureCopy();
    const { ctx, entries } = context(root);
    await contentLoader(settingsType).load(ctx);
    expect(entries.get('site')?.data['id']).toBe('site');
    rmSync(join(root, 'content/settings/site.yml'));
    await expect(contentLoader(settingsType).load(context(root).ctx)).rejects.toThrow(
      'content/settings/site.yml: 「サイト設定」のファイルがありません。',
    );
  });

  it('under astro dev follows a saved file, keeps the last good entry on a mistake and drops a deleted one', async () => {
    const root = fixtureCopy();
    const { ctx, entries, watcher } = context(root, true);
    await contentLoader(eventType).load(ctx);
    const file = join(root, EVENT);
    appendFileSync(file, '\n持ち物は水筒です。\n');
    watcher.emit('change', file);
    await expect.poll(() => entries.get('bousai')?.rendered?.html).toContain('持ち物は水筒です。');

    // A mistake keeps the last good entry; the next good save is taken again.
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace("start: '2026-12-05T10:00'", "start: 'いつか'"));
    watcher.emit('change', file);
    expect(entries.get('bousai')?.data['start']).toBe('2026-12-05T10:00');
    writeFileSync(file, good.replace("start: '2026-12-05T10:00'", "start: '2026-12-05T09:30'"));
    watcher.emit('change', file);
    await expect.poll(() => entries.get('bousai')?.data['start']).toBe('2026-12-05T09:30');

    // A translation beside it is not an entry (yet).
    watcher.emit('add', join(root, 'content/events/bousai.en.md'));
    rmSync(file);
    watcher.emit('unlink', file);
    await expect.poll(() => entries.has('bousai')).toBe(false);
    expect([...entries.keys()]).toEqual([]);
  });
});

describe('the translations collection', () => {
  const SALON_EN = 'content/salons/hidamari.en.md';

  it('stores each translation under <collection>/<id>/<locale>, merged, with its body rendered', async () => {
    const root = fixtureCopy({ [SALON_EN]: '---\ntitle: Hidamari Salon\n---\nTea and a chat.\n' });
    const { translations } = validateContent(root);
    handOverValidated(join(root, '/'), new Map(), translations);
    const { ctx, entries } = context(root);
    await translationsLoader().load(ctx);
    const stored = entries.get(translationKey('salons', 'hidamari', 'en'));
    expect(stored?.data).toMatchObject({ collection: 'salons', entry: 'hidamari', locale: 'en', ownBody: true });
    expect((stored?.data['data'] as Record<string, unknown>)['title']).toBe('Hidamari Salon');
    expect((stored?.data['data'] as Record<string, unknown>)['place']).toBe('kominkan');
    expect(stored?.rendered?.html).toBe('<p>Tea and a chat.</p>');
    expect(stored?.filePath).toBe(SALON_EN);
  });

  it('under astro dev takes a saved translation, leaves out a wrong one and drops a deleted one', async () => {
    const root = fixtureCopy();
    const { ctx, entries, watcher, logged } = context(root, true);
    await translationsLoader().load(ctx);
    expect(entries.size).toBe(0);
    const file = join(root, SALON_EN);
    writeFileSync(file, '---\ntitle: Hidamari Salon\n---\n');
    watcher.emit('add', file);
    await expect.poll(() => entries.has('salons/hidamari/en')).toBe(true);
    writeFileSync(file, '---\ntitle: Hidamari Salon\nplace: elsewhere\n---\n');
    watcher.emit('change', file);
    await expect.poll(() => logged.join('\n')).toContain('place（会場）');
    rmSync(file);
    watcher.emit('unlink', file);
    await expect.poll(() => entries.has('salons/hidamari/en')).toBe(false);
  });
});

describe('under astro dev, one watcher for originals and translations', () => {
  it('goes by the saved file’s locale, with one listener however often the collections load', async () => {
    const root = fixtureCopy();
    const watcher = newWatcher();
    const salons = context(root, watcher);
    const translated = context(root, watcher);
    // A second sync loads every collection again: still one listener of each event.
    for (let sync = 0; sync < 2; sync++) {
      await contentLoader(salonType).load(salons.ctx);
      await translationsLoader().load(translated.ctx);
    }
    expect(['change', 'add', 'unlink'].map((event) => watcher.listenerCount(event))).toEqual([1, 1, 1]);

    const en = join(root, 'content/salons/hidamari.en.md');
    writeFileSync(en, '---\ntitle: Hidamari Salon\n---\n');
    watcher.emit('add', en);
    const title = () => (translated.entries.get('salons/hidamari/en')?.data['data'] as { title?: string })?.title;
    await expect.poll(title).toBe('Hidamari Salon');
    // A translation is not an entry of the salons.
    expect([...salons.entries.keys()]).toEqual(['hidamari']);

    const ja = join(root, 'content/salons/hidamari.ja.md');
    appendFileSync(ja, '\n春には花を見に行きます。\n');
    watcher.emit('change', ja);
    await expect.poll(() => salons.entries.get('hidamari')?.rendered?.html).toContain('春には花を見に行きます。');
    // An original is not a translation.
    expect([...translated.entries.keys()]).toEqual(['salons/hidamari/en']);

    rmSync(en);
    watcher.emit('unlink', en);
    expect(translated.entries.size).toBe(0);
    expect(salons.entries.has('hidamari')).toBe(true);
    rmSync(ja);
    watcher.emit('unlink', ja);
    expect(salons.entries.size).toBe(0);
  });
});

describe('a やさしい日本語 translation saved under astro dev', () => {
  it('is checked and what makes it hard is logged as a warning, with no entry made of it', async () => {
    const root = fixtureCopy();
    const { ctx, entries, watcher, logged } = context(root, true);
    await contentLoader(eventType).load(ctx);
    const file = join(root, 'content/events/bousai.ja-easy.md');
    writeFileSync(file, '---\ntitle: ぼうさい くんれん\n---\nくんれんを 実施します。\n');
    watcher.emit('add', file);
    // kuromoji's dictionary loads on the first check: seconds, more on a loaded machine.
    await expect
      .poll(() => logged.join('\n'), { timeout: 120_000, interval: 200 })
      .toContain(
        'content/events/bousai.ja-easy.md:4: 詳しい内容: 「実施」 — 【むずかしいことば】むずかしいことばです。やさしいことばにするか、（\u3000）で説明してください。→ します／やります（easy-ja/hard-word）',
      );
    expect([...entries.keys()]).toEqual(['bousai']);
  }, 180_000);
});

describe("the build's parse report", () => {
  it('counts each parse of a content file and says whether each was parsed once', () => {
    const root = fixtureCopy();
    const before = contentParses().get('content/events/bousai.ja.md') ?? 0;
    validateContent(root);
    expect(contentParses().get('content/events/bousai.ja.md')).toBe(before + 1);

    expect(
      parsesReport(
        new Map([
          ['content/a.ja.md', 1],
          ['content/settings/site.yml', 1],
        ]),
      ),
    ).toBe('2 content files parsed and validated, each once');
    const twice = new Map(
      Array.from({ length: 7 }, (_, i): [string, number] => [`content/e/${i}.ja.md`, i < 6 ? 2 : 1]),
    );
    expect(parsesReport(twice)).toBe(
      '7 content files parsed; 6 more than once: content/e/0.ja.md ×2, content/e/1.ja.md ×2, content/e/2.ja.md ×2, content/e/3.ja.md ×2, content/e/4.ja.md ×2, …',
    );
  });
});
