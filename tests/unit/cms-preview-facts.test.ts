import { describe, expect, it } from 'vitest';
import { previewFacts } from '../../admin/preview.ts';

describe('the CMS preview’s facts of an unfinished draft', () => {
  it('leave out what is not filled in yet instead of facts without words', () => {
    // A new report: its title and district so far, the categories an empty list as Decap keeps
    // it, no date yet (the pane threw on that fact without text). The kind read the draft
    // (tests/unit/kinds.test.ts checks its rule), so the district is shown as on the page.
    const draft = { title: '夏まつり', categories: [], districts: ['higashi'] };
    const lookup = new Map([['districts/higashi', { title: '東小学校区', href: '/districts/higashi/', data: {} }]]);
    const { facts, complete } = previewFacts('reports', draft, [], lookup);
    expect(complete).toBe(false);
    expect(facts).toEqual([{ label: '地区', values: [{ text: '東小学校区', href: '/districts/higashi/' }] }]);
  });
});
