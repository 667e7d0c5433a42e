import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'web/src/**/*.test.ts'],
    // Journeys on routes of another branch (the case file, unified queue, reason codes): remove
    // this line once it is merged. See test/web/after-merge/decisions.test.ts.
    exclude: ['test/web/after-merge/**', '**/node_modules/**'],
    // One DynamoDB Local for the whole run (the machine has 2 cores): see test/global-setup.ts.
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
