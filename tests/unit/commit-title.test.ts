import { describe, expect, it } from 'vitest';
import { entryTitle, titledCommitMessage } from '../../src/lib/cms/commit-title.ts';

const report = '---\nid: 20261205-k3fq\ntitle: ひだまりサロン 12月のようす\ndate: 2026-12-05\n---\n本文\n';

describe('commit messages naming the entry', () => {
  it('put the title before the ID', () => {
    expect(titledCommitMessage('活動報告「20261205-k3fq」を更新', '20261205-k3fq', report, 'title')).toBe(
      '活動報告「ひだまりサロン 12月のようす」（20261205-k3fq）を更新',
    );
  });
  it("read the type's own title field, and YAML data files", () => {
    const desk = '---\nid: hokatsu\nname: "地域包括支援センター: 東"\n---\n';
    expect(entryTitle(desk, 'name')).toBe('地域包括支援センター: 東');
    expect(entryTitle('siteName: みどり野つながりネット\n', 'siteName')).toBe('みどり野つながりネット');
  });
  it('keep one short line', () => {
    const long = `---\ntitle: >-\n  ${'あ'.repeat(100)}\n  続き\n---\n`;
    const title = entryTitle(long, 'title') ?? '';
    expect(title).toHaveLength(60);
    expect(title.endsWith('…')).toBe(true);
    expect(entryTitle('---\ntitle: "一行目\\n二行目"\n---\n', 'title')).toBe('一行目 二行目');
  });
  it('leave the message as Decap made it when the title is unknown', () => {
    const message = '活動報告「x」を更新';
    expect(titledCommitMessage(message, 'x', '---\nid: x\n---\n', 'title')).toBe(message);
    expect(titledCommitMessage(message, 'x', '---\ntitle: [\n---\n', 'title')).toBe(message);
    expect(titledCommitMessage(message, 'x', '---\ntitle: x\n---\n', 'title')).toBe(message);
    expect(titledCommitMessage(message, 'x', '---\ntitle: 3\n---\n', 'title')).toBe(message);
    expect(titledCommitMessage('写真「/uploads/a.jpg」を削除', 'x', report, 'title')).toBe(
      '写真「/uploads/a.jpg」を削除',
    );
  });
});
