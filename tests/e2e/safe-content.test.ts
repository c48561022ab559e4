/**
 * Volunteer Markdown never brings script into a page: a real entry full of XSS vectors is
 * built by the real build, and the page keeps the text but none of the active content.
 */
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildProject, copyFixtureProject, removeProject } from './helpers/project.ts';
import { phraseBreaks } from '../../src/lib/markdown/headings.ts';
import { withoutReadings } from './helpers/readings.ts';

const VECTORS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(2)">',
  '<iframe src="https://evil.example/"></iframe>',
  '<a href="javascript:alert(3)">クリック</a>',
  '[リンク](javascript:alert(4))',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==">データ</a>',
  '![画像](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoNik+)',
  '<div style="position:fixed;inset:0;background:url(javascript:alert(7))">覆い</div>',
  '<svg><script>alert(8)</script></svg>',
  '<object data="evil.swf"></object><embed src="evil.swf">',
  '<form action="https://evil.example/"><input name="pw"></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(9)>',
  '<p onclick="alert(10)">段落</p>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<base href="https://evil.example/">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
];

let dir: string;
beforeAll(async () => {
  // The minimal fixture, not the sample town: only the one event's page is read, and building
  // the sample's few hundred other pages was most of this file's time.
  dir = copyFixtureProject();
  // An entry, not a translation beside it (<id>.ja-easy.md sorts before <id>.ja.md).
  const first = readdirSync(join(dir, 'content/events')).find((f) => f.endsWith('.ja.md'));
  const file = join(dir, 'content/events', first as string);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, `${text}\n安全のテスト本文です。\n\n## 当日の持ち物と注意\n\n${VECTORS.join('\n\n')}\n`);
  await buildProject(dir);
});
afterAll(() => removeProject(dir));

it('renders the volunteer text but no script, frame, handler, style or unsafe URL', () => {
  const pages = readdirSync(join(dir, 'dist/events'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.html'),
  );
  const html = pages
    .map((p) => withoutReadings(readFileSync(join(dir, 'dist/events', p), 'utf8')))
    .find((h) => h.includes('安全のテスト本文です。'));
  expect(html).toBeDefined();
  const { document } = parseHTML(html as string);
  const body = document.querySelector('main') as unknown as Element;
  expect(body.textContent).toContain('クリック');
  expect(
    body.querySelectorAll(
      'script:not([type="application/ld+json"]), iframe, object, embed, form, input, meta, base, link, style, svg, math',
    ),
  ).toHaveLength(0);
  for (const element of body.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) {
      expect(attribute.startsWith('on'), `${element.tagName} ${attribute}`).toBe(false);
      expect(attribute, element.tagName).not.toBe('style');
      const value = element.getAttribute(attribute) ?? '';
      if (['href', 'src', 'action', 'data', 'formaction'].includes(attribute))
        expect(value, `${element.tagName} ${attribute}`).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
  }
  // Pasted HTML is shown as the text the volunteer typed, so they can see and fix it.
  expect(body.textContent).toContain('<script>alert(1)</script>');
  expect(html).not.toMatch(/<script>alert|<img[^>]*onerror|<iframe/i);
});

it('breaks a Markdown heading between phrases only (invisible breaks, words kept whole)', () => {
  const html = readdirSync(join(dir, 'dist/events'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((p) => withoutReadings(readFileSync(join(dir, 'dist/events', p), 'utf8')))
    .find((h) => h.includes('安全のテスト本文です。'));
  const { document } = parseHTML(html as string);
  const heading = [...document.querySelectorAll('.body h2')].find((h) => h.textContent?.includes('持ち物'));
  expect(heading?.textContent).toBe(phraseBreaks('当日の持ち物と注意'));
  expect(heading?.textContent?.split('\u200b')).toEqual(['当日の', '持ち物と', '注意']);
});
