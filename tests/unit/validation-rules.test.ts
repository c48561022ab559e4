/**
 * Every schema rule and file rule, each with the exact message a volunteer reads: the rules of
 * a salon's frequency, dates that depend on each other, lengths, lists, formats, wrong types,
 * file names. A malformed value gets exactly one message, never a second one from a rule that
 * compares it with another field. (The cases the build must refuse too are in
 * tests/helpers/bad-inputs.ts and tests/unit/validation.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { formatProblem } from '../../src/lib/validation/messages.ts';
import { FIXTURE, fixtureCopy, removeFixtureCopies } from '../helpers/fixture.ts';

afterEach(removeFixtureCopies);

const EVENT = 'content/events/bousai.ja.md';
const SALON = 'content/salons/hidamari.ja.md';
const DISTRICT = 'content/districts/higashi.ja.md';
const ORG = 'content/organizations/shakyo.ja.md';
const REPORT = 'content/reports/hidamari-2026-11.ja.md';
const NEWSLETTER = 'content/newsletters/higashi-2026-12.ja.md';
const PLACE = 'content/places/kominkan.ja.md';
const DESK = 'content/desks/hokatsu.ja.md';
const SETTINGS = 'content/settings/site.yml';

const fixtureFile = (path: string) => readFileSync(join(FIXTURE, path), 'utf8');
/** The fixture file with one change; throws if the text to change is not there (a test that cannot fail). */
function edit(path: string, from: string, to: string): string {
  const text = fixtureFile(path);
  if (!text.includes(from)) throw new Error(`${path} does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}
const problemsAfter = (files: Record<string, string | null>) =>
  validateContent(fixtureCopy(files)).problems.map(formatProblem);

interface Case {
  name: string;
  files: Record<string, string>;
  expected: string[];
}

const CASES: Case[] = [
  {
    name: 'a malformed application deadline is not also compared with the start',
    files: { [EVENT]: edit(EVENT, "deadline: '2026-12-01'", 'deadline: 2026-2-3') },
    expected: [
      'content/events/bousai.ja.md: application.deadline（申し込み締め切り）: 「2026-2-3」 — 書き方が違います。年-月-日 の形で書いてください（例: 2026-12-05）。 / wrong format; write it as YYYY-MM-DD (e.g. 2026-12-05).',
    ],
  },
  {
    name: 'a start in the year 0001 (shown as 1901 before) is refused, and not also compared with the end',
    files: { [EVENT]: edit(EVENT, "start: '2026-12-05T10:00'", "start: '0001-12-05T10:00'") },
    expected: [
      'content/events/bousai.ja.md: start（開始日時）: 「0001-12-05T10:00」 — 「0001-12-05T10:00」の年（0001年）は扱えません。1900年から2200年までの年を西暦4桁で書いてください。 / the year 0001 is out of range; write a year from 1900 to 2200.',
    ],
  },
  {
    name: 'an end in the year 2201 is refused',
    files: { [EVENT]: edit(EVENT, "end: '2026-12-05T12:00'", "end: '2201-12-05T12:00'") },
    expected: [
      'content/events/bousai.ja.md: end（終了日時）: 「2201-12-05T12:00」 — 「2201-12-05T12:00」の年（2201年）は扱えません。1900年から2200年までの年を西暦4桁で書いてください。 / the year 2201 is out of range; write a year from 1900 to 2200.',
    ],
  },
  {
    name: 'a date in the year 0099, unquoted as Decap writes it, is refused',
    files: { [REPORT]: edit(REPORT, "date: '2026-11-11'", 'date: 0099-11-11') },
    expected: [
      'content/reports/hidamari-2026-11.ja.md: date（活動日）: 「0099-11-11」 — 「0099-11-11」の年（0099年）は扱えません。1900年から2200年までの年を西暦4桁で書いてください。 / the year 0099 is out of range; write a year from 1900 to 2200.',
    ],
  },
  {
    name: 'a date inside a list in the year 1899 is refused',
    files: { [SALON]: edit(SALON, "validFrom: '2026-04-01'", "validFrom: '2026-04-01'\n  skip:\n    - '1899-12-31'") },
    expected: [
      'content/salons/hidamari.ja.md: schedule.skip[1]（休みの日）: 「1899-12-31」 — 「1899-12-31」の年（1899年）は扱えません。1900年から2200年までの年を西暦4桁で書いてください。 / the year 1899 is out of range; write a year from 1900 to 2200.',
    ],
  },
  {
    name: 'a newsletter month in the year 0012 is refused',
    files: {
      [NEWSLETTER]:
        "---\nid: higashi-2026-12\ntitle: 東地区だより 12月号\nmonth: '0012-12'\nnumber: 1\nsummary: 12月の予定です。\nintro: 寒くなりました。\n---\n",
    },
    expected: [
      'content/newsletters/higashi-2026-12.ja.md: month（号（年-月））: 「0012-12」 — 「0012-12」の年（0012年）は扱えません。1900年から2200年までの年を西暦4桁で書いてください。 / the year 0012 is out of range; write a year from 1900 to 2200.',
    ],
  },
  {
    name: 'a start time of 25:00 is not also compared with the end',
    files: { [SALON]: edit(SALON, "startTime: '10:00'", "startTime: '25:00'") },
    expected: [
      'content/salons/hidamari.ja.md: schedule.startTime（開始時刻）: 「25:00」 — 書き方が違います。時:分 の形で、24時間制で書いてください（例: 13:30）。 / wrong format; write it as HH:mm, 24-hour clock (e.g. 13:30).',
    ],
  },
  {
    name: 'an impossible last day is not also compared with the first day',
    files: { [SALON]: edit(SALON, "validFrom: '2026-04-01'", "validFrom: '2026-04-01'\n  validUntil: '2026-13-01'") },
    expected: [
      'content/salons/hidamari.ja.md: schedule.validUntil（この予定の終了日）: 「2026-13-01」 — 「2026-13-01」という日付はカレンダーにありません。日付を確かめてください。 / 2026-13-01 is not a real calendar date; check the day and month.',
    ],
  },
  {
    name: 'a last day before the first day',
    files: { [SALON]: edit(SALON, "validFrom: '2026-04-01'", "validFrom: '2026-04-01'\n  validUntil: '2026-03-31'") },
    expected: [
      'content/salons/hidamari.ja.md: schedule.validUntil（この予定の終了日）: 「2026-03-31」 — 予定の終了日（2026-03-31）が開始日（2026-04-01）より前です。 / validUntil (2026-03-31) is before validFrom (2026-04-01).',
    ],
  },
  {
    name: 'a weekly salon without its weekday',
    files: {
      [SALON]: edit(SALON, 'frequency: monthly-weekday', 'frequency: weekly').replace('  weekdays:\n    - wed\n', ''),
    },
    expected: [
      'content/salons/hidamari.ja.md: schedule.weekdays（曜日）: 曜日を1つ以上選んでください（くり返し方が「毎週」または「毎月第○曜日」のため）。 / choose at least one weekday for this frequency.',
    ],
  },
  {
    name: 'a monthly-weekday salon without its weekday',
    files: { [SALON]: edit(SALON, '  weekdays:\n    - wed\n', '') },
    expected: [
      'content/salons/hidamari.ja.md: schedule.weekdays（曜日）: 曜日を1つ以上選んでください（くり返し方が「毎週」または「毎月第○曜日」のため）。 / choose at least one weekday for this frequency.',
    ],
  },
  {
    name: 'a monthly-date salon without its day',
    files: { [SALON]: edit(SALON, 'frequency: monthly-weekday', 'frequency: monthly-date') },
    expected: [
      'content/salons/hidamari.ja.md: schedule.day（日にち）: 日にちを入れてください（くり返し方が「毎月○日」のため）。 / set the day of the month for a monthly-date schedule.',
    ],
  },
  {
    name: 'a day of the month past 31',
    files: { [SALON]: edit(SALON, 'frequency: monthly-weekday', 'frequency: monthly-date\n  day: 32') },
    expected: [
      'content/salons/hidamari.ja.md: schedule.day（日にち）: 「32」 — 31以下にしてください。 / must be at most 31.',
    ],
  },
  {
    name: 'a dates salon without dates',
    files: { [SALON]: edit(SALON, 'frequency: monthly-weekday', 'frequency: dates') },
    expected: [
      'content/salons/hidamari.ja.md: schedule.dates（開催日の一覧）: 開催日を1つ以上入れてください（くり返し方が「日付を指定」のため）。 / list at least one date for a dates schedule.',
    ],
  },
  {
    name: 'a missing list of categories',
    files: { [EVENT]: edit(EVENT, 'categories:\n  - disaster\n', '') },
    expected: [
      'content/events/bousai.ja.md: categories（分類）: 必須の項目「分類」がありません。書き足してください。ヒント: 当てはまるものをすべて選んでください（1つ以上）。選べる値: watch（見守り）、salon（サロン）、ibasho（居場所）、childcare（子育て）、elderly（高齢者）、disability（障がい）、multicultural（多文化共生）、disaster（防災）、shopping（買い物支援）、health（健康）、learning（学び）、volunteer（ボランティア）、food（食事・子ども食堂）。 / categories (分類) is required; add it: one or more of: watch, salon, ibasho, childcare, elderly, disability, multicultural, disaster, shopping, health, learning, volunteer, food.',
    ],
  },
  {
    name: 'an empty list of categories',
    files: { [EVENT]: edit(EVENT, 'categories:\n  - disaster\n', 'categories: []\n') },
    expected: ['content/events/bousai.ja.md: categories（分類）: 1つ以上入れてください。 / give at least 1 item.'],
  },
  {
    name: 'a missing reference',
    files: { [EVENT]: edit(EVENT, 'place: kominkan\n', '') },
    expected: [
      'content/events/bousai.ja.md: place（会場）: 必須の項目「会場」がありません。書き足してください。「会場・居場所」のID（content/places/ にあるファイル名から .ja.md を除いた部分）を書きます。 / place (会場) is required; add it: the id of an entry in content/places/ (its file name without .ja.md).',
    ],
  },
  {
    name: 'a missing choice',
    files: { [SALON]: edit(SALON, 'kind: salon\n', '') },
    expected: [
      'content/salons/hidamari.ja.md: kind（種類）: 必須の項目「種類」がありません。書き足してください。選べる値: salon（ふれあいサロン）、cafe（ふれあい喫茶）、childcare（子育てサロン）、meal（食事会）、exercise（体操・健康教室）、kodomo-shokudo（子ども食堂）、mobile-shop（移動販売）、ibasho（居場所）、dementia-cafe（認知症カフェ）、kyosei（共生型サロン）、other（その他）。 / kind (種類) is required; add it: one of: salon, cafe, childcare, meal, exercise, kodomo-shokudo, mobile-shop, ibasho, dementia-cafe, kyosei, other.',
    ],
  },
  {
    name: 'a missing time',
    files: { [SALON]: edit(SALON, "  startTime: '10:00'\n", '') },
    expected: [
      'content/salons/hidamari.ja.md: schedule.startTime（開始時刻）: 必須の項目「開始時刻」がありません。書き足してください。時:分 の形で、24時間制で書いてください（例: 13:30）。 / schedule.startTime (開始時刻) is required; add it: write it as HH:mm, 24-hour clock (e.g. 13:30).',
    ],
  },
  {
    name: 'a missing date whose hint explains it',
    files: { [SALON]: edit(SALON, "  validFrom: '2026-04-01'\n", '') },
    expected: [
      'content/salons/hidamari.ja.md: schedule.validFrom（この予定の開始日）: 必須の項目「この予定の開始日」がありません。書き足してください。年-月-日 の形で書いてください（例: 2026-12-05）。ヒント: この日から予定が有効になります。 / schedule.validFrom (この予定の開始日) is required; add it: write it as YYYY-MM-DD (e.g. 2026-12-05).',
    ],
  },
  {
    name: 'a field left empty counts as missing',
    files: { [EVENT]: edit(EVENT, 'title: 東地区防災訓練', 'title:') },
    expected: [
      'content/events/bousai.ja.md: title（イベント名）: 必須の項目「イベント名」がありません。書き足してください。例: 桜ヶ丘ふれあい防災訓練。 / title (イベント名) is required; add it: text of at most 80 characters.',
    ],
  },
  {
    name: 'a summary over 120 characters',
    files: { [EVENT]: edit(EVENT, 'summary: 避難所の開設を体験します。', `summary: ${'あ'.repeat(121)}`) },
    expected: [
      'content/events/bousai.ja.md: summary（ひとこと紹介）: 「ああああああああああああああああああああああああああああああ…」（121字） — 長すぎます。120字以内にしてください。 / too long; keep it within 120 characters.',
    ],
  },
  {
    name: 'an image description without the image',
    files: { [EVENT]: edit(EVENT, 'organizer: shakyo', 'organizer: shakyo\nimage:\n  alt: 公民館の入口') },
    expected: [
      'content/events/bousai.ja.md: image.src（画像ファイル）: 説明はありますが画像ファイルがありません。画像を選ぶか、説明を消してください。 / alt text without an image; choose the image or remove the text.',
    ],
  },
  {
    name: 'a removed image whose description stayed',
    files: { [EVENT]: edit(EVENT, 'organizer: shakyo', "organizer: shakyo\nimage:\n  src: ''\n  alt: 公民館の入口") },
    expected: [
      'content/events/bousai.ja.md: image.src（画像ファイル）: 説明はありますが画像ファイルがありません。画像を選ぶか、説明を消してください。 / alt text without an image; choose the image or remove the text.',
    ],
  },
  {
    name: 'an id with capitals and an underscore',
    files: { [EVENT]: edit(EVENT, 'id: bousai', 'id: Bousai_1') },
    expected: [
      'content/events/bousai.ja.md: id（ID（ファイル名・URL））: 「Bousai_1」 — 書き方が違います。半角の小文字英字・数字とハイフンで書いてください（例: hidamari-salon）。 / wrong format; use lowercase ASCII letters, digits and hyphens (e.g. hidamari-salon).',
    ],
  },
  {
    name: 'an unquoted number as id',
    files: { [ORG]: edit(ORG, 'id: shakyo', 'id: 2026') },
    expected: [
      'content/organizations/shakyo.ja.md: id（ID（ファイル名・URL））: 「2026」 — 引用符がないため数として読まれました。文字として書くには引用符で囲んでください（例: id: "2026"）。 / read as a number; put it in quotes to keep it as text: id: "2026".',
    ],
  },
  {
    name: 'a phone number with spaces',
    files: { [EVENT]: edit(EVENT, 'organizer: shakyo', 'organizer: shakyo\ncontact: 0123 45 6789') },
    expected: [
      'content/events/bousai.ja.md: contact（問い合わせ電話番号）: 「0123 45 6789」 — 書き方が違います。ハイフン入りの半角数字で書いてください（例: 0123-45-6789）。 / wrong format; write it with hyphens (e.g. 0123-45-6789).',
    ],
  },
  {
    name: 'a phone number YAML reads as a number',
    files: { [EVENT]: edit(EVENT, 'organizer: shakyo', 'organizer: shakyo\ncontact: 012345') },
    expected: [
      'content/events/bousai.ja.md: contact（問い合わせ電話番号）: 「012345」 — 書き方が違います。ハイフン入りの半角数字で書いてください（例: 0123-45-6789）。 / wrong format; write it with hyphens (e.g. 0123-45-6789).',
    ],
  },
  {
    name: 'an e-mail address without a domain, a URL without http and a phone without hyphens',
    files: {
      [ORG]: edit(ORG, 'kind: shakyo', 'kind: shakyo\nphone: 0123456789\nemail: info@example\nurl: www.example.jp'),
    },
    expected: [
      'content/organizations/shakyo.ja.md: phone（電話番号）: 「0123456789」 — 書き方が違います。ハイフン入りの半角数字で書いてください（例: 0123-45-6789）。 / wrong format; write it with hyphens (e.g. 0123-45-6789).',
      'content/organizations/shakyo.ja.md: email（メールアドレス）: 「info@example」 — 書き方が違います。メールアドレスの形で書いてください（例: info@example.jp）。 / wrong format; write an e-mail address (e.g. info@example.jp).',
      'content/organizations/shakyo.ja.md: url（ウェブサイト）: 「www.example.jp」 — 書き方が違います。http:// か https:// で始まるアドレスを書いてください。 / wrong format; write an address starting with http:// or https://.',
    ],
  },
  {
    name: 'a reading in katakana',
    files: { [DISTRICT]: edit(DISTRICT, 'kind: school', 'kind: school\nkana: ヒガシ') },
    expected: [
      'content/districts/higashi.ja.md: kana（よみがな）: 「ヒガシ」 — 書き方が違います。ひらがなで書いてください。 / wrong format; write it in hiragana.',
    ],
  },
  {
    name: 'a newsletter month that does not exist',
    files: {
      [NEWSLETTER]:
        '---\nid: higashi-2026-12\ntitle: 東地区だより 12月号\nmonth: 2026-13\nnumber: 1\nsummary: 12月の予定です。\nintro: 寒くなりました。\n---\n',
    },
    expected: [
      'content/newsletters/higashi-2026-12.ja.md: month（号（年-月））: 「2026-13」 — 書き方が違います。年-月 の形で書いてください（例: 2026-12）。 / wrong format; write it as YYYY-MM (e.g. 2026-12).',
    ],
  },
  {
    name: 'a count written in kanji',
    files: { [REPORT]: edit(REPORT, 'participants: 18', 'participants: 十八') },
    expected: [
      'content/reports/hidamari-2026-11.ja.md: participants（参加者数（人））: 「十八」 — 数字で書いてください。 / expected a number.',
    ],
  },
  {
    name: 'a capacity in quotes',
    files: { [EVENT]: edit(EVENT, 'organizer: shakyo', "organizer: shakyo\ncapacity: '20'") },
    expected: [
      'content/events/bousai.ja.md: capacity（定員（人））: 「20」 — 数字が文字として書かれています。引用符を外して書いてください（例: capacity: 20）。 / a number written as text; remove the quotes: capacity: 20.',
    ],
  },
  {
    name: 'a yes/no field written in words',
    files: { [EVENT]: edit(EVENT, 'required: true', 'required: はい') },
    expected: [
      'content/events/bousai.ja.md: application.required（事前申し込みが必要）: 「はい」 — はい/いいえ（true か false）で書いてください。 / expected true or false.',
    ],
  },
  {
    name: 'a badly named file',
    files: { 'content/events/Bousai 2.md': fixtureFile(EVENT) },
    expected: [
      'content/events/Bousai 2.md: このファイルは読み込まれません。ファイル名は「ID.ja.md」（例: bousai-2.ja.md）の形にしてください。IDは半角の小文字英字・数字・ハイフンです。 / this file is not read; name it <id>.ja.md (e.g. bousai-2.ja.md) with a lowercase ASCII id.',
    ],
  },
  {
    name: 'a file without its language',
    files: { 'content/events/kunren.md': fixtureFile(EVENT) },
    expected: [
      'content/events/kunren.md: このファイルは読み込まれません。ファイル名は「ID.ja.md」（例: kunren.ja.md）の形にしてください。IDは半角の小文字英字・数字・ハイフンです。 / this file is not read; name it <id>.ja.md (e.g. kunren.ja.md) with a lowercase ASCII id.',
    ],
  },
  {
    name: 'a translation without its Japanese original',
    files: { 'content/events/kunren.en.md': fixtureFile(EVENT) },
    expected: [
      'content/events/kunren.en.md: 翻訳の元になる日本語のファイル（content/events/kunren.ja.md）がありません。ファイル名を確かめてください。 / translation without its Japanese original (content/events/kunren.ja.md); check the file name.',
    ],
  },
  {
    name: 'a capacity of zero',
    files: { [EVENT]: edit(EVENT, 'organizer: shakyo', 'organizer: shakyo\ncapacity: 0') },
    expected: [
      'content/events/bousai.ja.md: capacity（定員（人））: 「0」 — 0より大きい数にしてください。 / must be more than 0.',
    ],
  },
  {
    name: 'a negative participant count',
    files: { [REPORT]: edit(REPORT, 'participants: 18', 'participants: -1') },
    expected: [
      'content/reports/hidamari-2026-11.ja.md: participants（参加者数（人））: 「-1」 — 0以上にしてください。 / must be at least 0.',
    ],
  },
  {
    name: 'a latitude outside Japan',
    files: { [PLACE]: edit(PLACE, 'district: higashi', 'district: higashi\nlat: 135.5') },
    expected: ['content/places/kominkan.ja.md: lat（緯度）: 「135.5」 — 46以下にしてください。 / must be at most 46.'],
  },
  {
    name: 'a flyer headline over 20 characters',
    files: { [EVENT]: edit(EVENT, 'organizer: shakyo', `organizer: shakyo\nflyer:\n  headline: ${'お'.repeat(21)}`) },
    expected: [
      'content/events/bousai.ja.md: flyer.headline（見出し）: 「おおおおおおおおおおおおおおおおおおおおお」 — 長すぎます。20字以内にしてください。 / too long; keep it within 20 characters.',
    ],
  },
  {
    name: 'more than four flyer points',
    files: {
      [EVENT]: edit(
        EVENT,
        'organizer: shakyo',
        'organizer: shakyo\nflyer:\n  points:\n    - 一\n    - 二\n    - 三\n    - 四\n    - 五',
      ),
    },
    expected: [
      'content/events/bousai.ja.md: flyer.points（おすすめポイント）: 4つまでにしてください。 / at most 4 items.',
    ],
  },
  {
    name: 'an unknown weekday',
    files: { [SALON]: edit(SALON, '    - wed', '    - Wed') },
    expected: [
      'content/salons/hidamari.ja.md: schedule.weekdays[1]（曜日）: 「Wed」 — 選べる値ではありません。次のどれかにしてください: mon（月）、tue（火）、wed（水）、thu（木）、fri（金）、sat（土）、sun（日）。 / not an allowed value; use one of: mon, tue, wed, thu, fri, sat, sun.',
    ],
  },
  {
    name: 'a site description over 160 characters',
    files: { [SETTINGS]: edit(SETTINGS, 'description: テスト用のサイトです。', `description: ${'て'.repeat(161)}`) },
    expected: [
      'content/settings/site.yml: description（サイトの説明）: 「てててててててててててててててててててててててててててててて…」（161字） — 長すぎます。160字以内にしてください。 / too long; keep it within 160 characters.',
    ],
  },
  {
    name: 'a consultation desk with nothing to help with',
    files: {
      [DESK]:
        '---\nid: hokatsu\nname: 地域包括支援センター\nhelpsWith: []\nhours: 平日 9:00〜17:00\nphone: 0123-45-6789\ncategories:\n  - elderly\n---\n',
    },
    expected: [
      'content/desks/hokatsu.ja.md: helpsWith（相談できること）: 1つ以上入れてください。 / give at least 1 item.',
    ],
  },
];

describe('each rule gives exactly its own message', () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(problemsAfter(c.files)).toEqual(c.expected);
    });
  }
});
