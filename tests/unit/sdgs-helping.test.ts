/** SDGs badges and pages (issue 18, item 3); ways to apply, tags and activities (item 5). */
import { describe, expect, it } from 'vitest';
import { useTranslations } from '../../src/i18n/index.ts';
import { SDG_GOALS, contrast, entriesByGoal, sdgBadge, sdgsFilter } from '../../src/lib/sdgs.ts';
import { applyActions, byActivity, tagCounts, withTag } from '../../src/lib/helping.ts';
import { searchFilters } from '../../src/lib/search/document.ts';
import type { Recruitment } from '../../src/schemas/recruitment.ts';
import { factsFor, kinds } from '../../src/kinds/index.ts';

const t = useTranslations('ja');

describe('SDGs', () => {
  it('gives every goal a badge whose number reads at 4.5:1 or more', () => {
    for (const goal of SDG_GOALS) {
      const { background, text } = sdgBadge(goal);
      expect(contrast(background, text), goal).toBeGreaterThanOrEqual(4.5);
    }
    // Goal 7's yellow takes black, goal 17's navy white.
    expect(sdgBadge('7').text).toBe('#000000');
    expect(sdgBadge('17').text).toBe('#FFFFFF');
  });

  it('lists under each goal exactly the entries tagged with it, every goal present', () => {
    const entries = [
      { collection: 'reports', href: '/reports/a/', title: 'あ', goals: ['3', '11'] as const },
      { collection: 'practices', href: '/practices/b/', title: 'い', goals: ['3'] as const },
      { collection: 'reports', href: '/reports/c/', title: 'か', goals: [] as const },
    ];
    const byGoal = entriesByGoal(entries, ['practices', 'reports']);
    expect(byGoal.map((g) => g.goal)).toEqual([...SDG_GOALS]);
    expect(byGoal.find((g) => g.goal === '3')?.entries.map((e) => e.href)).toEqual(['/practices/b/', '/reports/a/']);
    expect(byGoal.find((g) => g.goal === '11')?.entries.map((e) => e.href)).toEqual(['/reports/a/']);
    expect(byGoal.find((g) => g.goal === '1')?.entries).toEqual([]);
  });

  it('becomes a search filter of goal names in goal order', () => {
    expect(sdgsFilter(['11', '3'])).toEqual({ name: 'fact.sdgs', values: ['sdg.3', 'sdg.11'] });
  });
});

const recruitment = (over: Partial<Recruitment>): Pick<Recruitment, 'applyBy' | 'contact' | 'tags' | 'activities'> => ({
  tags: [],
  activities: [],
  applyBy: undefined,
  ...over,
});

describe('ways to apply', () => {
  it('makes a button of every way, phone first, and a box for the counter', () => {
    const actions = applyActions(
      recruitment({
        contact: '0000-12-3457',
        applyBy: {
          form: 'https://forms.example.jp/a',
          email: 'vc@example.jp',
          line: 'https://lin.ee/abc',
          inPerson: '福祉センター1階（平日9時から17時）',
        },
      }),
      t,
    );
    expect(actions).toEqual([
      { way: 'tel', text: '電話で申し込む（0000-12-3457）', href: 'tel:0000123457' },
      { way: 'web', text: '申し込みフォームを開く', href: 'https://forms.example.jp/a' },
      { way: 'line', text: 'LINEで友だち追加して申し込む', href: 'https://lin.ee/abc' },
      { way: 'mail', text: 'メールで申し込む（vc@example.jp）', href: 'mailto:vc@example.jp' },
      { way: 'visit', text: '窓口で申し込む', note: '福祉センター1階（平日9時から17時）' },
    ]);
  });
  it('prefers the application phone to the contact number, and offers nothing when there is no way', () => {
    expect(applyActions(recruitment({ contact: '0000-12-3457', applyBy: { phone: '0000-99-1111' } }), t)).toEqual([
      { way: 'tel', text: '電話で申し込む（0000-99-1111）', href: 'tel:0000991111' },
    ]);
    expect(applyActions(recruitment({}), t)).toEqual([]);
  });
});

describe('tags and activities', () => {
  const open = [
    { id: 'a', data: recruitment({ tags: ['once-ok', 'weekends'], activities: ['talk'] }) },
    { id: 'b', data: recruitment({ tags: ['weekends'], activities: ['talk', 'driving'] }) },
    { id: 'c', data: recruitment({}) },
  ];
  it('filter by one tag and count each', () => {
    expect(withTag(open, 'weekends').map((r) => r.id)).toEqual(['a', 'b']);
    expect(tagCounts(open)).toEqual([
      ['once-ok', 1],
      ['weekends', 2],
      ['weekday-evenings', 0],
      ['remote', 0],
      ['beginners', 0],
      ['kids-ok', 0],
    ]);
  });
  it('group by activity, an entry under each it names, the rest under その他, empty groups left out', () => {
    expect(byActivity(open).map((g) => [g.activity, g.entries.map((r) => r.id)])).toEqual([
      ['talk', ['a', 'b']],
      ['driving', ['b']],
      ['other', ['c']],
    ]);
  });
  it('are search filters named in Japanese', () => {
    const filters = searchFilters(
      'recruitments',
      { categories: ['volunteer'], tags: ['once-ok', 'kids-ok'], activities: ['childwatch'] },
      [],
      t,
    );
    expect(filters['参加しやすさ']).toEqual(['1回だけOK', '子ども連れOK']);
    expect(filters['お願いしたいこと']).toEqual(['子どもの見守り']);
  });
});

describe('the kinds’ optional parts', () => {
  const today = '2026-11-30';
  const base = { tags: [], activities: [], status: 'open' } as unknown as Recruitment;
  const entries = [
    { id: 'a', data: { ...base, tags: ['weekends'], deadline: '2026-12-10' } as Recruitment },
    { id: 'b', data: { ...base, tags: ['weekends'], status: 'closed' } as Recruitment },
  ];

  it('link the recruitments’ condition pages with the count of open ones, and できることから探す', () => {
    const groups = kinds.recruitments.indexLinks?.(entries, today, t) ?? [];
    expect(groups.map((g) => g.title)).toEqual(['できることから探す', '条件でしぼりこむ']);
    expect(groups[1]?.links).toContainEqual({ href: '/join/weekends/', text: '土日（1件）' });
    expect(groups[0]?.links).toEqual([{ href: '/join/', text: 'できることから探す' }]);
  });

  it('offer no way to apply once a recruitment is closed or past its deadline', () => {
    const open = { ...base, contact: '0000-12-3457' } as Recruitment;
    expect(kinds.recruitments.actions?.(open, t, today)).toHaveLength(1);
    expect(kinds.recruitments.actions?.({ ...open, status: 'closed' }, t, today)).toEqual([]);
    expect(kinds.recruitments.actions?.({ ...open, deadline: '2026-11-29' }, t, today)).toEqual([]);
  });

  it('link 活動のまとめ and the SDGs pages from the reports’ and practices’ lists', () => {
    const reportLinks = (kinds.reports.indexLinks?.([], today, t) ?? []).flatMap((g) => g.links.map((l) => l.href));
    expect(reportLinks).toEqual(['/summary/', '/sdgs/']);
    const practiceLinks = (kinds.practices.indexLinks?.([], today, t) ?? []).flatMap((g) => g.links.map((l) => l.href));
    expect(practiceLinks).toEqual(['/sdgs/']);
  });
});

describe('facts of the new fields', () => {
  const lookup = new Map();
  it('show a report’s times held and its participants by audience', () => {
    const facts = factsFor(
      'reports',
      {
        date: '2026-10-17',
        districts: [],
        categories: [],
        participants: 88,
        timesHeld: 2,
        audienceCounts: [{ audience: 'children', count: 58 }],
        sdgs: ['1'],
        photos: [],
      },
      lookup,
      t,
    );
    const fact = (label: string) => facts.find((f) => f.label === label)?.values.map((v) => v.text);
    expect(fact('開催回数')).toEqual(['2回']);
    expect(fact('対象ごとの参加者')).toEqual(['子ども 58人']);
  });
  it('link a recruitment’s conditions to their pages and name what a helper would do', () => {
    const facts = factsFor(
      'recruitments',
      {
        status: 'open',
        role: '見守り',
        tasks: '訪問',
        frequency: '月1回',
        welcome: 'どなたでも',
        howToApply: '電話で',
        organizer: 'x',
        districts: [],
        categories: [],
        tags: ['remote'],
        activities: ['talk'],
      },
      lookup,
      t,
    );
    expect(facts.find((f) => f.label === '参加しやすさ')?.values).toEqual([
      { text: '在宅・オンライン', href: '/join/remote/' },
    ]);
    expect(facts.find((f) => f.label === 'お願いしたいこと')?.values).toEqual([{ text: '話し相手' }]);
  });
});
