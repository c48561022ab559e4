/**
 * The calendar, district and category pages of a real build: the sample content plus two events
 * dated today (whatever today is), so the checks hold in any month the tests run. Built HTML is
 * read with linkedom; the month grid is then used in Chromium by role and keyboard.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, monthOf, monthRange, addDays } from '../../src/lib/calendar.ts';
import { holidayName } from '../../src/lib/holidays.ts';
import { expandSchedule, todayInJapan } from '../../src/lib/recurrence.ts';
import { scheduleSchema } from '../../src/schemas/salon.ts';
import { launchChromium } from './helpers/browser.ts';
import { buildProject, copyProject, removeProject } from './helpers/project.ts';
import { serveDirectory } from './helpers/serve.ts';
import { withSampleCaches } from './helpers/sample-site.ts';
import { withoutReadings } from './helpers/readings.ts';

let dir: string;
let today: string;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;

const CANCELLED = 'テスト用 中止になった若葉の集い';
const WEST = 'テスト用 川端の防災の集い';

/** An event file in the copy, in Decap's format, dated today in Japan. */
function writeEvent(id: string, fields: Record<string, unknown>) {
  const data = {
    id,
    summary: 'e2e テストのための行事です。',
    start: `${today}T10:00`,
    end: `${today}T11:00`,
    audience: ['everyone'],
    ...fields,
  };
  writeFileSync(join(dir, 'content/events', `${id}.ja.md`), `---\n${YAML.stringify(data)}---\n`);
}

const page = (path: string) =>
  parseHTML(withoutReadings(readFileSync(join(dir, 'dist', path, 'index.html'), 'utf8')))
    .document as unknown as Document;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const hrefs = (doc: Document) => [...doc.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
const monthLabel = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

beforeAll(async () => {
  dir = copyProject();
  // The shared build's flyers, PDFs and images, so this build renders only what the changes touch.
  await withSampleCaches(dir);
  today = todayInJapan();
  writeEvent('e2e-cancelled', {
    title: CANCELLED,
    place: 'wakaba-shukaijo',
    districts: ['wakaba-sanchome'],
    categories: ['watch'],
    organizer: 'wakaba-sanchome-chonaikai',
    status: 'cancelled',
  });
  writeEvent('e2e-west', {
    title: WEST,
    place: 'kawabata-shukaijo',
    districts: ['kawabata'],
    categories: ['disaster'],
    organizer: 'nishi-chiku-shakyo',
  });
  await buildProject(dir);
  [server, browser] = await Promise.all([serveDirectory(join(dir, 'dist')), launchChromium()]);
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) removeProject(dir);
});

describe('the month calendar', () => {
  it('shows this month (in Japan) as a table with a caption and seven weekday column headers', () => {
    const doc = page('calendar');
    const table = doc.querySelector('main table');
    expect(text(table?.querySelector('caption'))).toContain(monthLabel(monthOf(today)));
    expect([...(table?.querySelectorAll('thead th[scope="col"]') ?? [])].map(text)).toEqual([
      '日曜日',
      '月曜日',
      '火曜日',
      '水曜日',
      '木曜日',
      '金曜日',
      '土曜日',
    ]);
    expect(table?.querySelector(`time[datetime="${today}"]`)).not.toBeNull();
    expect(table?.querySelector('[aria-current="date"]')?.querySelector('time')?.getAttribute('datetime')).toBe(today);
  });

  it('lists ひだまり on 第2水曜日 of this month and of next month', () => {
    const file = readFileSync(join(dir, 'content/salons/hidamari-salon.ja.md'), 'utf8');
    const schedule = scheduleSchema.parse(YAML.parse(file.split('---')[1] ?? '').schedule);
    for (const [path, month] of [
      ['calendar', monthOf(today)],
      [`calendar/${addMonths(monthOf(today), 1)}`, addMonths(monthOf(today), 1)],
    ] as const) {
      const [occurrence] = expandSchedule(schedule, monthRange(month));
      expect(occurrence, month).toBeDefined();
      const date = occurrence?.date ?? '';
      // The second Wednesday: a Wednesday between the 8th and the 14th.
      expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(3);
      expect(Number(date.slice(8))).toBeGreaterThanOrEqual(8);
      expect(Number(date.slice(8))).toBeLessThanOrEqual(14);
      const day = page(path).querySelector(`li#d-${date}`);
      expect(day?.querySelector('a[href="/salons/hidamari-salon/"]'), `${path} ${date}`).not.toBeNull();
      if (occurrence?.status === 'skipped') expect(text(day)).toContain('お休み');
    }
  });

  it('names a national holiday in the grid of the first month that has one', () => {
    let month = monthOf(today);
    let holiday: [string, string] | undefined;
    for (let i = 0; i <= 12 && !holiday; i++, month = addMonths(monthOf(today), i)) {
      const { from, to } = monthRange(month);
      for (let d = from; d <= to && !holiday; d = addDays(d, 1)) {
        const name = holidayName(d);
        if (name) holiday = [d, name];
      }
    }
    expect(holiday).toBeDefined();
    const [date, name] = holiday ?? ['', ''];
    const path = monthOf(date) === monthOf(today) ? 'calendar' : `calendar/${monthOf(date)}`;
    const cell = page(path).querySelector(`td:has(time[datetime="${date}"])`);
    expect(text(cell)).toContain(name);
  });

  it('marks a cancelled event 中止 in words and strikes it through, in grid and agenda', () => {
    const doc = page('calendar');
    const entries = [...doc.querySelectorAll('.entry')].filter((e) => text(e).includes(CANCELLED));
    expect(entries.length).toBe(2);
    for (const entry of entries) {
      expect(text(entry.querySelector('.badge'))).toBe('中止');
      expect(entry.classList.contains('off')).toBe(true);
    }
    expect(text(doc.querySelector(`li#d-${today}`))).toContain(CANCELLED);
  });

  it('links to the previous and next month, and publishes a year ahead', () => {
    const doc = page('calendar');
    const next = addMonths(monthOf(today), 1);
    const prev = addMonths(monthOf(today), -1);
    expect(doc.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(`/calendar/${next}/`);
    expect(doc.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(`/calendar/${prev}/`);
    expect(page(`calendar/${addMonths(monthOf(today), 12)}`).querySelector('a[rel="next"]')).toBeNull();
  });
});

describe('district pages', () => {
  it("shows a district's calendar with its sub-districts' items and without other districts'", () => {
    const wakaba = page('area/wakaba/calendar');
    const body = text(wakaba.querySelector('main'));
    expect(body).toContain(CANCELLED);
    expect(body).not.toContain(WEST);
    expect(hrefs(wakaba)).toContain('/salons/idohanbai-maruya/');
    expect(hrefs(wakaba)).not.toContain('/salons/hidamari-salon/');
    expect(wakaba.querySelectorAll('main table').length).toBe(2);

    const west = text(page('area/midorino-nishi/calendar').querySelector('main'));
    expect(west).toContain(WEST);
    expect(west).not.toContain(CANCELLED);
  });

  it('gathers everything in a district and the districts inside it', () => {
    const east = hrefs(page('area/midorino-higashi'));
    // engawa-sawakai is listed only for 本町一丁目, a 町内会 inside みどり野東小学校区.
    expect(east).toEqual(expect.arrayContaining(['/salons/engawa-sawakai/', '/salons/hidamari-salon/']));
    expect(east).toContain('/desks/hokatsu-higashi/');
    expect(east).toContain('/area/midorino-higashi/calendar/');
    expect(east).not.toContain('/salons/kawabata-kissa/');
    expect(east).not.toContain('/events/e2e-west/');
    expect(hrefs(page('area'))).toEqual(expect.arrayContaining(['/area/midorino-higashi/', '/area/honcho-itchome/']));
  });
});

describe('category pages', () => {
  it('list entries of every type in the category and nothing else', () => {
    const disaster = hrefs(page('categories/disaster'));
    expect(disaster).toEqual(
      expect.arrayContaining([
        '/events/e2e-west/',
        '/events/bosai-kunren-wakaba-2027/',
        '/practices/tabunka-bosai-umikaze/',
      ]),
    );
    expect(disaster).not.toContain('/salons/hidamari-salon/');
    expect(hrefs(page('categories/multicultural'))).toContain('/desks/gaikokujin-sodan/');
    expect(hrefs(page('categories/salon'))).toContain('/salons/hidamari-salon/');
    expect(hrefs(page('categories'))).toContain('/categories/watch/');
  });

  it('puts what is coming up first', () => {
    const headings = [...page('categories/watch').querySelectorAll('main h2')].map(text);
    expect(headings[0]).toBe('これからのイベント');
  });
});

describe('in Chromium', () => {
  it('reads the grid by role and moves to the next month by keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    await tab.goto(`${server.url}/calendar/`);
    const table = tab.getByRole('table', { name: new RegExp(monthLabel(monthOf(today))) });
    await expect(table.getByRole('columnheader').count()).resolves.toBe(7);
    const next = addMonths(monthOf(today), 1);
    const link = tab.getByRole('link', { name: `次の月（${monthLabel(next)}）` });
    await link.focus();
    await tab.keyboard.press('Enter');
    await tab.waitForURL(`**/calendar/${next}/`);
    await expect(tab.getByRole('heading', { level: 1 }).innerText()).resolves.toContain(monthLabel(next));
    await context.close();
  });

  it('on a phone, keeps the dates in the grid and the details in the agenda', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const tab = await context.newPage();
    await tab.goto(`${server.url}/calendar/`);
    const table = tab.getByRole('table');
    await expect(table.getByRole('link', { name: CANCELLED }).isVisible()).resolves.toBe(false);
    const agenda = tab.getByRole('region', { name: /の予定/ });
    await expect(agenda.getByRole('link', { name: CANCELLED }).isVisible()).resolves.toBe(true);
    // The page fits the phone: nothing scrolls sideways.
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
