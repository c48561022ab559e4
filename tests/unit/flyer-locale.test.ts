/**
 * The pure parts of flyers in other languages: which fonts a flyer is set in
 * (src/lib/flyer-fonts.ts), the pieces Satori gives a font each, where lines break by language
 * (src/lib/line-breaks.ts, through src/flyers/text.ts), the glyph check per script
 * (src/flyers/glyphs.ts, with the real font files), short dates, paths and the PDF's language.
 */
import { describe, expect, it } from 'vitest';
import { codePoints, printableText, unprintable } from '../../src/flyers/glyphs.ts';
import { flyerLang, pageUrl, pointLength, pointsFromBody } from '../../src/flyers/model.ts';
import { flyerPaths, variantPdf } from '../../src/flyers/paths.ts';
import { breakLines, type Measure } from '../../src/flyers/text.ts';
import { formatMonthDayIn, startOfDateJst } from '../../src/lib/dates.ts';
import { fontFamiliesFor, fontPieces, JAPANESE_FONTS, LOCALE_FONTS } from '../../src/lib/flyer-fonts.ts';
import { phrasingIn } from '../../src/lib/line-breaks.ts';
import { phrasing } from '../../src/lib/phrases.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

describe('the fonts of a flyer', () => {
  it('sets Japanese in the three families it always had, whatever Japanese it prints', () => {
    expect(JAPANESE_FONTS).toEqual(['biz-udpgothic', 'noto-sans-jp', 'noto-emoji']);
    expect(fontFamiliesFor('ja', ['ふれあいサロン「ひだまり」', 'Café 10:00', '𠮷野家 🎄'])).toEqual(JAPANESE_FONTS);
    expect(fontFamiliesFor('ja-easy', ['ひだまり'])).toEqual(JAPANESE_FONTS);
  });

  it('puts each language’s own family first, the Japanese ones after it and emoji last', () => {
    expect(fontFamiliesFor('vi', ['Tiếng Việt'])).toEqual(['noto-sans', 'biz-udpgothic', 'noto-sans-jp', 'noto-emoji']);
    expect(fontFamiliesFor('en', ['Salon'])[0]).toBe('noto-sans');
    expect(fontFamiliesFor('pt-br', ['Salão'])[0]).toBe('noto-sans');
    expect(fontFamiliesFor('fil', ['Salon'])[0]).toBe('noto-sans');
    expect(fontFamiliesFor('zh-hans', ['我们'])[0]).toBe('noto-sans-sc');
    expect(fontFamiliesFor('ko', ['안녕'])[0]).toBe('noto-sans-kr');
    expect(fontFamiliesFor('ne', ['नेपाली'])[0]).toBe('noto-sans-devanagari');
    for (const { code } of LOCALES) {
      const families = fontFamiliesFor(code, ['みどり野東公民館']);
      expect(families.at(-1), code).toBe('noto-emoji');
      expect(families, code).toContain('biz-udpgothic');
      expect(families, code).toEqual([...LOCALE_FONTS[code], 'noto-emoji']);
    }
  });

  it('adds a family only for the scripts a flyer’s texts hold', () => {
    expect(fontFamiliesFor('ja', ['多文化交流会 안녕하세요'])).toEqual([
      ...JAPANESE_FONTS.slice(0, 2),
      'noto-sans-kr',
      'noto-emoji',
    ]);
    expect(fontFamiliesFor('ja', ['ネパール語 नमस्ते'])).toContain('noto-sans-devanagari');
    // Before BIZ UD: Việt starts with a V, which BIZ UD has, and goes on with ệ, which it lacks.
    expect(fontFamiliesFor('ja', ['ベトナム語 Tiếng Việt'])).toEqual(['noto-sans', ...JAPANESE_FONTS]);
    expect(fontFamiliesFor('en', ['Korean: 한국어'])).toEqual([
      'noto-sans',
      'biz-udpgothic',
      'noto-sans-jp',
      'noto-sans-kr',
      'noto-emoji',
    ]);
    expect(fontFamiliesFor('ko', ['한국어']).filter((f) => f === 'noto-sans-kr')).toHaveLength(1);
  });

  it('gives ideographs, kana and Hangul a font one by one, words whole', () => {
    expect(fontPieces('本町一丁目町内会')).toEqual(['本', '町', '一', '丁', '目', '町', '内', '会']);
    expect(fontPieces('Tiếng Việt')).toEqual(['Tiếng', ' ', 'Việt']);
    expect(fontPieces('みどり野 Café')).toEqual(['み', 'ど', 'り', '野', ' ', 'Café']);
    expect(fontPieces('')).toEqual([]);
  });
});

describe('the glyph check, per script', () => {
  const check = (locale: Parameters<typeof fontFamiliesFor>[0], text: string) =>
    unprintable(text, fontFamiliesFor(locale, [text]));

  it('prints every script of the site’s languages in their flyers', () => {
    expect(check('vi', 'Phòng sinh hoạt giao lưu, kiểm tra sức khỏe, Đơn vị tổ chức')).toEqual([]);
    expect(check('zh-hans', '交流沙龙，我们一起喝茶聊天。')).toEqual([]);
    expect(check('ko', '어울림 살롱 2026년 12월 9일 (수)')).toEqual([]);
    expect(check('ne', 'भेटघाट सैलुन, स्वास्थ्य जाँच (रक्तचाप)।')).toEqual([]);
    expect(check('pt-br', 'Salão de convivência, atenção')).toEqual([]);
    expect(check('fil', 'Pagpupulong sa Niño')).toEqual([]);
    // Japanese names on a Korean flyer: 内 is not in Noto Sans KR, BIZ UD draws it.
    expect(check('ko', 'みどり野東小学校区, 本町一丁目町内会')).toEqual([]);
    // …and Korean on a Japanese flyer, since it brings Noto Sans KR along.
    expect(check('ja', '多文化交流会 안녕하세요')).toEqual([]);
  });

  it('still refuses what no font has, naming the word', () => {
    expect(check('vi', 'Giao lưu สวัสดี')).toEqual(['สวัสดี']);
    expect(check('ne', 'ሰላም नमस्ते')).toEqual(['ሰላም']);
    // The Japanese fonts alone cannot set Vietnamese: why a Vietnamese flyer has Noto Sans first.
    expect(unprintable('Tiếng Việt', JAPANESE_FONTS)).toContain('Việt');
    expect(codePoints('ሰ')).toBe('U+1230');
  });

  it('composes Latin letters typed with combining marks, and nothing else', () => {
    expect(printableText('Vie\u0302\u0323t')).toBe('Việt');
    expect(printableText('Vie\u0302\u0323t')).toHaveLength(4);
    // A CJK compatibility ideograph keeps its form (NFC would turn 﨑 into 崎).
    expect(printableText('山﨑')).toBe('山﨑');
  });
});

/** One pixel per character, so widths are character counts. */
const measure: Measure = (text) => [...text].length;

describe('line breaking by language', () => {
  it('keeps Japanese with BudouX’s phrases', () => {
    expect(phrasingIn('ja', 'お茶を飲みながらおしゃべり')).toEqual(phrasing('お茶を飲みながらおしゃべり'));
    expect(phrasingIn(undefined, 'お茶を飲む').phrases).toEqual(phrasing('お茶を飲む').phrases);
    expect(phrasingIn('ja-easy', 'おちゃを のみます').phrases).toEqual(phrasing('おちゃを のみます').phrases);
  });

  it('breaks English, Vietnamese, Korean and Nepali after spaces only', () => {
    expect(phrasingIn('en', 'Tea and a chat').phrases).toEqual(['Tea ', 'and ', 'a ', 'chat']);
    expect(breakLines('Exercises and songs together', { width: 14, fontSize: 1, measure, locale: 'en' })).toEqual([
      'Exercises and',
      'songs together',
    ]);
    expect(breakLines('Cùng nhau tập thể dục, hát', { width: 12, fontSize: 1, measure, locale: 'vi' })).toEqual([
      'Cùng nhau',
      'tập thể dục,',
      'hát',
    ]);
    expect(breakLines('다 함께 체조와 노래', { width: 7, fontSize: 1, measure, locale: 'ko' })).toEqual([
      '다 함께',
      '체조와 노래',
    ]);
    expect(phrasingIn('ne', 'सबै मिलेर व्यायाम').phrases).toEqual(['सबै ', 'मिलेर ', 'व्यायाम']);
  });

  it('cuts a Japanese name inside them between its phrases', () => {
    const text = 'Say お茶を飲みながらおしゃべり today';
    const units = phrasingIn('en', text).phrases;
    expect(units.join('')).toBe(text);
    expect(units).toEqual([
      'Say ',
      ...phrasing('お茶を飲みながらおしゃべり').phrases.slice(0, -1),
      'おしゃべり ',
      'today',
    ]);
    expect(units.length).toBeGreaterThan(4);
  });

  it('breaks Chinese between characters, keeping punctuation, numbers and Latin words', () => {
    expect(phrasingIn('zh-hans', '喝茶，聊天。').phrases).toEqual(['喝', '茶，', '聊', '天。']);
    expect(phrasingIn('zh-hans', '（测量）').phrases).toEqual(['（测', '量）']);
    expect(phrasingIn('zh-hans', '2026年QR码 见').phrases).toEqual(['2026', '年', 'QR', '码 ', '见']);
    expect(breakLines('每月第二个星期三上午，喝茶', { width: 5, fontSize: 1, measure, locale: 'zh-hans' })).toEqual([
      '每月第二个',
      '星期三上',
      '午，喝茶',
    ]);
    expect(phrasingIn('zh-hans', '茶').glue).toEqual([0]);
  });
});

describe('dates, paths and language of a translated flyer', () => {
  const day = startOfDateJst('2026-12-09');

  it('writes a coming date without its year in each language, on Japan’s calendar', () => {
    expect(formatMonthDayIn('ja', day)).toBe('12月9日(水)');
    expect(formatMonthDayIn('en', day)).toBe('Wed, Dec 9');
    expect(formatMonthDayIn('ko', day)).toBe('12월 9일 (수)');
    expect(formatMonthDayIn('zh-Hans', day)).toBe('12月9日周三');
  });

  it('names the files <id>.<locale>, Japanese unchanged', () => {
    expect(flyerPaths('salons', 'hidamari-salon')).toMatchObject({
      pdf: '/flyers/salons/hidamari-salon.pdf',
      png: '/flyers/salons/hidamari-salon.png',
      og: '/flyers/salons/hidamari-salon-og.png',
    });
    expect(flyerPaths('salons', 'hidamari-salon', 'poster', 'ja').pdf).toBe('/flyers/salons/hidamari-salon.pdf');
    const vi = flyerPaths('salons', 'hidamari-salon', 'bw', 'vi');
    expect(vi).toMatchObject({
      pdf: '/flyers/salons/hidamari-salon.vi.pdf',
      png: '/flyers/salons/hidamari-salon.vi.png',
      og: '/flyers/salons/hidamari-salon.vi-og.png',
    });
    expect(vi.choices.map((c) => c.pdf)).toEqual([
      '/flyers/salons/hidamari-salon.vi.poster.pdf',
      '/flyers/salons/hidamari-salon.vi.pdf',
      '/flyers/salons/hidamari-salon.vi.large.pdf',
    ]);
    expect(variantPdf('events', 'a', 'large', 'zh-hans')).toBe('/flyers/events/a.zh-hans.large.pdf');
  });

  it('links the page in its language, and tells the PDF its language', () => {
    expect(pageUrl('https://x.jp/', 'salons', 'a')).toBe('https://x.jp/salons/a/');
    expect(pageUrl('https://x.jp', 'salons', 'a', 'ne')).toBe('https://x.jp/ne/salons/a/');
    expect(flyerLang({})).toBe('ja-JP');
    expect(flyerLang({ locale: 'ja-easy' })).toBe('ja-JP');
    expect(flyerLang({ locale: 'zh-hans' })).toBe('zh-Hans');
    expect(flyerLang({ locale: 'pt-br' })).toBe('pt-BR');
    expect(flyerLang({ locale: 'vi' })).toBe('vi');
  });

  it('takes longer body bullets as points in an alphabet', () => {
    const body = '- 10:00 Bắt đầu, kiểm tra sức khỏe (đo huyết áp)\n- 12:00 Kết thúc';
    expect(pointsFromBody(body)).toEqual(['12:00 Kết thúc']);
    expect(pointsFromBody(body, pointLength('vi'))).toHaveLength(2);
    expect(pointLength(undefined)).toBe(40);
    expect(pointLength('zh-hans')).toBe(40);
    expect(pointLength('en')).toBe(80);
  });
});
