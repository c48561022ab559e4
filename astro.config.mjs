// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { MDAST_PLUGINS } from './src/lib/markdown/plugins.ts';
import tsunagari from './src/integrations/tsunagari.ts';
import { LOCALES } from './src/i18n/locales.ts';

export default defineConfig({
  // The deployed address; set SITE_URL on the host. Used for canonical links and feeds.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  // The site's languages (src/i18n/locales.ts): Japanese at /, the others under their prefix
  // (/en/…). Components read the page's language from Astro.currentLocale.
  i18n: {
    locales: LOCALES.map((l) => l.code),
    defaultLocale: 'ja',
    routing: { prefixDefaultLocale: false, redirectToDefaultLocale: false },
  },
  integrations: [tsunagari(), mdx()],
  markdown: {
    // Volunteers write Markdown, which may carry pasted HTML: it is shown as text, never run
    // (src/lib/markdown/safe.ts). Its headings wrap between phrases (src/lib/markdown/headings.ts).
    processor: satteri({ mdastPlugins: MDAST_PLUGINS }),
  },
  // Pages show photos resized by sharp (src/components/Photos.astro). AVIF at effort 2 instead of
  // sharp's 4: 4–6 times faster (5 s instead of 23 s for a 1600 px width on this machine) for
  // files about 25 % larger, still smaller than WebP.
  image: { service: { entrypoint: 'astro/assets/services/sharp', config: { avif: { effort: 2 } } } },
  devToolbar: { enabled: false },
  // A page whose key (src/lib/page-keys.ts) and code are those of the last build is copied from
  // it instead of rendered again: a warm build of 1,000 entries renders only the few pages
  // without a key. tests/e2e/incremental.test.ts checks it against clean builds after edits.
  experimental: { incrementalBuild: true },
  // This computer only: the dev server edits nothing itself, but npm start's CMS backend writes
  // the working tree for its pages. Other Host names are refused too (src/integrations/local-only.ts).
  server: { host: '127.0.0.1', port: 4321 },
});
