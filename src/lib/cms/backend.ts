/**
 * Where the built CMS (/admin/) logs in and saves: the Git host chosen in
 * content/settings/site.yml (`cms`), turned into Decap's `backend` and `publish_mode`, and the
 * origins the CMS page must be allowed to contact (its Content-Security-Policy).
 *
 * What each Decap 3.16.3 backend reads was checked in its source (decap-cms-backend-github 3.8,
 * -gitlab 3.6, -gitea 3.5, -forgejo 3.4, decap-cms-lib-auth):
 * - github: `base_url` + `auth_endpoint` ('auth') open an OAuth helper in a pop-up window, which
 *   answers with postMessage (no request from the page); without `base_url` that is Netlify's
 *   service (api.netlify.com), which works only for sites on Netlify. API: `api_root`
 *   (https://api.github.com); it also asks www.githubstatus.com whether GitHub is up.
 * - gitlab: `auth_type: pkce` + `app_id` log in without any helper; the page sends the browser to
 *   `base_url`/oauth/authorize (default https://gitlab.com) and fetches the token from the same
 *   server. API: `api_root` (default https://gitlab.com/api/v4, even for a self-hosted server).
 * - gitea: PKCE at `base_url`/login/oauth/authorize (default https://try.gitea.io), API `api_root`
 *   (default https://try.gitea.io/api/v1). Its constructor throws "The Gitea backend does not
 *   support editorial workflow."
 * - forgejo: PKCE; it ignores `base_url` and takes the server from `api_root` (required), by
 *   stripping /api/v1. It has the editorial workflow (pull requests).
 */
import type { Settings } from '../../schemas/settings.ts';

export const GIT_HOSTS = ['github', 'gitlab', 'gitea', 'forgejo'] as const;
export type GitHost = (typeof GIT_HOSTS)[number];

/** Hosts whose Decap backend has the editorial workflow (下書き → レビュー中 → 準備完了 → 公開). */
export const WORKFLOW_HOSTS: readonly GitHost[] = ['github', 'gitlab', 'forgejo'];

/** Hosts that log in with PKCE and so need the OAuth application's id (`app_id`). */
export const PKCE_HOSTS: readonly GitHost[] = ['gitlab', 'gitea', 'forgejo'];

/** Hosts a town runs itself: without the server's address Decap would go to a public demo server. */
export const SELF_HOSTED: readonly GitHost[] = ['gitea', 'forgejo'];

export type CmsSettings = NonNullable<Settings['cms']>;

/** The API path below a server's address, for hosts whose API lives on the same server. */
const API_PATH: Partial<Record<GitHost, string>> = { gitlab: '/api/v4', gitea: '/api/v1', forgejo: '/api/v1' };
const GITHUB_API = 'https://api.github.com';
const GITHUB_STATUS = 'https://www.githubstatus.com';
const GITLAB = 'https://gitlab.com';

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * Decap's commit messages, in Japanese. Decap fills in only {{collection}} (the collection's
 * singular label, e.g. イベント), {{slug}} (the entry's file name, its ID), {{path}},
 * {{author-login}}, {{author-name}} and, for open authoring, {{message}}: it has no placeholder
 * for the entry's title (decap-cms-core src/lib/formatters.ts, 3.16.3), so the ID names the entry
 * here and the admin page adds the title from the saved file (src/lib/cms/commit-title.ts):
 * 活動報告「ひだまりサロン 12月のようす」（20261205-k3fq）を更新.
 */
export const COMMIT_MESSAGES = {
  create: '{{collection}}「{{slug}}」を新しく作成',
  update: '{{collection}}「{{slug}}」を更新',
  delete: '{{collection}}「{{slug}}」を削除',
  uploadMedia: '写真「{{path}}」をアップロード',
  deleteMedia: '写真「{{path}}」を削除',
  openAuthoring: '{{message}}',
} as const;

/**
 * The host's server address (where volunteers log in): `baseUrl`, or else the server part of
 * `apiRoot` (https://git.example.jp/api/v1 → https://git.example.jp), as Decap's Forgejo backend
 * does itself.
 */
export function serverOf(cms: CmsSettings): string | undefined {
  if (cms.baseUrl) return trimSlash(cms.baseUrl);
  if (cms.apiRoot) return trimSlash(cms.apiRoot).replace(/\/api\/v\d+$/, '');
  return undefined;
}

/** The API address Decap talks to: `apiRoot`, or the host's API below the server's address. */
export function apiRootOf(cms: CmsSettings): string {
  if (cms.apiRoot) return trimSlash(cms.apiRoot);
  if (cms.host === 'github') return GITHUB_API;
  const server = serverOf(cms) ?? (cms.host === 'gitlab' ? GITLAB : undefined);
  // The schema refuses gitea and forgejo without an address (src/schemas/settings.ts).
  if (!server) throw new Error(`cms.host ${cms.host}: no baseUrl or apiRoot`);
  return `${server}${API_PATH[cms.host] ?? ''}`;
}

/** Decap's `backend` for the chosen host (without `commit_messages`, see decapBackend). */
function hostBackend(cms: CmsSettings): Record<string, unknown> {
  const common = { name: cms.host, repo: cms.repo, branch: cms.branch };
  switch (cms.host) {
    case 'github':
      return {
        ...common,
        ...(cms.baseUrl ? { base_url: trimSlash(cms.baseUrl) } : {}),
        ...(cms.apiRoot ? { api_root: trimSlash(cms.apiRoot) } : {}),
      };
    case 'gitlab':
      return {
        ...common,
        auth_type: 'pkce',
        app_id: cms.appId,
        base_url: serverOf(cms) ?? GITLAB,
        api_root: apiRootOf(cms),
      };
    case 'gitea':
      return { ...common, app_id: cms.appId, base_url: serverOf(cms), api_root: apiRootOf(cms) };
    case 'forgejo':
      // Forgejo's backend reads the server from api_root alone.
      return { ...common, app_id: cms.appId, api_root: apiRootOf(cms) };
  }
}

/**
 * Decap's `backend` from the site settings. Without `cms` the CMS has no Git host: Decap's proxy
 * backend edits this computer's files through decap-server (npm start) and reaches nothing from a
 * published site, which is why the build warns (src/integrations/tsunagari.ts).
 */
export function decapBackend(cms: CmsSettings | undefined, localBackendUrl: string): Record<string, unknown> {
  const backend = cms ? hostBackend(cms) : { name: 'proxy', proxy_url: localBackendUrl, branch: 'main' };
  return { ...backend, commit_messages: COMMIT_MESSAGES };
}

/** Decap's `publish_mode`: approval before publishing unless the settings turn it off. */
export function publishMode(cms: CmsSettings | undefined): 'editorial_workflow' | 'simple' {
  return (cms?.editorialWorkflow ?? true) ? 'editorial_workflow' : 'simple';
}

/**
 * The origins the CMS page fetches from for this host (connect-src of its
 * Content-Security-Policy): the API, the server that hands out PKCE tokens, GitHub's status page.
 */
export function cmsOrigins(cms: CmsSettings | undefined): string[] {
  if (!cms) return [];
  const origins = [new URL(apiRootOf(cms)).origin];
  // Decap asks GitHub's status page whatever api_root says (decap-cms-backend-github, status()).
  if (cms.host === 'github') origins.push(GITHUB_STATUS);
  if (cms.host === 'gitlab' || cms.host === 'gitea') origins.push(new URL(serverOf(cms) ?? GITLAB).origin);
  return [...new Set(origins)];
}
