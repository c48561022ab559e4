import { describe, expect, it } from 'vitest';
import { MAX_PHRASE, phrases } from '../../src/lib/phrases.ts';

describe('phrases', () => {
  it.each([
    // BudouX alone: 年末も / ちつき大会
    ['あさひ台 年末もちつき大会', ['あさひ台 年末もちつき大会']],
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
    // BudouX alone: NPO法 / 人つなぐ / 手みどり野 (the flyers keep the same words: NAME_WORDS)
    ['NPO法人つなぐ手みどり野', ['NPO法人', 'つなぐ手', 'みどり野']],
    // BudouX alone: one piece of 15 characters, broken anywhere by the browser
    ['みどり野市民生委員児童委員協議会', ['みどり野市民生委員児童委員', '協議会']],
    ['社会福祉法人みどり野福祉会の家族介護教室', ['社会福祉法人', 'みどり野福祉会の', '家族介護教室']],
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

  it('leaves no piece of these titles longer than a phone line', () => {
    for (const text of ['ふれあいいきいきサロン', 'みどり野つながりネット', '年末もちつき大会'])
      for (const piece of phrases(text)) expect([...piece].length).toBeLessThanOrEqual(MAX_PHRASE);
  });

  it('accepts extra words to keep', () => {
    const title = '移動スーパー「みどり号」まるや商店前';
    expect(phrases(title, []).some((p) => p.endsWith('まる'))).toBe(true);
    expect(phrases(title).some((p) => p.endsWith('まる'))).toBe(false);
    expect(phrases('')).toEqual(['']);
  });
});
