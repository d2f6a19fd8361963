import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The unit and integration tests of core, server and web, in four projects:
// - `unit`: everything that is not below (PGlite; PostgreSQL too when TEST_DATABASE_URL is set).
// - `tz-utc`, `tz-lima`: the *.tz.test.ts files (calendar dates) under TZ=UTC, as servers run,
//   and TZ=America/Lima, as phones in Peru run; each test fixes the clock itself.
// - `slow`: *.slow.test.ts, long scenarios (minutes) that CI runs (`npm run test:slow`).
// `npm test` runs unit + tz-*. The browser suite lives in e2e/ (`npm run test:e2e`).

const sources = (suffix: string) => [
  `packages/*/src/**/*.${suffix}.ts`,
  `packages/*/src/**/*.${suffix}.tsx`,
];
const DATABASES = 'packages/server/src/test/global-setup.ts';

const timeZone = (name: string, tz: string) => ({
  extends: true as const,
  test: {
    name,
    include: sources('tz.test'),
    env: { TZ: tz },
    provide: { timeZone: tz },
  },
});

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default (cores − 1) runs one file at a time on a 2-core machine; the database
    // tests wait on PGlite and PostgreSQL enough that two at a time use both cores.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: sources('test'),
          exclude: [...sources('tz.test'), ...sources('slow.test'), '**/node_modules/**'],
          globalSetup: [DATABASES],
        },
      },
      timeZone('tz-utc', 'UTC'),
      timeZone('tz-lima', 'America/Lima'),
      {
        extends: true,
        test: { name: 'slow', include: sources('slow.test'), globalSetup: [DATABASES] },
      },
    ],
  },
});
