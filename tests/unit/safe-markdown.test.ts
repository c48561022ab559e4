import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { MDAST_PLUGINS } from '../../src/lib/markdown/plugins.ts';
import { isSafeUrl } from '../../src/lib/markdown/safe.ts';

/** As the pages and the search index render a body. */
const render = (body: string) =>
  markdownToHtml(body, { mdastPlugins: MDAST_PLUGINS, features: { gfm: true, smartPunctuation: true } }).html;

describe('HTML comments in volunteer Markdown', () => {
  it('are dropped: a block, an inline one, one over several lines and the short forms', () => {
    const html = render(
      [
        '<!-- 090-1234-5678 佐藤さんの携帯 -->',
        '',
        '前半<!-- 鍵は 1234 -->後半です。',
        '',
        '<!--',
        '  連絡網: 090-0000-0000',
        '-->',
        '',
        '短い<!---->コメント<!-->と<!--->です。',
      ].join('\n'),
    );
    expect(html).not.toMatch(/090|1234|連絡網|佐藤|&lt;!--|<!--/);
    expect(html).toContain('前半後半です。');
    expect(html).toContain('短いコメントとです。');
  });

  it('keep the text of other pasted HTML beside them, shown as typed', () => {
    const html = render('<!-- メモ --><b>太字</b>');
    expect(html).not.toContain('メモ');
    expect(html).toContain('&lt;b&gt;太字&lt;/b&gt;');
  });

  it('leave an unclosed comment visible as text rather than hide the rest of the body', () => {
    expect(render('<!-- 閉じ忘れ\n\n本文')).toContain('本文');
  });
});

describe('link addresses in volunteer Markdown', () => {
  it.each([
    'https://example.jp/',
    'http://example.jp',
    'mailto:info@example.jp',
    'tel:0000-12-3456',
    '/salons/',
    '#map',
    '../x',
    'page.html',
  ])('keeps %s', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });
});
