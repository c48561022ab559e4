/**
 * Each kind of bad input a volunteer can produce, and the exact message they get: file,
 * field, value and fix, Japanese first. Every case starts from the valid minimal fixture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { formatProblem } from '../../src/lib/validation/messages.ts';
import { FIXTURE, fixtureCopy } from '../helpers/fixture.ts';

const fixtureFile = (path: string) => readFileSync(join(FIXTURE, path), 'utf8');
const problemsAfter = (files: Record<string, string | null>) => validateContent(fixtureCopy(files)).problems.map(formatProblem);
const EVENT = 'content/events/bousai.md';
const SALON = 'content/salons/hidamari.md';
const RECRUITMENT = 'content/recruitments/bousai-staff.md';

describe('the minimal fixture', () => {
  it('is valid and every entry is kept', () => {
    const { problems, entries } = validateContent(FIXTURE);
    expect(problems).toEqual([]);
    expect(entries.get('districts')).toHaveLength(2);
    expect(entries.get('events')?.[0]?.parsed).toMatchObject({ status: 'scheduled', fee: '無料', audience: ['everyone'] });
  });
});

describe('bad input names the file, the field, the value and the fix', () => {
  it('malformed YAML', () => {
    const broken = fixtureFile(EVENT).replace("title: 東地区防災訓練", "title: '東地区防災訓練");
    expect(problemsAfter({ [EVENT]: broken })).toEqual([
      'content/events/bousai.md: 3行目のYAMLの書き方が正しくありません（Missing closing \'quote）。「項目名: 値」のコロンの後の空白、字下げ、引用符の閉じ忘れを確かめてください。 / malformed YAML at line 3 (Missing closing \'quote); check the space after each colon, the indentation and unclosed quotes.',
    ]);
  });

  it('a missing required field', () => {
    const missing = fixtureFile(EVENT).replace('summary: 避難所の開設を体験します。\n', '');
    expect(problemsAfter({ [EVENT]: missing })).toEqual([
      'content/events/bousai.md: summary（ひとこと紹介）: 必須の項目「ひとこと紹介」がありません。120字まで。一覧やチラシに載ります のように書き足してください。 / required field is missing; add it.',
    ]);
  });

  it('an impossible date', () => {
    const impossible = fixtureFile(EVENT).replace("deadline: '2026-12-01'", "deadline: '2026-02-30'");
    expect(problemsAfter({ [EVENT]: impossible })).toEqual([
      'content/events/bousai.md: application.deadline（申し込み締め切り）: 「2026-02-30」 — 「2026-02-30」という日付はカレンダーにありません。日付を確かめてください。 / 2026-02-30 is not a real calendar date; check the day and month.',
    ]);
  });

  it('an impossible date written unquoted, as js-yaml would misread it', () => {
    const impossible = fixtureFile(SALON).replace("validFrom: '2026-04-01'", 'validFrom: 2026-02-30');
    expect(problemsAfter({ [SALON]: impossible })).toEqual([
      'content/salons/hidamari.md: schedule.validFrom（この予定の開始日）: 「2026-02-30」 — 「2026-02-30」という日付はカレンダーにありません。日付を確かめてください。 / 2026-02-30 is not a real calendar date; check the day and month.',
    ]);
  });

  it('a date in the wrong format', () => {
    const wrong = fixtureFile(EVENT).replace("start: '2026-12-05T10:00'", "start: '2026/12/05 10:00'");
    expect(problemsAfter({ [EVENT]: wrong })).toEqual([
      'content/events/bousai.md: start（開始日時）: 「2026/12/05 10:00」 — 書き方が違います。年-月-日T時:分 の形で書いてください（例: 2026-12-05T10:00）。 / wrong format; write it as YYYY-MM-DDTHH:mm in Japan time (e.g. 2026-12-05T10:00).',
    ]);
  });

  it('an end before its start', () => {
    const backwards = fixtureFile(EVENT).replace("end: '2026-12-05T12:00'", "end: '2026-12-05T09:00'");
    expect(problemsAfter({ [EVENT]: backwards })).toEqual([
      'content/events/bousai.md: end（終了日時）: 「2026-12-05T09:00」 — 終了日時（2026-12-05T09:00）が開始日時（2026-12-05T10:00）より前か同じです。開始より後の日時にしてください。 / end (2026-12-05T09:00) is not after start (2026-12-05T10:00); set it after the start.',
    ]);
  });

  it('a salon that ends before it starts', () => {
    const backwards = fixtureFile(SALON).replace("endTime: '12:00'", "endTime: '09:30'");
    expect(problemsAfter({ [SALON]: backwards })).toEqual([
      'content/salons/hidamari.md: schedule.endTime（終了時刻）: 「09:30」 — 終了時刻（09:30）が開始時刻（10:00）より前か同じです。開始より後の時刻にしてください。 / endTime (09:30) is not after startTime (10:00).',
    ]);
  });

  it('an unknown reference id', () => {
    const unknown = fixtureFile(EVENT).replace('place: kominkan', 'place: nishi-kominkan');
    expect(problemsAfter({ [EVENT]: unknown })).toEqual([
      'content/events/bousai.md: place（会場）: 「nishi-kominkan」 — 「会場・居場所」にこのIDはありません。content/places/ にあるファイル名（.md を除く）から選ぶか、先にその会場・居場所を作ってください。 / no entry with this id in places; use the name of a file in content/places/ (without .md) or create it first.',
    ]);
  });

  it('an unknown reference id inside a list', () => {
    const unknown = fixtureFile(SALON).replace('districts:\n  - higashi', 'districts:\n  - higashi\n  - minami');
    expect(problemsAfter({ [SALON]: unknown })).toEqual([
      'content/salons/hidamari.md: districts[2]（地区）: 「minami」 — 「地区」にこのIDはありません。content/districts/ にあるファイル名（.md を除く）から選ぶか、先にその地区を作ってください。 / no entry with this id in districts; use the name of a file in content/districts/ (without .md) or create it first.',
    ]);
  });

  it('an unknown category', () => {
    const unknown = fixtureFile(EVENT).replace('categories:\n  - disaster', 'categories:\n  - disaster\n  - bousai');
    expect(problemsAfter({ [EVENT]: unknown })).toEqual([
      'content/events/bousai.md: categories[2]（分類）: 「bousai」 — 選べる値ではありません。次のどれかにしてください: watch（見守り）、salon（サロン）、ibasho（居場所）、childcare（子育て）、elderly（高齢者）、disability（障がい）、multicultural（多文化共生）、disaster（防災）、shopping（買い物支援）、health（健康）、learning（学び）、volunteer（ボランティア）、food（食事・子ども食堂）。 / not an allowed value; use one of: watch, salon, ibasho, childcare, elderly, disability, multicultural, disaster, shopping, health, learning, volunteer, food.',
    ]);
  });

  it('a recruitment deadline after its event', () => {
    const late = fixtureFile(RECRUITMENT).replace("deadline: '2026-11-30'", "deadline: '2026-12-10'");
    expect(problemsAfter({ [RECRUITMENT]: late })).toEqual([
      'content/recruitments/bousai-staff.md: deadline（締め切り）: 「2026-12-10」 — 締め切りが、関係するイベント「東地区防災訓練」の開催日（2026-12-05）より後です。2026-12-05以前の日付にしてください。 / the deadline is after the related event bousai (2026-12-05); set it on or before 2026-12-05.',
    ]);
  });

  it("an event's application deadline after the event", () => {
    const late = fixtureFile(EVENT).replace("deadline: '2026-12-01'", "deadline: '2026-12-06'");
    expect(problemsAfter({ [EVENT]: late })).toEqual([
      'content/events/bousai.md: application.deadline（申し込み締め切り）: 「2026-12-06」 — 申し込み締め切り（2026-12-06）がイベントの開始日（2026-12-05）より後です。開始日までの日付にしてください。 / the application deadline (2026-12-06) is after the event starts (2026-12-05); set it on or before that day.',
    ]);
  });

  it('a misspelt field name is not dropped silently', () => {
    const typo = fixtureFile(EVENT).replace('organizer: shakyo', 'organizer: shakyo\norganiser: shakyo');
    expect(problemsAfter({ [EVENT]: typo })).toEqual([
      'content/events/bousai.md: 知らない項目 「organiser」 があります。項目名のつづりを確かめるか、消してください。 / unknown field organiser; check the spelling or remove it.',
    ]);
  });

  it('an id that differs from the file name', () => {
    const renamed = fixtureFile(EVENT).replace('id: bousai', 'id: bousai-kunren');
    expect(problemsAfter({ [EVENT]: renamed })).toEqual([
      'content/events/bousai.md: id（ID（ファイル名・URL））: 「bousai-kunren」 — IDがファイル名（bousai）と違います。IDを「bousai」にするか、ファイル名を「bousai-kunren.md」に変えてください。 / id differs from the file name (bousai); make them the same.',
    ]);
  });

  it('a monthly-weekday salon without its week', () => {
    const noWeek = fixtureFile(SALON).replace("  weeks:\n    - '2'\n", '');
    expect(problemsAfter({ [SALON]: noWeek })).toEqual([
      'content/salons/hidamari.md: schedule.weeks（第何週）: 第何週かを1つ以上選んでください（例: 第2）。 / choose at least one week of the month (e.g. 2).',
    ]);
  });

  it('a photo without publication consent', () => {
    const photo = fixtureFile('content/reports/hidamari-2026-11.md').replace(
      'participants: 18',
      'participants: 18\nphotos:\n  - src: /uploads/tea.jpg\n    alt: お茶を飲む参加者\n    consent: false',
    );
    expect(problemsAfter({ 'content/reports/hidamari-2026-11.md': photo })).toEqual([
      'content/reports/hidamari-2026-11.md: photos[1].consent（写っている方の掲載同意を得た）: 「false」 — 写真「/uploads/tea.jpg」に掲載同意の印がありません。写っている方の同意を得てから「掲載同意を得た」にチェックするか、写真を外してください。 / photo /uploads/tea.jpg has no publication consent; tick consent once everyone pictured agreed, or remove the photo.',
    ]);
  });

  it('an empty required body', () => {
    const empty = fixtureFile('content/reports/hidamari-2026-11.md').replace('18人が参加しました。\n', '');
    expect(problemsAfter({ 'content/reports/hidamari-2026-11.md': empty })).toEqual([
      'content/reports/hidamari-2026-11.md: body（報告の本文）: 「報告の本文」が空です。本文を書いてください。 / the body is empty; write the text below the front matter.',
    ]);
  });

  it('a district that is its own ancestor', () => {
    const loop = fixtureFile('content/districts/higashi.md').replace('kind: school', 'kind: school\nparent: honcho-1');
    expect(problemsAfter({ 'content/districts/higashi.md': loop })).toHaveLength(2);
  });

  it('reports every problem at once, not only the first', () => {
    const twoBad = fixtureFile(EVENT).replace('place: kominkan', 'place: nowhere').replace('  - disaster', '  - nope');
    expect(problemsAfter({ [EVENT]: twoBad })).toHaveLength(1); // schema errors first; references are checked on valid entries
    expect(problemsAfter({ [EVENT]: twoBad, [SALON]: fixtureFile(SALON).replace('place: kominkan', 'place: nowhere') })).toHaveLength(2);
  });
});
