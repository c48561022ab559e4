/**
 * Private data in volunteers' text (issue 13): what the detector finds and what it leaves alone,
 * how a finding is masked, which content types are looked at, the consent that stops the
 * warning, and the warning's words (file, line, what, why).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCmsConfig } from '../../admin/config.ts';
import { checkedCollections, privacyQuestion } from '../../src/lib/cms/privacy-question.ts';
import { findPrivateData, privacyAcknowledged } from '../../src/lib/validation/privacy.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { bodyStartLine, formatWarning, formatWarnings } from '../../src/lib/validation/warnings.ts';
import { contentTypes } from '../../src/schemas/index.ts';
import { FIXTURE, fixtureCopy, removeFixtureCopies } from '../helpers/fixture.ts';

afterEach(removeFixtureCopies);

const found = (text: string) => findPrivateData(text).map((f) => `${f.kind} ${f.shown}`);

describe('findPrivateData', () => {
  it.each([
    ['連絡は090-1234-5678まで', 'mobile 090-****-5678'],
    ['連絡は08012345678まで', 'mobile 080-****-5678'],
    ['携帯 070 1234 5678', 'mobile 070-****-5678'],
    // full-width digits, and the ー volunteers type for a hyphen
    ['携帯：０９０ー１２３４ー５６７８', 'mobile 090-****-5678'],
    ['090(1234)5678', 'mobile 090-****-5678'],
    ['+81-90-1234-5678', 'mobile +81-90-****-5678'],
  ])('finds the mobile number in %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['田中さんのお宅（本町3丁目8番2号）', 'address 3丁目＊番＊号'],
    ['若葉三丁目5-12の前', 'address 三丁目＊-＊'],
    ['8番2号', 'address 8番＊号'],
    ['若葉123番地の4', 'address 123番地の＊'],
    ['みどり野市本町3-8-2', 'address 3-＊-＊'],
  ])('finds the street address in %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['要支援者の山田さんを訪ねました', 'care 要支援者・山＊さん'],
    ['見守り対象の佐藤花子様', 'care 見守り対象・佐＊＊＊様'],
    ['タナカさんは見守り対象です', 'care 見守り対象・タ＊＊さん'],
  ])('finds a name next to 要支援者 / 見守り対象 in %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    // the numbers the site is for: desks' landlines, free dials, dates and times
    '相談は窓口 0000-12-3456 へ',
    'フリーダイヤル 0120-123-456',
    '2026-09-01 0900 集合',
    '参加者 18人、ボランティア 6人',
    // neighbourhoods, not houses
    '若葉三丁目集会所で開きました',
    '本町一丁目町内会のみなさん',
    '3丁目町内会',
    '1番人気はカレーでした',
    'だより 第3号・12月号',
    // the words without a name, or with no one in particular
    '要支援者の見守りについて学びました',
    '皆さん、要支援者の避難を一緒に考えましょう',
    '民生委員さんと要支援者名簿の扱いを確認しました',
    'お子さんも見守り対象の方も歓迎です',
  ])('leaves alone: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('names the line of each finding', () => {
    const text = '一行目\n連絡は090-1234-5678\n\n要支援者の山田さん宅（本町3丁目8番2号）へ';
    expect(findPrivateData(text)).toEqual([
      { kind: 'mobile', line: 2, shown: '090-****-5678' },
      { kind: 'address', line: 4, shown: '3丁目＊番＊号' },
      { kind: 'care', line: 4, shown: '要支援者・山＊さん' },
    ]);
  });
});

describe('which entries are looked at, and consent', () => {
  it('reports and newsletters, whose body volunteers write about residents, and they can state consent', () => {
    const checked = contentTypes.filter((type) => type.body?.checkPrivacy).map((type) => type.name);
    expect(checked).toEqual(['reports', 'newsletters']);
    // Every checked type has the consent field, and only those: the CMS finds them by it.
    for (const type of contentTypes) {
      const shape = (type.schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      expect('privacyConsent' in shape, type.name).toBe(checked.includes(type.name));
    }
  });

  it('counts consent only when it says something', () => {
    expect(privacyAcknowledged({ privacyConsent: '山田さん本人の了解を得た' })).toBe(true);
    expect(privacyAcknowledged({ privacyConsent: '  ' })).toBe(false);
    expect(privacyAcknowledged({})).toBe(false);
  });
});

const REPORT = 'content/reports/hidamari-2026-11.ja.md';
const report = (frontMatter: string, body: string) =>
  `---\nid: hidamari-2026-11\ntitle: 11月のひだまりサロン\ndate: '2026-11-11'\nsalon: hidamari\ndistricts:\n  - higashi\ncategories:\n  - salon\nparticipants: 18\n${frontMatter}---\n${body}`;

describe('the warnings of npm run check and the build', () => {
  it('name the file, the line, what was found (masked) and why, and do not make a problem', () => {
    const root = fixtureCopy({
      [REPORT]: report('', '18人が参加しました。\n\n欠席の山田さん（要支援者）には090-1234-5678へ電話しました。\n'),
    });
    const { problems, warnings } = validateContent(root);
    expect(problems).toEqual([]);
    expect(warnings.map(formatWarning)).toEqual([
      'content/reports/hidamari-2026-11.ja.md:14: 報告の本文: 「090-****-5678」 — 携帯電話の番号のようです。携帯の番号はその人に直接つながる個人の情報なので、本人の了解がなければ載せず、窓口や団体の電話番号を書いてください。本人の了解を得ているなら「個人の情報を載せる了解」（privacyConsent）にだれの了解かを書くと、このお知らせは出なくなります。 / looks like a mobile number, which reaches one person directly; publish it only with their consent, and give the desk’s or group’s number otherwise; if they agreed, say whose consent in privacyConsent and this warning stops.',
      'content/reports/hidamari-2026-11.ja.md:14: 報告の本文: 「要支援者・山＊さん」 — 名前と一緒に「要支援者」「見守り対象」と書かれています。支援が必要なことは特に慎重に扱う個人の情報で、空き巣や詐欺に狙われるおそれもあるので、名前と一緒には載せないでください。本人の了解を得ているなら「個人の情報を載せる了解」（privacyConsent）にだれの了解かを書くと、このお知らせは出なくなります。 / names a person as needing support or being watched over: sensitive personal data that can make them a target; do not publish it next to a name; if they agreed, say whose consent in privacyConsent and this warning stops.',
    ]);
    expect(formatWarnings(warnings).split('\n').slice(0, 2)).toEqual([
      '注意: 確かめてほしいところが2件あります（サイトはこのまま作られます）。',
      '2 warnings in content (the site is still built); check them.',
    ]);
  });

  it('stop once the entry states consent, and never look at other types', () => {
    const body = '連絡は090-1234-5678（山田さん）まで。\n';
    const salon = 'content/salons/hidamari.ja.md';
    const root = fixtureCopy({
      [REPORT]: report('privacyConsent: 山田さん本人の了解を得た\n', body),
      // The same words in a salon's body: an organiser's number there is what the site is for.
      [salon]: `${readFileSync(join(FIXTURE, salon), 'utf8').trimEnd()}\n\n${body}`,
    });
    expect(validateContent(root).warnings).toEqual([]);
  });

  it('count lines from the top of the file', () => {
    expect(bodyStartLine('---\nid: x\n---\n本文\n', '本文\n')).toBe(4);
    expect(bodyStartLine('---\r\nid: x\r\n---\r\n\r\n本文', '\r\n本文')).toBe(4);
  });
});

describe('the question the CMS asks before saving', () => {
  it('is asked for reports and newsletters, found by their consent field in the CMS config', () => {
    const { collections } = buildCmsConfig() as { collections: { name: string; fields?: { name: string }[] }[] };
    expect([...checkedCollections(collections)].sort()).toEqual(['newsletters', 'reports']);
  });

  it('lists what was found, masked, with what it looks like, Japanese first', () => {
    const question = privacyQuestion({ title: 'x', body: '山田さん（要支援者）の携帯 090-1234-5678' });
    expect(question?.split('\n').slice(0, 3)).toEqual([
      '本文に、個人の情報のように見えるところが2か所あります。',
      '・090-****-5678（携帯電話の番号のようです）',
      '・要支援者・山＊さん（名前と一緒に「要支援者」「見守り対象」と書かれています）',
    ]);
    expect(question).toContain('The body looks like it holds private data (2).');
  });

  it('is not asked when nothing is found, when consent is stated, or without a body', () => {
    expect(privacyQuestion({ body: '18人が参加しました。' })).toBeUndefined();
    expect(privacyQuestion({ body: '携帯 090-1234-5678', privacyConsent: '本人の了解を得た' })).toBeUndefined();
    expect(privacyQuestion({ title: '090-1234-5678' })).toBeUndefined();
  });
});
