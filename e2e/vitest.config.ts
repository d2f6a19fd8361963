import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: builds the web app, starts `acompana start` on a fresh PGlite database and
// drives Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through the specs.
export default defineConfig({
  test: {
    include: ['specs/**/*.spec.ts'],
    globalSetup: ['./global-setup.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One Chromium is shared by every spec file; keep the number of pages in flight modest.
    maxWorkers: 2,
  },
});
