/**
 * The one phrase splitter (src/lib/phrases.ts): its rules, and that the site (Phrases.astro,
 * which puts a <wbr> between phrases) and the flyers (src/flyers/text.ts) break every title of
 * the sample content at the same places.
 */
import { describe, expect, it } from 'vitest';
import { fitText, type Measure } from '../../src/flyers/text.ts';
import { Glue, KEEP_WORDS, MAX_PHRASE, NO_END, NO_START, phrases, phrasing } from '../../src/lib/phrases.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { contentTypes } from '../../src/schemas/index.ts';

/** Full-width characters 1 em, ASCII half: close enough to BIZ UDPGothic to reason about. */
const measure: Measure = (text, size) => [...text].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0) * size;

/** Offsets where the phrases of a text meet: where the site puts its <wbr>. */
const siteBreaks = (text: string): number[] => {
  const offsets: number[] = [];
  let at = 0;
  for (const phrase of phrases(text).slice(0, -1)) offsets.push((at += phrase.length));
  return offsets;
};

/** Offsets where a flyer's lines of `text` start (after the first), found in the text itself. */
const lineBreaks = (text: string, lines: readonly string[]): number[] => {
  const offsets: number[] = [];
  let at = 0;
  lines.forEach((line, i) => {
    const start = text.indexOf(line, at);
    expect(start, `${text}: line ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(at);
    expect(text.slice(at, start).trim(), `${text}: nothing but spaces between lines`).toBe('');
    if (i > 0) offsets.push(start);
    at = start + line.length;
  });
  return offsets;
};

describe('phrases', () => {
  it.each([
    // BudouX alone: 年末も / ちつき大会
    ['あさひ台 年末もちつき大会', ['あさひ台 ', '年末もちつき大会']],
    // BudouX alone: みどり / 野つながりネット
    ['みどり野つながりネット', ['みどり野', 'つながり', 'ネット']],
    // one piece of 11 characters became ふれあいいきいきサ / ロン on a 375 px phone
    ['ふれあいいきいきサロン「ひだまり」', ['ふれあい', 'いきいき', 'サロン', '「ひだまり」']],
    // BudouX alone: 「に / ほん / ごサロン」
    [
      '「にほんごサロン」でおしゃべり相手になってください',
      ['「にほんごサロン」で', 'おしゃべり相手に', 'なってください'],
    ],
    ['居場所「えんがわ」のオープンデー', ['居場所', '「えんがわ」の', 'オープンデー']],
    ['地域包括支援センターみどり野東', ['地域包括支援センター', 'みどり野東']],
    // BudouX alone: NPO法 / 人つなぐ / 手みどり野
    ['NPO法人つなぐ手みどり野', ['NPO法人', 'つなぐ手', 'みどり野']],
    // BudouX alone: one piece of 15 characters, broken anywhere by the browser
    ['みどり野市民生委員児童委員協議会', ['みどり野市民生委員児童委員', '協議会']],
    ['社会福祉法人みどり野福祉会の家族介護教室', ['社会福祉法人', 'みどり野福祉会の', '家族介護教室']],
    // a new word after a closing bracket (the flyers did this, the site did not)
    ['こども食堂「もぐもぐ」クリスマス会', ['こども', '食堂', '「もぐもぐ」', 'クリスマス会']],
    // BudouX alone: まるや商店 駐車場（ / 移動販売の…: a line ended with （
    ['まるや商店 駐車場（移動販売の停留所）', ['まるや商店 ', '駐車場', '（移動販売の', '停留所）']],
    // a space ends the phrase before it: no line starts with the space
    ['みどり野東地区社協だより\u300011月号', ['みどり野東地区社協だより\u3000', '11月号']],
  ])('%s', (text, expected) => {
    expect(phrases(text)).toEqual(expected);
    expect(phrases(text).join('')).toBe(text);
  });

  it('keeps BudouX breaks in ordinary sentences and inside long quotes', () => {
    expect(phrases('見守り座談会「気になるあの人に、どう声をかける？」')).toContain('どう');
    expect(phrases('移動スーパーの停留所ができて1年になりました')).toEqual([
      '移動スーパーの',
      '停留所が',
      'できて',
      '1年に',
      'なりました',
    ]);
  });

  it('never breaks inside a word such as お茶', () => {
    const parts = phrases('公民館の和室でお茶を飲みながらおしゃべり。');
    expect(parts).toEqual(['公民館の', '和室で', 'お茶を', '飲みながら', 'おしゃべり。']);
  });

  it('never starts a phrase with 、。」ー or a small kana, never ends one with 「（', () => {
    for (const text of [
      '「ひだまり」では、みんなでちょっとした体操をします。お茶もあります。',
      'まるや商店 駐車場（移動販売の停留所）',
      '12月25日（木）、サロン「わかば」で。',
      'コーヒー・ジュース・お菓子があります！',
    ]) {
      const parts = phrases(text);
      for (const part of parts.slice(1)) expect(NO_START.has([...part][0] ?? ''), `${parts.join(' / ')}`).toBe(false);
      for (const part of parts.slice(0, -1))
        expect(NO_END.has([...part.trimEnd()].pop() ?? ''), `${parts.join(' / ')}`).toBe(false);
    }
  });

  it('keeps a number with its counter, a date whole and a weekday with its date', () => {
    // BudouX alone: 3か / 月ごと, ３月１０日 / １０時, 12月25日 / （木）
    expect(phrases('3か月ごとに開きます')[0]).toBe('3か月ごとに');
    expect(phrases('３月１０日１０時から')).toEqual(['３月１０日', '１０時から']);
    expect(phrases('12月25日（木）')).toEqual(['12月25日（木）']);
    for (const text of ['毎月第2水曜日の10時から12時まで、3月は15日です。', '2日間で約850人', '参加費は100円です']) {
      for (const number of text.match(/\d+(?:[年月日時分人円]|日間)/g) ?? [])
        expect(
          phrases(text).some((p) => p.includes(number)),
          `${number} in ${phrases(text).join(' / ')}`,
        ).toBe(true);
    }
  });

  it('keeps every word of KEEP_WORDS whole wherever it stands', () => {
    for (const word of KEEP_WORDS)
      for (const text of [`今年の${word}の集い`, `${word}で会いましょう`, `毎月のおたより${word}`])
        expect(
          phrases(text).some((p) => p.includes(word)),
          `${word}: ${phrases(text).join(' / ')}`,
        ).toBe(true);
  });

  it('never breaks inside a character made of several code points', () => {
    expect(phrases('みんなで👨‍👩‍👧サロン').some((p) => p.includes('👨‍👩‍👧'))).toBe(true);
  });

  it('leaves no piece of these titles longer than a phone line', () => {
    for (const text of ['ふれあいいきいきサロン', 'みどり野つながりネット', '年末もちつき大会'])
      for (const piece of phrases(text)) expect([...piece].length).toBeLessThanOrEqual(MAX_PHRASE);
  });

  it('says how strongly each break holds: a word cut for phones, a bracketed name, a date and its time', () => {
    expect(phrasing('ふれあいいきいきサロン「ひだまり」').glue).toEqual([Glue.free, Glue.word, Glue.word, Glue.free]);
    const name = phrasing('にほんごサロン（やさしい日本語でおしゃべり）');
    expect(name.phrases).toEqual(['にほんごサロン', '（やさしい', '日本語で', 'おしゃべり）']);
    expect(name.glue).toEqual([Glue.free, Glue.free, Glue.name, Glue.name]);
    expect(phrasing('2026年11月8日(日) 15:00').glue).toEqual([Glue.free, Glue.name]);
    expect(phrasing('世界の家庭料理でおしゃべり会').glue).toEqual([Glue.free, Glue.free, Glue.free]);
    // Running text: a word's breaks hold nothing, a name's still hold (いる / ことは in a quote).
    const quote = phrasing('「困っていることはないかな」と気にかけます');
    expect(quote.phrases).toEqual(['「困っている', 'ことは', 'ないかな」と', '気に', 'かけます']);
    expect(quote.glue).toEqual([Glue.free, Glue.word, Glue.name, Glue.free, Glue.free]);
    expect(quote.textGlue).toEqual([Glue.free, Glue.name, Glue.name, Glue.free, Glue.free]);
  });

  it('accepts extra words to keep, and hands out copies', () => {
    const title = '移動スーパー「みどり号」まるや商店前';
    expect(phrases(title, []).some((p) => p.endsWith('まる'))).toBe(true);
    expect(phrases(title).some((p) => p.endsWith('まる'))).toBe(false);
    phrases(title).pop();
    expect(phrases(title).join('')).toBe(title);
    expect(phrases('')).toEqual(['']);
  });
});

describe('the site and the flyers break every sample title at the same places', () => {
  const { entries } = validateContent(process.cwd());
  const titles = contentTypes.flatMap((type) =>
    (entries.get(type.name) ?? [])
      .filter((entry) => entry.file.endsWith('.ja.md'))
      .map((entry) => String(entry.parsed[type.titleField])),
  );

  it('reads the titles of the sample content', () => {
    expect(titles.length).toBeGreaterThanOrEqual(60);
  });

  it('a flyer line ends only where the site has a <wbr>, and every <wbr> is a flyer break at some width', () => {
    for (const title of titles) {
      const site = siteBreaks(title);
      const parts = phrases(title);
      const used = new Set<number>();
      const widest = measure(title, 1, true);
      for (let width = 1; width <= widest; width += 0.5) {
        // One size, as many lines as it takes: where the flyer breaks at this width.
        const fitted = fitText(title, { width, fontSize: 1, minSize: 1, maxLines: 99, bold: true, measure });
        for (const offset of lineBreaks(title, fitted.lines)) {
          if (site.includes(offset)) {
            used.add(offset);
            continue;
          }
          // Elsewhere only inside a phrase wider than the line, cut between characters as the
          // site's overflow-wrap does.
          let start = 0;
          const phrase = parts.find((p) => (start += p.length) > offset) ?? '';
          expect(fitted.split, `${title} at ${width} em: ${fitted.lines.join(' | ')}`).toBe(true);
          expect(
            measure(phrase.trimEnd(), 1, true),
            `${title} at ${width} em: ${fitted.lines.join(' | ')}`,
          ).toBeGreaterThan(width);
        }
      }
      expect(
        [...used].sort((a, b) => a - b),
        `${title}: ${parts.join(' / ')}`,
      ).toEqual(site);
    }
  });
});
