import { z } from 'astro/zod';
import { defineContentType } from './define.ts';
import {
  bilingualIssue,
  categoriesField,
  choiceField,
  choicesField,
  idField,
  lineText,
  longTextField,
  meta,
  phoneField,
  refField,
  refListField,
  textField,
  translatable,
} from './fields.ts';

/**
 * What residents ask neighbours to help with, as the seeds' まちともサービス and 住民参加型在宅
 * 福祉サービス list it: the small things no care plan covers.
 */
export const SERVICE_TASKS = [
  'garbage', // ごみ出し
  'shopping', // 買い物・買い物代行
  'hospital', // 通院の付き添い・送迎
  'light-bulb', // 電球交換など簡単な修理
  'chat', // 話し相手
  'cleaning', // 掃除・片付け
  'garden', // 草取り・庭の手入れ
  'cooking', // 食事づくり・配食
  'paperwork', // 書類の読み書き・手続きの手伝い
  'childcare', // 子どもの預かり・送り迎え
  'other',
] as const;

/** How a service charges: free, per use (1回300円), or a membership (会員制, often with tickets). */
export const SERVICE_FEES = ['free', 'per-use', 'membership'] as const;

export const serviceSchema = z
  .strictObject({
    /** File name and URL. */
    id: idField(),
    /** What residents call it: まちともサービス（みどり野東地区）. */
    name: translatable(textField('サービスの名前', '例: まちともサービス（みどり野東地区）')),
    /** Who runs it. */
    provider: refField('organizations', '運営する団体'),
    /** What the helpers do. */
    helpsWith: choicesField(SERVICE_TASKS, 'serviceTask', '手伝えること', '当てはまるものをすべて選んでください'),
    /** Anything the list does not name, one per line: 年賀状の宛名書き. */
    otherHelp: translatable(
      meta(z.array(lineText()).optional(), {
        label: 'そのほかに手伝えること',
        hint: '1行に1つ。例: 網戸の張り替え',
      }),
    ),
    /** Districts where the helpers go. */
    districts: refListField('districts', '利用できる地区'),
    /** 無料 / 1回いくら / 会員制. */
    feeType: choiceField(SERVICE_FEES, 'serviceFee', '料金の種類'),
    /** The amount in words; required unless the service is free. */
    fee: translatable(
      meta(lineText().optional(), {
        label: '料金',
        hint: '無料でなければ必ず書いてください。例: 1回300円（30分まで）、年会費1,000円＋1時間500円の利用券',
      }),
    ),
    /** Who may ask: residents over 65, people with disabilities, families with babies. */
    whoCanAsk: translatable(longTextField('利用できる方', '例: 地区に住む65歳以上の方、障がいのある方、子育て中の方')),
    /** How to ask, step by step. */
    howToAsk: translatable(
      longTextField('申し込み方法', '例: 地区社協の事務局に電話。はじめての方は利用会員の登録（無料）をします'),
    ),
    /** When the phone is answered. */
    hours: translatable(textField('受け付け時間', '例: 平日 9:00〜16:00').optional()),
    /** The number residents call. */
    contact: phoneField('申し込み・問い合わせ電話番号'),
    /** The call for helpers (協力会員) that keeps the service going. */
    recruitment: refField('recruitments', '協力会員（手伝う側）の募集').optional(),
    /** Topics, for category pages and search filters. */
    categories: categoriesField(),
  })
  .superRefine((service, ctx) => {
    if (service.feeType !== 'free' && !service.fee)
      bilingualIssue(ctx, ['fee'], {
        ja: `料金の種類が「${service.feeType === 'per-use' ? '1回ごとに払う' : '会員制'}」なのに、料金が書かれていません。金額を書いてください（例: 1回300円）`,
        en: `the fee type is ${service.feeType} but no fee is given; write the amount (e.g. 1回300円)`,
      });
  });
export type ServiceInput = z.input<typeof serviceSchema>;
export type Service = z.output<typeof serviceSchema>;

export const serviceType = defineContentType({
  name: 'services',
  schema: serviceSchema,
  label: '住民の助け合いサービス',
  labelSingular: '助け合いサービス',
  description:
    'ごみ出し・買い物・通院の付き添いなど、住民どうしで手伝うサービス（まちともサービス、住民参加型在宅福祉サービス）です。',
  titleField: 'name',
  body: { label: 'サービスの紹介', required: false },
});
