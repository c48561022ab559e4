import { describe, expect, it } from 'vitest';
import { indexablePart } from '../../src/lib/search/indexer.ts';

const page = (main: string) =>
  `<!doctype html><html lang="ja"><head><title>t</title><script type="application/ld+json">{}</script></head><body><nav><a href="/">ホーム</a></nav><main>${main}</main><footer>連絡先</footer></body></html>`;

describe('the part of a page sent to the search index', () => {
  it('keeps only the data-pagefind-body article, in a Japanese document', () => {
    const article =
      '<article data-pagefind-body data-astro-cid-x><h1>ひだまり</h1><p>毎月第2水曜日</p><div hidden data-pagefind-ignore><span data-pagefind-filter="地区">若葉</span></div></article>';
    expect(indexablePart(page(article))).toBe(
      `<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body>${article}</body></html>`,
    );
  });

  it('sends nothing for a page search does not index', () => {
    expect(indexablePart(page('<h1>カレンダー</h1>'))).toBeUndefined();
  });
});
