// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { searchIndex } from './scripts/search-index/astro-integration.ts';

/** Public origin and sub-path come from the environment at build time, so one build can be hosted anywhere. */
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  // Tests build several variants side by side.
  outDir: process.env.OUT_DIR || './dist',
  trailingSlash: 'always',
  // Overlap rendering with writing files: at 100k pages, writes are a third of the build.
  build: { format: 'directory', concurrency: 4 },
  integrations: [sitemap(), searchIndex()],
  // Telemetry would try the network, which builds here must never touch.
  devToolbar: { enabled: false },
  // `.cache` holds generated data and benchmark builds (hundreds of thousands of files): the dev server must not
  // scan or watch it. Pages re-read papers.json when it changes, without a watcher.
  vite: { optimizeDeps: { entries: ['src/**/*.{astro,ts}'] }, server: { watch: { ignored: ['**/.cache/**'] } } },
});
