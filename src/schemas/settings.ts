import { z } from 'astro/zod';
import { defineContentType } from './define.ts';
import {
  bilingualIssue,
  choiceField,
  emailField,
  lineText,
  meta,
  phoneField,
  textField,
  urlField,
  translatable,
} from './fields.ts';
import { GIT_HOSTS, PKCE_HOSTS, SELF_HOSTED, WORKFLOW_HOSTS } from '../lib/cms/backend.ts';
import { checkDigit, isMunicipalCode } from '../lib/opendata/municipal-code.ts';
import { emergencySchema } from './emergency.ts';
import { otherTownsField } from './other-towns.ts';
import { mapSchema } from './map.ts';
import { furiganaField } from './furigana.ts';

const HOST_NAMES: Record<(typeof GIT_HOSTS)[number], string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  gitea: 'Gitea',
  forgejo: 'Forgejo',
};

/** The CMS leaves an optional text field it saved empty as '': that means "not set", not a bad value. */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

/**
 * Where volunteers log in to edit the published site, and whether staff approve before
 * publishing. Turned into Decap's backend by src/lib/cms/backend.ts; docs/DEPLOY.md says where
 * each value comes from.
 */
const cmsSchema = z.strictObject({
  /** The Git host that keeps the site's repository. */
  host: choiceField(
    GIT_HOSTS,
    'gitHost',
    'Git ホスト',
    'サイトのリポジトリを置いているサービス。Gitea・Forgejo は町や社協が自分で動かすサーバーです',
  ),
  /** owner/name (GitLab: group/subgroup/name). */
  repo: meta(z.string().regex(/^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+$/), {
    label: 'リポジトリ',
    hint: '持ち主/名前 の形。例: midorino-shakyo/tsunagari',
    format: {
      ja: '「持ち主/名前」の形で、半角で書いてください（例: midorino-shakyo/tsunagari）',
      en: 'write it as owner/name (e.g. midorino-shakyo/tsunagari)',
    },
  }),
  /** The branch the site is built from. */
  branch: meta(
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/)
      .default('main'),
    {
      label: 'ブランチ',
      hint: 'サイトを作るブランチ。ふつうは main',
      format: {
        ja: '半角の英数字・ハイフン・スラッシュで書いてください（例: main）',
        en: 'write a branch name (e.g. main)',
      },
    },
  ),
  /** GitHub: the OAuth helper; GitLab, Gitea, Forgejo: the server volunteers log in to. */
  baseUrl: meta(unsetIfEmpty(urlField()), {
    label: 'ログイン用のアドレス（base_url）',
    hint: 'GitHub: ログイン用の補助サービス（OAuth ヘルパー）のアドレス。GitLab・Gitea・Forgejo: 自分で動かすサーバーのアドレス（例: https://git.example.jp）',
  }),
  /** GitLab, Gitea, Forgejo: the OAuth application's client id. */
  appId: meta(unsetIfEmpty(z.string().regex(/^[A-Za-z0-9_-]+$/)), {
    label: 'アプリケーションID（app_id）',
    hint: 'GitLab・Gitea・Forgejo: OAuth アプリケーションを作ったときのクライアントID。GitHub では使いません',
    format: {
      ja: 'OAuth アプリケーションのクライアントIDを、半角のままコピーして貼り付けてください',
      en: "paste the OAuth application's client id",
    },
  }),
  /** The API address, when it is not where the host's API usually is. */
  apiRoot: meta(unsetIfEmpty(urlField()), {
    label: 'APIのアドレス（api_root）',
    hint: 'ふつうは空のまま（サーバーのアドレスから決まります）。例: https://git.example.jp/api/v1',
  }),
  /** Entries wait for a staff member's approval (下書き → レビュー中 → 準備完了 → 公開). */
  editorialWorkflow: meta(z.boolean().default(true), {
    label: '公開前に承認する',
    widget: 'boolean',
    hint: 'オンにすると、書いた記事は「下書き → レビュー中 → 準備完了」を経て、担当者が公開するまでサイトに出ません',
  }),
});

/**
 * Who publishes the open data (/opendata/): the columns every municipal data set starts with,
 * and the licence the files are published under.
 */
const openDataSchema = z
  .strictObject({
    /** 全国地方公共団体コード: 6 digits, the last a check digit. */
    // Hand-written unquoted in YAML it is a number (011002 → 11002): its zeros are put back.
    municipalityCode: meta(
      unsetIfEmpty(
        z.preprocess((v) => (typeof v === 'number' ? String(v).padStart(6, '0') : v), z.string().regex(/^\d{6}$/)),
      ),
      {
        label: '全国地方公共団体コード',
        hint: '6けたの数字（最後の1けたは検査数字）。例: 千代田区は 131016。総務省の「全国地方公共団体コード」で調べられます',
        format: {
          ja: '6けたの半角数字で書いてください（例: 131016）',
          en: 'write the 6-digit code (e.g. 131016)',
        },
      },
    ),
    /** 都道府県名 of the publisher. */
    prefecture: meta(unsetIfEmpty(lineText()), { label: '都道府県名', hint: '例: 東京都' }),
    /** 市区町村名 of the publisher. */
    municipality: meta(unsetIfEmpty(lineText()), { label: '市区町村名', hint: '例: 千代田区' }),
    /** The licence's name, as the open data page shows it. */
    license: meta(lineText().default('CC BY 4.0'), {
      label: 'ライセンス',
      hint: 'ふつうは CC BY 4.0（出典を示せばだれでも使えます）',
    }),
    /** Where the licence's text is. */
    licenseUrl: urlField('ライセンスのアドレス').default('https://creativecommons.org/licenses/by/4.0/deed.ja'),
  })
  .superRefine((o, ctx) => {
    const code = o.municipalityCode;
    if (code && /^\d{6}$/.test(code) && !isMunicipalCode(code)) {
      const digit = checkDigit(code.slice(0, 5));
      bilingualIssue(ctx, ['municipalityCode'], {
        ja: `全国地方公共団体コード（${code}）の最後の検査数字が合いません（${code.slice(0, 5)} なら最後は ${digit}）。コードを写しまちがえていないか確かめてください`,
        en: `the check digit of municipalityCode ${code} is wrong (${code.slice(0, 5)} ends in ${digit}); check the code`,
      });
    }
  });

export const settingsSchema = z
  .strictObject({
    /** Site name in the header and the <title>. */
    siteName: translatable(textField('サイトの名前', '例: 桜ヶ丘つながりネット')),
    /** The town or district running the site. */
    town: translatable(textField('市町村・地区', '例: 架空市 桜ヶ丘地区')),
    /** One line beside the site name in every page's header. */
    tagline: translatable(textField('キャッチフレーズ', '例: 支え合いの情報を、となりの人へ')),
    /** The site in a sentence, for search engines and link previews. */
    description: translatable(meta(z.string().trim().min(1).max(160), { label: 'サイトの説明', widget: 'text' })),
    /** Public URL once deployed; used for canonical links, feeds and QR codes. */
    url: urlField('公開URL'),
    /** Who runs the site, in every page's footer and on flyers. */
    publisher: translatable(textField('運営', '例: 架空市社会福祉協議会')),
    /** The publisher's phone, in the footer. */
    phone: phoneField('運営の電話番号'),
    /** The publisher's public e-mail address. */
    email: emailField().optional(),
    /** The published CMS's Git host; without it the CMS edits this computer's files only (npm start). */
    cms: meta(cmsSchema.optional(), { label: '編集画面（CMS）のログイン先' }),
    /** The open data's publisher and licence; without it the files leave those columns empty. */
    openData: meta(openDataSchema.optional(), { label: 'オープンデータ' }),
    /** 防災: disaster mode (one switch), the town's numbers, where to register for evacuation support. */
    emergency: meta(emergencySchema.optional(), { label: '防災・災害時モード' }),
    /** Other towns whose practices feed and search index this site takes in (src/schemas/other-towns.ts). */
    otherTowns: otherTownsField(),
    /** The map pages' base map (地理院タイル by default) and its attribution (src/schemas/map.ts). */
    map: meta(mapSchema.optional(), { label: '地図' }),
    /** Readings of place and person names for ふりがな, before the dictionary's (src/schemas/furigana.ts). */
    furigana: furiganaField(),
  })
  .superRefine((settings, ctx) => {
    const cms = settings.cms;
    if (!cms) return;
    const name = HOST_NAMES[cms.host];
    const redirect = `${settings.url.replace(/\/+$/, '')}/admin/`;
    if (PKCE_HOSTS.includes(cms.host) && !cms.appId)
      bilingualIssue(ctx, ['cms', 'appId'], {
        ja: `${name} でログインするには、OAuth アプリケーションのクライアントID（appId）が要ります。${name} の設定で、リダイレクトURIを ${redirect} にしたアプリケーションを作り、そのIDを書いてください（docs/DEPLOY.md）`,
        en: `${name} needs the client id of an OAuth application (appId) whose redirect URI is ${redirect}; see docs/DEPLOY.md`,
      });
    if (SELF_HOSTED.includes(cms.host) && !cms.baseUrl && !cms.apiRoot)
      bilingualIssue(ctx, ['cms', 'baseUrl'], {
        ja: `${name} のサーバーのアドレスがありません。baseUrl に、そのサーバーのアドレス（例: https://git.example.jp）を書いてください`,
        en: `the ${name} server's address is missing; set baseUrl (e.g. https://git.example.jp)`,
      });
    if (cms.editorialWorkflow && !WORKFLOW_HOSTS.includes(cms.host))
      bilingualIssue(ctx, ['cms', 'editorialWorkflow'], {
        ja: `${name} では「公開前に承認する」が使えません（Decap CMS 3.16 の ${name} 用の部品にこの機能がありません）。editorialWorkflow を false にするか、承認が使える GitHub・GitLab・Forgejo を選んでください`,
        en: `Decap CMS 3.16 has no editorial workflow for ${name}; set editorialWorkflow to false or choose GitHub, GitLab or Forgejo`,
      });
  });
export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;

export const settingsType = defineContentType({
  name: 'settings',
  schema: settingsSchema,
  label: 'サイト設定',
  labelSingular: 'サイト設定',
  description: 'サイトの名前や運営者など、サイト全体の設定です。',
  titleField: 'siteName',
  file: 'content/settings/site.yml',
});
