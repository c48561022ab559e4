/**
 * Rendering with the real fonts: rare kanji are drawn (from the fallback font where BIZ UD
 * lacks them), emoji from the monochrome emoji font, a character no font has stops the flyer
 * with a message naming the character and the field, and a long title shrinks instead of
 * running off the sheet.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { loadFonts } from '../../src/flyers/fonts.ts';
import { buildFlyerModel } from '../../src/flyers/model.ts';
import { FLYER_SIZES } from '../../src/flyers/paths.ts';
import { createFlyerPool } from '../../src/flyers/pool.ts';
import { FlyerTextError, renderFlyer } from '../../src/flyers/render.ts';
import type { El } from '../../src/flyers/layout/elements.ts';
import { ogLayout } from '../../src/flyers/layout/share.ts';
import { sheetLayout } from '../../src/flyers/layout/sheet.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import type { FlyerTemplate } from '../../src/schemas/flyer.ts';
import { recruitmentSchema } from '../../src/schemas/recruitment.ts';

const data = (title: string) =>
  recruitmentSchema.parse({
    id: 'x',
    title,
    role: '見守り訪問員',
    tasks: 'お宅を訪ねてお話をします。',
    frequency: '月1回',
    districts: ['higashi'],
    categories: ['watch'],
    organizer: 'shakyo',
    howToApply: '社協へお電話ください。',
  });
const model = (title: string) =>
  buildFlyerModel(
    { collection: 'recruitments', id: 'x', data: data(title), body: '' },
    {
      lookup: new Map(),
      site: { url: 'https://example.jp', siteName: 'つながり', publisher: '社協' },
      today: '2026-11-23',
      t,
    },
  );
const fonts = loadFonts();

describe('rendering a flyer', () => {
  it('draws rare kanji (𠮷, 髙, 﨑) and makes a one-page PDF and two PNGs', async () => {
    const result = await renderFlyer(model('𠮷野さん・髙橋さん・山﨑さんと見守り'), { root: process.cwd(), fonts });
    expect(result.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(result.png.readUInt32BE(16)).toBe(FLYER_SIZES.png.width);
    expect(result.png.readUInt32BE(20)).toBe(FLYER_SIZES.png.height);
    expect(result.og.readUInt32BE(16)).toBe(1200);
    expect(result.og.readUInt32BE(20)).toBe(630);
    expect(result.warnings).toEqual([]);
    // And they are really drawn: each has its own outline, not the common form's (吉, 高, 崎)
    // and not the empty box of a character no font has (U+E000).
    const outline = async (ch: string) => {
      const svg = await satori(
        {
          type: 'div',
          props: { style: { display: 'flex', fontSize: 100, fontFamily: fonts.family }, children: ch },
        } as never,
        {
          width: 120,
          height: 120,
          fonts: fonts.fonts,
          loadAdditionalAsset: async () => [],
        },
      );
      return Array.from(svg.matchAll(/ d="([^"]*)"/g), (m) => m[1]).join('');
    };
    const tofu = await outline('\uE000');
    for (const [rare, common] of [
      ['𠮷', '吉'],
      ['髙', '高'],
      ['﨑', '崎'],
    ] as const) {
      const d = await outline(rare);
      expect(d.length, rare).toBeGreaterThan(100);
      expect(d, rare).not.toBe(tofu);
      expect(d, rare).not.toBe(await outline(common));
    }
  });

  it('draws emoji from Noto Emoji, in black and white, also as phones type them (❤️, 1️⃣)', async () => {
    const png = async (title: string) => (await renderFlyer(model(title), { root: process.cwd(), fonts })).png;
    const tree = await png('クリスマス会🎄');
    // Drawn, not left out or boxed: each emoji changes the sheet, and differently.
    expect(tree.equals(await png('クリスマス会'))).toBe(false);
    expect(tree.equals(await png('クリスマス会🎁'))).toBe(false);
    // A variation selector or a keycap would make Satori ask for a picture: printed as ❤ and ①.
    expect(model('クリスマス会❤️ 1️⃣').title).toBe('クリスマス会❤ ①');
    expect((await png('クリスマス会❤️ 1️⃣')).equals(await png('クリスマス会❤ ①'))).toBe(true);
  });

  it('refuses characters no flyer font has, naming the character and the field', async () => {
    const error = await renderFlyer(model('多文化交流会 สวัสดี'), { root: process.cwd(), fonts }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FlyerTextError);
    // Satori names each missing character once: สวัสดี as สวัดี.
    expect((error as Error).message).toContain('「สวัดี」: タイトル');
  });

  it('keeps the share image’s title clear of a wide stamp (募集終了)', () => {
    const closed = { ...model('福祉まつり当日のボランティア募集（締め切りました）'), stamp: '募集終了' };
    const layout = ogLayout(closed, fonts.measure);
    expect(layout.warnings).toEqual([]);
    const texts: { text: string; style: Record<string, string | number> }[] = [];
    let stamp: El | undefined;
    const walk = (node: El) => {
      const style = node.props.style ?? {};
      if (typeof style['transform'] === 'string') stamp = node;
      else if (typeof node.props.children === 'string') texts.push({ text: node.props.children, style });
      if (Array.isArray(node.props.children))
        for (const child of node.props.children) if (typeof child !== 'string') walk(child);
    };
    walk(layout.element);
    // The stamp's box, turned about its centre: where its left edge reaches.
    const s = stamp?.props.style ?? {};
    const [border, padY, padX] = [String(s['border']), String(s['padding']), String(s['padding'])].map((v, i) =>
      parseFloat(v.split(' ')[i === 2 ? 1 : 0] as string),
    ) as [number, number, number];
    const size = Number(s['fontSize']);
    const width = fonts.measure('募集終了', size, true) + 2 * (padX + border);
    const height = size + 2 * (padY + border);
    const angle = (Math.abs(parseFloat(String(s['transform']).replace('rotate(', ''))) * Math.PI) / 180;
    const [cx, cy] = [Number(s['left']) + width / 2, Number(s['top']) + height / 2];
    const halfW = (width * Math.cos(angle) + height * Math.sin(angle)) / 2;
    const halfH = (width * Math.sin(angle) + height * Math.cos(angle)) / 2;
    const stampLeft = cx - halfW;
    // The turned stamp stays inside the white card (48 px from the image's edges).
    expect(cx + halfW).toBeLessThanOrEqual(1200 - 48);
    expect(cy - halfH).toBeGreaterThanOrEqual(48);
    const title = texts.filter((t) => Number(t.style['fontSize']) >= 40);
    expect(title.map((t) => t.text).join('')).toBe(closed.title);
    // The card's content starts 48 + 56 px from the left.
    for (const line of title)
      expect(104 + fonts.measure(line.text, Number(line.style['fontSize']), true), line.text).toBeLessThan(stampLeft);
  });

  it('shrinks a long title within limits and warns beyond them', () => {
    const long = sheetLayout(model('見守り訪問員を募集します、説明会と研修もあります'.repeat(2)), fonts.measure);
    expect(long.warnings).toEqual([]);
    // One long "word" (BudouX finds no break in it) is cut between characters, with a warning.
    const word = sheetLayout(model('見守り訪問員'.repeat(4)), fonts.measure);
    expect(word.warnings.join()).toMatch(/言葉の途中で折り返して/);
    // The longest title the schema allows (80 characters, TEXT_LIMITS.line) still gets the warning.
    const tooLong = sheetLayout(model(`${'見守り訪問員'.repeat(13)}募集`), fonts.measure);
    expect(tooLong.warnings.join()).toMatch(/タイトルが長すぎて/);
  });
});

describe('rendering on worker processes', () => {
  it('gives the same files as the main thread, and passes text errors back as such', async () => {
    const pool = createFlyerPool(process.cwd(), 2);
    const dir = mkdtempSync(join(tmpdir(), 'flyer-pool-'));
    const files = (name: string) => ['pdf', 'png', 'og.png'].map((ext) => join(dir, `${name}.${ext}`));
    try {
      const [a, b, emoji] = await Promise.allSettled([
        pool.write(model('見守り訪問員募集'), files('a'), false),
        pool.write(model('配食ボランティア募集'), files('b'), false),
        pool.write(model('見守り訪問員募集 สวัสดี'), files('emoji'), false),
      ]);
      const here = await renderFlyer(model('見守り訪問員募集'), { root: process.cwd(), fonts });
      expect(a.status).toBe('fulfilled');
      const [pdf, png, og] = files('a').map((file) => readFileSync(file));
      expect(pdf?.equals(here.pdf)).toBe(true);
      expect(png?.equals(here.png)).toBe(true);
      expect(og?.equals(here.og)).toBe(true);
      if (a.status === 'fulfilled') {
        expect(a.value.sizes).toEqual([here.pdf.length, here.png.length, here.og.length]);
        expect(a.value.cpuMs).toBeGreaterThan(0);
      }
      expect(b.status).toBe('fulfilled');
      expect(emoji.status === 'rejected' && emoji.reason).toBeInstanceOf(FlyerTextError);
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** Every text of a layout with its font size, in reading order. */
function texts(node: El): { text: string; size: number }[] {
  const out: { text: string; size: number }[] = [];
  const walk = (n: El) => {
    const c = n.props.children;
    if (typeof c === 'string') out.push({ text: c, size: Number(n.props.style?.['fontSize'] ?? 0) });
    else if (Array.isArray(c)) for (const x of c) if (typeof x !== 'string') walk(x);
  };
  walk(node);
  return out;
}

describe('the sample flyers, with the real fonts', () => {
  const { entries } = validateContent(process.cwd());
  const lookup = new Map<string, Record<string, unknown>>();
  for (const [c, list] of entries) for (const e of list) lookup.set(`${c}/${e.id}`, e.parsed);
  const site = entries.get('settings')?.[0]?.parsed as { url: string; siteName: string; publisher: string };
  const sample = (collection: 'events' | 'salons' | 'recruitments', id: string, template: FlyerTemplate) => {
    const entry = entries.get(collection)?.find((e) => e.id === id);
    if (!entry) throw new Error(id);
    const m = buildFlyerModel(
      { collection, id, data: entry.parsed, body: entry.body },
      { lookup, site, today: '2026-11-23', t },
    );
    return { ...m, template };
  };
  /** The title: the first run of lines set at 32 px or more (a stamp further down is not). */
  const titleLines = (layout: { element: El }) => {
    const all = texts(layout.element);
    const start = all.findIndex((x) => x.size >= 32);
    const end = all.findIndex((x, i) => i > start && x.size !== all[start]?.size);
    return all.slice(start, end < 0 ? undefined : end);
  };

  it('sets titles whole at a smaller size rather than cut a word (large print)', () => {
    const title = (id: string, collection: 'events' | 'salons' = 'salons') =>
      titleLines(sheetLayout(sample(collection, id, 'large'), fonts.measure)).map((x) => x.text);
    expect(title('hidamari-salon')).toEqual(['ふれあいいきいきサロン', '「ひだまり」']);
    expect(title('salon-sakuhinten-2027', 'events')).toEqual(['サロン作品展', '「わたしたちの手しごと」']);
    expect(title('idohanbai-maruya')).toEqual(['移動スーパー「みどり号」', 'まるや商店前']);
    expect(title('mochitsuki-asahidai-2026', 'events')).toEqual(['あさひ台', '年末もちつき大会']);
    const poster = titleLines(sheetLayout(sample('salons', 'idohanbai-maruya', 'poster'), fonts.measure));
    expect(poster.map((x) => x.text)).toEqual(['移動スーパー「みどり号」', 'まるや商店前']);
  });

  it('large print keeps who is welcome, the organizer and the district, and is larger than the poster', () => {
    for (const [collection, id] of [
      ['events', 'kodomo-christmas-2026'],
      ['events', 'salon-sakuhinten-2027'],
      ['salons', 'hyakusai-taiso-asahidai'],
      ['salons', 'mogumogu-shokudo'],
      ['recruitments', 'gomidashi-supporter'],
      ['recruitments', 'fukushi-matsuri-2026-volunteer'],
    ] as const) {
      const large = sheetLayout(sample(collection, id, 'large'), fonts.measure);
      const poster = sheetLayout(sample(collection, id, 'poster'), fonts.measure);
      expect(large.warnings, id).toEqual([]);
      const all = texts(large.element).map((x) => x.text);
      for (const label of collection === 'recruitments'
        ? ['こんな方を', '主催・連絡先', '地区']
        : ['対象', '主催・連絡先', '地区'])
        expect(all, `${id}: ${label}`).toContain(label);
      const m = sample(collection, id, 'large');
      const organizer = m.facts.find((f) => f.key === 'organizer')?.value;
      if (organizer) expect(all.join(''), id).toContain(organizer);
      expect(large.sizes.catchCopy, id).toBeGreaterThanOrEqual(poster.sizes.catchCopy);
      expect(large.sizes.when, id).toBeGreaterThanOrEqual(poster.sizes.when);
      expect(large.sizes.value, id).toBeGreaterThan(poster.sizes.value);
    }
  });

  it('fits every sample flyer in every template without warnings or an empty band, large print larger', () => {
    for (const collection of ['events', 'salons', 'recruitments'] as const)
      for (const { id } of entries.get(collection) ?? [])
        for (const template of ['poster', 'bw', 'large'] as const) {
          const layout = sheetLayout(sample(collection, id, template), fonts.measure);
          expect(layout.warnings, `${id} ${template}`).toEqual([]);
          expect(layout.spare, `${id} ${template}`).toBeGreaterThanOrEqual(0);
          expect(layout.spare, `${id} ${template}: empty band`).toBeLessThan(24);
          if (template !== 'large') continue;
          const poster = sheetLayout(sample(collection, id, 'poster'), fonts.measure);
          expect(layout.sizes.catchCopy, `${id}: catch copy`).toBeGreaterThanOrEqual(poster.sizes.catchCopy);
          expect(layout.sizes.when, `${id}: date line`).toBeGreaterThanOrEqual(poster.sizes.when);
          expect(layout.sizes.value, `${id}: facts`).toBeGreaterThan(poster.sizes.value);
        }
  });

  it('breaks the next dates between dates and the page address only after a /', () => {
    for (const template of ['poster', 'bw', 'large'] as const)
      for (const [collection, id] of [
        ['salons', 'engawa-sawakai'],
        ['salons', 'piyopiyo-kosodate'],
        ['salons', 'hidamari-salon'],
        ['recruitments', 'fukushi-matsuri-2026-volunteer'],
      ] as const) {
        const all = texts(sheetLayout(sample(collection, id, template), fonts.measure).element).map((x) => x.text);
        const next = all.filter((x) => /^次の|^\d+月\d+日\(.\)/.test(x));
        for (const line of next)
          expect(line, `${id} ${template}`).toMatch(/^(次の開催日\u3000)?(\d+月\d+日\(.\)・?)+$/);
        const url = all.filter(
          (x) => x.startsWith('https://') || (all.some((y) => y.startsWith('https://')) && /\/$/.test(x)),
        );
        expect(url.join(''), `${id} ${template}`).toBe(`${site.url.replace(/\/+$/, '')}/${collection}/${id}/`);
        for (const line of url) expect(line, `${id} ${template}`).toMatch(/\/$/);
      }
  });
});
