import { describe, expect, it } from 'vitest';
import {
  changedPaths,
  chooseLocalMode,
  draftBranch,
  onBranch,
  publishMessage,
  publishRefusal,
  uncommittedRefusal,
  type RepoState,
} from '../../src/lib/cms/local-backend.ts';

const here = '/home/sato/tsunagari';

describe('which mode npm start runs decap-server in', () => {
  it('runs the Git mode on the branch the working tree is on, when the workflow is on', () => {
    const mode = chooseLocalMode(true, { kind: 'branch', branch: 'main' }, here);
    expect(mode).toMatchObject({ mode: 'git', branch: 'main' });
    expect(mode.mode === 'git' && mode.notice).toContain('cms/<種類>/<ID> ブランチ');
    expect(chooseLocalMode(true, { kind: 'branch', branch: 'master' }, here)).toMatchObject({ branch: 'master' });
  });

  it('writes files directly when the workflow is switched off, whatever Git says', () => {
    for (const repo of [{ kind: 'branch', branch: 'main' }, { kind: 'not-a-repo' }] as RepoState[]) {
      const mode = chooseLocalMode(false, repo, here);
      expect(mode.mode).toBe('fs');
      expect(mode.mode === 'fs' && mode.notice).toMatch(
        /^サイト設定で「公開前の承認」が切ってあります.* \/ The approval workflow is off/,
      );
    }
  });

  it.each([
    [{ kind: 'not-a-repo' }, `このフォルダー（${here}）は Git のリポジトリではありません`],
    [{ kind: 'no-commit' }, 'まだコミットがありません'],
    [{ kind: 'no-git' }, 'Git が見つかりません'],
  ] as [RepoState, string][])(
    'falls back to writing files without Git (%o), saying why and how to get the workflow',
    (repo, why) => {
      const mode = chooseLocalMode(true, repo, here);
      expect(mode.mode).toBe('fs');
      const notice = mode.mode === 'fs' ? mode.notice : '';
      expect(notice).toContain(why);
      expect(notice).toContain('承認なしでそのままファイルに書きます');
      expect(notice).toContain('`git init -b main`');
      // English after the Japanese, for the developer reading the log.
      expect(notice).toMatch(/ \/ .*approval workflow/);
    },
  );

  it('stops on a draft branch or a detached HEAD, where a publish would land on the wrong branch', () => {
    const draft = chooseLocalMode(true, { kind: 'branch', branch: 'cms/reports/natsu-matsuri' }, here);
    expect(draft.mode).toBe('stop');
    expect(draft.mode === 'stop' && draft.message).toMatch(
      /^今のブランチ cms\/reports\/natsu-matsuri は.*git checkout main/,
    );
    const detached = chooseLocalMode(true, { kind: 'detached' }, here);
    expect(detached.mode === 'stop' && detached.message).toContain('detached HEAD');
  });
});

describe('the Git mode keeps the volunteer’s own changes out of the CMS’s commits', () => {
  it('reads the paths of git status --porcelain -z, renames by their new name', () => {
    expect(changedPaths(' M content/salons/a.ja.md\0?? notes.txt\0R  new.md\0old.md\0A  media/x.jpg\0')).toEqual([
      'content/salons/a.ja.md',
      'notes.txt',
      'new.md',
      'media/x.jpg',
    ]);
    expect(changedPaths('')).toEqual([]);
  });

  it('refuses saves, uploads and deletions while something is uncommitted, naming what', () => {
    for (const action of ['persistEntry', 'persistMedia', 'deleteFile', 'deleteFiles']) {
      expect(uncommittedRefusal(action, ['notes.txt'])).toMatch(
        /^保存しませんでした: .*コミット）していない変更があります（notes\.txt）。.* \/ Not saved: .*\(notes\.txt\)/,
      );
    }
    const many = uncommittedRefusal('persistEntry', ['a.md', 'b.md', 'c.md', 'd.md', 'e.md']);
    expect(many).toContain('（a.md、b.md、c.md ほか 2 件）');
    expect(many).toContain('(a.md, b.md, c.md and 2 more)');
  });

  it('lets everything through on a clean tree, and reading, status changes and publishing always', () => {
    expect(uncommittedRefusal('persistEntry', [])).toBeUndefined();
    for (const action of [
      'getEntry',
      'updateUnpublishedEntryStatus',
      'publishUnpublishedEntry',
      'deleteUnpublishedEntry',
      7,
    ])
      expect(uncommittedRefusal(action, ['notes.txt'])).toBeUndefined();
  });

  it('bases drafts on the working tree’s branch, whatever branch the CMS config names', () => {
    const body = { action: 'persistEntry', params: { branch: 'main', entry: { slug: 'x' } } };
    expect(onBranch(body, 'master')).toEqual({
      action: 'persistEntry',
      params: { branch: 'master', entry: { slug: 'x' } },
    });
    expect(body.params.branch).toBe('main');
    expect(onBranch({ branch: 'main', action: 'info' }, 'trunk')).toEqual({ branch: 'trunk', action: 'info' });
    expect(onBranch({ action: 'info' }, 'trunk')).toEqual({ action: 'info' });
    expect(onBranch({ action: 'x', params: 'odd' }, 'trunk')).toEqual({ action: 'x', params: 'odd' });
  });
});

describe('publishing a draft', () => {
  it('names the draft branch decap-server made, and nothing else', () => {
    expect(draftBranch({ collection: 'reports', slug: 'natsu-matsuri-2026' })).toBe('cms/reports/natsu-matsuri-2026');
    for (const params of [
      { collection: 'reports', slug: '--force' },
      { collection: 'reports', slug: '../main' },
      { collection: '../../HEAD', slug: 'x' },
      { collection: 'reports', slug: '' },
      { collection: 'reports' },
      undefined,
    ])
      expect(draftBranch(params)).toBeUndefined();
  });

  it('says in Japanese what was published, when a merge commit is needed', () => {
    expect(publishMessage('活動報告', 'natsu-matsuri-2026')).toBe('活動報告「natsu-matsuri-2026」を公開');
  });

  it('explains a refused merge with git’s telling line, and that nothing changed', () => {
    const message = publishRefusal(
      'cms/reports/natsu',
      'main',
      'Auto-merging content/reports/natsu.ja.md\nCONFLICT (add/add): Merge conflict in content/reports/natsu.ja.md\n',
    );
    expect(message).toContain(
      '公開できませんでした: 下書き cms/reports/natsu を main に取り込めません（git: CONFLICT (add/add): Merge conflict in content/reports/natsu.ja.md）。何も変えていません。',
    );
    expect(publishRefusal('cms/reports/natsu', 'main', 'something odd\n')).toContain('（git: something odd）');
    expect(message).toContain('この下書きを削除して今の内容から書き直してください');
    expect(message).toContain(' / Not published: cms/reports/natsu does not merge into main');
  });
});
