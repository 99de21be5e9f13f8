// @ts-check
/**
 * The benchmark's baseline: bare Astro emitting one minimal page per paper from
 * the same records, so the catalogue's build time has something fair to be
 * compared with. Built by `npm run bench` only.
 */
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.OUT_DIR || './dist',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
