import { describe, expect, it } from 'vitest';
import { previewFacts } from '../../admin/preview.ts';

describe('the CMS preview’s facts of an unfinished draft', () => {
  it('leave out what is not filled in yet instead of facts without words', () => {
    // A new report: only a title typed so far (the pane threw on a fact with no text).
    const { facts, complete } = previewFacts('reports', { title: '夏まつり' }, [], new Map());
    expect(complete).toBe(false);
    for (const fact of facts) {
      expect(fact.values.length, fact.label).toBeGreaterThan(0);
      for (const value of fact.values) expect(typeof value.text, fact.label).toBe('string');
    }
  });
});
