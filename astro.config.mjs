// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { MDAST_PLUGINS } from './src/lib/markdown/plugins.ts';
import tsunagari from './src/integrations/tsunagari.ts';

export default defineConfig({
  // The deployed address; set SITE_URL on the host. Used for canonical links and feeds.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  integrations: [tsunagari(), mdx()],
  markdown: {
    // Volunteers write Markdown, which may carry pasted HTML: it is shown as text, never run
    // (src/lib/markdown/safe.ts). Its headings wrap between phrases (src/lib/markdown/headings.ts).
    processor: satteri({ mdastPlugins: MDAST_PLUGINS }),
  },
  devToolbar: { enabled: false },
  // This computer only: the dev server edits nothing itself, but npm start's CMS backend writes
  // the working tree for its pages. Other Host names are refused too (src/integrations/local-only.ts).
  server: { host: '127.0.0.1', port: 4321 },
});
