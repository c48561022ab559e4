// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tsunagari from './src/integrations/tsunagari.ts';

export default defineConfig({
  // The deployed address; set SITE_URL on the host. Used for canonical links and feeds.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  integrations: [tsunagari(), mdx()],
  markdown: {
    // Volunteers write Markdown; raw HTML in it is not trusted (see issue on safe content).
  },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
});
