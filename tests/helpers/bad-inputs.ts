/**
 * The bad inputs a volunteer can produce, each as a change to the valid minimal fixture, with
 * the exact message it must produce. Shared by the unit tests (validator) and the build tests
 * (astro build and npm run check must fail with the same lines).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE } from './fixture.ts';

const fixtureFile = (path: string) => readFileSync(join(FIXTURE, path), 'utf8');
const EVENT = 'content/events/bousai.ja.md';
const SALON = 'content/salons/hidamari.ja.md';
const RECRUITMENT = 'content/recruitments/bousai-staff.ja.md';
const REPORT = 'content/reports/hidamari-2026-11.ja.md';
const SETTINGS = 'content/settings/site.yml';

export interface BadInput {
  name: string;
  /** New text of each file, or null to delete it. */
  files: Record<string, string | null>;
  expected: string[];
}

export const BAD_INPUTS: BadInput[] = [
  {
    name: 'malformed YAML',
    files: { [EVENT]: fixtureFile(EVENT).replace('title: 東地区防災訓練', "title: '東地区防災訓練") },
    expected: [
      "content/events/bousai.ja.md: 3行目のYAMLの書き方が正しくありません（Missing closing 'quote）。「項目名: 値」のコロンの後の空白、字下げ、引用符の閉じ忘れを確かめてください。 / malformed YAML at line 3 (Missing closing 'quote); check the space after each colon, the indentation and unclosed quotes.",
    ],
  },
  {
    name: 'a missing required field',
    files: { [EVENT]: fixtureFile(EVENT).replace('summary: 避難所の開設を体験します。\n', '') },
    expected: [
      'content/events/bousai.ja.md: summary（ひとこと紹介）: 必須の項目「ひとこと紹介」がありません。書き足してください。ヒント: 120字まで。一覧やチラシに載ります。 / summary (ひとこと紹介) is required; add it: text of at most 120 characters.',
    ],
  },
  {
    name: 'an impossible date',
    files: { [EVENT]: fixtureFile(EVENT).replace("deadline: '2026-12-01'", "deadline: '2026-02-30'") },
    expected: [
      'content/events/bousai.ja.md: application.deadline（申し込み締め切り）: 「2026-02-30」 — 「2026-02-30」という日付はカレンダーにありません。日付を確かめてください。 / 2026-02-30 is not a real calendar date; check the day and month.',
    ],
  },
  {
    name: 'an impossible date written unquoted, as js-yaml would misread it',
    files: { [SALON]: fixtureFile(SALON).replace("validFrom: '2026-04-01'", 'validFrom: 2026-02-30') },
    expected: [
      'content/salons/hidamari.ja.md: schedule.validFrom（この予定の開始日）: 「2026-02-30」 — 「2026-02-30」という日付はカレンダーにありません。日付を確かめてください。 / 2026-02-30 is not a real calendar date; check the day and month.',
    ],
  },
  {
    name: 'a missing required date, with its format',
    files: { [EVENT]: fixtureFile(EVENT).replace("start: '2026-12-05T10:00'\n", '') },
    expected: [
      'content/events/bousai.ja.md: start（開始日時）: 必須の項目「開始日時」がありません。書き足してください。年-月-日T時:分 の形で書いてください（例: 2026-12-05T10:00）。 / start (開始日時) is required; add it: write it as YYYY-MM-DDTHH:mm in Japan time (e.g. 2026-12-05T10:00).',
    ],
  },
  {
    name: 'missing site settings',
    files: { [SETTINGS]: null },
    expected: [
      'content/settings/site.yml: 「サイト設定」のファイルがありません。管理画面（/admin/）の「サイト設定」を開いて保存するか、content/settings/site.yml を作ってください（書く項目は docs/CONTENT.md にあります）。 / the settings file is missing; save サイト設定 in the CMS (/admin/) or create content/settings/site.yml (its fields are listed in docs/CONTENT.md).',
    ],
  },
  {
    name: 'a number where text is expected is shown as written',
    files: { [EVENT]: fixtureFile(EVENT).replace('organizer: shakyo', 'organizer: shakyo\nfee: 0300') },
    expected: [
      'content/events/bousai.ja.md: fee（参加費）: 「0300」 — 引用符がないため数として読まれました。文字として書くには引用符で囲んでください（例: fee: "0300"）。 / read as a number; put it in quotes to keep it as text: fee: "0300".',
    ],
  },
  {
    name: 'a date in the wrong format',
    files: { [EVENT]: fixtureFile(EVENT).replace("start: '2026-12-05T10:00'", "start: '2026/12/05 10:00'") },
    expected: [
      'content/events/bousai.ja.md: start（開始日時）: 「2026/12/05 10:00」 — 書き方が違います。年-月-日T時:分 の形で書いてください（例: 2026-12-05T10:00）。 / wrong format; write it as YYYY-MM-DDTHH:mm in Japan time (e.g. 2026-12-05T10:00).',
    ],
  },
  {
    name: 'an end before its start',
    files: { [EVENT]: fixtureFile(EVENT).replace("end: '2026-12-05T12:00'", "end: '2026-12-05T09:00'") },
    expected: [
      'content/events/bousai.ja.md: end（終了日時）: 「2026-12-05T09:00」 — 終了日時（2026-12-05T09:00）が開始日時（2026-12-05T10:00）より前か同じです。開始より後の日時にしてください。 / end (2026-12-05T09:00) is not after start (2026-12-05T10:00); set it after the start.',
    ],
  },
  {
    name: 'a salon that ends before it starts',
    files: { [SALON]: fixtureFile(SALON).replace("endTime: '12:00'", "endTime: '09:30'") },
    expected: [
      'content/salons/hidamari.ja.md: schedule.endTime（終了時刻）: 「09:30」 — 終了時刻（09:30）が開始時刻（10:00）より前か同じです。開始より後の時刻にしてください。 / endTime (09:30) is not after startTime (10:00).',
    ],
  },
  {
    name: 'an unknown reference id',
    files: { [EVENT]: fixtureFile(EVENT).replace('place: kominkan', 'place: nishi-kominkan') },
    expected: [
      'content/events/bousai.ja.md: place（会場）: 「nishi-kominkan」 — 「会場・居場所」にこのIDはありません。content/places/ にあるファイル名（.ja.md を除いた部分）から選ぶか、先にその会場・居場所を作ってください。 / no entry with this id in places; use the name of a file in content/places/ (without .ja.md) or create it first.',
    ],
  },
  {
    name: 'an unknown reference id inside a list',
    files: { [SALON]: fixtureFile(SALON).replace('districts:\n  - higashi', 'districts:\n  - higashi\n  - minami') },
    expected: [
      'content/salons/hidamari.ja.md: districts[2]（地区）: 「minami」 — 「地区」にこのIDはありません。content/districts/ にあるファイル名（.ja.md を除いた部分）から選ぶか、先にその地区を作ってください。 / no entry with this id in districts; use the name of a file in content/districts/ (without .ja.md) or create it first.',
    ],
  },
  {
    name: 'an unknown category',
    files: {
      [EVENT]: fixtureFile(EVENT).replace('categories:\n  - disaster', 'categories:\n  - disaster\n  - bousai'),
    },
    expected: [
      'content/events/bousai.ja.md: categories[2]（分類）: 「bousai」 — 選べる値ではありません。次のどれかにしてください: watch（見守り）、salon（サロン）、ibasho（居場所）、childcare（子育て）、elderly（高齢者）、disability（障がい）、multicultural（多文化共生）、disaster（防災）、shopping（買い物支援）、health（健康）、learning（学び）、volunteer（ボランティア）、food（食事・子ども食堂）。 / not an allowed value; use one of: watch, salon, ibasho, childcare, elderly, disability, multicultural, disaster, shopping, health, learning, volunteer, food.',
    ],
  },
  {
    name: 'a recruitment deadline after its event',
    files: { [RECRUITMENT]: fixtureFile(RECRUITMENT).replace("deadline: '2026-11-30'", "deadline: '2026-12-10'") },
    expected: [
      'content/recruitments/bousai-staff.ja.md: deadline（締め切り）: 「2026-12-10」 — 締め切りが、関係するイベント「東地区防災訓練」の開催日（2026-12-05）より後です。2026-12-05以前の日付にしてください。 / the deadline is after the related event bousai (2026-12-05); set it on or before 2026-12-05.',
    ],
  },
  {
    name: "an event's application deadline after the event",
    files: { [EVENT]: fixtureFile(EVENT).replace("deadline: '2026-12-01'", "deadline: '2026-12-06'") },
    expected: [
      'content/events/bousai.ja.md: application.deadline（申し込み締め切り）: 「2026-12-06」 — 申し込み締め切り（2026-12-06）がイベントの開始日（2026-12-05）より後です。開始日までの日付にしてください。 / the application deadline (2026-12-06) is after the event starts (2026-12-05); set it on or before that day.',
    ],
  },
  {
    name: 'a misspelt field name is not dropped silently',
    files: { [EVENT]: fixtureFile(EVENT).replace('organizer: shakyo', 'organizer: shakyo\norganiser: shakyo') },
    expected: [
      'content/events/bousai.ja.md: 知らない項目 「organiser」 があります。項目名のつづりを確かめるか、消してください。 / unknown field organiser; check the spelling or remove it.',
    ],
  },
  {
    name: 'an id that differs from the file name',
    files: { [EVENT]: fixtureFile(EVENT).replace('id: bousai', 'id: bousai-kunren') },
    expected: [
      'content/events/bousai.ja.md: id（ID（ファイル名・URL））: 「bousai-kunren」 — IDがファイル名（bousai）と違います。IDを「bousai」にするか、ファイル名を「bousai-kunren.ja.md」に変えてください。 / id differs from the file name (bousai); make them the same.',
    ],
  },
  {
    name: 'a monthly-weekday salon without its week',
    files: { [SALON]: fixtureFile(SALON).replace("  weeks:\n    - '2'\n", '') },
    expected: [
      'content/salons/hidamari.ja.md: schedule.weeks（第何週）: 第何週かを1つ以上選んでください（例: 第2）。 / choose at least one week of the month (e.g. 2).',
    ],
  },
  {
    name: 'a photo without publication consent',
    files: {
      [REPORT]: fixtureFile(REPORT).replace(
        'participants: 18',
        'participants: 18\nphotos:\n  - src: /uploads/tea.jpg\n    alt: お茶を飲む参加者\n    consent: false',
      ),
    },
    expected: [
      'content/reports/hidamari-2026-11.ja.md: photos[1].consent（写っている方の掲載同意を得た）: 「false」 — 写真「/uploads/tea.jpg」に掲載同意の印がありません。写っている方の同意を得てから「掲載同意を得た」にチェックするか、写真を外してください。 / photo /uploads/tea.jpg has no publication consent; tick consent once everyone pictured agreed, or remove the photo.',
    ],
  },
  {
    name: 'an empty required body',
    files: { [REPORT]: fixtureFile(REPORT).replace('18人が参加しました。\n', '') },
    expected: [
      'content/reports/hidamari-2026-11.ja.md: body（報告の本文）: 「報告の本文」が空です。本文を書いてください。 / the body is empty; write the text below the front matter.',
    ],
  },
  {
    name: 'an image without its description (alt text)',
    files: {
      [EVENT]: fixtureFile(EVENT).replace('organizer: shakyo', 'organizer: shakyo\nimage:\n  src: /uploads/bousai.jpg'),
    },
    expected: [
      'content/events/bousai.ja.md: image.alt（画像の説明（代替テキスト））: 画像「/uploads/bousai.jpg」に説明（代替テキスト）がありません。写っているものを一文で書いてください。 / image /uploads/bousai.jpg has no alternative text; describe it in one sentence.',
    ],
  },
];
