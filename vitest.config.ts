import { defineConfig } from 'vitest/config';

/**
 * Test tiers (see ARCHITECTURE.md):
 *  - unit:    pure modules, store contract and HTTP tests on the embedded store (`npm test`)
 *  - store:   the store contract and HTTP suites again, on PostgreSQL (`npm run test:pg`)
 *  - shared:  tests that read the real public data in ../shared/data (`npm run test:shared`)
 *  - browser: journeys in Debian's chromium through playwright-core (`npm run test:browser`)
 */
export default defineConfig({
  test: {
    // Two files at a time: most of a file's time is spent waiting on a store, a child process or a socket, so the
    // second core is otherwise idle (measured: the unit project 194 s with one worker, 153 s with two).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/shared/**', 'test/browser/**', 'node_modules/**'],
          // Files share a worker's loaded modules instead of importing the whole app again each (376 s → 194 s):
          // safe because no test mocks modules, and every in-process cache is keyed to its Store.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'store',
          include: ['test/store/**/*.test.ts', 'test/api/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/faults/**/*.test.ts'],
          env: { BULWARK_TEST_STORE: 'postgres' },
          isolate: false,
          globalSetup: ['test/support/pg-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: { name: 'shared', include: ['test/shared/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
