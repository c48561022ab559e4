import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '../../src/lib/markdown/safe.ts';

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
