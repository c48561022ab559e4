import { z } from 'astro/zod';
import { defineContentType } from './define.ts';
import { idField, meta, textField, translatable } from './fields.ts';

export const pageSchema = z.strictObject({
  /** File name and URL (/pages/<id>/). */
  id: idField(),
  /** Heading and <title> of the page. */
  title: translatable(textField('タイトル')),
  /** Shown in search results and link previews. */
  description: translatable(
    meta(z.string().trim().min(1).max(160).optional(), {
      label: '説明（検索結果に出ます）',
      widget: 'text',
    }),
  ),
});
export type PageInput = z.input<typeof pageSchema>;
export type Page = z.output<typeof pageSchema>;

export const pageType = defineContentType({
  name: 'pages',
  schema: pageSchema,
  label: 'ページ',
  labelSingular: 'ページ',
  description: 'このサイトについて、個人情報の扱いなど、決まった内容のページです。',
  titleField: 'title',
  body: { label: '本文', required: true },
});
