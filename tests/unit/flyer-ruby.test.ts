/**
 * ふりがな on the large-print flyer (issue 16 item 4): where readings go on the lines, that a
 * line never breaks inside a word that carries one, that lines are measured with the readings'
 * width and set with room above, and that a flyer without readings is laid out as before.
 * Widths come from a stand-in measure: each CJK character as wide as its size, Latin half.
 */
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import type { Segment } from '../../src/lib/furigana/segments.ts';
import { loadFonts } from '../../src/flyers/fonts.ts';
import { LINE, lines, READINGS, rubyLines, TAG, type El } from '../../src/flyers/layout/elements.ts';
import { setFitted, setLine, setText } from '../../src/flyers/layout/set.ts';
import { rubyTexts, sheetLayout } from '../../src/flyers/layout/sheet.ts';
import { buildFlyerModel, type FlyerModel } from '../../src/flyers/model.ts';
import { ARTIFACT, type TaggedBox } from '../../src/flyers/pdf-tags.ts';
import { withReadings, type ReadingLine, type ReadingMark } from '../../src/flyers/ruby-svg.ts';
import { lineSegments, rubyBand, rubyMeasure, rubySize } from '../../src/flyers/ruby.ts';
import { breakLines, fitText, type Measure } from '../../src/flyers/text.ts';

const measure: Measure = (text, size) => [...text].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0) * size;

const KYOGIKAI: Segment[] = [
  { text: '社会', reading: 'しゃかい' },
  { text: '福祉', reading: 'ふくし' },
  { text: '協議会', reading: 'きょうぎかい' },
];

describe('readings on the lines of a broken text', () => {
  it('gives each line the words it holds, with their readings', () => {
    const segments: Segment[] = [
      { text: '地域', reading: 'ちいき' },
      { text: 'の' },
      { text: '見守', reading: 'みまも' },
      { text: 'りと、' },
      { text: '子', reading: 'こ' },
      { text: 'ども' },
      { text: '食堂', reading: 'しょくどう' },
    ];
    expect(lineSegments('地域の見守りと、子ども食堂', ['地域の見守りと、', '子ども食堂'], segments)).toEqual([
      [{ text: '地域', reading: 'ちいき' }, { text: 'の' }, { text: '見守', reading: 'みまも' }, { text: 'りと、' }],
      [{ text: '子', reading: 'こ' }, { text: 'ども' }, { text: '食堂', reading: 'しょくどう' }],
    ]);
  });

  it('skips the spaces the breaking dropped and sets what the text lacks (…) without a reading', () => {
    const segments: Segment[] = [
      { text: '会場', reading: 'かいじょう' },
      { text: '　' },
      { text: '公民館', reading: 'こうみんかん' },
    ];
    expect(lineSegments('会場　公民館', ['会場', '公民…'], segments)).toEqual([
      [{ text: '会場', reading: 'かいじょう' }],
      // 公民館 is only partly on the line: its reading would belong to the whole word.
      [{ text: '公民…' }],
    ]);
  });
});

describe('line breaking with readings', () => {
  it('never cuts a word with a reading when a phrase is wider than the line', () => {
    const options = { width: 5 * 20, fontSize: 20, measure };
    // Without readings the phrase is cut by characters where the line is full.
    expect(breakLines('社会福祉協議会', options)).toEqual(['社会福祉協', '議会']);
    expect(breakLines('社会福祉協議会', { ...options, segments: KYOGIKAI })).toEqual(['社会福祉', '協議会']);
  });

  it('joins break opportunities that fall inside a word with a reading', () => {
    // The units offer a break inside 福祉; the reading keeps 福祉 whole.
    const units = ['社会福', '祉協議会'];
    const options = { width: 5 * 20, fontSize: 20, measure, units };
    expect(breakLines('社会福祉協議会', options)).toEqual(['社会福', '祉協議会']);
    const held = breakLines('社会福祉協議会', { ...options, segments: KYOGIKAI });
    expect(held.join('')).toBe('社会福祉協議会');
    for (const line of held) expect(line.endsWith('福')).toBe(false);
  });

  it('breaks each paragraph of a text with newlines around its own words', () => {
    const text = '会場\n 社会福祉協議会';
    const segments: Segment[] = [{ text: '会場', reading: 'かいじょう' }, { text: '\n ' }, ...KYOGIKAI];
    expect(breakLines(text, { width: 5 * 20, fontSize: 20, measure, segments })).toEqual([
      '会場',
      '社会福祉',
      '協議会',
    ]);
  });
});

describe('the width of a line with readings', () => {
  const readings = { 話す: [{ text: '話', reading: 'はなし' }, { text: 'す' }] };

  it('counts a reading wider than its word, and nothing for one that fits over it', () => {
    const ruby = rubyMeasure(measure, readings);
    // 話 is 20 px at 20 px; はなし at 10 px is 30 px: the word takes 30.
    expect(ruby('話す', 20, false)).toBe(50);
    expect(ruby('お話です', 20, false)).toBe(90);
    expect(ruby('地域', 20, false)).toBe(40);
    expect(rubyMeasure(measure, { 地域: [{ text: '地域', reading: 'ちいき' }] })('地域', 20, false)).toBe(40);
  });

  it('is the plain measure when there are no readings', () => {
    expect(rubyMeasure(measure, {})).toBe(measure);
  });

  it('keeps lines measured with readings inside their box', () => {
    const text = '話す話す話す';
    const ruby = rubyMeasure(measure, { [text]: Array.from({ length: 3 }, () => readings['話す']).flat() });
    const broken = breakLines(text, { width: 90, fontSize: 20, measure: ruby });
    for (const line of broken) expect(ruby(line, 20, false)).toBeLessThanOrEqual(90);
    // Broken without the readings, the first line would be too wide once they are printed.
    const plain = breakLines(text, { width: 90, fontSize: 20, measure });
    expect(ruby(plain[0] as string, 20, false)).toBeGreaterThan(90);
  });
});

/** The texts of an element tree, in order, with the tags of the boxes they sit in. */
function texts(node: El | string, tag = ''): [string, string][] {
  if (typeof node === 'string') return [[node, tag]];
  const own = node.props[TAG];
  const children = node.props.children;
  const list = Array.isArray(children) ? children : children === undefined ? [] : [children];
  return list.flatMap((child) => texts(child, typeof own === 'string' ? own : tag));
}

/** The boxes of an element tree that hold `text`, in order. */
function boxesOf(node: El | string, text: string): El[] {
  if (typeof node === 'string') return [];
  const children = node.props.children;
  const list = Array.isArray(children) ? children : children === undefined ? [] : [children];
  return [...(list.includes(text) ? [node] : []), ...list.flatMap((child) => boxesOf(child, text))];
}

const styleOf = (node: El | undefined) => node?.props.style ?? {};

/** The readings the line boxes of an element tree carry (written after Satori: ruby-svg.ts), in order. */
function readingsOf(node: El | string): ReadingMark[] {
  if (typeof node === 'string') return [];
  const children = node.props.children;
  const list = Array.isArray(children) ? children : children === undefined ? [] : [children];
  return [...((node.props[READINGS] as ReadingMark[] | undefined) ?? []), ...list.flatMap(readingsOf)];
}
const readingLeft = (node: El, text: string) => readingsOf(node).find((r) => r.text === text)?.left;

/** The box whose children include `child`. */
function parentOf(node: El, child: El): El | undefined {
  const list = Array.isArray(node.props.children) ? node.props.children : [];
  if (list.includes(child)) return node;
  for (const c of list) {
    const found = typeof c === 'string' ? undefined : parentOf(c, child);
    if (found) return found;
  }
  return undefined;
}

describe('lines set with readings', () => {
  it('leaves a band above each line and marks the readings as artifacts', () => {
    const rows = lineSegments('社会福祉協議会', ['社会福祉', '協議会'], KYOGIKAI);
    const block = rubyLines(rows, 20, { color: '#000' }, measure, false);
    expect(block.height).toBe((Math.ceil(20 * LINE) + rubyBand(20)) * 2);
    expect(rubySize(20)).toBe(10);
    // The words of a line run on in one box, which carries the readings over them (written
    // into the SVG after Satori, their boxes artifacts: ruby-svg.ts and the test below).
    expect(texts(block.el)).toEqual([
      ['社会福祉', ''],
      ['協議会', ''],
    ]);
    expect(readingsOf(block.el).map((r) => [r.text, r.size, r.band, r.color])).toEqual([
      ['しゃかい', 10, rubyBand(20), '#000'],
      ['ふくし', 10, rubyBand(20), '#000'],
      ['きょうぎかい', 10, rubyBand(20), '#000'],
    ]);
  });

  it('centres each reading over its word, from the start of the line', () => {
    const rows = lineSegments('社会福祉協議会', ['社会福祉', '協議会'], KYOGIKAI);
    const block = rubyLines(rows, 20, {}, measure, false);
    // しゃかい (4 × 10 px) over 社会 (2 × 20 px); ふくし (30 px) over 福祉, which starts at 40.
    expect(readingLeft(block.el, 'しゃかい')).toBe(0);
    expect(readingLeft(block.el, 'ふくし')).toBe(45);
    expect(readingLeft(block.el, 'きょうぎかい')).toBe(0);
    // The offsets count from the box of the line's words, which carries them.
    const line = parentOf(block.el, boxesOf(block.el, '社会福祉')[0] as El) as El;
    expect((line.props[READINGS] as ReadingMark[]).map((r) => r.text)).toEqual(['しゃかい', 'ふくし']);
  });

  it("gives a word whose reading is wider than it the reading's width, shared on both sides", () => {
    // 話 (20 px) with はなし (30 px): 5 px of room each side, and 地域 starts 10 px later.
    const segments: Segment[] = [
      { text: '話', reading: 'はなし' },
      { text: 'す' },
      { text: '地域', reading: 'ちいき' },
    ];
    const block = rubyLines([segments], 20, {}, measure, false);
    expect(texts(block.el).filter(([, tag]) => !tag)).toEqual([
      ['話', ''],
      ['す地域', ''],
    ]);
    const word = styleOf(boxesOf(block.el, '話')[0]);
    expect([word['paddingLeft'], word['paddingRight']]).toEqual([5, 5]);
    expect(readingLeft(block.el, 'はなし')).toBe(0);
    // 話 with its room (30) and す (20), then ちいき (30 px) centred over 地域 (40 px).
    expect(readingLeft(block.el, 'ちいき')).toBe(55);
  });

  it('places the readings by the plain widths when handed the measure that counts them', () => {
    const segments: Segment[] = [
      { text: '話', reading: 'はなし' },
      { text: 'す' },
      { text: '地域', reading: 'ちいき' },
    ];
    const counting = rubyMeasure(measure, { 話す地域: segments });
    expect(counting('話', 20, false)).toBe(30);
    expect(rubyLines([segments], 20, {}, counting, false)).toEqual(rubyLines([segments], 20, {}, measure, false));
  });

  it('gives the band only to lines that have readings', () => {
    const rows = lineSegments(
      'になってください地域',
      ['になってください', '地域'],
      [{ text: 'になってください' }, { text: '地域', reading: 'ちいき' }],
    );
    expect(rubyLines(rows, 20, {}, measure, false).height).toBe(Math.ceil(20 * LINE) * 2 + rubyBand(20));
  });

  it('sets a text without readings exactly as before', () => {
    const options = { width: 120, fontSize: 20, measure };
    const style = { color: '#000' };
    const text = '地域の見守り、子ども食堂のお知らせ';
    expect(setText({}, text, options, style)).toEqual(lines(breakLines(text, options), 20, style));
    const fitOptions = { ...options, maxLines: 2, minSize: 12 };
    const fit = fitText(text, fitOptions);
    expect(setFitted({}, text, fitOptions, style)).toEqual({ block: lines(fit.lines, fit.fontSize, style), fit });
    expect(setLine({}, '会場', { fontSize: 20, measure }, style)).toEqual(lines(['会場'], 20, style));
  });

  it('sets a text with readings taller, over whole words', () => {
    const model = { furigana: { 社会福祉協議会: KYOGIKAI } };
    const block = setText(model, '社会福祉協議会', { width: 100, fontSize: 20, measure }, {});
    expect(
      texts(block.el)
        .filter(([, tag]) => !tag)
        .map(([text]) => text),
    ).toEqual(['社会福祉', '協議会']);
    expect(block.height).toBe(2 * (Math.ceil(20 * LINE) + rubyBand(20)));
  });
});

describe('a large-print sheet with ふりがな', () => {
  const site = {
    url: 'https://example.jp/',
    siteName: 'みどり野つながりネット',
    publisher: 'みどり野市社会福祉協議会',
  };
  const model = buildFlyerModel(
    {
      collection: 'recruitments',
      id: 'mimamori',
      data: {
        id: 'mimamori',
        title: '地域の見守り講座',
        status: 'open',
        role: '見守り活動について、民生委員と一緒に学びます。',
        districts: [],
      },
      body: '- 見守りのこつ\n- 地域の相談窓口',
    },
    { lookup: new Map(), site, today: '2026-11-23', t },
  );
  const large: FlyerModel = { ...model, template: 'large' };

  it('asks readings for every text it sets, as the layout sets it', () => {
    const wanted = rubyTexts(large);
    expect(wanted).toContain('地域の見守り講座');
    expect(wanted).toContain(`${site.siteName}\u3000${site.publisher}`);
    expect(wanted).toContain('見守りのこつ');
    expect(wanted.every((text) => /\p{Script=Han}/u.test(text))).toBe(true);
  });

  it('fits the sheet with its taller lines', () => {
    // Every kanji as one word read ああ (two half-size kana: as wide as the kanji itself).
    const furigana = Object.fromEntries(
      rubyTexts(large).map((text) => [
        text,
        Array.from(text, (c): Segment => (/\p{Script=Han}/u.test(c) ? { text: c, reading: 'ああ' } : { text: c })),
      ]),
    );
    const plain = sheetLayout(large, measure);
    const ruby = sheetLayout({ ...large, furigana }, measure);
    expect(ruby.warnings).toEqual([]);
    expect(ruby.spare).toBeGreaterThanOrEqual(0);
    // The readings take room: the body is set no larger than without them.
    expect(ruby.scale).toBeLessThanOrEqual(plain.scale);
  });
});

describe('readings as Satori sets them, in the flyer fonts', () => {
  const fonts = loadFonts();
  /**
   * The characters of Satori's SVG (`embedFont: false`: a <text> per character or short word)
   * in order, each with the part of its element's width it takes.
   */
  const characters = (svg: string) =>
    Array.from(svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"[^>]*>([^<]*)<\/text>/g)).flatMap((m) => {
      const chars = [...(m[4] as string)];
      const [x, width] = [Number(m[1]), Number(m[3])];
      return chars.map((text, i) => ({
        text,
        y: Number(m[2]),
        left: x + (width * i) / chars.length,
        right: x + (width * (i + 1)) / chars.length,
      }));
    });

  it('centres each reading over its word to within a pixel, a wider reading included', async () => {
    const segments: Segment[] = [
      { text: '社会', reading: 'しゃかい' },
      { text: '福祉', reading: 'ふくし' },
      { text: 'のお' },
      { text: '話', reading: 'はなし' },
      { text: 'を' },
      { text: '承', reading: 'うけたまわ' },
      { text: 'ります' },
      { text: '協議会', reading: 'きょうぎかい' },
    ];
    const block = rubyLines([segments], 32, { fontWeight: 700 }, fonts.measure, true);
    const root: El = {
      type: 'div',
      props: { style: { display: 'flex', padding: 17, fontFamily: fonts.family }, children: [block.el] },
    };
    // As the renderer does (render.ts toSvg): Satori lays the words out, and the readings are
    // written over them from where it put their line's box.
    const lines: ReadingLine[] = [];
    const laidOut = await satori(root as never, {
      width: 700,
      height: 200,
      fonts: fonts.fonts as never,
      embedFont: false,
      onNodeDetected: (node) => {
        const marks = node.props?.[READINGS] as ReadingMark[] | undefined;
        if (marks?.length) lines.push({ left: node.left, top: node.top, readings: marks });
      },
    });
    const tags: TaggedBox[] = [];
    const svg = await withReadings(laidOut, lines, fonts, tags);
    const all = characters(svg);
    const bases = all.filter((c) => c.y > 40);
    const readings = all.filter((c) => c.y <= 40);
    expect(bases.map((c) => c.text).join('')).toBe(segments.map((s) => s.text).join(''));
    const span = (list: typeof all) => ({ left: list[0]?.left ?? NaN, right: list.at(-1)?.right ?? NaN });
    const centre = (list: typeof all) => (span(list).left + span(list).right) / 2;
    let base = 0;
    let reading = 0;
    const spans: { left: number; right: number }[] = [];
    for (const s of segments) {
      const word = bases.slice(base, (base += s.text.length));
      if (!s.reading) continue;
      const over = readings.slice(reading, (reading += s.reading.length));
      expect(over.map((c) => c.text).join('')).toBe(s.reading);
      expect(Math.abs(centre(over) - centre(word)), `${s.text} / ${s.reading}`).toBeLessThan(1);
      spans.push(span(over));
    }
    // The wider readings (はなし, うけたまわ) do not run into their neighbours'.
    for (const [i, next] of spans.entries())
      if (i > 0) expect(next.left, `reading ${i}`).toBeGreaterThanOrEqual((spans[i - 1]?.right ?? 0) - 0.5);
    // Each reading's box is an artifact of the PDF's structure, and holds its characters.
    expect(tags.map((t) => t.tag)).toEqual(Array(5).fill(ARTIFACT));
    for (const [i, box] of tags.entries()) {
      expect(box.left, `reading ${i}`).toBeLessThanOrEqual((spans[i]?.left ?? 0) + 0.01);
      expect(box.left + box.width, `reading ${i}`).toBeGreaterThanOrEqual((spans[i]?.right ?? 0) - 0.01);
    }
    // Set as Satori sets a box of the same style: the same baseline and attributes.
    const probe = await satori(
      {
        type: 'div',
        props: {
          style: {
            display: 'flex',
            fontFamily: fonts.family,
            fontSize: rubySize(32),
            lineHeight: `${rubyBand(32)}px`,
            fontWeight: 700,
          },
          children: 'し',
        },
      } as never,
      { width: 100, height: rubyBand(32), fonts: fonts.fonts as never, embedFont: false },
    );
    const attributes = (text: string) =>
      /<text x="[^"]*" y="[^"]*"( width="[^"]*")? height="([^"]*)"([^>]*)>/.exec(text)?.slice(2);
    const own = /<text[^>]*>し<\/text>/.exec(svg)?.[0] ?? '';
    const satoris = /<text[^>]*>し<\/text>/.exec(probe)?.[0] ?? '';
    expect(attributes(own)).toEqual(attributes(satoris));
    const y = (text: string) => Number(/ y="([^"]*)"/.exec(text)?.[1]);
    expect(y(own) - (lines[0]?.top ?? 0)).toBe(y(satoris));
  });
});
