/**
 * Other towns whose good practices and search this site takes in (site settings `otherTowns`):
 * their practices' JSON Feed, imported at build time onto 他の地域の取り組み (/shared/, through
 * src/lib/feeds/shared.ts), and their Pagefind bundle, merged into the search page.
 */
import { z } from 'astro/zod';
import { bilingualIssue, meta, textField, urlField } from './fields.ts';

/** The CMS leaves an optional text field it saved empty as '': that means "not set". */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

/** A Pagefind bundle's folder: the address ends in /pagefind/ (the last slash may be left out). */
const PAGEFIND_PATH = /\/pagefind\/?$/;

export const otherTownSchema = z
  .strictObject({
    /** The town's name, shown beside everything that comes from it. */
    name: textField('地域の名前', '例: 架空県やまびこ町社会福祉協議会'),
    /** Its practices as JSON Feed (a Tsunagari site publishes /practices/feed.json). */
    practicesFeed: meta(unsetIfEmpty(urlField()), {
      label: '先進事例のフィード（JSON）',
      hint: 'その地域のサイトの /practices/feed.json のアドレス。例: https://yamabiko.example.jp/practices/feed.json',
    }),
    /** Its Pagefind search bundle, searched together with this site's. */
    searchIndex: meta(unsetIfEmpty(urlField()), {
      label: '検索の索引（Pagefind）',
      hint: 'その地域のサイトの /pagefind/ のアドレス。例: https://yamabiko.example.jp/pagefind/',
    }),
  })
  .superRefine((town, ctx) => {
    if (!town.practicesFeed && !town.searchIndex)
      bilingualIssue(ctx, ['practicesFeed'], {
        ja: `「${town.name}」には、先進事例のフィード（practicesFeed）か検索の索引（searchIndex）の少なくとも一つを書いてください`,
        en: `give "${town.name}" a practicesFeed, a searchIndex or both`,
      });
    if (town.searchIndex && !PAGEFIND_PATH.test(URL.parse(town.searchIndex)?.pathname ?? ''))
      bilingualIssue(ctx, ['searchIndex'], {
        ja: `検索の索引は、その地域のサイトの /pagefind/ で終わるアドレスにしてください（例: https://yamabiko.example.jp/pagefind/）`,
        en: 'the searchIndex must be the address of the site’s /pagefind/ folder (e.g. https://yamabiko.example.jp/pagefind/)',
      });
  });
export type OtherTown = z.output<typeof otherTownSchema>;

/** The list in the site settings; empty when the site takes in nothing from other towns. */
export const otherTownsField = () =>
  meta(z.array(otherTownSchema).default([]), {
    label: '他の地域（先進事例と検索の共有）',
    hint: '先進事例を取り込んだり、いっしょに検索したりする、ほかの地域のサイト',
  });
