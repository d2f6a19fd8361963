import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { preactAliases, usesReact } from './packages/web/preact-alias.ts';

// The unit and integration tests of core, server and web, in seven projects:
// - `core`: the pure domain's tests, sharing their worker's loaded modules (isolate: false):
//   core keeps no state between calls, and starting a process per file cost more CPU than its
//   21 files' tests (21 → 8 s).
// - `web-shared`: the web app's pure test files (WEB_SHARED), sharing their worker's modules.
// - `unit`: the web app's other tests, each file in a fresh process (its stores, DOM, fakes).
// - `server`: the server's tests (PGlite; PostgreSQL too when TEST_DATABASE_URL is set). Files
//   share their worker's loaded modules (isolate: false): each opens its own database, and
//   loading the server and PGlite's WebAssembly once per worker rather than once per file is
//   most of the suite's time. So module state must never carry a test's data.
// - `tz-utc`, `tz-lima`: the *.tz.test.ts files (calendar dates) under TZ=UTC, as servers run,
//   and TZ=America/Lima, as phones in Peru run; each test fixes the clock itself.
// - `slow`: *.slow.test.ts, long scenarios (minutes) that CI runs (`npm run test:slow`).
// `npm test` runs all but `slow`. The browser suite lives in e2e/ (`npm run test:e2e`).

const TZ_TESTS = 'packages/*/src/**/*.tz.test.{ts,tsx}';
const SLOW_TESTS = 'packages/*/src/**/*.slow.test.{ts,tsx}';
const NOT_HERE = [TZ_TESTS, SLOW_TESTS, '**/node_modules/**'];
const DATABASES = 'packages/server/src/test/global-setup.ts';

// Web test files that may share their worker's modules (project `web-shared`): plain functions
// and source scans only, in Node (no DOM environment, no vi.* fakes or mocks, no globals
// touched, no store written). Each saves a process start (≈ 0.6-1 s of CPU). A file not
// listed runs in a fresh process (`unit`), the safe default. Not i18n/catalog.test.ts: it checks
// which texts the shared i18n instance holds, and other files load feature chunks into it.
const WEB_SHARED = [
  'app/i18n/raw-codes.test.ts',
  'app/icons.test.ts',
  'app/navigation.test.ts',
  'app/roles.test.ts',
  'features/activities/pdf/acta.test.ts',
  'features/activities/ugel-form.test.ts',
  'features/caseloads/flags.test.ts',
  'features/home/day.test.ts',
  'features/imports/report.test.ts',
  'features/instruments/prioritized.test.ts',
  'features/instruments/record-groups.test.ts',
  'features/instruments/renderer/format.test.ts',
  'features/people/pdf/sheet.test.ts',
  'features/plan/diagnosis-model.test.ts',
  'features/plan/model.test.ts',
  'features/plan/plan-model.test.ts',
  'features/plan/targets.test.ts',
  'features/progress/ladder.test.ts',
  'features/progress/model.test.ts',
  'features/progress/reasons.test.ts',
  'features/sync/chip-state.test.ts',
  'features/visits/cycle.test.ts',
  'features/visits/pdf/ficha.test.ts',
  'offline/reference-order.test.ts',
  'ui/constants-guard.test.ts',
  'ui/markup-guard.test.ts',
  'ui/tokens.test.ts',
].map((file) => `packages/web/src/${file}`);

// The web app's React imports resolve to Preact in its tests as in its build
// (packages/web/preact-alias.ts), so the tests run on the engine people get. Libraries that
// import React (wouter, react-i18next, lucide-react) are run through Vite, from their ES
// module builds (the `module` condition: their CommonJS builds would `require` React itself).
// Only for the projects with web tests; the server never imports React.
// Both Vite environments: `client` runs the happy-dom files, `ssr` the others.
const withModule = ['module', 'node', 'development|production'];
const web = {
  resolve: { alias: preactAliases, conditions: withModule },
  ssr: { resolve: { conditions: withModule } },
};
const webDeps = { server: { deps: { inline: usesReact } } };

const timeZone = (name: string, tz: string) => ({
  extends: true as const,
  ...web,
  test: {
    name,
    include: [TZ_TESTS],
    env: { TZ: tz },
    provide: { timeZone: tz },
    ...webDeps,
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
          name: 'core',
          include: ['packages/core/src/**/*.test.ts'],
          exclude: NOT_HERE,
          isolate: false,
        },
      },
      {
        extends: true,
        ...web,
        test: {
          name: 'web-shared',
          include: WEB_SHARED,
          exclude: NOT_HERE,
          isolate: false,
          ...webDeps,
        },
      },
      {
        extends: true,
        ...web,
        test: {
          name: 'unit',
          include: ['packages/web/src/**/*.test.{ts,tsx}'],
          exclude: [...NOT_HERE, ...WEB_SHARED],
          ...webDeps,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          exclude: NOT_HERE,
          globalSetup: [DATABASES],
          isolate: false,
        },
      },
      timeZone('tz-utc', 'UTC'),
      timeZone('tz-lima', 'America/Lima'),
      {
        extends: true,
        test: { name: 'slow', include: [SLOW_TESTS], globalSetup: [DATABASES] },
      },
    ],
  },
});
