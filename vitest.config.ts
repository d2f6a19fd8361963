import { defineConfig } from 'vitest/config';

// `npm test`: unit and integration tests of core and server (PGlite, plus PostgreSQL when
// TEST_DATABASE_URL is set). The browser suite lives in e2e/ and runs with `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['packages/server/src/test/global-setup.ts'],
  },
});
