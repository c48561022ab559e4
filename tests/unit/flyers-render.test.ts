/**
 * Rendering with the real fonts: rare kanji are drawn (from the fallback font where BIZ UD
 * lacks them), emoji stop the flyer with a message naming the character and the field, and a
 * long title shrinks instead of running off the sheet.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { loadFonts } from '../../src/flyers/fonts.ts';
import { buildFlyerModel } from '../../src/flyers/model.ts';
import { FLYER_SIZES } from '../../src/flyers/paths.ts';
import { createFlyerPool } from '../../src/flyers/pool.ts';
import { FlyerTextError, renderFlyer } from '../../src/flyers/render.ts';
import { a4Layout, ogLayout, type El } from '../../src/flyers/templates.ts';
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
  });

  it('refuses emoji with a message naming the character and the field', async () => {
    const error = await renderFlyer(model('見守り訪問員募集😀'), { root: process.cwd(), fonts }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FlyerTextError);
    expect((error as Error).message).toContain('「😀」（絵文字）: タイトル');
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
    const stampLeft = 1200 - Number(s['right']) - width / 2 - (width * Math.cos(angle) + height * Math.sin(angle)) / 2;
    const title = texts.filter((t) => Number(t.style['fontSize']) >= 40);
    expect(title.map((t) => t.text).join('')).toBe(closed.title);
    // The card's content starts 48 + 56 px from the left.
    for (const line of title)
      expect(104 + fonts.measure(line.text, Number(line.style['fontSize']), true), line.text).toBeLessThan(stampLeft);
  });

  it('shrinks a long title within limits and warns beyond them', () => {
    const long = a4Layout(model('見守り訪問員'.repeat(4)), fonts.measure);
    expect(long.warnings).toEqual([]);
    const tooLong = a4Layout(model('見守り訪問員'.repeat(20)), fonts.measure);
    expect(tooLong.warnings.join()).toMatch(/タイトルが長すぎて/);
  });
});

describe('rendering on worker threads', () => {
  it('gives the same files as the main thread, and passes text errors back as such', async () => {
    const pool = createFlyerPool(process.cwd(), 2);
    try {
      const [a, b, emoji] = await Promise.allSettled([
        pool.render(model('見守り訪問員募集')),
        pool.render(model('配食ボランティア募集')),
        pool.render(model('見守り訪問員募集😀')),
      ]);
      const here = await renderFlyer(model('見守り訪問員募集'), { root: process.cwd(), fonts });
      expect(a.status === 'fulfilled' && Buffer.isBuffer(a.value.pdf)).toBe(true);
      if (a.status === 'fulfilled') {
        expect(a.value.pdf.equals(here.pdf)).toBe(true);
        expect(a.value.png.equals(here.png)).toBe(true);
        expect(a.value.og.equals(here.og)).toBe(true);
        expect(a.value.cpuMs).toBeGreaterThan(0);
      }
      expect(b.status).toBe('fulfilled');
      expect(emoji.status === 'rejected' && emoji.reason).toBeInstanceOf(FlyerTextError);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
