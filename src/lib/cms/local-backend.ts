/**
 * Which of decap-server's two modes `npm start` runs, and what it refuses in Git mode
 * (scripts/cms-server.ts does the I/O; the decisions and the messages live here).
 *
 * Git mode (decap-server's local_git) is what makes the approval workflow real on this computer:
 * a saved draft is a commit on its own branch `cms/<collection>/<slug>`, its status (下書き /
 * レビュー中 / 準備完了) is that branch's description, and 公開する merges it into the branch the
 * working tree is on. The file-system mode writes a save straight into content/, with no draft
 * and no approval, which is what a folder without Git (a ZIP download) can still do.
 */

/** What `git` says about the folder `npm start` runs in. */
export type RepoState =
  | { kind: 'no-git' }
  | { kind: 'not-a-repo' }
  | { kind: 'no-commit' }
  | { kind: 'detached' }
  | { kind: 'branch'; branch: string };

export type LocalMode =
  | { mode: 'git'; branch: string; notice: string }
  | { mode: 'fs'; notice: string }
  /** A state the volunteer must leave first: writing there would go to the wrong place. */
  | { mode: 'stop'; message: string };

/** decap-server's prefix for the branch of an unpublished entry. */
export const DRAFT_BRANCH_PREFIX = 'cms/';

const HOW_TO_GIT =
  'このフォルダーで `git init -b main`、`git add -A`、`git commit -m "はじめ"` を実行してから npm start し直してください。' +
  ' / To use it here, run `git init -b main`, `git add -A` and `git commit -m "initial"` in this folder and restart npm start.';
const WITHOUT_WORKFLOW =
  '編集画面は、保存した内容を承認なしでそのままファイルに書きます（下書き→レビュー中→準備完了→公開 の流れは使えません）。' +
  ' / The CMS writes what is saved straight into the files, without the approval workflow (draft → in review → ready → publish).';

export function chooseLocalMode(workflow: boolean, repo: RepoState, folder: string): LocalMode {
  if (!workflow) {
    return {
      mode: 'fs',
      notice:
        'サイト設定で「公開前の承認」が切ってあります: 編集画面は、保存した内容をそのままファイルに書きます。' +
        ' / The approval workflow is off in the site settings: the CMS writes what is saved straight into the files.',
    };
  }
  switch (repo.kind) {
    case 'no-git':
      return {
        mode: 'fs',
        notice: `Git が見つかりません。${WITHOUT_WORKFLOW} 承認の流れを使うには Git を入れてから、${HOW_TO_GIT} / Git was not found.`,
      };
    case 'not-a-repo':
      return {
        mode: 'fs',
        notice: `このフォルダー（${folder}）は Git のリポジトリではありません（ZIP でダウンロードしたときなど）。${WITHOUT_WORKFLOW} 承認の流れを使うには、${HOW_TO_GIT} / ${folder} is not a Git repository.`,
      };
    case 'no-commit':
      return {
        mode: 'fs',
        notice: `このフォルダー（${folder}）の Git リポジトリには、まだコミットがありません。${WITHOUT_WORKFLOW} 承認の流れを使うには、${HOW_TO_GIT} / The Git repository in ${folder} has no commit yet.`,
      };
    case 'detached':
      return {
        mode: 'stop',
        message:
          'Git がどのブランチにもいない状態（detached HEAD）なので、編集画面を始められません。公開した内容は今のブランチに入るため、`git checkout main` などでブランチに戻してから npm start し直してください。' +
          ' / Git is on no branch (detached HEAD): published entries go into the current branch, so check one out (`git checkout main`) and restart npm start.',
      };
    case 'branch':
      if (repo.branch.startsWith(DRAFT_BRANCH_PREFIX)) {
        return {
          mode: 'stop',
          message:
            `今のブランチ ${repo.branch} は、編集画面の下書きを入れておくブランチです（前の npm start が途中で止まったときなど）。下書きは消えないので、\`git checkout main\` で元のブランチに戻してから npm start し直してください。` +
            ` / The current branch ${repo.branch} holds a CMS draft (an earlier npm start stopped midway?). The draft stays: run \`git checkout main\` and restart npm start.`,
        };
      }
      return {
        mode: 'git',
        branch: repo.branch,
        notice:
          `公開前の承認: 保存した下書きは ${DRAFT_BRANCH_PREFIX}<種類>/<ID> ブランチに入り、「準備完了」にして公開すると ${repo.branch} に取り込まれます。` +
          ` / Approval workflow: drafts are saved on ${DRAFT_BRANCH_PREFIX}<collection>/<id> branches and merged into ${repo.branch} when published.`,
      };
  }
}

/**
 * The actions after which decap-server's Git mode runs `git add .` and commits: it would sweep
 * whatever else is changed in the working tree into the CMS's commit (a hand edit, a new file).
 * Status changes, publishing (a merge) and deleting a draft (a branch) commit nothing of the tree.
 */
export const COMMITTING_ACTIONS: ReadonlySet<string> = new Set([
  'persistEntry',
  'persistMedia',
  'deleteFile',
  'deleteFiles',
]);

/** The paths of `git status --porcelain=v1 -z` output (a rename's source is left out). */
export function changedPaths(porcelain: string): string[] {
  const paths: string[] = [];
  const fields = porcelain.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as string;
    if (field.length < 4) continue;
    paths.push(field.slice(3));
    // A rename or copy is followed by its source path as a field of its own.
    if (/^[RC]/.test(field)) i++;
  }
  return paths;
}

/** The answer to a committing request while the working tree has uncommitted changes, if it is one. */
export function uncommittedRefusal(action: unknown, changed: readonly string[]): string | undefined {
  if (typeof action !== 'string' || !COMMITTING_ACTIONS.has(action) || changed.length === 0) return undefined;
  const shown = changed.slice(0, 3).join('、');
  const more = changed.length > 3 ? ` ほか ${changed.length - 3} 件` : '';
  const moreEn = changed.length > 3 ? ` and ${changed.length - 3} more` : '';
  return (
    `保存しませんでした: このフォルダーには、まだ Git に記録（コミット）していない変更があります（${shown}${more}）。` +
    '編集画面は保存のたびにコミットするので、その変更まで一緒に記録してしまいます。' +
    '先にその変更をコミットするか元に戻してから、もう一度保存してください（編集中の内容は画面に残っています）。' +
    ` / Not saved: this folder has uncommitted changes (${changed.slice(0, 3).join(', ')}${moreEn}). The CMS commits every save and would sweep them into its commit: commit or undo them, then save again.`
  );
}

/**
 * The draft branch a publish request names, or undefined when the names could not be a draft's:
 * decap-server names it cms/<collection>/<slug>; both parts are ASCII names, never an option
 * (a leading -) or a path out of refs/heads/.
 */
export function draftBranch(params: unknown): string | undefined {
  const { collection, slug } = (params ?? {}) as { collection?: unknown; slug?: unknown };
  const name = /^[a-z0-9][a-z0-9_-]*$/i;
  if (typeof collection !== 'string' || typeof slug !== 'string') return undefined;
  if (!name.test(collection) || !name.test(slug)) return undefined;
  return `${DRAFT_BRANCH_PREFIX}${collection}/${slug}`;
}

/**
 * The message of the merge that publishes a draft, when the branch moved on since the draft was
 * saved (otherwise the draft's own commits, with the CMS's Japanese messages, simply move onto
 * the branch): decap-server would write git's English "Merge branch 'cms/…'".
 */
export function publishMessage(collectionLabel: string, slug: string): string {
  return `${collectionLabel}「${slug}」を公開`;
}

/**
 * Why a publish did not go through: git refused the merge — a local change in the way, or the
 * same entry changed on the branch since the draft was saved (a conflict, which is undone: the
 * working tree is left as it was, not half-merged as decap-server's own merge would leave it).
 */
export function publishRefusal(branch: string, current: string, gitSays: string): string {
  // git's telling line: the conflict or the error, not the 'Auto-merging …' before it.
  const lines = gitSays.trim().split('\n');
  const detail = lines.find((line) => /^(CONFLICT|error|fatal)/.test(line)) ?? lines[0] ?? '';
  return (
    `公開できませんでした: 下書き ${branch} を ${current} に取り込めません（git: ${detail}）。何も変えていません。` +
    `まだコミットしていない変更が同じファイルにあるときは、コミットするか元に戻してから、もう一度公開してください。` +
    `下書きを保存したあとで同じ記事が ${current} で書き換えられたときは、取り込むと上書きになるので、この下書きを削除して今の内容から書き直してください。` +
    ` / Not published: ${branch} does not merge into ${current} (git: ${detail}); nothing was changed. Commit or undo local changes to the same files and publish again; if the entry changed on ${current} since the draft was saved, delete the draft and edit the current entry instead.`
  );
}

/** A request body of Decap's local backend API (`POST /api/v1`), as far as branches go. */
export interface BranchedRequest {
  action?: unknown;
  branch?: unknown;
  params?: unknown;
}

/**
 * The request with the working tree's branch as its base branch. Decap sends the branch of the
 * live site's Git host (settings); locally the drafts start from, and are published into, the
 * branch the volunteer ran `npm start` on, whatever it is called.
 */
export function onBranch<T extends BranchedRequest>(body: T, branch: string): T {
  const out: BranchedRequest = { ...body };
  if ('branch' in body) out.branch = branch;
  const params = body.params;
  if (params && typeof params === 'object' && 'branch' in params) out.params = { ...params, branch };
  return out as T;
}
