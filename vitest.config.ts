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
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/shared/**', 'test/browser/**', 'node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'store',
          include: ['test/store/**/*.test.ts', 'test/api/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/faults/**/*.test.ts'],
          env: { BULWARK_TEST_STORE: 'postgres' },
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
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
