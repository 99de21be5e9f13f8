import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // SKIP_SITE_BUILD=1 skips the two site builds while iterating on unit tests (site tests then fail).
    globalSetup: process.env.SKIP_SITE_BUILD ? [] : ['tests/setup/built-sites.ts'],
    // Browser and build tests start Chromium and read whole sites; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits on pages that load the worker and index first: 1 s (the default) is flaky on a busy machine.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
  },
});
