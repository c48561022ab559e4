import { z } from 'astro/zod';
import { defineContentType } from './define.ts';
import {
  bilingualIssue,
  categoriesField,
  choiceField,
  countField,
  dateField,
  idField,
  imageSrcField,
  lineText,
  meta,
  paragraphText,
  privacyConsentField,
  refField,
  refListField,
  sdgsField,
  textField,
  translatable,
} from './fields.ts';
import { AUDIENCES } from './vocabulary.ts';
import { t } from '../i18n/japanese.ts';

/** A photo with its alt text and its subjects' consent: reports and a newsletter's cover. */
export const photoSchema = z
  .strictObject({
    /** The uploaded photo: /uploads/<file>, a JPEG, PNG, WebP or AVIF in media/. */
    src: imageSrcField('写真ファイル'),
    /** What the photo shows, read out to residents who cannot see it. */
    alt: meta(paragraphText(), { label: '写真の説明（代替テキスト）', hint: '写っているものを一文で' }),
    /** A line printed under the photo. */
    caption: meta(lineText().optional(), { label: 'キャプション' }),
    /** Everyone recognisable agreed to publication; without it the photo stays off the site. */
    consent: meta(z.boolean().default(false), {
      label: '写っている方の掲載同意を得た',
      widget: 'boolean',
      hint: '同意が取れていない写真は公開できません',
    }),
  })
  .superRefine((photo, ctx) => {
    if (!photo.consent)
      bilingualIssue(ctx, ['consent'], {
        ja: `写真「${photo.src}」に掲載同意の印がありません。写っている方の同意を得てから「掲載同意を得た」にチェックするか、写真を外してください`,
        en: `photo ${photo.src} has no publication consent; tick consent once everyone pictured agreed, or remove the photo`,
      });
  });

export const reportSchema = z
  .strictObject({
    /** File name and URL. */
    id: idField(),
    /** Headline of the report. */
    title: translatable(textField('タイトル', '例: 11月のひだまりサロンを開きました')),
    /** The day of the activity. */
    date: dateField('活動日'),
    /** The salon or event this report is about, if any. */
    salon: refField('salons', '関係するサロン').optional(),
    /** The event this report is about, if any. */
    event: refField('events', '関係するイベント').optional(),
    /** Districts where it happened. */
    districts: refListField('districts', '地区'),
    /** Topics, for category pages and search filters. */
    categories: categoriesField(),
    /** How many residents came, over all the times held; empty if not counted. */
    participants: countField('参加者数（人）', '開催回数が2回以上なら、その合計'),
    /** How many helpers ran it, over all the times held; empty if not counted. */
    volunteers: countField('ボランティア数（人）', 'のべ人数'),
    /** How many times it was held (開催回数); a report of one day is once when empty. */
    timesHeld: countField(
      '開催回数（回）',
      '1回の報告なら空のままで1回と数えます。ひと月分をまとめた報告なら、その回数',
    ),
    /** Participants by audience (optional): 高齢者 12人, 子ども 5人 … within the participants. */
    audienceCounts: meta(
      z
        .array(
          z.strictObject({
            /** Which audience. */
            audience: choiceField(AUDIENCES, 'audience', '対象'),
            /** How many of them. */
            count: meta(z.number().int().min(0), {
              label: '人数（人）',
              widget: 'number',
              cms: { value_type: 'int', min: 0 },
            }),
          }),
        )
        .default([]),
      {
        label: '対象ごとの参加者数（わかれば）',
        hint: '例: 高齢者 12人、子ども 5人。合計は参加者数以内にしてください',
      },
    ),
    /** SDGs goals the activity serves, for the /sdgs/ pages. */
    sdgs: sdgsField(),
    /** Photos with alt text; only those with publication consent. */
    photos: meta(z.array(photoSchema).default([]), { label: '写真' }),
    /** The organization that wrote the report. */
    organizer: refField('organizations', '報告した団体').optional(),
    /** Whose consent covers the private data in the body, if it holds any. */
    privacyConsent: privacyConsentField(),
  })
  .superRefine((report, ctx) => {
    // The audiences are a breakdown of the participants: more than them is a typo somewhere.
    // Compared only with a participant count that is itself valid: a negative one has its own
    // message, and a second about the sum would only confuse.
    const byAudience = report.audienceCounts.reduce((sum, { count }) => sum + count, 0);
    const participants = report.participants;
    if (participants !== undefined && participants >= 0 && byAudience > participants)
      bilingualIssue(ctx, ['audienceCounts'], {
        ja: `対象ごとの参加者数の合計（${byAudience}人）が参加者数（${report.participants}人）より多くなっています。どちらかの数を直してください`,
        en: `the counts by audience add up to ${byAudience}, more than the ${report.participants} participants; correct one of them`,
      });
    const seen = new Set<string>();
    report.audienceCounts.forEach(({ audience }, i) => {
      if (seen.has(audience))
        bilingualIssue(ctx, ['audienceCounts', i, 'audience'], {
          ja: `対象「${t(`audience.${audience}`)}」が2回出てきます。1つにまとめてください`,
          en: `the audience ${audience} is listed twice; merge the two lines`,
        });
      seen.add(audience);
    });
  });
export type ReportInput = z.input<typeof reportSchema>;
export type Report = z.output<typeof reportSchema>;

export const reportType = defineContentType({
  name: 'reports',
  schema: reportSchema,
  label: '活動報告',
  labelSingular: '活動報告',
  description: 'サロンや行事のようすを写真と人数で伝えます。写真は掲載同意を得たものだけ。',
  titleField: 'title',
  listDate: 'date',
  body: { label: '報告の本文', required: true, checkPrivacy: true },
});
